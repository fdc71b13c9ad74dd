// Text helpers for the parse module.
#include "parse/parse_text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace r2p::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_closing_mark(char32_t c) {
    return c == U'"' || c == U'\'' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' ||
           c == U'\u203A' || c == U')' || c == U']' || c == U'*' || c == U'_';
}

bool is_opening_mark(char32_t c) {
    return c == U'"' || c == U'\'' || c == U'\u201C' || c == U'\u201E' || c == U'\u2018' ||
           c == U'\u00AB' || c == U'\u2039' || c == U'(' || c == U'[' || c == U'*' || c == U'_';
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<int32_t>(s.size() > INT32_MAX ? INT32_MAX : s.size());
    auto i = static_cast<int32_t>(pos);
    if (i >= length) {  // beyond what ICU can index: step a byte at a time
        ++pos;
        return kReplacement;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    pos = static_cast<std::size_t>(i);
    return c < 0 ? kReplacement : static_cast<char32_t>(c);
}

char32_t code_point_before(std::string_view s, std::size_t pos) {
    if (pos == 0 || pos > s.size()) return 0;
    std::size_t start = pos - 1;
    // Walk back over at most three continuation bytes to the lead byte.
    for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80;
         ++k) {
        --start;
    }
    std::size_t p = start;
    const char32_t c = next_code_point(s, p);
    return p == pos ? c : kReplacement;
}

char32_t code_point_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return 0;
    return next_code_point(s, pos);
}

bool is_space(char32_t c) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v') {
        return true;
    }
    if (c < 0x80) return false;
    return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0 || c == U'\u00A0' || c == U'\u2007' ||
           c == U'\u202F';
}

bool is_invisible(char32_t c) {
    return c == U'\u200B' || c == U'\u200C' || c == U'\u200D' || c == U'\u2060' || c == U'\uFEFF' ||
           c == U'\u00AD';
}

bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return u_isalpha(static_cast<UChar32>(c)) != 0;
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= U'A' && c <= U'Z';
    return u_isupper(static_cast<UChar32>(c)) != 0 || u_istitle(static_cast<UChar32>(c)) != 0;
}

bool is_lower(char32_t c) {
    if (c < 0x80) return c >= U'a' && c <= U'z';
    return u_islower(static_cast<UChar32>(c)) != 0;
}

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= U'0' && c <= U'9';
    return u_isdigit(static_cast<UChar32>(c)) != 0;
}

bool is_alnum(char32_t c) { return is_letter(c) || is_digit(c); }

bool is_quote_mark(char32_t c) {
    switch (c) {
        case U'"':
        case U'\'':
        case U'\u201C':
        case U'\u201D':
        case U'\u201E':
        case U'\u201F':
        case U'\u00AB':
        case U'\u00BB':
        case U'\u2039':
        case U'\u203A':
        case U'\u2018':
        case U'\u2019':
            return true;
        default:
            return false;
    }
}

std::string collapse_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const unsigned char byte = static_cast<unsigned char>(s[pos]);
        if (byte < 0x80) {  // ASCII fast path: most statement text
            ++pos;
            if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' ||
                byte == '\v') {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out += ' ';
            pending_space = false;
            out += static_cast<char>(byte);
            continue;
        }
        const std::size_t start = pos;
        const char32_t c = next_code_point(s, pos);
        if (is_invisible(c)) continue;
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(s.substr(start, pos - start));
    }
    return out;
}

std::string_view trim(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t p = begin;
        const char32_t c = next_code_point(s, p);
        if (!is_space(c) && !is_invisible(c)) break;
        begin = p;
    }
    std::size_t end = s.size();
    while (end > begin) {
        const char32_t c = code_point_before(s, end);
        if (!is_space(c) && !is_invisible(c)) break;
        std::size_t back = end - 1;
        while (back > begin && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
        end = back;
    }
    return s.substr(begin, end - begin);
}

std::string strip_emphasis(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 1 < s.size() && (s[i] == '*' || s[i] == '_') && s[i + 1] == s[i]) {
            ++i;  // drop the pair
            continue;
        }
        out += s[i];
    }
    const std::string_view trimmed = trim(out);
    if (trimmed.size() >= 3 && (trimmed.front() == '*' || trimmed.front() == '_') &&
        trimmed.back() == trimmed.front() && trimmed[1] != ' ' &&
        trimmed[trimmed.size() - 2] != ' ') {
        return std::string(trimmed.substr(1, trimmed.size() - 2));
    }
    return std::string(trimmed);
}

bool ends_with_any(std::string_view s, std::string_view marks) {
    std::size_t end = s.size();
    while (end > 0) {
        const char32_t c = code_point_before(s, end);
        if (is_space(c)) {
            --end;
            continue;
        }
        if (!is_closing_mark(c)) break;
        std::size_t back = end - 1;
        while (back > 0 && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
        end = back;
    }
    return end > 0 && marks.find(s[end - 1]) != std::string_view::npos;
}

bool starts_lower(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t c = next_code_point(s, pos);
        if (is_alnum(c)) return is_lower(c);
        if (!is_space(c) && !is_opening_mark(c)) return false;
    }
    return false;
}

WordShape word_shape(std::string_view s, std::size_t max_words) {
    WordShape shape;
    std::size_t pos = 0;
    while (pos < s.size()) {
        // One word: up to the next space.
        bool has_alnum = false;
        bool first_letter_seen = false;
        bool only_digits = true;
        std::size_t letters = 0;
        bool starts_upper = false;
        bool starts_lower_case = false;
        bool starts_digit = false;
        while (pos < s.size()) {
            const char32_t c = next_code_point(s, pos);
            if (is_space(c)) break;
            if (is_letter(c)) {
                ++letters;
                only_digits = false;
                if (is_upper(c)) ++shape.upper_letters;
                if (is_lower(c)) ++shape.lower_letters;
                if (!first_letter_seen && !has_alnum) {
                    starts_upper = is_upper(c);
                    starts_lower_case = is_lower(c);
                }
                first_letter_seen = true;
                has_alnum = true;
            } else if (is_digit(c)) {
                if (!has_alnum) starts_digit = true;
                has_alnum = true;
            }
        }
        if (!has_alnum) continue;
        if (shape.words == max_words) {
            shape.truncated = true;
            break;
        }
        if (shape.words == 0) shape.first_capitalized = starts_upper || starts_digit;
        ++shape.words;
        if (only_digits) ++shape.number_words;
        if (starts_upper) ++shape.capitalized;
        if (starts_lower_case) {
            ++shape.lower;
            if (letters >= 6) ++shape.long_lower;
        }
    }
    return shape;
}

bool is_title_case(const WordShape& shape) {
    if (shape.words == 0 || !shape.first_capitalized || shape.long_lower > 0) return false;
    return shape.capitalized * 2 >= shape.words - shape.number_words;
}

bool is_all_caps(const WordShape& shape) {
    return shape.upper_letters >= 2 && shape.lower_letters == 0;
}

}  // namespace r2p::detail
