#include "text/word_spans.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace r2p::detail {

namespace {

bool is_word_char(UChar32 c) {
    if (c < 0) return false;
    // ASCII without ICU: most text is ASCII, and u_isalnum gives the same answer there.
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (u_isalnum(c)) return true;
    // Combining marks belong to the letter before them (decomposed accents).
    return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_apostrophe(UChar32 c) { return c == 0x27 || c == 0x2019; }

}  // namespace

std::vector<WordSpan> find_words(std::string_view utf8) {
    std::vector<WordSpan> words;
    const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::int32_t i = 0;
    bool in_word = false;
    WordSpan current;
    while (i < length) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (is_word_char(c)) {
            if (!in_word) {
                in_word = true;
                current.begin = static_cast<std::size_t>(start);
            }
            current.end = static_cast<std::size_t>(i);
            continue;
        }
        if (in_word && is_apostrophe(c) && i < length) {
            // Keep the apostrophe only when a word character follows it.
            std::int32_t j = i;
            UChar32 next;
            U8_NEXT(s, j, length, next);
            if (is_word_char(next)) {
                current.end = static_cast<std::size_t>(j);
                i = j;
                continue;
            }
        }
        if (in_word) {
            words.push_back(current);
            in_word = false;
        }
    }
    if (in_word) words.push_back(current);
    return words;
}

}  // namespace r2p::detail
