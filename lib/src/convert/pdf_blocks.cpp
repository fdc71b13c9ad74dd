#include "convert/pdf_blocks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "text/ascii_case.hpp"

namespace r2p::detail {

namespace {

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Where a column's text sits on one page: its left edge (where most lines start) and its
// right edge (where the longest lines end).
struct Margins {
    double left = 0, right = 0;
};

using ColumnKey = std::pair<int, int>;  // page, column

std::map<ColumnKey, Margins> column_margins(const std::vector<PdfLine>& lines, double body_size) {
    std::map<ColumnKey, std::vector<const PdfLine*>> all, body;
    for (const PdfLine& line : lines) {
        all[{line.page, line.column}].push_back(&line);
        if (std::abs(line.size - body_size) <= 0.5) body[{line.page, line.column}].push_back(&line);
    }
    std::map<ColumnKey, Margins> margins;
    for (const auto& [key, group] : all) {
        const auto it = body.find(key);
        const std::vector<const PdfLine*>& decide = it != body.end() ? it->second : group;
        std::map<long, std::size_t> starts;
        Margins m{decide.front()->x0, decide.front()->x1};
        for (const PdfLine* line : decide) {
            ++starts[std::lround(line->x0)];
            m.right = std::max(m.right, line->x1);
        }
        // Where most lines start; of equals, the leftmost.
        std::size_t most = 0;
        for (const auto& [x, count] : starts) {
            if (count > most) {
                most = count;
                m.left = static_cast<double>(x);
            }
        }
        margins[key] = m;
    }
    // Full-width lines of a two-column page span both columns.
    for (auto& [key, m] : margins) {
        if (key.second != 0) continue;
        const auto left = margins.find({key.first, 1});
        const auto right = margins.find({key.first, 2});
        if (left != margins.end() && right != margins.end())
            m = Margins{left->second.left, right->second.right};
    }
    return margins;
}

// The usual distance from one baseline to the next, by type size (rounded to half points).
std::map<double, double> leading_by_size(const std::vector<PdfLine>& lines) {
    std::map<double, std::vector<double>> steps;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const PdfLine& a = lines[i - 1];
        const PdfLine& b = lines[i];
        if (a.page != b.page || a.column != b.column || std::abs(a.size - b.size) > 0.5) continue;
        const double step = b.bottom - a.bottom;
        if (step > 0.8 * a.size && step < 2.5 * a.size) steps[a.size].push_back(step);
    }
    std::map<double, double> out;
    for (auto& [size, v] : steps) {
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
        out[size] = v[v.size() / 2];
    }
    return out;
}

bool centred(const PdfLine& line, const Margins& m) {
    const double middle = (m.left + m.right) / 2;
    return line.x0 > m.left + line.size && std::abs((line.x0 + line.x1) / 2 - middle) < line.size;
}

bool ends_sentence(std::string_view text) {
    while (!text.empty() && (text.back() == ' ')) text.remove_suffix(1);
    if (text.empty()) return false;
    const char last = text.back();
    return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == '"' ||
           (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\x9D");
}

std::string_view first_word(std::string_view text) { return text.substr(0, text.find(' ')); }

// Whether `line` opens with a list item's mark: a bullet, a number, or a dash set apart from
// the text by a tab (a dash at a line's start is often only a dash).
bool item_mark(const PdfLine& line, double em) {
    const std::string_view mark = first_word(line.text);
    if (mark != "-" && mark != "\xE2\x80\x93") return true;
    return line.text_x0 - line.x0 >= em;
}

// The words used inside lines (not split at a line end), lower-cased: a hyphenated line end
// is joined the way the document spells the word elsewhere.
std::unordered_set<std::string> vocabulary(const std::vector<PdfLine>& lines) {
    std::unordered_set<std::string> words;
    for (const PdfLine& line : lines) {
        std::string_view text = line.text;
        std::size_t at = 0;
        while (at < text.size()) {
            while (at < text.size() && !is_letter(text[at])) ++at;
            std::size_t end = at;
            while (end < text.size() && (is_letter(text[end]) || text[end] == '-')) ++end;
            // The line's last word, when hyphenated, is half a word.
            if (end > at && !(end == text.size() && text[end - 1] == '-'))
                words.insert(ascii_lower(text.substr(at, end - at)));
            at = end;
        }
    }
    return words;
}

// Appends line text `next` to paragraph `text`, mending a hyphenated line end.
void append_line(std::string& text, std::string_view next,
                 const std::unordered_set<std::string>& words) {
    if (text.empty()) {
        text = next;
        return;
    }
    const bool hyphen = text.size() >= 2 && text.back() == '-' && is_letter(text[text.size() - 2]);
    if (!hyphen || next.empty() || !is_letter(next.front())) {
        text += ' ';
        text += next;
        return;
    }
    std::size_t start = text.find_last_of(' ');
    start = start == std::string::npos ? 0 : start + 1;
    const std::string left(text.substr(start, text.size() - 1 - start));  // without the hyphen
    std::string_view right = first_word(next);
    while (!right.empty() && !is_letter(right.back())) right.remove_suffix(1);
    const std::string right_lower = ascii_lower(right);
    // "pre- and post-conflict": a suspended compound keeps hyphen and space.
    if (right_lower == "and" || right_lower == "or" || right_lower == "to") {
        text += ' ';
        text += next;
        return;
    }
    const bool capital = next.front() >= 'A' && next.front() <= 'Z';  // "Secretary-General"
    const bool compound_elsewhere = words.count(ascii_lower(left + "-" + std::string(right))) > 0;
    const bool word_elsewhere = words.count(ascii_lower(left + std::string(right))) > 0;
    if (capital || (compound_elsewhere && !word_elsewhere)) {
        text += next;  // the hyphen stays: a compound
    } else {
        text.pop_back();
        text += next;
    }
}

}  // namespace

std::vector<PdfBlock> join_paragraphs(const std::vector<PdfLine>& lines, double body_size) {
    const std::map<ColumnKey, Margins> margins = column_margins(lines, body_size);
    const std::map<double, double> leading = leading_by_size(lines);
    const std::unordered_set<std::string> words = vocabulary(lines);
    auto leading_of = [&](double size) {
        const auto it = leading.find(size);
        return it == leading.end() ? 1.2 * size : it->second;
    };

    std::vector<PdfBlock> blocks;
    std::size_t first_of_block = 0;
    double block_right = 0;  // where the current block's longest line ends
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PdfLine& b = lines[i];
        bool starts = i == 0;
        if (!starts) {
            const PdfLine& a = lines[i - 1];
            const Margins& ma = margins.at({a.page, a.column});
            const Margins& mb = margins.at({b.page, b.column});
            const double em = std::max(a.size, b.size);
            const bool same_column = a.page == b.page && a.column == b.column;
            // Centred lines start at different places; lines that start at one x are set in.
            const bool both_centred =
                centred(a, ma) && centred(b, mb) && std::abs(b.x0 - a.x0) >= 1;
            // Would b's first word have fitted at the end of a? Then a ended by choice. Lines
            // set in from the column's edges (a quotation) end at the block's own right edge.
            const bool set_in = a.x0 >= ma.left + 1.5 * a.size && std::abs(b.x0 - a.x0) < 1;
            const double right = set_in ? std::max(block_right, b.x1) : ma.right;
            const double room = both_centred ? ma.right - ma.left : right - a.x0;
            const bool ended_early = (a.x1 - a.x0) + 0.3 * a.size + b.first_word_width < room - 1;
            if (std::abs(a.size - b.size) > 0.6 || a.bold != b.bold)
                starts = true;
            else if (ended_early)
                starts = true;
            else if (same_column) {
                const double step = b.bottom - a.bottom;
                if (step < 0.5 * a.size)
                    starts = true;  // side by side on one row
                else if (step > 1.3 * leading_of(a.size))
                    starts = true;
                else if (!both_centred && b.x0 > a.text_x0 + 0.6 * em)
                    starts = true;  // indent
                else if (!both_centred && i - first_of_block >= 2 && b.x0 < a.x0 - 0.6 * em)
                    starts = true;  // a hanging label starts the next one
                else if (b.text_x0 > b.x0 && b.x0 < a.x0 + 0.6 * em && item_mark(b, em) &&
                         (is_list_bullet(first_word(b.text)) || ends_sentence(a.text)))
                    starts = true;  // the next item of a list at the same indent
            } else {
                // A new column or page: the paragraph goes on unless the new one is indented
                // or numbered.
                if (b.x0 > mb.left + 0.6 * em && !centred(b, mb))
                    starts = true;
                else if (b.text_x0 > b.x0 && ends_sentence(a.text))
                    starts = true;
            }
        }
        if (starts) {
            first_of_block = i;
            block_right = 0;
            PdfBlock block;
            block.size = b.size;
            block.bold = b.bold;
            block.page = b.page;
            blocks.push_back(std::move(block));
        }
        PdfBlock& block = blocks.back();
        append_line(block.text, b.text, words);
        block_right = std::max(block_right, b.x1);
        block.bold = block.bold && b.bold;
        // Set in from both edges, the lines after the first starting at one x (centred lines
        // do not).
        const Margins& m = margins.at({b.page, b.column});
        const bool set_in = b.x0 >= m.left + 1.5 * b.size && b.x1 <= m.right - b.size;
        const bool aligned = block.lines < 2 || std::abs(b.x0 - lines[i - 1].x0) < 1;
        block.indented = (block.lines == 0 || block.indented) && set_in && aligned;
        ++block.lines;
    }
    return blocks;
}

}  // namespace r2p::detail
