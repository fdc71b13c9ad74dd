// The words of a sentence as similarity and signatures compare them: folded, hashed, with
// their place in the original text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// One word of a sentence.
struct SentenceWord {
    std::size_t begin = 0;  ///< byte offsets [begin, end) in the text the sentence is from
    std::size_t end = 0;
    std::string folded;          ///< text/unicode.hpp's fold ("Janša" -> "jansa")
    std::uint64_t hash = 0;      ///< FNV-1a of `folded`, stable across builds
    bool function_word = false;  ///< sentences/function_words.hpp
};

/// The words of text[begin, end) (find_words' boundaries, as the highlighter's), offsets
/// relative to `text`. `text` must be valid UTF-8.
std::vector<SentenceWord> sentence_words(std::string_view text, std::size_t begin, std::size_t end);

/// The hash of the word pair (first, second), order-sensitive and well mixed in every bit
/// (signatures rank by it and bucket by its low bits).
std::uint64_t word_pair_hash(std::uint64_t first, std::uint64_t second);

}  // namespace r2p::detail
