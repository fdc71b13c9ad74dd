// Text helpers for the parse module: UTF-8 stepping, letter classes, spacing and word shapes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/ascii_case.hpp"  // ascii_lower, used with these helpers throughout parse

namespace r2p::detail {

/// Decodes the code point starting at byte `pos` of `s` and moves `pos` past it. A malformed
/// sequence yields U+FFFD and advances at least one byte, so loops always make progress.
/// Precondition: pos < s.size().
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// The code point ending just before byte `pos` (0 when pos is 0); does not move anything.
char32_t code_point_before(std::string_view s, std::size_t pos);

/// The code point starting at byte `pos` (0 when pos is at or past the end).
char32_t code_point_at(std::string_view s, std::size_t pos);

/// Any Unicode white space, including tab, no-break and thin spaces.
bool is_space(char32_t c);
/// Characters that take no room and carry nothing for search (zero-width space, BOM, soft
/// hyphen): dropped when text is normalised.
bool is_invisible(char32_t c);
bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
bool is_alnum(char32_t c);
/// Any of the quotation marks the parser knows: " “ ” „ ‟ « » ‹ › ‘ ’ and '.
bool is_quote_mark(char32_t c);

/// Runs of white space become one ASCII space, invisible characters go, ends are trimmed.
std::string collapse_spaces(std::string_view s);

/// `s` without leading and trailing white space (Unicode spaces included).
std::string_view trim(std::string_view s);

/// Removes markdown strong/underline emphasis (`**`, `__`) anywhere, and a single `*` or `_`
/// that wraps the whole of `s`.
std::string strip_emphasis(std::string_view s);

/// Whether `s`, once trailing closing quotes and brackets are set aside, ends with one of
/// `marks` (ASCII punctuation characters).
bool ends_with_any(std::string_view s, std::string_view marks);

/// Whether the first letter-or-digit of `s` is a lower-case letter (skipping opening marks).
bool starts_lower(std::string_view s);

/// The shape of a short line's words, for telling titles and headings from prose.
struct WordShape {
    std::size_t words = 0;         ///< space-separated tokens holding a letter or digit
    std::size_t capitalized = 0;   ///< words whose first letter is upper case
    std::size_t lower = 0;         ///< words whose first letter is lower case
    std::size_t long_lower = 0;    ///< lower-case words of six letters or more
    std::size_t number_words = 0;  ///< words of digits only (punctuation aside)
    std::size_t upper_letters = 0;
    std::size_t lower_letters = 0;
    bool first_capitalized = false;  ///< the first word starts upper case or with a digit
    bool truncated = false;          ///< stopped after `max_words` words
};

/// Counts words of `s`, looking at no more than `max_words` + 1 of them (so a megabyte line
/// costs no more than a short one).
WordShape word_shape(std::string_view s, std::size_t max_words);

/// Title Case as headings and names of concepts are written: the first word capitalised, at
/// least half of the words capitalised, and no long lower-case word ("Key Themes of the
/// Discussion", "Responsibility while Protecting"; not "We will act now").
bool is_title_case(const WordShape& shape);

/// Every letter upper case, at least two of them ("KEY THEMES", "PREVENTION").
bool is_all_caps(const WordShape& shape);

}  // namespace r2p::detail
