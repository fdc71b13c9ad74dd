// parse_document: statement text -> title, date, section headings and body paragraphs.
//
// The text is read in three passes, each linear in its size:
//  1. lines -> units: the file's line layout (line_layout.hpp) says where paragraphs start
//     (blank lines, a leading space, one a line, or ragged right) and which lines are page
//     furniture; units are split further at markdown headings and list items, so each unit
//     is one candidate paragraph or heading;
//  2. the first unit's leading lines are the title; following short, unpunctuated units
//     (subtitle, dateline) form the header; then each unit is a heading or a body paragraph;
//  3. body paragraphs that a blank line broke mid-sentence are joined back, and each gets
//     its run-in heading and quotes.
#include "parse/parse_document.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dates.hpp"
#include "parse/header_lines.hpp"
#include "parse/hyphenation.hpp"
#include "parse/line_layout.hpp"
#include "parse/markdown_blocks.hpp"
#include "parse/markdown_inline.hpp"
#include "parse/page_furniture.hpp"
#include "parse/paragraph_numbers.hpp"
#include "parse/parse_text.hpp"
#include "parse/quotes.hpp"

namespace r2p {
namespace {

using detail::ends_with_any;
using detail::is_all_caps;
using detail::is_title_case;
using detail::trim;
using detail::word_shape;

constexpr std::size_t kMaxHeadingWords = 12;
constexpr std::size_t kMaxMarkdownHeadingWords = 25;
constexpr std::size_t kMaxTitleLineWords = 25;
constexpr std::size_t kMaxTitleWords = 40;
constexpr std::size_t kMaxTitleLineBytes = 300;
constexpr std::size_t kMaxTitleLines = 6;
constexpr std::size_t kMaxHeaderWords = 30;
constexpr std::size_t kMaxHeaderLines = 3;
constexpr std::size_t kMaxRunInWords = 6;
constexpr std::size_t kMaxBoldRunInWords = 10;
constexpr std::size_t kMaxDatelineWords = 8;
constexpr std::size_t kDatelineSearchUnits = 10;
constexpr std::size_t kMaxDatelineLeadBytes = 100;
constexpr std::size_t kMaxEnumeratedHeadingWords = 20;
// How far down a report's masthead the line under its title ("Report of the
// Secretary-General") is looked for.
constexpr std::size_t kReportAnchorUnits = 10;
constexpr std::size_t kMaxBylineLines = 4;
constexpr std::size_t kMinDeckWords = 8;

// Words that make a short first sentence an ordinary sentence ("We agree.", "This is key.")
// rather than a run-in heading ("Ending impunity."): pronouns, determiners and finite verbs.
// English grammar, not domain vocabulary.
constexpr std::array<std::string_view, 48> kSentenceWords = {
    "i",     "we",     "he",    "she",  "they",  "it",  "you",   "me",    "us",   "him",
    "them",  "our",    "my",    "your", "their", "his", "her",   "its",   "this", "that",
    "these", "those",  "there", "is",   "are",   "was", "were",  "be",    "been", "am",
    "has",   "have",   "had",   "said", "says",  "say", "will",  "would", "can",  "could",
    "must",  "should", "shall", "may",  "might", "do",  "thank", "let",
};

// Abbreviations whose full stop does not end a sentence ("Mr. President").
constexpr std::array<std::string_view, 24> kAbbreviations = {
    "mr", "mrs", "ms",  "dr", "prof", "st",  "no",  "nos", "vol", "art", "para", "sr",
    "jr", "gen", "col", "lt", "amb",  "hon", "rev", "fig", "etc", "vs",  "cf",   "rt",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

struct Line {
    std::string text;  // trimmed, list and quote-block markers removed
    std::size_t number = 0;
};

// A candidate paragraph or heading.
struct Unit {
    std::vector<Line> lines;
    bool forced_heading = false;  // markdown "## ..." or a setext underline
    bool bullet = false;          // a list item or numbered paragraph
    bool symbol_bullet = false;   // a list item marked "- ", "• " (never a heading)
    bool quote_block = false;     // lines marked "> ": a block quotation
    std::string label;            // the printed number of a numbered paragraph ("12", "(a)")
    bool starts_block = false;    // a blank line (or the start) comes before it
    bool ends_block = false;      // a blank line (or the end) comes after it
};

bool is_rule(std::string_view s) {
    // "---", "***", "* * *", "===", "___": decoration, not text.
    if (s.size() < 3) return false;
    char mark = 0;
    for (char c : s) {
        if (c == ' ') continue;
        if (c != '-' && c != '*' && c != '_' && c != '=') return false;
        if (mark != 0 && c != mark) return false;
        mark = c;
    }
    return mark != 0;
}

// "## Heading ##" -> "Heading"; nullopt when `s` is not a markdown heading.
std::optional<std::string> markdown_heading(std::string_view s) {
    std::size_t hashes = 0;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6) return std::nullopt;
    if (hashes < s.size() && s[hashes] != ' ' && s[hashes] != '\t') return std::nullopt;
    std::string_view rest = trim(s.substr(hashes));
    while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);
    return std::string(trim(rest));
}

// A list marker at the start of a line: "- ", "• ", "1. ", "(a) ". A bare symbol carries
// nothing and is dropped; a number becomes the paragraph's label.
struct ListMarker {
    bool found = false;
    bool symbol = false;
    std::size_t length = 0;  // bytes to drop from the line
    std::string label;       // numbers only
};

ListMarker list_marker(std::string_view s) {
    static constexpr std::array<std::string_view, 8> kSymbols = {
        "- ", "* ", "+ ", "\u2022 ", "\u2013 ", "\u2014 ", "\u00B7 ", "\u25AA ",
    };
    for (std::string_view sym : kSymbols) {
        if (s.substr(0, sym.size()) == sym && s.size() > sym.size())
            return {true, true, sym.size(), {}};
    }
    if (auto number = detail::paragraph_number(s)) {
        return {true, false, number->length, std::move(number->label)};
    }
    return {};
}

// "41.<TAB>it is true that ..." after a line that stops mid-sentence: a scanned record's
// paragraph number set down where a page broke the sentence, not a new paragraph. A number
// opening lower-case text after a line that ends a sentence or a clause ("Sweden will:",
// "...;") does number an item.
bool misplaced_number(const ListMarker& marker, std::string_view line, std::string_view previous) {
    const bool numeric =
        !marker.label.empty() && (detail::is_digit(static_cast<unsigned char>(marker.label[0])) ||
                                  (marker.label.size() > 1 && marker.label[0] == '(' &&
                                   detail::is_digit(static_cast<unsigned char>(marker.label[1]))));
    return numeric && !previous.empty() && !ends_with_any(previous, ".!?:;") &&
           detail::starts_lower(line.substr(marker.length));
}

// Joins the next line of one paragraph: one space, except after a hyphen that ends a line
// after a letter, where `hyphens` decides between "inter-" + "national" -> "international",
// "Secretary-" + "General" -> "Secretary-General" and "pre-" + "and" -> "pre- and".
void append_line(std::string& acc, std::string_view next, detail::LineEndHyphens& hyphens) {
    if (acc.empty()) {
        acc.assign(next);
        return;
    }
    if (acc.back() == '-' && acc.size() >= 2) {
        const char32_t before = detail::code_point_before(acc, acc.size() - 1);
        if (detail::is_letter(before)) {
            const std::size_t space = acc.rfind(' ');
            const std::string_view left =
                std::string_view(acc).substr(space == std::string::npos ? 0 : space + 1);
            const std::string_view right = next.substr(0, next.find(' '));
            switch (hyphens.decide(left, right)) {
                case detail::HyphenJoin::kDropHyphen:
                    acc.pop_back();
                    break;
                case detail::HyphenJoin::kKeepHyphen:
                    break;
                case detail::HyphenJoin::kKeepHyphenAndSpace:
                    acc += ' ';
                    break;
            }
            acc.append(next);
            return;
        }
    }
    acc += ' ';
    acc.append(next);
}

std::string unit_text(const Unit& u, detail::LineEndHyphens& hyphens) {
    std::string acc;
    for (const Line& l : u.lines) append_line(acc, l.text, hyphens);
    return detail::rejoin_split_words(
        detail::collapse_spaces(detail::without_inline_furniture(acc)), hyphens);
}

// Pass 1: lines -> units. Blank lines and page furniture carry no text; where a paragraph
// starts is the layout's call.
std::vector<Unit> split_units(const detail::LineLayout& layout) {
    std::vector<Unit> units;
    std::string_view last_text;  // the text line before, for telling misplaced numbers
    std::optional<Unit> current;
    bool after_blank = true;
    auto flush = [&](bool block_ends) {
        if (current) {
            current->ends_block = block_ends;
            units.push_back(std::move(*current));
            current.reset();
        }
    };
    for (const detail::LayoutLine& line : layout.lines) {
        if (line.kind != detail::LineKind::kText) continue;
        std::string_view raw = line.text;
        const std::size_t line_number = line.number;
        if (line.starts_paragraph) {
            flush(true);
            after_blank = true;
        }

        // A quoted block ("> text") is a paragraph of its own, apart from the lines around it.
        bool quoted = false;
        while (!raw.empty() && raw[0] == '>') {
            raw = trim(raw.substr(1));
            quoted = true;
        }
        if (current && current->quote_block != quoted) {
            flush(true);
            after_blank = true;
        }

        if (raw.empty()) {
            flush(true);
            after_blank = true;
            continue;
        }
        if (is_rule(raw)) {
            // A setext underline makes the single line above it a heading; otherwise a rule
            // only separates.
            if (current && current->lines.size() == 1 && !current->bullet &&
                (raw[0] == '=' || raw[0] == '-')) {
                current->forced_heading = true;
            }
            flush(true);
            after_blank = true;
            continue;
        }
        if (auto heading = markdown_heading(raw)) {
            flush(false);
            if (!heading->empty()) {
                Unit u;
                u.lines.push_back(Line{std::move(*heading), line_number});
                u.forced_heading = true;
                u.starts_block = true;
                u.ends_block = true;
                units.push_back(std::move(u));
            }
            after_blank = true;  // what follows a heading starts afresh
            continue;
        }
        ListMarker marker = list_marker(raw);
        if (marker.found && !marker.symbol && misplaced_number(marker, raw, last_text)) {
            marker = ListMarker{};
        }
        const bool item = marker.found;
        last_text = raw;
        if (item) {
            flush(false);
            raw = trim(raw.substr(marker.length));
        }
        if (!current) {
            current = Unit{};
            current->bullet = item;
            current->symbol_bullet = marker.symbol;
            current->label = marker.label;
            current->quote_block = quoted;
            current->starts_block = after_blank || quoted;
        }
        current->lines.push_back(Line{std::string(raw), line_number});
        after_blank = false;
    }
    flush(true);
    return units;
}

bool opens_bold(std::string_view s) { return s.substr(0, 2) == "**" || s.substr(0, 2) == "__"; }

// A first block of a few short lines none of which ends as prose does is all title, lower-case
// continuations included ("Statement by Ambassador X / Permanent Representative of Y / on
// behalf of the Group of Friends").
bool whole_unit_is_title(const Unit& u) {
    if (u.lines.size() > kMaxTitleLines) return false;
    std::size_t total = 0;
    for (const Line& l : u.lines) {
        const detail::WordShape shape = word_shape(l.text, kMaxTitleLineWords);
        if (shape.truncated || l.text.size() > kMaxTitleLineBytes) return false;
        if (ends_with_any(l.text, ".,;!")) return false;
        total += shape.words;
    }
    return total <= kMaxTitleWords;
}

// Pass 2a: how many leading lines of the first unit make the title.
std::size_t title_line_count(const Unit& u) {
    if (u.bullet || u.quote_block) return 0;
    if (u.forced_heading) return 1;
    const std::string_view first = u.lines[0].text;
    if (opens_bold(first)) {
        // The title is everything up to the line that closes the bold.
        const std::string_view marker = first.substr(0, 2);
        for (std::size_t i = 0; i < u.lines.size(); ++i) {
            const std::string_view l = u.lines[i].text;
            const std::size_t from = i == 0 ? 2 : 0;
            if (l.find(marker, from) != std::string_view::npos) return i + 1;
        }
    }
    const detail::WordShape shape0 = word_shape(first, kMaxTitleLineWords);
    if (shape0.truncated || shape0.words == 0 || first.size() > kMaxTitleLineBytes) return 0;
    const bool titled0 = is_title_case(shape0) || is_all_caps(shape0);
    if (ends_with_any(first, ".,;")) return 0;  // titles are not sentences; prose starts here
    // A hard-wrapped paragraph with no title: its first line runs on in lower case.
    if (u.lines.size() > 1 && !titled0 && detail::starts_lower(u.lines[1].text)) return 0;
    if (whole_unit_is_title(u)) return u.lines.size();
    // A first line that runs on in lower case opens a sentence, however it is capitalised:
    // "At the" / "outset, ...", or a drop capital "I" / "would like to ...".
    if (u.lines.size() > 1 && detail::starts_lower(u.lines[1].text)) return 0;
    std::size_t count = 1;
    std::size_t total = shape0.words;
    while (count < u.lines.size()) {
        const std::string_view prev = u.lines[count - 1].text;
        const std::string_view l = u.lines[count].text;
        if (ends_with_any(prev, ".!?")) break;
        const detail::WordShape shape = word_shape(l, kMaxTitleLineWords);
        if (shape.truncated || !(is_title_case(shape) || is_all_caps(shape))) break;
        total += shape.words;
        if (total > kMaxTitleWords) break;
        ++count;
    }
    return count;
}

// Strips markdown marks from a title or heading and trims a trailing colon.
std::string clean_heading(std::string_view s) {
    std::string out = detail::strip_inline_markdown(detail::collapse_spaces(s));
    while (!out.empty() && out.front() == '#') out.erase(0, 1);
    std::string_view t = trim(out);
    if (!t.empty() && t.back() == ':') t.remove_suffix(1);
    return std::string(trim(t));
}

// "1. ", "II. ", "A. " at the start of a numbered heading.
std::size_t enumerator_length(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && i < 6 &&
           ((s[i] >= '0' && s[i] <= '9') || s[i] == 'I' || s[i] == 'V' || s[i] == 'X' ||
            (i == 0 && s[i] >= 'A' && s[i] <= 'Z'))) {
        ++i;
    }
    if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
        return i + 2;
    }
    return 0;
}

// "II. Lessons learned for prevention", "III. THE WAY FORWARD", "A. Early warning and
// assessment": a report numbers its sections with capital Roman numerals and its
// sub-sections with capital letters, so such a line heads a section whatever its case.
bool is_enumerated_heading(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && i < 6 &&
           std::string_view("IVXLC").find(text[i]) != std::string_view::npos) {
        ++i;
    }
    if (i == 0 && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') i = 1;
    if (i == 0 || i + 2 >= text.size() || (text[i] != '.' && text[i] != ')') ||
        text[i + 1] != ' ') {
        return false;
    }
    const std::string_view body = trim(text.substr(i + 2));
    if (body.empty() || !(detail::is_upper(detail::code_point_at(body, 0)) ||
                          detail::is_digit(detail::code_point_at(body, 0)))) {
        return false;
    }
    const detail::WordShape shape = word_shape(body, kMaxEnumeratedHeadingWords);
    return !shape.truncated && shape.words > 0;
}

bool is_heading(const Unit& u, std::string_view text, bool in_header) {
    if (u.forced_heading) {
        const detail::WordShape shape = word_shape(text, kMaxMarkdownHeadingWords);
        return shape.words > 0 && !shape.truncated;
    }
    if (u.symbol_bullet || u.quote_block) return false;
    if (u.lines.size() != 1 || !u.starts_block || !u.ends_block) return false;
    if (ends_with_any(text, ".,;!?")) return false;
    if (detail::symbol_line(text)) return false;  // "GA/12519" heads nothing
    const std::string_view body = text.substr(enumerator_length(text));
    if (body.find(". ") != std::string_view::npos) return false;  // "Mr. President"
    if (u.label.empty() && is_enumerated_heading(text)) return true;
    // A table row ("115; 28; 21", "Year; Contribution") heads nothing.
    if (body.find("; ") != std::string_view::npos) return false;
    const detail::WordShape shape = word_shape(body, kMaxHeadingWords);
    if (shape.truncated || shape.words == 0 || shape.number_words == shape.words) return false;
    if (!is_title_case(shape) && !is_all_caps(shape)) return false;
    // Before the first heading, a line with a comma or a date is a subtitle or dateline:
    // "5th Annual R2P Ministerial Meeting, New York, 28 September 2012".
    if (in_header && (body.find(',') != std::string_view::npos || !find_date(body).empty())) {
        return false;
    }
    return true;
}

bool has_word(std::string_view text, std::string_view word) {
    std::size_t at = 0;
    while ((at = text.find(word, at)) != std::string_view::npos) {
        const bool left = at == 0 || text[at - 1] == ' ';
        const std::size_t end = at + word.size();
        const bool right = end == text.size() || text[end] == ' ';
        if (left && right) return true;
        at = end;
    }
    return false;
}

// A subtitle, dateline or "Check against delivery" between the title and the body: short
// and not punctuated as prose. A speaker line ("Statement by H.E. ...") stays a paragraph so
// that the words naming the speaker are searchable and taggable.
bool is_header_line(const Unit& u, std::string_view text) {
    if (u.bullet || u.quote_block || u.lines.size() > kMaxHeaderLines) return false;
    if (detail::symbol_line(text) || detail::is_masthead_line(text) ||
        detail::is_report_anchor(text)) {
        return true;
    }
    // A line that ends a sentence with more lines after it is prose run into the next line.
    for (std::size_t i = 0; i + 1 < u.lines.size(); ++i) {
        if (ends_with_any(u.lines[i].text, ".!?")) return false;
    }
    const detail::WordShape shape = word_shape(text, kMaxHeaderWords);
    if (shape.truncated || shape.words == 0) return false;
    if (has_word(text, "by") || detail::starts_lower(text)) return false;
    if (!ends_with_any(text, ".,;:!?")) return true;
    return shape.words <= 8 && !find_date(text).empty();  // "New York, 28 September 2012."
}

// A body paragraph before run-in headings and quotes are worked out.
struct Draft {
    std::string text;  // markdown emphasis still in
    std::size_t line = 0;
    std::string section;
    std::size_t unit = 0;
    bool bullet = false;
    bool starts_block = false;
    bool ends_block = false;
    bool quote_block = false;
    std::string label;
};

bool only_letters_word(std::string_view w, std::string& out) {
    out.clear();
    for (char c : w) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
    }
    return !out.empty();
}

// Whether any word of `text` is one of kSentenceWords: the mark of a clause, not a name.
// "I", "II", "IV": a Roman numeral when it follows a word ("Pillar I"), not the pronoun.
bool is_roman_numeral(std::string_view word) {
    while (!word.empty() && (word.back() == '.' || word.back() == ':')) word.remove_suffix(1);
    return !word.empty() && word.find_first_not_of("IVX") == std::string_view::npos;
}

bool has_sentence_word(std::string_view text) {
    std::string word;
    std::size_t begin = 0;
    bool first = true;
    while (begin <= text.size()) {
        std::size_t end = text.find(' ', begin);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(begin, end - begin);
        if (only_letters_word(raw, word) && contains(kSentenceWords, word) &&
            (first || !is_roman_numeral(raw))) {
            return true;
        }
        first = false;
        begin = end + 1;
    }
    return false;
}

// True when `text` opens with a capital letter, after any quote marks: a new sentence.
bool starts_sentence(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = detail::next_code_point(text, pos);
        if (!detail::is_quote_mark(c)) return detail::is_upper(c);
    }
    return false;
}

// "Ending impunity. Several speakers ..." -> "Ending impunity": a first sentence of a few
// words, with no comma, quote, number, pronoun or finite verb, followed by a capital.
std::string plain_run_in(std::string_view text) {
    const std::size_t limit = std::min<std::size_t>(text.size(), 160);
    const std::size_t stop = text.substr(0, limit).find(". ");
    if (stop == std::string_view::npos || stop == 0) return {};
    const std::string_view candidate = text.substr(0, stop);
    if (!detail::is_upper(detail::code_point_at(candidate, 0))) return {};
    if (candidate.find_first_of(",;:()[]\".") != std::string_view::npos) return {};
    std::size_t pos = 0;
    while (pos < candidate.size()) {
        if (detail::is_quote_mark(detail::next_code_point(candidate, pos))) return {};
    }
    const detail::WordShape shape = word_shape(candidate, kMaxRunInWords);
    if (shape.truncated || shape.words == 0 || shape.number_words > 0) return {};
    if (has_sentence_word(candidate)) return {};
    std::string last;
    const std::size_t space = candidate.rfind(' ');
    const std::string_view last_raw =
        candidate.substr(space == std::string_view::npos ? 0 : space + 1);
    only_letters_word(last_raw, last);
    const bool numeral = space != std::string_view::npos && is_roman_numeral(last_raw);
    if ((last.size() < 2 && !numeral) || contains(kAbbreviations, last)) return {};
    // What follows must start a new sentence.
    if (!starts_sentence(text.substr(stop + 2))) return {};
    return std::string(candidate);
}

// "**Ending impunity.** Several ..." -> "Ending impunity", when bold opens the paragraph.
std::string bold_run_in(std::string_view text) {
    if (!opens_bold(text)) return {};
    const std::string_view marker = text.substr(0, 2);
    const std::size_t close = text.find(marker, 2);
    if (close == std::string_view::npos || close > 200) return {};
    std::string_view inner = trim(text.substr(2, close - 2));
    while (!inner.empty() && (inner.back() == '.' || inner.back() == ':')) inner.remove_suffix(1);
    inner = trim(inner);
    const detail::WordShape shape = word_shape(inner, kMaxBoldRunInWords);
    if (shape.truncated || shape.words == 0) return {};
    std::string_view rest = text.substr(close + 2);
    while (!rest.empty() && (rest[0] == '.' || rest[0] == ':' || rest[0] == ' ')) {
        rest.remove_prefix(1);
    }
    if (!starts_sentence(rest)) return {};
    return detail::collapse_spaces(inner);
}

Paragraph finish_paragraph(const Draft& d) {
    Paragraph p;
    p.line = d.line;
    p.section = d.section;
    p.label = d.label;
    p.text = detail::collapse_spaces(detail::strip_inline_markdown(d.text));
    if (d.quote_block) {
        // The block is the quotation, whoever the paragraph before says gives it.
        Quote q;
        q.begin = 0;
        q.end = p.text.size();
        q.text = p.text;
        q.speech = true;
        q.block = true;
        p.quotes.push_back(std::move(q));
        return p;
    }
    p.run_in_heading = bold_run_in(d.text);
    if (p.run_in_heading.empty()) p.run_in_heading = plain_run_in(p.text);
    p.quotes = find_quotes(p.text);
    return p;
}

// Lower-cased ASCII words of `s` (other bytes kept as they are), for a rough comparison.
std::vector<std::string> rough_words(std::string_view s) {
    std::vector<std::string> words;
    std::string w;
    for (char c : detail::ascii_lower(s)) {
        const bool part = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          (static_cast<unsigned char>(c) >= 0x80);
        if (part) {
            w += c;
        } else if (!w.empty()) {
            words.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    return words;
}

// Whether at least half of the words of `candidate` occur in `title`.
bool shares_most_words(std::string_view candidate, std::string_view title) {
    const std::vector<std::string> mine = rough_words(candidate);
    std::vector<std::string> theirs = rough_words(title);
    std::sort(theirs.begin(), theirs.end());
    std::size_t shared = 0;
    for (const std::string& w : mine) {
        if (std::binary_search(theirs.begin(), theirs.end(), w)) ++shared;
    }
    return !mine.empty() && shared * 2 >= mine.size();
}

std::string dateline_lead_date(std::string_view lead);

// A dateline: a short line of its own that is mostly a place and a date ("Geneva, 14 March
// 2019"), or such a lead before the dash that opens a press release's first sentence
// ("GENEVA (11 March 2015) - The Council ..."), as opposed to a sentence that mentions a date
// ("in 1946 we signed ...").
std::string dateline_date(const Unit& u, std::string_view text) {
    if (u.bullet || detail::starts_lower(text)) return {};
    std::string_view lead = text;
    if (u.lines.size() != 1 || word_shape(text, kMaxDatelineWords).truncated) {
        const std::string_view head = text.substr(0, kMaxDatelineLeadBytes);
        std::size_t dash = std::string_view::npos;
        for (std::string_view mark : {"\u2013", "\u2014", " - "}) {
            dash = std::min(dash, head.find(mark));
        }
        if (dash == std::string_view::npos) return {};
        lead = text.substr(0, dash);
    }
    return dateline_lead_date(lead);
}

// The date of a dateline's lead ("Geneva, 14 March 2019", "GENEVA (11 March 2015)"): a few
// words that are no sentence, holding a date; empty otherwise.
std::string dateline_lead_date(std::string_view lead) {
    const detail::WordShape shape = word_shape(lead, kMaxDatelineWords);
    if (shape.truncated || shape.words == 0) return {};
    // A pronoun or finite verb makes it a sentence; the month "May" is neither.
    std::string words(lead);
    for (std::size_t at = 0; (at = words.find("May", at)) != std::string::npos; at += 3) {
        words.replace(at, 3, "   ");
    }
    if (has_sentence_word(words)) return {};
    return find_date(lead);
}

// A short line that is a place and a date and nothing else ("New York, 27 June 2022").
// It ends with the date ("..., 27 June 2022" or "... 2022."), not with a clause after it.
bool is_dateline(std::string_view line) {
    std::string_view t = trim(line);
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    if (t.empty() || t.back() < '0' || t.back() > '9') return false;
    return !detail::starts_lower(t) && !dateline_lead_date(t).empty();
}

// Fills the statement's speaker from a byline, unless a sidecar or collection named one.
void take_byline(const detail::Byline& b, DocumentMeta& meta) {
    if (!meta.speaker.empty() || b.speaker.empty()) return;
    meta.speaker = b.speaker;
    if (meta.speaker_post.empty()) meta.speaker_post = b.post;
}

// How many lines from `first` of `u` a byline takes ("Statement by H.E. Ambassador X" /
// "Permanent Representative of Y" / "on behalf of the Group of Friends"), filling the speaker;
// 0 when line `first` is no byline.
std::size_t byline_lines(const Unit& u, std::size_t first, DocumentMeta& meta) {
    if (u.bullet || u.quote_block || first >= u.lines.size()) return 0;
    const std::optional<detail::Byline> b = detail::byline(u.lines[first].text);
    if (!b) return 0;
    detail::Byline found = *b;
    std::size_t n = 1;
    if (found.post.empty() && !found.speaker.empty() && first + n < u.lines.size() &&
        detail::is_post_line(u.lines[first + n].text)) {
        found.post =
            detail::collapse_spaces(detail::strip_inline_markdown(u.lines[first + n].text));
        ++n;
    }
    // Lower-case lines go on with the byline ("on behalf of the Group of Friends").
    while (first + n < u.lines.size() && n < kMaxBylineLines &&
           detail::starts_lower(u.lines[first + n].text)) {
        ++n;
    }
    take_byline(found, meta);
    return n;
}

// Masthead lines above the title (a report's symbol block, organ, "Distr.: General", date,
// "Original: English", session and agenda lines; a press release's date and symbol) are
// header: taken off the front of `units` into `header`, the symbol into meta. Returns whether
// the last of them is an agenda item line, whose item's name follows.
bool take_masthead(std::vector<Unit>& units, DocumentMeta& meta, std::string& header) {
    bool agenda_last = false;
    std::size_t whole_units = 0;
    for (; whole_units < units.size(); ++whole_units) {
        Unit& u = units[whole_units];
        if (u.bullet || u.quote_block || u.forced_heading) break;
        std::size_t k = 0;
        for (; k < u.lines.size(); ++k) {
            const std::string line = detail::strip_inline_markdown(u.lines[k].text);
            if (auto symbol = detail::symbol_line(line)) {
                if (meta.symbol.empty()) meta.symbol = *symbol;
            } else if (!detail::is_masthead_line(line) && !is_dateline(line)) {
                break;
            }
            header += line;
            header += '\n';
            agenda_last = detail::ascii_lower(line).find("agenda") != std::string::npos;
        }
        if (k < u.lines.size()) {
            if (k > 0) {
                u.lines.erase(u.lines.begin(), u.lines.begin() + static_cast<std::ptrdiff_t>(k));
                u.starts_block = true;
            }
            break;
        }
    }
    units.erase(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(whole_units));
    return agenda_last;
}

// A UN report prints agenda items' names between its masthead and its title, and "Report of
// the Secretary-General" under the title: when that line comes within the first units, the
// lines right above it are the title and those before them header.
void find_title_above_anchor(std::vector<Unit>& units, std::string& header,
                             detail::LineEndHyphens& hyphens, bool agenda_name_first,
                             bool title_known) {
    const std::size_t limit = std::min(units.size(), kReportAnchorUnits);
    for (std::size_t k = 0; k < limit; ++k) {
        const Unit& u = units[k];
        if (u.bullet || u.quote_block) return;
        std::size_t j = 0;
        while (j < u.lines.size() && !detail::is_report_anchor(u.lines[j].text)) {
            if (ends_with_any(u.lines[j].text, ".!?;")) return;  // prose before any anchor
            ++j;
        }
        if (j == u.lines.size()) continue;
        if (j > 0) {
            // The title shares the anchor's block: it becomes a unit of its own.
            Unit title = u;
            title.lines.resize(j);
            title.ends_block = true;
            units[k].lines.erase(units[k].lines.begin(),
                                 units[k].lines.begin() + static_cast<std::ptrdiff_t>(j));
            units[k].starts_block = true;
            units.insert(units.begin() + static_cast<std::ptrdiff_t>(k), std::move(title));
            ++k;
        }
        if (k == 0) return;
        // Above the anchor stands the title, unless what stands there is the name of the agenda
        // item printed just above it: then the anchor ("Report of the Special Adviser on ...")
        // is the title itself.
        const bool titled = !title_known &&
                            title_line_count(units[k - 1]) == units[k - 1].lines.size() &&
                            !(agenda_name_first && k == 1);
        const std::size_t header_units = titled ? k - 1 : k;
        for (std::size_t i = 0; i < header_units; ++i) {
            header += unit_text(units[i], hyphens);
            header += '\n';
        }
        units.erase(units.begin(), units.begin() + static_cast<std::ptrdiff_t>(header_units));
        return;
    }
}

// A verbatim record's symbol ("A/63/PV.97") above its first text line reads as a running
// head, which the layout drops as furniture; it is the record's symbol all the same.
std::string symbol_above_text(const detail::LineLayout& layout, std::string_view text) {
    std::size_t pos = 0;
    for (const detail::LayoutLine& line : layout.lines) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view raw = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (line.kind == detail::LineKind::kText || pos > text.size()) break;
        if (line.kind != detail::LineKind::kFurniture) continue;
        if (auto symbol = detail::symbol_line(raw)) return *symbol;
    }
    return {};
}

// The section name of a heading unit: its printed number, if any, and its words.
std::string heading_name(const Unit& u, const std::string& text) {
    std::string name = clean_heading(text);
    if (u.label.empty() || name.empty()) return name;
    return u.label + (u.label.back() == ')' ? " " : ". ") + name;
}

}  // namespace

Document parse_document(std::string_view text, DocumentMeta meta) {
    Document doc;
    const detail::MarkdownBlocks blocks = detail::read_markdown_blocks(text, meta);
    const std::string_view body_text = blocks.text();
    const detail::LineLayout layout = detail::read_line_layout(body_text, blocks.first_line);
    std::vector<Unit> units = split_units(layout);
    if (meta.symbol.empty()) meta.symbol = symbol_above_text(layout, body_text);
    detail::LineEndHyphens hyphens(body_text);

    // Header above the title: masthead, symbol, dateline; then a report's agenda items. A
    // title marked as such ("# Title", as the PDF, HTML and DOCX readers write it) stays first:
    // the masthead and agenda lines printed around it are header all the same.
    std::string header_text;
    const bool marked_title_first = !units.empty() && units[0].forced_heading;
    std::vector<Unit> marked_title;
    if (marked_title_first) {
        marked_title.push_back(std::move(units[0]));
        units.erase(units.begin());
    }
    const bool agenda_name_first = take_masthead(units, meta, header_text);
    find_title_above_anchor(units, header_text, hyphens, agenda_name_first, marked_title_first);
    units.insert(units.begin(), std::make_move_iterator(marked_title.begin()),
                 std::make_move_iterator(marked_title.end()));

    // Title: the leading lines of the first unit; the rest of that unit is body text.
    std::size_t next = 0;
    bool title_found = false;
    if (!units.empty()) {
        Unit& first = units[0];
        const std::size_t n = title_line_count(first);
        std::string title;
        if (n > 0) {
            for (std::size_t i = 0; i < n; ++i) {
                if (!title.empty()) title += ' ';
                title += first.lines[i].text;
            }
            title = clean_heading(title);
        }
        // With a sidecar title, plain lines that do not repeat it are not the title (a text
        // may open straight with its body): keep them. Marked-up titles are titles anyway.
        const bool marked_up = first.forced_heading || opens_bold(first.lines[0].text);
        const bool is_byline = n > 0 && byline_lines(first, 0, meta) > 0;
        if (n > 0 && (meta.title.empty() || marked_up || is_byline ||
                      shares_most_words(title, meta.title))) {
            title_found = true;
            header_text += title;
            if (meta.title.empty()) meta.title = title;
            if (n == first.lines.size()) {
                next = 1;
            } else {
                first.lines.erase(first.lines.begin(),
                                  first.lines.begin() + static_cast<std::ptrdiff_t>(n));
                first.starts_block = true;
                first.forced_heading = false;
            }
        }
    }

    // Headings, header lines and body paragraphs.
    std::vector<Draft> drafts;
    bool in_header = next > 0 || title_found || !header_text.empty();
    std::string section;
    // A press release's deck ("Speakers Urge Early Action as Risk Grows") stands right under
    // its headline: a long title-case line there is a subtitle, not a section heading.
    std::optional<std::size_t> deck_unit;
    if (title_found) deck_unit = next;
    for (std::size_t i = next; i < units.size(); ++i) {
        Unit& u = units[i];
        const std::string text_i = unit_text(u, hyphens);
        if (text_i.empty()) continue;
        if (deck_unit == i && !u.forced_heading && !u.bullet && u.lines.size() <= 2 &&
            !detail::byline(u.lines[0].text)) {
            const detail::WordShape shape = word_shape(text_i, kMaxHeaderWords);
            if (!shape.truncated && shape.words >= kMinDeckWords && is_title_case(shape) &&
                !ends_with_any(text_i, ".!?") && !is_enumerated_heading(text_i)) {
                header_text += '\n';
                header_text += text_i;
                continue;
            }
        }
        const bool last = i + 1 == units.size();
        const std::string plain = detail::strip_inline_markdown(text_i);
        if (trim(plain).empty()) continue;  // markup only ("**", "__")
        if (!u.forced_heading && drafts.empty()) {
            // A byline before the body says who speaks; it is no paragraph (ids stay put).
            if (const std::size_t n = byline_lines(u, 0, meta); n > 0) {
                header_text += '\n';
                header_text += text_i;
                if (n == u.lines.size()) continue;
                u.lines.erase(u.lines.begin(), u.lines.begin() + static_cast<std::ptrdiff_t>(n));
                u.starts_block = true;
                --i;  // read the rest of the unit again (unsigned wrap: the loop adds it back)
                continue;
            }
        }
        // "Mr. President," alone: an address, not a passage. One that a lower-case line goes
        // on from opens that paragraph and stays.
        // "For information media. Not an official record.", "ENDS": a release's tail.
        if (!u.forced_heading && !u.quote_block && detail::is_release_end_line(plain)) {
            continue;
        }
        if (!u.forced_heading && !u.bullet && !u.quote_block && detail::is_salutation(plain) &&
            (last || !detail::starts_lower(unit_text(units[i + 1], hyphens)))) {
            in_header = false;
            continue;
        }
        // Before the body starts, a heading-like line followed by a subtitle or dateline is
        // part of the header ("**Plenary Debate on R2P**" above "New York, 25 June 2018").
        bool header_follows = false;
        if (in_header && !u.forced_heading && !last) {
            const std::string after =
                detail::strip_inline_markdown(unit_text(units[i + 1], hyphens));
            header_follows =
                is_header_line(units[i + 1], after) && !is_heading(units[i + 1], after, true);
        }
        // "Sweden will:" or "Our priorities:" above a list introduces it; it heads nothing.
        const bool introduces_list = !plain.empty() && plain.back() == ':' && !last &&
                                     (units[i + 1].bullet || has_sentence_word(plain));
        if (in_header && !u.forced_heading &&
            (detail::symbol_line(plain) || detail::is_masthead_line(plain) ||
             detail::is_report_anchor(plain))) {
            if (auto symbol = detail::symbol_line(plain); symbol && meta.symbol.empty()) {
                meta.symbol = *symbol;
            }
            header_text += '\n';
            header_text += text_i;
            continue;
        }
        if ((u.forced_heading || !last) && !header_follows && !introduces_list &&
            is_heading(u, plain, in_header)) {
            section = heading_name(u, text_i);
            if (!section.empty()) {
                doc.sections.push_back(section);
                in_header = false;
                continue;
            }
        }
        if (in_header && is_header_line(u, plain)) {
            header_text += '\n';
            header_text += text_i;
            continue;
        }
        in_header = false;
        drafts.push_back(Draft{text_i, u.lines[0].number, section, i, u.bullet, u.starts_block,
                               u.ends_block, u.quote_block, u.label});
    }

    // A paragraph that a blank line broke mid-sentence continues in lower case. (A capital
    // after a blank line starts a paragraph, however the one before ends: only page furniture
    // among the blank lines, which the layout saw, tells a page break.)
    std::vector<Draft> joined;
    for (Draft& d : drafts) {
        if (!joined.empty()) {
            Draft& prev = joined.back();
            // A numbered paragraph of prose goes on after a page break as an unnumbered one.
            const bool numbered_prose =
                !prev.label.empty() && word_shape(prev.text, kMaxHeadingWords).truncated;
            if (prev.unit + 1 == d.unit && prev.ends_block && d.starts_block &&
                (!prev.bullet || numbered_prose) && !d.bullet && !prev.quote_block &&
                !d.quote_block && !ends_with_any(prev.text, ".!?:") &&
                detail::starts_lower(d.text)) {
                append_line(prev.text, d.text, hyphens);
                prev.unit = d.unit;
                prev.ends_block = d.ends_block;
                continue;
            }
        }
        joined.push_back(std::move(d));
    }

    doc.paragraphs.reserve(joined.size());
    for (const Draft& d : joined) {
        Paragraph p = finish_paragraph(d);
        if (!p.text.empty()) doc.paragraphs.push_back(std::move(p));
    }

    // A date from the text comes from the title, the header or a dateline only: a date that a
    // body sentence mentions is what the speaker recalls, not when the statement was made.
    if (meta.date.empty()) meta.date = find_date(header_text);
    for (std::size_t i = 0; meta.date.empty() && i < units.size() && i < kDatelineSearchUnits;
         ++i) {
        if (!units[i].lines.empty()) meta.date = dateline_date(units[i], units[i].lines[0].text);
    }
    doc.meta = std::move(meta);
    return doc;
}

}  // namespace r2p
