// How alike two sentences are, and where they differ (docs/interface.md, "Sentence
// similarity").
#pragma once

#include <cstdint>
#include <span>

#include "r2p/search_result.hpp"
#include "sentences/passage_sentences.hpp"

namespace r2p::detail {

/// How much of the asked sentence `found` repeats, in [0, 1]: the content bigrams (word
/// pairs with a content word, PassageSentence::content_pairs) they share, divided by the
/// asked sentence's count when `found` has as many or more, else by found's own count but
/// never by less than half the asked one's:
///     |A∩F| / clamp(|F|, |A|/2, |A|)
/// 1 for the same sentence, for the asked one quoted whole inside a longer sentence, and for
/// a clause of up to half of it dropped; lower by about 2/n for each changed word of n
/// bigrams. The floor keeps a short sentence sharing a stock phrase or two ("the
/// responsibility to protect") low against a long asked sentence, where the plain overlap
/// coefficient (dividing by the smaller set) scored it 0.6 and more. Bigrams of function
/// words only ("of the") are left out: every sentence has them. Sentences without such
/// bigrams compare as equal words (1) or not (0); an empty one is 0.
double sentence_similarity(const PassageSentence& asked, const PassageSentence& found);

/// How many hashes two sorted sets of bigram hashes (content_pairs) share: what
/// sentence_similarity divides. For callers that keep only the hashes
/// (r2p-trace --top holds every sentence of the corpus in memory).
std::size_t shared_pair_count(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

/// `found` compared with `asked`: similarity, verbatim (asked's folded words, all of them in
/// their order and nothing between, alone or inside a longer sentence), found's range, the
/// differing words of `found` (those in no bigram `asked` has; runs of them joined into one range)
/// and the missing words of `asked` (likewise, folded). SentenceMatch::asked is left 0.
SentenceMatch match_sentence(const PassageSentence& asked, const PassageSentence& found);

}  // namespace r2p::detail
