// Repeated phrases from the runs of every sentence of the corpus (phrase_grams): each run's
// uses grouped and counted as a family of sentences is (use_counts), the runs used by two
// speakers or more ranked by the same score, then merged greedily into maximal phrases:
// the best run grows over the adjacent runs of its first use's sentence that are ranked too
// and used by a similar number of speakers; those runs are then taken.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "sentences/passage_sentences.hpp"
#include "trace/corpus_pass.hpp"
#include "trace/use_counts.hpp"

namespace r2p {

/// A run's use: 16 bytes, one per distinct run of each passage of the corpus.
struct PhraseRecord {
    std::uint64_t gram = 0;
    std::uint32_t passage = 0;  ///< index into CorpusFacts::passages
};

/// An adjacent run joins a phrase when its speakers in the period are at least this share of
/// the phrase's best run's (and the best run's at least this share of its).
inline constexpr double kSimilarSpeakers = 0.5;

/// A phrase ranked.
struct RankedPhrase {
    std::uint32_t passage = 0;  ///< its first use (index into CorpusFacts::passages)
    std::size_t sentence = 0;   ///< which of that passage's sentences (0-based)
    std::size_t begin = 0;      ///< byte offsets of the phrase in the passage's text
    std::size_t end = 0;
    UseCounts counts;          ///< its best run's
    std::size_t verbatim = 0;  ///< passages of the period holding the whole phrase
};

/// The passage's sentences (passage_sentences of its text), for the first uses.
using SentencesOf = std::function<std::vector<detail::PassageSentence>(std::uint32_t passage)>;

/// The `top` best phrases, best first (score, then speakers). Sorts `records`.
std::vector<RankedPhrase> rank_phrases(std::vector<PhraseRecord>& records,
                                       const CorpusFacts& corpus, const SentencesOf& sentences_of,
                                       std::size_t top);

}  // namespace r2p
