// find_date: the first calendar date written in English or ISO form in a piece of text.
#include "parse/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace r2p {
namespace {

// Month names and the abbreviations statements use ("Sept." as well as "Sep."). This is
// knowledge of English date writing, not domain vocabulary, so it lives here.
struct MonthName {
    std::string_view name;
    int month;
    bool abbreviation;
};
constexpr std::array<MonthName, 24> kMonthNames = {{
    {"january", 1, false},  {"february", 2, false},  {"march", 3, false},
    {"april", 4, false},    {"may", 5, false},       {"june", 6, false},
    {"july", 7, false},     {"august", 8, false},    {"september", 9, false},
    {"october", 10, false}, {"november", 11, false}, {"december", 12, false},
    {"jan", 1, true},       {"feb", 2, true},        {"mar", 3, true},
    {"apr", 4, true},       {"jun", 6, true},        {"jul", 7, true},
    {"aug", 8, true},       {"sep", 9, true},        {"sept", 9, true},
    {"oct", 10, true},      {"nov", 11, true},       {"dec", 12, true},
}};

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;

enum class TokenKind { Word, Number };

// A run of ASCII letters or digits. A number may carry an ordinal suffix ("28th").
struct Token {
    TokenKind kind;
    std::size_t begin;
    std::size_t end;
    std::string lower;  // letters lower-cased; digits of a number without its suffix
    bool ordinal = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            Token t{TokenKind::Number, i, i, {}};
            while (i < text.size() && is_digit(text[i])) t.lower += text[i++];
            std::size_t j = i;
            std::string suffix;
            while (j < text.size() && is_letter(text[j])) suffix += to_lower(text[j++]);
            if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
                t.ordinal = true;
                i = j;
            } else if (!suffix.empty()) {
                i = j;  // "3D", "A4": not a number we can use; keep it out of dates
                t.kind = TokenKind::Word;
                t.lower += suffix;
            }
            t.end = i;
            tokens.push_back(std::move(t));
        } else if (is_letter(text[i])) {
            Token t{TokenKind::Word, i, i, {}};
            while (i < text.size() && (is_letter(text[i]) || is_digit(text[i]))) {
                t.lower += to_lower(text[i++]);
            }
            t.end = i;
            tokens.push_back(std::move(t));
        } else {
            ++i;
        }
    }
    return tokens;
}

std::optional<MonthName> month_of(const Token& t) {
    if (t.kind != TokenKind::Word) return std::nullopt;
    for (const MonthName& m : kMonthNames) {
        if (m.name == t.lower) return m;
    }
    return std::nullopt;
}

// What may stand between the parts of one date: spaces (also no-break and thin spaces), one
// line break of hard-wrapped text, one comma, and a full stop only after an abbreviation
// ("Sept. 2012"). Anything else (a blank line, a colon, a bracket) ends the date.
bool joins(std::string_view gap, bool allow_period) {
    int commas = 0;
    int newlines = 0;
    int periods = 0;
    for (std::size_t i = 0; i < gap.size(); ++i) {
        const char c = gap[i];
        if (c == ' ' || c == '\t') continue;
        if (c == '\n') {
            if (++newlines > 1) return false;
        } else if (c == ',') {
            if (++commas > 1) return false;
        } else if (c == '.') {
            if (!allow_period || i != 0 || ++periods > 1) return false;
        } else if (gap.substr(i, 2) == "\xC2\xA0") {  // U+00A0 no-break space
            ++i;
        } else if (gap.substr(i, 3) == "\xE2\x80\x89" || gap.substr(i, 3) == "\xE2\x80\xAF") {
            i += 2;  // U+2009 thin space, U+202F narrow no-break space
        } else {
            return false;
        }
    }
    return true;
}

// "-", "–" (en dash) or either with spaces around it, as in "27-28 September".
bool is_range_dash(std::string_view gap) {
    const std::size_t first = gap.find_first_not_of(' ');
    const std::size_t last = gap.find_last_not_of(' ');
    if (first == std::string_view::npos) return false;
    const std::string_view dash = gap.substr(first, last - first + 1);
    return dash == "-" || dash == "\xE2\x80\x93";
}

std::optional<int> number_of(const Token& t, std::size_t min_digits, std::size_t max_digits) {
    if (t.kind != TokenKind::Number || t.lower.size() < min_digits || t.lower.size() > max_digits) {
        return std::nullopt;
    }
    return std::stoi(t.lower);
}

std::optional<int> year_of(const Token& t) {
    if (t.ordinal) return std::nullopt;
    const auto year = number_of(t, 4, 4);
    if (!year || *year < kMinYear || *year > kMaxYear) return std::nullopt;
    return year;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A match: the date (empty when it names an impossible day) and the token after it.
struct Match {
    std::string date;
    std::size_t next;
};

std::string format_day(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return {};
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

class DateScanner {
  public:
    explicit DateScanner(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

    std::string first_date() const {
        for (std::size_t i = 0; i < tokens_.size();) {
            if (const auto m = match_at(i)) {
                if (!m->date.empty()) return m->date;
                i = m->next;  // an impossible date: skip all of it, not just its day
            } else {
                ++i;
            }
        }
        return {};
    }

  private:
    const Token* token(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

    // Whether tokens i and i+1 belong to one date; `after_abbreviation` allows "Sept. 2012".
    bool joined(std::size_t i, bool allow_period = false) const {
        if (i + 1 >= tokens_.size()) return false;
        return joins(text_.substr(tokens_[i].end, tokens_[i + 1].begin - tokens_[i].end),
                     allow_period);
    }

    std::optional<Match> match_at(std::size_t i) const {
        if (auto m = iso_at(i)) return m;
        if (auto m = day_month_year_at(i)) return m;
        return month_first_at(i);
    }

    // 2012-09-28 (also 2012/09/28); the digits must not run on.
    std::optional<Match> iso_at(std::size_t i) const {
        const Token& y = tokens_[i];
        const auto year = year_of(y);
        if (!year || !token(i + 2)) return std::nullopt;
        const Token& m = tokens_[i + 1];
        const Token& d = tokens_[i + 2];
        const char sep = y.end < text_.size() ? text_[y.end] : '\0';
        if (sep != '-' && sep != '/') return std::nullopt;
        if (m.begin != y.end + 1 || d.begin != m.end + 1 || text_[m.end] != sep) {
            return std::nullopt;
        }
        const auto month = number_of(m, 1, 2);
        const auto day = number_of(d, 1, 2);
        if (!month || !day || m.ordinal || d.ordinal) return std::nullopt;
        if (d.end < text_.size() && (is_digit(text_[d.end]) || text_[d.end] == sep)) {
            return std::nullopt;
        }
        return Match{format_day(*year, *month, *day), i + 3};
    }

    // The index of the month token after a day at i: "28 September", "28th of September",
    // "27-28 September" (a range: its first day is the date).
    std::optional<std::size_t> month_after_day(std::size_t i) const {
        std::size_t j = i + 1;
        const Token* next = token(j);
        if (next && next->kind == TokenKind::Number && number_of(*next, 1, 2) &&
            is_range_dash(text_.substr(tokens_[i].end, next->begin - tokens_[i].end))) {
            ++j;  // range "27-28" or "27 – 28": skip the second day
        }
        if (!joined(j - 1)) return std::nullopt;
        if (token(j) && tokens_[j].lower == "of") {
            if (!joined(j)) return std::nullopt;
            ++j;
        }
        if (!token(j) || !month_of(tokens_[j])) return std::nullopt;
        return j;
    }

    std::optional<Match> day_month_year_at(std::size_t i) const {
        const auto day = number_of(tokens_[i], 1, 2);
        if (!day) return std::nullopt;
        const auto j = month_after_day(i);
        if (!j) return std::nullopt;
        const MonthName month = *month_of(tokens_[*j]);
        if (!joined(*j, month.abbreviation) || !year_of(tokens_[*j + 1])) return std::nullopt;
        return Match{format_day(*year_of(tokens_[*j + 1]), month.month, *day), *j + 2};
    }

    // "September 28, 2012", "Sept. 28th 2012", or "September 2012" (a month only).
    std::optional<Match> month_first_at(std::size_t i) const {
        const auto month = month_of(tokens_[i]);
        if (!month || !joined(i, month->abbreviation)) return std::nullopt;
        const Token& next = tokens_[i + 1];
        if (const auto year = year_of(next)) {
            return Match{std::to_string(*year) + "-" + two_digits(month->month), i + 2};
        }
        const auto day = number_of(next, 1, 2);
        if (!day || !joined(i + 1) || !year_of(tokens_[i + 2])) return std::nullopt;
        return Match{format_day(*year_of(tokens_[i + 2]), month->month, *day), i + 3};
    }

    std::string_view text_;
    std::vector<Token> tokens_;
};

}  // namespace

bool is_month_name(std::string_view lower_word) {
    return std::any_of(kMonthNames.begin(), kMonthNames.end(),
                       [&](const MonthName& m) { return !m.abbreviation && m.name == lower_word; });
}

std::string find_date(std::string_view text) { return DateScanner(text).first_date(); }

bool is_calendar_date(std::string_view date) {
    if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
    for (std::size_t i = 0; i < date.size(); ++i) {
        const bool dash = i == 4 || i == 7;
        const bool digit = date[i] >= '0' && date[i] <= '9';
        if (dash ? date[i] != '-' : !digit) return false;
    }
    if (date.size() == 4) return true;
    const int year = std::stoi(std::string(date.substr(0, 4)));
    const int month = std::stoi(std::string(date.substr(5, 2)));
    if (month < 1 || month > 12) return false;
    if (date.size() == 7) return true;
    const int day = std::stoi(std::string(date.substr(8, 2)));
    return day >= 1 && day <= days_in_month(year, month);
}

}  // namespace r2p
