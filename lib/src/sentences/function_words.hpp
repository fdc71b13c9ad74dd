// English function words: left out of sentence anchors (their shingles are in every sentence).
#pragma once

#include <cstdint>
#include <string_view>

namespace r2p::detail {

/// True for a folded English function word ("of", "the", "and", "its", "has"): articles,
/// pronouns, prepositions, conjunctions, auxiliaries. A short fixed list of grammar words;
/// never a phrase or a sentence of the corpus.
bool is_function_word(std::string_view folded);

/// is_function_word by the word's hash (SentenceWord::hash): what the per-word path uses.
bool is_function_word_hash(std::uint64_t hash);

}  // namespace r2p::detail
