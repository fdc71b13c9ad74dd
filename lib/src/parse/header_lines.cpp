#include "parse/header_lines.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dates.hpp"
#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

constexpr std::size_t kMaxMastheadWords = 12;
constexpr std::size_t kMaxDateOnlyWords = 5;
constexpr std::size_t kMaxBylineWords = 45;
constexpr std::size_t kMaxNameWords = 8;
constexpr std::size_t kMaxPostWords = 20;
constexpr std::size_t kMaxSalutationWords = 14;
// Header lines are short: a longer line is prose, and is not split into words to find out.
constexpr std::size_t kMaxHeaderLineBytes = 600;

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit_ascii(char c) { return c >= '0' && c <= '9'; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        const std::size_t begin = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
        if (i > begin) words.push_back(s.substr(begin, i - begin));
    }
    return words;
}

// "A/73/898", "S/PV.8185", "SG/SM/21345": an organ's capitals, then slash-separated parts of
// letters, digits and dots, at least one digit among them.
bool is_symbol(std::string_view t) {
    while (!t.empty() && (t.back() == ',' || t.back() == ';')) t.remove_suffix(1);
    std::size_t i = 0;
    while (i < t.size() && is_upper_ascii(t[i])) ++i;
    if (i == 0 || i > 6 || i >= t.size() || t[i] != '/') return false;
    bool digit = false;
    for (; i < t.size(); ++i) {
        const char c = t[i];
        if (is_digit_ascii(c)) {
            digit = true;
        } else if (!((c >= 'a' && c <= 'z') || is_upper_ascii(c) || c == '/' || c == '.')) {
            return false;
        }
    }
    return digit && t.back() != '/';
}

// Splits a word at hyphens that join two symbols ("A/73/898-S/2019/463").
void add_symbols(std::string_view word, std::vector<std::string>& symbols, bool& other) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
        if (i < word.size() && word[i] != '-') continue;
        const std::string_view part = word.substr(begin, i - begin);
        if (!is_symbol(part)) {
            // Not a joiner after all: the hyphen belongs to the word ("Seventy-third").
            if (i < word.size()) continue;
            other = true;
            return;
        }
        std::string_view clean = part;
        while (!clean.empty() && (clean.back() == ',' || clean.back() == ';')) {
            clean.remove_suffix(1);
        }
        symbols.emplace_back(clean);
        begin = i + 1;
    }
}

// "Seventy-third", "Sixty-sixth", "First", "96th": an ordinal number word.
bool is_ordinal(std::string_view w) {
    if (w.size() < 3) return false;
    const std::string lower = ascii_lower(w);
    const std::string_view end = std::string_view(lower).substr(lower.size() - 2);
    return end == "th" || end == "st" || end == "nd" || end == "rd";
}

constexpr std::array<std::string_view, 9> kOrgans = {
    "united nations",
    "general assembly",
    "security council",
    "economic and social council",
    "human rights council",
    "general assembly security council",
    "security council general assembly",
    "united nations general assembly",
    "united nations security council",
};

// Lines that open or close a press release or a delivered text, in their usual wording.
constexpr std::array<std::string_view, 8> kNoticePrefixes = {
    "press release",
    "meetings coverage",
    "check against delivery",
    "please check against delivery",
    "for information of the media",
    "embargoed",
    "statement as delivered",
    "unofficial translation",
};

// Line openings that say who gives the statement; the person follows "by".
constexpr std::array<std::string_view, 13> kBylineOpenings = {
    "delivered by ",    "statement by ",       "statement delivered by ",
    "remarks by ",      "opening remarks by ", "closing remarks by ",
    "intervention by ", "address by ",         "keynote address by ",
    "speech by ",       "statement made by ",  "remarks delivered by ",
    "briefing by ",
};

// Words a form of address is made of ("Madam President", "Excellencies", "ladies and
// gentlemen", "thank you"): English address, not a list of roles to tag.
constexpr std::array<std::string_view, 52> kAddressWords = {
    "mr",
    "mrs",
    "ms",
    "madam",
    "madame",
    "mister",
    "sir",
    "president",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "co-chair",
    "co-chairs",
    "excellency",
    "excellencies",
    "your",
    "distinguished",
    "delegates",
    "colleagues",
    "dear",
    "ladies",
    "and",
    "gentlemen",
    "friends",
    "guests",
    "members",
    "of",
    "the",
    "council",
    "assembly",
    "honourable",
    "honorable",
    "ministers",
    "thank",
    "you",
    "very",
    "much",
    "i",
    "all",
    "fellow",
    "participants",
    "panellists",
    "panelists",
    "moderator",
    "vice-president",
    "secretary-general",
    "high",
    "commissioner",
    "representatives",
    "esteemed",
    "again",
};

// At least one of these makes a line of address words an address ("the council" alone is not).
constexpr std::array<std::string_view, 18> kAddressHeads = {
    "secretary-general", "president", "chair",      "chairman",     "chairperson", "chairwoman",
    "co-chair",          "co-chairs", "excellency", "excellencies", "delegates",   "colleagues",
    "gentlemen",         "friends",   "thank",      "moderator",    "sir",         "guests",
};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string_view strip_end_punctuation(std::string_view s) {
    while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ':' ||
                          s.back() == ';' || s.back() == '!' || s.back() == ' ')) {
        s.remove_suffix(1);
    }
    return s;
}

// The first of `cuts` in `s`, or s.size().
std::size_t first_of(std::string_view s, std::initializer_list<std::string_view> cuts) {
    std::size_t at = s.size();
    for (std::string_view cut : cuts) at = std::min(at, s.find(cut));
    return at;
}

// A person's name as bylines print it: a few words, the first capitalised, no digits, and not
// an office ("the Permanent Representative of ...").
bool looks_like_name(std::string_view name) {
    if (name.empty() || !is_upper(code_point_at(name, 0))) return false;
    if (name.find_first_of("0123456789") != std::string_view::npos) return false;
    const std::vector<std::string_view> words = split_words(name);
    if (words.empty() || words.size() > kMaxNameWords) return false;
    std::size_t capitalised = 0;
    for (std::string_view w : words) {
        if (is_upper(code_point_at(w, 0))) ++capitalised;
    }
    return capitalised * 2 > words.size();
}

}  // namespace

std::optional<std::string> symbol_line(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return std::nullopt;
    line = trim(line);
    if (starts_with_ci(line, "united nations ")) line = trim(line.substr(15));
    std::vector<std::string> symbols;
    std::string rest;
    // En and em dashes join symbols as a hyphen does.
    std::string text(line);
    for (std::string_view dash : {"\u2013", "\u2014"}) {
        for (std::size_t at = 0; (at = text.find(dash, at)) != std::string::npos;) {
            text.replace(at, dash.size(), "-");
        }
    }
    for (std::string_view word : split_words(text)) {
        if (word == "-") continue;
        bool not_symbol = false;
        const std::size_t before = symbols.size();
        add_symbols(word, symbols, not_symbol);
        if (not_symbol) {
            symbols.resize(before);
            if (!rest.empty()) rest += ' ';
            rest.append(word);
        }
    }
    if (symbols.empty()) return std::nullopt;
    if (!rest.empty()) {
        // Only a date may stand beside the symbols.
        if (find_date(rest).empty() || split_words(rest).size() > kMaxDateOnlyWords) {
            return std::nullopt;
        }
    }
    std::string joined;
    for (const std::string& s : symbols) {
        if (!joined.empty()) joined += '-';
        joined += s;
    }
    return joined;
}

bool is_masthead_line(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return false;
    line = trim(line);
    if (line.empty()) return false;
    const std::vector<std::string_view> words = split_words(line);
    if (words.size() > kMaxMastheadWords) return false;
    const std::string lower = ascii_lower(strip_end_punctuation(line));
    if (listed(kOrgans, lower)) return true;
    // Two masthead columns read as one line: "General Assembly   Distr.: General".
    for (std::string_view organ : kOrgans) {
        if (lower.size() > organ.size() && lower.starts_with(organ) && lower[organ.size()] == ' ' &&
            is_masthead_line(line.substr(organ.size()))) {
            return true;
        }
    }
    for (std::string_view prefix : kNoticePrefixes) {
        if (lower.starts_with(prefix)) return true;
    }
    // A delegation's letterhead: "Permanent Mission of the Republic of Palau to the United
    // Nations", "Permanent Mission of Kenya".
    if ((lower.starts_with("permanent mission of ") || lower.starts_with("mission permanente ") ||
         lower.starts_with("delegation of ")) &&
        !ends_with_any(line, ".,;:")) {
        return true;
    }
    if (lower.starts_with("distr.") || lower.starts_with("distr:") ||
        lower.starts_with("original:") || lower.starts_with("original :")) {
        return true;
    }
    // "Agenda item 14", "Agenda items 14 and 123", "Item 3 of the provisional agenda".
    if (lower.starts_with("agenda item") || lower.starts_with("provisional agenda item") ||
        (lower.starts_with("item") && lower.find("agenda") != std::string::npos &&
         words.size() > 1 && is_digit_ascii(words[1][0]))) {
        return !ends_with_any(line, ".");
    }
    // "Seventy-third session", "Seventy-fourth year", "8185th meeting", "Sixty-sixth session,
    // 95th & 96th Meetings (AM & PM)".
    if (words.size() >= 2 && is_ordinal(words[0])) {
        const std::string second = ascii_lower(strip_end_punctuation(words[1]));
        if (second == "session" || second == "year" || second == "meeting" || second == "plenary") {
            return !ends_with_any(line, ".");
        }
    }
    // A date alone: "10 June 2019", "27 June 2022".
    const std::string_view bare = strip_end_punctuation(line);
    if (words.size() <= kMaxDateOnlyWords && !bare.empty() && is_digit_ascii(bare.back()) &&
        !find_date(line).empty()) {
        std::size_t letters = 0;
        for (std::string_view w : words) {
            if (is_upper(code_point_at(w, 0)) || is_digit_ascii(w[0])) ++letters;
        }
        return letters == words.size();
    }
    return false;
}

bool is_report_anchor(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return false;
    line = trim(line);
    if (ends_with_any(line, ".,;:!?")) return false;
    if (split_words(line).size() > kMaxMastheadWords) return false;
    const std::string lower = ascii_lower(line);
    return lower.starts_with("report of the ") || lower.starts_with("note by the ") ||
           lower.starts_with("report by the ");
}

std::optional<Byline> byline(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return std::nullopt;
    const std::string plain = strip_emphasis(line);
    line = trim(plain);
    if (split_words(line).size() > kMaxBylineWords || ends_with_any(line, "?!;")) {
        return std::nullopt;
    }
    const std::string lower = ascii_lower(line);
    Byline b;
    // A group's statement: "Joint statement on behalf of ...", "Statement on behalf of ...".
    if (lower.starts_with("joint statement") || lower.starts_with("statement on behalf of ") ||
        lower.starts_with("statement delivered on behalf of ")) {
        return b;
    }
    std::size_t after = std::string::npos;
    for (std::string_view opening : kBylineOpenings) {
        if (lower.starts_with(opening)) {
            after = opening.size();
            break;
        }
    }
    if (after == std::string::npos) return std::nullopt;
    std::string_view rest = strip_end_punctuation(trim(line.substr(after)));
    // The person, then their post after a comma; where and for whom they speak is neither.
    const std::string_view occasion_cuts[] = {
        " on behalf of ", ", on behalf of ", " at the ",     ", at the ",
        " during the ",   ", during the ",   " before the ", " on the occasion of "};
    std::size_t name_end = first_of(rest, {","});
    for (std::string_view cut : occasion_cuts) name_end = std::min(name_end, rest.find(cut));
    const std::string_view name = trim(rest.substr(0, name_end));
    if (!looks_like_name(name)) return b;
    b.speaker = collapse_spaces(name);
    if (name_end < rest.size() && rest[name_end] == ',') {
        std::string_view post = trim(rest.substr(name_end + 1));
        std::size_t post_end = post.size();
        for (std::string_view cut : occasion_cuts) post_end = std::min(post_end, post.find(cut));
        post = trim(post.substr(0, post_end));
        if (split_words(post).size() <= kMaxPostWords) b.post = collapse_spaces(post);
    }
    return b;
}

bool is_post_line(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return false;
    const std::string plain = strip_emphasis(line);
    line = trim(plain);
    if (line.empty() || !is_upper(code_point_at(line, 0))) return false;
    if (ends_with_any(line, ".!?;:") || !find_date(line).empty()) return false;
    const std::vector<std::string_view> words = split_words(line);
    return words.size() <= kMaxPostWords;
}

bool is_release_end_line(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return false;
    const std::string plain = strip_emphasis(line);
    const std::string lower = ascii_lower(trim(plain));
    // Only marks: "* *** *", "###", "-- 30 --" aside, "- END -" once its word is set aside.
    std::string word;
    for (char c : lower) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word += c;
    }
    if (word.empty() && !lower.empty()) return true;
    if (word == "end" || word == "ends") return true;
    static constexpr std::array<std::string_view, 6> kEndings = {
        "for information media", "not an official record", "media contact",
        "press contact",         "for media enquiries",    "for media inquiries",
    };
    for (std::string_view ending : kEndings) {
        if (lower.starts_with(ending)) return split_words(lower).size() <= kMaxSalutationWords;
    }
    return false;
}

bool is_salutation(std::string_view line) {
    if (line.size() > kMaxHeaderLineBytes) return false;
    const std::string plain = strip_emphasis(line);
    line = trim(plain);
    if (line.empty()) return false;
    // An address ends the line with a comma, a full stop or nothing; never runs on.
    const std::vector<std::string_view> words = split_words(line);
    if (words.size() > kMaxSalutationWords) return false;
    bool head = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view raw = words[i];
        std::string w;
        for (char c : raw) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-') {
                w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            } else if (c != ',' && c != '.' && c != '!' && c != ':' && c != ';') {
                return false;  // a digit, a quote mark, a bracket: not an address
            }
        }
        if (w.empty()) continue;
        if (!listed(kAddressWords, w)) return false;
        if (i == 0 && (w == "the" || w == "of" || w == "and")) {
            return false;  // "The President of the Council": a name of an office, not an address
        }
        if (listed(kAddressHeads, w)) head = true;
    }
    return head;
}

}  // namespace r2p::detail
