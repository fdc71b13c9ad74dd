// Word boundaries in original (unfolded) text, shared by the highlighter, the speller and the
// sentence signatures.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// A word of a UTF-8 text as byte offsets [begin, end).
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// The words of `utf8` roughly as Xapian's TermGenerator sees them: runs of Unicode letters,
/// digits and marks, with an apostrophe (' or ’) kept when it stands between two word
/// characters ("community’s" is one word). Invalid bytes separate words.
std::vector<WordSpan> find_words(std::string_view utf8);

}  // namespace r2p::detail
