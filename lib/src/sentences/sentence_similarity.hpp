// How alike two sentences are, and where they differ (docs/interface.md, "Sentence
// similarity").
#pragma once

#include <cstdint>
#include <span>

#include "r2p/search_result.hpp"
#include "sentences/passage_sentences.hpp"

namespace r2p::detail {

/// The overlap coefficient of the two sentences' sets of word bigrams with a content word
/// (PassageSentence::content_pairs), |A∩B| / min(|A|,|B|), in [0, 1]: 1 for the same
/// sentence, for a clause dropped, and for one sentence quoted whole inside the other;
/// lower by about 2/n for each changed word of n bigrams. Bigrams of function words only
/// ("of the") are left out: every sentence has them. Sentences without such bigrams
/// compare as equal words (1) or not (0); an empty one is 0.
double sentence_similarity(const PassageSentence& asked, const PassageSentence& found);

/// The overlap coefficient of two sorted sets of bigram hashes (content_pairs), as
/// sentence_similarity compares sentences of two words or more: for callers that keep only
/// the hashes (r2p-trace --top holds every sentence of the corpus in memory).
double pair_overlap(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

/// `found` compared with `asked`: similarity, verbatim (same folded words in the same
/// order), found's range, the differing words of `found` (those in no bigram `asked` has;
/// runs of them joined into one range) and the missing words of `asked` (likewise, folded).
/// SentenceMatch::asked is left 0.
SentenceMatch match_sentence(const PassageSentence& asked, const PassageSentence& found);

}  // namespace r2p::detail
