// The query set of a real corpus: words drawn by frequency class from its own vocabulary,
// its frequent bigrams, and the phrases users type.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "bench/corpus_vocabulary.hpp"
#include "bench/real_query_data.hpp"
#include "bench/testkit/bench_query.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// Frequency classes by rank in CorpusVocabulary::words (most passages first).
inline constexpr std::size_t kFrequentRanks = 100;  ///< frequent-term: ranks [0, 100)
inline constexpr std::size_t kMidRanks = 2000;      ///< mid-term and friends: [100, 2000)
inline constexpr std::size_t kCommonRanks = 400;    ///< and, or, wildcard: [0, 400)
inline constexpr std::size_t kRareMinPassages = 5;  ///< rare-term: in 5 to 50 passages
inline constexpr std::size_t kRareMaxPassages = 50;
inline constexpr std::size_t kPhraseBigrams = 200;  ///< phrase: the 200 commonest bigrams

/// `per_class` queries of every class of real_corpus_query_classes(), class by class,
/// drawn deterministically from `vocabulary` (same vocabulary and seed, same set).
/// user-phrase cycles through `data.user_phrases` in file order. A band the corpus is too
/// small to fill is replaced by the nearest words it has (a tiny corpus still gets every
/// class). Theme filters draw themes weighted by the passages carrying them, or from
/// `taxonomy` when no passage carries one. Throws CorpusError when `vocabulary` holds no word.
std::vector<BenchQuery> real_query_set(const CorpusVocabulary& vocabulary,
                                       const RealQueryData& data, const Taxonomy& taxonomy,
                                       std::size_t per_class, std::uint64_t seed);

}  // namespace r2p::bench
