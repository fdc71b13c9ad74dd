#include "parse/paragraph_numbers.hpp"

#include <array>

namespace r2p::detail {
namespace {

constexpr std::size_t kMaxDigits = 3;
constexpr std::size_t kMaxRomanLetters = 5;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_gap(char c) { return c == ' ' || c == '\t'; }

// " bis", " ter", " quater": a paragraph inserted after another keeps its number so.
std::size_t latin_suffix(std::string_view s) {
    static constexpr std::array<std::string_view, 4> kSuffixes = {" bis", " ter", " quater",
                                                                  " quinquies"};
    for (std::string_view suffix : kSuffixes) {
        if (s.substr(0, suffix.size()) == suffix) return suffix.size();
    }
    return 0;
}

}  // namespace

std::optional<ParagraphNumber> paragraph_number(std::string_view line) {
    std::size_t i = 0;
    const bool paren = !line.empty() && line[0] == '(';
    if (paren) ++i;
    const std::size_t begin = i;
    while (i < line.size() && i - begin < kMaxDigits + 1 && is_digit(line[i])) ++i;
    if (i - begin > kMaxDigits) return std::nullopt;
    if (i > begin) {
        i += latin_suffix(line.substr(i));
    } else if (paren) {
        // "(a)" or "(iv)": a letter, or lower-case Roman numerals.
        while (i < line.size() && i - begin < kMaxRomanLetters &&
               (line[i] == 'i' || line[i] == 'v' || line[i] == 'x')) {
            ++i;
        }
        if (i == begin && i < line.size() && line[i] >= 'a' && line[i] <= 'z') ++i;
    } else if (i < line.size() && line[i] >= 'a' && line[i] <= 'z') {
        ++i;  // "a)"
        if (i >= line.size() || line[i] != ')') return std::nullopt;
    }
    if (i == begin || i >= line.size()) return std::nullopt;
    const char close = line[i];
    if (paren ? close != ')' : (close != '.' && close != ')')) return std::nullopt;
    const std::size_t marker_end = i + 1;
    std::size_t text = marker_end;
    while (text < line.size() && is_gap(line[text])) ++text;
    if (text == marker_end || text >= line.size()) return std::nullopt;
    ParagraphNumber number;
    number.label = std::string(line.substr(0, paren ? marker_end : i));
    number.length = text;
    return number;
}

}  // namespace r2p::detail
