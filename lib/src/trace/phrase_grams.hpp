// The word runs --top --unit phrase counts: every run of kPhraseWords consecutive folded
// words of a sentence, hashed, with at least kPhraseContentWords content words (a run of
// grammar words, "and that of the ...", is in every speech and says nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sentences/sentence_words.hpp"

namespace r2p::detail {

/// Words per run. Six holds a short formula whole ("terrorism in all its forms and
/// manifestations") and is long enough that a run repeated by many speakers is a formula,
/// not a turn of phrase (measured on the UNGDC: docs/trace-findings.md, "Phrases").
inline constexpr std::size_t kPhraseWords = 6;
/// Content words (not function words) a run needs.
inline constexpr std::size_t kPhraseContentWords = 2;

/// One run of a sentence.
struct PhraseGram {
    std::uint64_t hash = 0;  ///< of its folded words in order; equal runs, equal hashes
    std::size_t word = 0;    ///< its first word's index in the sentence's words
};

/// The hash of words[first, first + count) in order (count >= 1, inside `words`): a run's
/// hash when count is kPhraseWords.
std::uint64_t run_hash(const std::vector<SentenceWord>& words, std::size_t first,
                       std::size_t count);

/// Every counted run of `words`, in word order (none under kPhraseWords words).
std::vector<PhraseGram> phrase_grams(const std::vector<SentenceWord>& words);

}  // namespace r2p::detail
