// The layout is decided per file, from counts over its own lines: which marker its paragraphs
// carry (blank lines, a leading space, one line each) and how wide its hard wrap is. Marked
// breaks are trusted; in unmarked hard-wrapped text a paragraph ends where a sentence ends on a
// line that the next word would still have fitted (ragged right), so the width did not force
// the break.
#include "parse/line_layout.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "parse/page_furniture.hpp"
#include "parse/parse_text.hpp"

namespace r2p::detail {
namespace {

// No hard wrap is this wide: a longer line holds a paragraph, or most of one.
constexpr std::size_t kUnwrappedWidth = 150;
// A file is indented when at least one text line in this many starts with a space (a
// paragraph of text runs to about ten lines at 55 columns, so real markers are far denser).
constexpr std::size_t kIndentRatio = 50;
// A file is blank-line separated when at least one text line in this many follows a blank
// line that no page furniture explains.
constexpr std::size_t kGapRatio = 30;
// In a file of long lines, most lines are paragraphs, so blank lines separate when they stand
// after at least one line in this many; rarer ones are page breaks.
constexpr std::size_t kUnwrappedGapRatio = 3;
constexpr std::size_t kWrapPercentile = 90;
// Headings, titles and salutations stop without punctuation; prose longer than this does not.
constexpr std::size_t kMaxUnpunctuatedWords = 12;

// Line facts gathered in the first pass.
struct RawLine {
    std::size_t width = 0;  // code points, trailing space excluded, leading space included
    bool indented = false;
};

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string_view strip_bom(std::string_view s) {
    return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

// The right-trimmed width of `raw`.
std::size_t width_of(std::string_view raw) {
    std::size_t end = raw.size();
    while (end > 0 && (raw[end - 1] == ' ' || raw[end - 1] == '\t' || raw[end - 1] == '\r')) {
        --end;
    }
    return code_points(raw.substr(0, end));
}

bool ends_sentence(std::string_view s) { return ends_with_any(s, ".!?:"); }

// Whether `s` opens as a sentence does: a capital or a digit, after any quote or bracket.
bool starts_sentence(std::string_view s) {
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t c = next_code_point(s, pos);
        if (is_quote_mark(c) || c == U'(' || c == U'[' || c == U'*' || c == U'_') continue;
        return is_upper(c) || is_digit(c);
    }
    return false;
}

std::size_t first_word_width(std::string_view s) {
    const std::size_t space = s.find(' ');
    return code_points(space == std::string_view::npos ? s : s.substr(0, space));
}

bool blank_or_furniture(const LayoutLine& l) { return l.kind != LineKind::kText; }

}  // namespace

bool continues_sentence(std::string_view prev, std::string_view next) {
    if (ends_sentence(prev)) return false;
    if (starts_lower(next)) return true;
    // Prose that stops on a bare word was cut (by a page break), whatever case follows
    // ("... in South" / "Africa"); a heading or salutation is too short to count.
    const char32_t last = code_point_before(prev, prev.size());
    return is_letter(last) && word_shape(prev, kMaxUnpunctuatedWords).truncated;
}

LineLayout read_line_layout(std::string_view text, std::size_t first_line) {
    LineLayout out;
    std::vector<RawLine> raw_lines;
    std::vector<Furniture> furniture;

    // Pass 1: each line, its width, whether it is indented, what furniture it may be.
    std::size_t number = first_line;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        const std::string_view raw = strip_bom(text.substr(pos, eol - pos));
        pos = eol + 1;
        LayoutLine line;
        line.number = number++;
        line.text = trim(raw);
        line.kind = line.text.empty() ? LineKind::kBlank : LineKind::kText;
        RawLine facts;
        facts.width = width_of(raw);
        facts.indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
        furniture.push_back(line.kind == LineKind::kText ? page_furniture(line.text)
                                                         : Furniture::kNone);
        out.lines.push_back(line);
        raw_lines.push_back(facts);
    }
    // A final newline ends the last line; it does not open another.
    if (!out.lines.empty() && out.lines.back().kind == LineKind::kBlank && text.ends_with('\n')) {
        out.lines.pop_back();
        raw_lines.pop_back();
        furniture.pop_back();
    }

    // Pass 2: furniture. A running head that could be text counts only between blank lines
    // or other furniture; an interpreter's note may close on the next lines.
    const std::size_t n = out.lines.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (furniture[i] == Furniture::kAlways) out.lines[i].kind = LineKind::kFurniture;
        if (furniture[i] == Furniture::kNoteOpens) {
            out.lines[i].kind = LineKind::kFurniture;
            for (std::size_t j = i + 1; j < n && j <= i + 2; ++j) {
                if (out.lines[j].kind != LineKind::kText) break;
                if (closes_note(out.lines[j].text)) {
                    for (std::size_t k = i + 1; k <= j; ++k)
                        out.lines[k].kind = LineKind::kFurniture;
                    break;
                }
            }
        }
    }
    // A run of such heads ("General Assembly" above "Sixty-third session") stands alone as one.
    for (std::size_t i = 0; i < n;) {
        if (furniture[i] != Furniture::kIfIsolated) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < n && furniture[end] == Furniture::kIfIsolated) ++end;
        const bool before = i == 0 || blank_or_furniture(out.lines[i - 1]);
        const bool after = end == n || blank_or_furniture(out.lines[end]);
        for (std::size_t j = i; j < end && before && after; ++j) {
            out.lines[j].kind = LineKind::kFurniture;
        }
        i = end;
    }
    for (LayoutLine& l : out.lines) {
        if (l.kind != LineKind::kText) l.text = {};
    }

    // Pass 3: counts over text lines.
    std::vector<std::size_t> widths;
    std::size_t text_lines = 0;
    std::size_t indents = 0;
    std::size_t gaps = 0;
    bool seen_text = false;
    bool blank_run = false;
    bool furniture_run = false;
    for (std::size_t i = 0; i < n; ++i) {
        LayoutLine& l = out.lines[i];
        blank_run = blank_run || l.kind == LineKind::kBlank;
        furniture_run = furniture_run || l.kind == LineKind::kFurniture;
        if (l.kind != LineKind::kText) continue;
        l.after_blank = seen_text && blank_run;
        l.after_page_break = seen_text && furniture_run;
        ++text_lines;
        widths.push_back(raw_lines[i].width);
        l.after_gap = l.after_blank && !l.after_page_break;
        if (l.after_gap) ++gaps;
        if (seen_text && raw_lines[i].indented && !starts_lower(l.text)) ++indents;
        seen_text = true;
        blank_run = false;
        furniture_run = false;
    }
    if (!widths.empty()) {
        const std::size_t k = widths.size() * kWrapPercentile / 100;
        std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(k),
                         widths.end());
        out.wrap_width = widths[k];
    }
    const bool unwrapped = out.wrap_width >= kUnwrappedWidth;
    if (indents >= 2 && indents * kIndentRatio >= text_lines && indents > gaps) {
        out.layout = Layout::kIndentedFirstLine;
    } else if (gaps >= 1 && gaps * (unwrapped ? kUnwrappedGapRatio : kGapRatio) >= text_lines) {
        out.layout = Layout::kBlankLines;
    } else if (unwrapped) {
        out.layout = Layout::kOneALine;
    } else {
        out.layout = Layout::kRaggedRight;
    }

    // Pass 4: where paragraphs start.
    const LayoutLine* prev = nullptr;
    std::size_t prev_width = 0;
    for (std::size_t i = 0; i < n; ++i) {
        LayoutLine& l = out.lines[i];
        if (l.kind != LineKind::kText) continue;
        if (prev != nullptr) {
            const bool goes_on = continues_sentence(prev->text, l.text);
            const bool after_long_line = prev_width >= kUnwrappedWidth && !goes_on;
            switch (out.layout) {
                case Layout::kBlankLines:
                    // A page break (furniture among the blank lines) inside a sentence joins
                    // the halves; any other blank line separates, as it always has.
                    l.starts_paragraph =
                        after_long_line ||
                        (l.after_blank && !(l.after_page_break && !ends_sentence(prev->text)));
                    break;
                case Layout::kOneALine:
                    l.starts_paragraph = !goes_on;
                    break;
                case Layout::kIndentedFirstLine:
                    l.starts_paragraph = (raw_lines[i].indented && !goes_on) || after_long_line;
                    break;
                case Layout::kRaggedRight: {
                    const bool room_left =
                        prev_width + 1 + first_word_width(l.text) <= out.wrap_width;
                    l.starts_paragraph =
                        after_long_line || (l.after_gap && !goes_on) ||
                        (ends_sentence(prev->text) && starts_sentence(l.text) && room_left);
                    break;
                }
            }
        }
        prev = &l;
        prev_width = raw_lines[i].width;
    }
    return out;
}

}  // namespace r2p::detail
