// The forms below were counted over the UN General Debate Corpus (1946-2024): short lines
// with digits replaced by 9, sorted by frequency. Each form covers what occurs there:
//   99 | 9 | 999                            page numbers
//   99-99999 [99] | 99 99-99999             UN job numbers with the page number
//   99/99 99-99999 | 99-99999 9/99          ... with the day/month of the meeting
//   99/99/9999 A/99/PV.99 | A/PV.9999       symbol of the verbatim record and its date
//   99 General Assembly - Forty-eighth session
//   Forty-eighth session - 9 October l999 99    (OCR reads 1 as l)
//   Fiftieth session 99 October 9999 | General Assembly 99st plenary meeting
//   (spoke in French)                       interpreter's note
// An interpreter's note says which language the speaker used; it is the record's, not the
// speaker's words, so it is dropped like the page number.
#include "parse/page_furniture.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dates.hpp"
#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

// A running head is short; longer lines are text, whatever they look like.
constexpr std::size_t kMaxFurnitureBytes = 80;
constexpr std::size_t kMaxPageNumberDigits = 3;

// English number words, to read "Forty-eighth session" (grammar, not domain vocabulary).
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 27> kOrdinals = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",  "thirtieth",
    "fortieth",  "fiftieth",  "sixtieth",    "seventieth", "eightieth",  "ninetieth",
};

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& list, std::string_view word) {
    for (std::string_view w : list) {
        if (w == word) return true;
    }
    return false;
}

bool all_digits(std::string_view s, std::size_t min, std::size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// "08-53141": two digits, a hyphen, four to six digits.
bool is_job_number(std::string_view s) {
    const std::size_t dash = s.find('-');
    return dash == 2 && all_digits(s.substr(0, 2), 2, 2) && all_digits(s.substr(3), 4, 6);
}

// "25/09" or "25/09/2008".
bool is_slash_date(std::string_view s) {
    std::size_t parts = 0;
    std::size_t begin = 0;
    while (begin <= s.size()) {
        std::size_t end = s.find('/', begin);
        if (end == std::string_view::npos) end = s.size();
        const std::string_view part = s.substr(begin, end - begin);
        const bool year = parts == 2 && all_digits(part, 4, 4);
        if (!year && !all_digits(part, 1, 2)) return false;
        ++parts;
        begin = end + 1;
    }
    return parts == 2 || parts == 3;
}

// "A/63/PV.5", "A/PV.1234": the symbol of a General Assembly verbatim record.
bool is_record_symbol(std::string_view s) {
    if (s.substr(0, 2) != "A/") return false;
    const std::size_t pv = s.find("PV.");
    if (pv == std::string_view::npos) return false;
    const std::string_view session = s.substr(2, pv - 2);
    if (!session.empty() &&
        !(session.back() == '/' && all_digits(session.substr(0, session.size() - 1), 1, 3))) {
        return false;
    }
    return all_digits(s.substr(pv + 3), 1, 5);
}

// A token that only a page carries: page number, job number, date, record symbol.
bool is_page_token(std::string_view t) {
    return all_digits(t, 1, kMaxPageNumberDigits) || is_job_number(t) || is_slash_date(t) ||
           is_record_symbol(t);
}

// "Forty-eighth", "Fiftieth", "Sixty-third".
bool is_ordinal_word(std::string_view word) {
    const std::string w = ascii_lower(word);
    const std::size_t dash = w.find('-');
    if (dash == std::string::npos) return is_one_of(kOrdinals, w);
    return is_one_of(kTens, std::string_view(w).substr(0, dash)) &&
           is_one_of(kOrdinals, std::string_view(w).substr(dash + 1));
}

// "51st", "52nd", "3rd", "49th".
bool is_numbered_ordinal(std::string_view t) {
    if (t.size() < 3) return false;
    const std::string_view suffix = t.substr(t.size() - 2);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return false;
    return all_digits(t.substr(0, t.size() - 2), 1, 4);
}

// A year as OCR read it: "1999" or "l999".
bool is_year(std::string_view t) {
    if (t.size() != 4) return false;
    for (char c : t) {
        if ((c < '0' || c > '9') && c != 'l' && c != 'I' && c != 'O') return false;
    }
    return true;
}

std::vector<std::string_view> tokens_of(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t begin = 0;
    while (begin < line.size()) {
        while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t')) ++begin;
        std::size_t end = begin;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
        if (end > begin) out.push_back(line.substr(begin, end - begin));
        begin = end;
    }
    return out;
}

// Matches the words of a running head between its page tokens. `isolated_only` tells that
// the words alone ("General Assembly", "Sixty-third session") could be a line of text too.
bool running_head_words(const std::vector<std::string_view>& w, bool& isolated_only) {
    isolated_only = false;
    std::size_t i = 0;
    bool assembly = false;
    if (w.size() >= 2 && w[0] == "General" && w[1] == "Assembly") {
        assembly = true;
        i = 2;
        if (i == w.size()) {
            isolated_only = true;
            return true;
        }
        // "General Assembly 51st plenary meeting", "General Assembly 52nd meeting"
        if (is_numbered_ordinal(w[i])) {
            ++i;
            if (i < w.size() && w[i] == "plenary") ++i;
            return i + 1 == w.size() && w[i] == "meeting";
        }
        if (w[i] != "-" && w[i] != "\u2013" && w[i] != "\u2014") return false;
        ++i;
    }
    if (i + 2 > w.size() || !is_ordinal_word(w[i]) || w[i + 1] != "session") return false;
    i += 2;
    if (i == w.size()) {
        isolated_only = !assembly;
        return true;
    }
    if (assembly) return false;
    // "Forty-eighth session - 9 October l999", "Fiftieth session 12 October 1995"
    if (w[i] == "-" || w[i] == "\u2013" || w[i] == "\u2014") ++i;
    return i + 3 == w.size() && all_digits(w[i], 1, 2) && is_month_name(ascii_lower(w[i + 1])) &&
           is_year(w[i + 2]);
}

}  // namespace

Furniture page_furniture(std::string_view line) {
    if (line.empty() || line.size() > kMaxFurnitureBytes) return Furniture::kNone;
    if (line.substr(0, 10) == "(spoke in ") {
        return line.back() == ')' ? Furniture::kAlways : Furniture::kNoteOpens;
    }
    std::vector<std::string_view> words = tokens_of(line);
    std::size_t page_tokens = 0;
    while (!words.empty() && is_page_token(words.front())) {
        words.erase(words.begin());
        ++page_tokens;
    }
    while (!words.empty() && is_page_token(words.back())) {
        words.pop_back();
        ++page_tokens;
    }
    if (words.empty()) return page_tokens > 0 ? Furniture::kAlways : Furniture::kNone;
    bool isolated_only = false;
    if (!running_head_words(words, isolated_only)) return Furniture::kNone;
    return isolated_only && page_tokens == 0 ? Furniture::kIfIsolated : Furniture::kAlways;
}

std::string without_inline_furniture(std::string_view text) {
    std::string out;
    std::size_t done = 0;  // bytes of `text` copied to `out` or dropped
    std::size_t at = 0;
    while ((at = text.find('-', at)) != std::string_view::npos) {
        // The token around this hyphen.
        std::size_t begin = text.rfind(' ', at);
        begin = begin == std::string_view::npos ? 0 : begin + 1;
        std::size_t end = text.find(' ', at);
        if (end == std::string_view::npos) end = text.size();
        if (begin < done || !is_job_number(text.substr(begin, end - begin))) {
            at = end;
            continue;
        }
        // Widen over page numbers and page dates on either side.
        while (begin > done + 1) {
            std::size_t prev = text.rfind(' ', begin - 2);
            prev = prev == std::string_view::npos ? 0 : prev + 1;
            if (prev < done || !is_page_token(text.substr(prev, begin - 1 - prev))) break;
            begin = prev;
        }
        while (end < text.size()) {
            std::size_t next = text.find(' ', end + 1);
            if (next == std::string_view::npos) next = text.size();
            if (!is_page_token(text.substr(end + 1, next - end - 1))) break;
            end = next;
        }
        out.append(text.substr(done, begin - done));
        done = end < text.size() ? end + 1 : end;
        at = done;
    }
    if (done == 0) return std::string(text);
    out.append(text.substr(done));
    return out;
}

bool closes_note(std::string_view line) {
    return !line.empty() && line.size() <= kMaxFurnitureBytes && line.back() == ')' &&
           line.find('(') == std::string_view::npos;
}

}  // namespace r2p::detail
