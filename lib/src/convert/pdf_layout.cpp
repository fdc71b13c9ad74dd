#include "convert/pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <numeric>

namespace r2p::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool all_of(std::string_view s, bool (*pred)(char)) {
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

bool is_roman(std::string_view s) {
    return !s.empty() && s.size() <= 6 && s.find_first_not_of("IVXLC") == std::string_view::npos;
}

// A footnote reference as typeset: a short raised word in smaller type ("1", "12", "a", "*").
bool looks_like_reference_mark(const PdfWord& w) {
    const std::string_view t = w.text;
    if (t.empty() || t.size() > 3) return false;
    return all_of(t, is_digit) || all_of(t, is_lower) || t == "*" || t == "\xE2\x80\xA0" ||
           t == "\xE2\x80\xA1";
}

// The page's words without the reference marks that sit raised right after a word in larger
// type; the word before a mark takes the mark's space after it.
std::vector<PdfWord> without_reference_marks(const std::vector<PdfWord>& words) {
    std::vector<PdfWord> kept = words;
    std::vector<bool> mark(words.size(), false);
    // Marks are set smaller than the page's common type; each is looked for among all words,
    // so a page of thousands of small numbers (a table) is not searched at all.
    std::map<double, std::size_t> chars_by_size;
    for (const PdfWord& w : words) chars_by_size[w.size] += w.text.size();
    const double common =
        chars_by_size.empty()
            ? 0
            : std::max_element(chars_by_size.begin(), chars_by_size.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; })
                  ->first;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].size <= 0.8 * common && looks_like_reference_mark(words[i]))
            candidates.push_back(i);
    if (candidates.size() > 1000) candidates.clear();
    for (std::size_t i : candidates) {
        const PdfWord& w = words[i];
        for (PdfWord& v : kept) {
            if (v.size < w.size * 1.25) continue;
            const bool right_after = w.x0 >= v.x1 - 0.5 && w.x0 - v.x1 < 0.3 * v.size;
            const bool raised = w.bottom < v.bottom - 0.15 * v.size && w.bottom > v.top;
            if (right_after && raised) {
                mark[i] = true;
                v.space_after = v.space_after || w.space_after;
                break;
            }
        }
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (!mark[i]) {
            if (out != i) kept[out] = std::move(kept[i]);
            ++out;
        }
    kept.resize(out);
    return kept;
}

// Vertical overlap of two boxes as a share of the lower one's height.
double vertical_overlap(double top_a, double bottom_a, double top_b, double bottom_b) {
    const double overlap = std::min(bottom_a, bottom_b) - std::max(top_a, top_b);
    const double smaller = std::min(bottom_a - top_a, bottom_b - top_b);
    return smaller <= 0 ? 0 : overlap / smaller;
}

PdfLine make_line(const std::vector<const PdfWord*>& words, int page_index) {
    PdfLine line;
    line.page = page_index;
    line.x0 = words.front()->x0;
    line.top = words.front()->top;
    line.x1 = words.front()->x1;
    line.bottom = words.front()->bottom;
    line.first_word_width = words.front()->x1 - words.front()->x0;
    line.text_x0 = line.x0;
    std::map<double, std::size_t> chars_by_size;
    std::size_t bold_chars = 0, all_chars = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const PdfWord& w = *words[i];
        if (i > 0) {
            const PdfWord& prev = *words[i - 1];
            // Words of one line are split at spaces, or where the font changes mid-word.
            if (prev.space_after || w.x0 - prev.x1 > 0.15 * w.size) line.text += ' ';
        }
        line.text += w.text;
        line.x0 = std::min(line.x0, w.x0);
        line.x1 = std::max(line.x1, w.x1);
        line.top = std::min(line.top, w.top);
        line.bottom = std::max(line.bottom, w.bottom);
        chars_by_size[std::round(w.size * 2) / 2] += w.text.size();
        all_chars += w.text.size();
        if (w.bold) bold_chars += w.text.size();
    }
    line.size = std::max_element(chars_by_size.begin(), chars_by_size.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; })
                    ->first;
    line.bold = bold_chars * 2 > all_chars;
    // A hanging label ("12.", "•"): the text, and the lines that follow it, start after it.
    if (words.size() > 1 && is_paragraph_label(words.front()->text)) line.text_x0 = words[1]->x0;
    return line;
}

// Sorts `lines` top to bottom, lines of one row (within half a line of each other) left to right.
void sort_by_rows(std::vector<PdfLine>& lines) {
    std::stable_sort(lines.begin(), lines.end(),
                     [](const PdfLine& a, const PdfLine& b) { return a.bottom < b.bottom; });
    std::size_t start = 0;
    while (start < lines.size()) {
        std::size_t end = start + 1;
        while (end < lines.size() &&
               lines[end].bottom - lines[start].bottom < 0.5 * lines[start].size)
            ++end;
        std::stable_sort(lines.begin() + static_cast<std::ptrdiff_t>(start),
                         lines.begin() + static_cast<std::ptrdiff_t>(end),
                         [](const PdfLine& a, const PdfLine& b) { return a.x0 < b.x0; });
        start = end;
    }
}

}  // namespace

bool is_list_bullet(std::string_view word) {
    return word == "\xE2\x80\xA2" || word == "\xE2\x80\x93" || word == "-" ||
           word == "\xE2\x96\xAA" || word == "\xE2\x97\xA6";
}

bool is_paragraph_label(std::string_view word) {
    if (word.empty()) return false;
    if (is_list_bullet(word)) return true;
    if (word.size() >= 3 && word.front() == '(' && word.back() == ')') {
        const std::string_view inner = word.substr(1, word.size() - 2);
        return inner.size() <= 4 && (all_of(inner, is_digit) || all_of(inner, is_lower));
    }
    const bool dot = word.size() >= 2 && word.back() == '.';
    const std::string_view body = dot ? word.substr(0, word.size() - 1) : word;
    // "12.", "1.2." or "1.2"
    const bool numbered = body.size() <= 7 && is_digit(body.front()) && is_digit(body.back()) &&
                          body.find_first_not_of("0123456789.") == std::string_view::npos;
    if (!dot) return numbered && body.find('.') != std::string_view::npos;
    if (body.size() == 1 && (is_upper(body[0]) || is_lower(body[0]))) return true;
    return is_roman(body) || numbered;
}

std::vector<PdfLine> page_lines(const PdfPage& page, int page_index) {
    const std::vector<PdfWord> kept = without_reference_marks(page.words);
    std::vector<const PdfWord*> words;
    for (const PdfWord& w : kept) words.push_back(&w);
    std::stable_sort(words.begin(), words.end(),
                     [](const PdfWord* a, const PdfWord* b) { return a->bottom < b->bottom; });

    std::vector<PdfLine> lines;
    std::size_t start = 0;
    while (start < words.size()) {
        // A row: the words whose boxes overlap the first one's by half the height.
        std::size_t end = start + 1;
        while (end < words.size() && vertical_overlap(words[start]->top, words[start]->bottom,
                                                      words[end]->top, words[end]->bottom) >= 0.5)
            ++end;
        std::vector<const PdfWord*> row(words.begin() + static_cast<std::ptrdiff_t>(start),
                                        words.begin() + static_cast<std::ptrdiff_t>(end));
        std::stable_sort(row.begin(), row.end(),
                         [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
        // Split the row where the gap is wider than a justified space: a column gutter, a
        // tab stop after a label, two blocks side by side.
        std::vector<std::vector<const PdfWord*>> pieces(1);
        for (const PdfWord* w : row) {
            if (!pieces.back().empty()) {
                const PdfWord& prev = *pieces.back().back();
                const double em = std::max(prev.size, w->size);
                const double gap = w->x0 - prev.x1;
                if (gap > 3 * em || (!prev.space_after && gap > 0.8 * em)) pieces.emplace_back();
            }
            pieces.back().push_back(w);
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            // "12." at a tab stop before its paragraph's first line is part of that line.
            if (pieces[i].size() == 1 && i + 1 < pieces.size() &&
                is_paragraph_label(pieces[i].front()->text) &&
                pieces[i + 1].front()->x0 - pieces[i].front()->x1 < 8 * pieces[i].front()->size) {
                std::vector<const PdfWord*> joined = pieces[i];
                joined.insert(joined.end(), pieces[i + 1].begin(), pieces[i + 1].end());
                lines.push_back(make_line(joined, page_index));
                ++i;
                continue;
            }
            lines.push_back(make_line(pieces[i], page_index));
        }
        start = end;
    }
    return lines;
}

void order_for_reading(std::vector<PdfLine>& lines, double page_width) {
    for (PdfLine& line : lines) line.column = 0;
    if (lines.size() < 6 || page_width <= 0) {
        sort_by_rows(lines);
        return;
    }
    // The gutter: the x in the middle of the page that the fewest lines cross; of several,
    // the middle of the widest empty run.
    const int from = static_cast<int>(page_width * 0.3);
    const int to = static_cast<int>(page_width * 0.7);
    std::vector<std::size_t> crossing(static_cast<std::size_t>(to - from + 1), 0);
    for (const PdfLine& line : lines) {
        for (int x = std::max(from, static_cast<int>(line.x0) + 1);
             x <= std::min(to, static_cast<int>(line.x1) - 1); ++x)
            ++crossing[static_cast<std::size_t>(x - from)];
    }
    const std::size_t least = *std::min_element(crossing.begin(), crossing.end());
    int best_start = -1, best_length = 0;
    for (int x = 0; x < static_cast<int>(crossing.size());) {
        if (crossing[static_cast<std::size_t>(x)] != least) {
            ++x;
            continue;
        }
        int run = x;
        while (run < static_cast<int>(crossing.size()) &&
               crossing[static_cast<std::size_t>(run)] == least)
            ++run;
        if (run - x > best_length) {
            best_start = x;
            best_length = run - x;
        }
        x = run;
    }
    const double gutter = from + best_start + best_length / 2.0;
    std::size_t left = 0, right = 0;
    for (const PdfLine& line : lines) {
        if (line.x1 <= gutter) ++left;
        if (line.x0 >= gutter) ++right;
    }
    const bool two_columns = best_start >= 0 && left >= 3 && right >= 3 &&
                             static_cast<double>(least) <= 0.2 * static_cast<double>(lines.size());
    if (!two_columns) {
        sort_by_rows(lines);
        return;
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const PdfLine& a, const PdfLine& b) { return a.top < b.top; });
    std::vector<PdfLine> ordered, left_band, right_band;
    auto flush = [&] {
        sort_by_rows(left_band);
        sort_by_rows(right_band);
        for (auto* band : {&left_band, &right_band}) {
            for (PdfLine& line : *band) ordered.push_back(std::move(line));
            band->clear();
        }
    };
    for (PdfLine& line : lines) {
        if (line.x1 <= gutter) {
            line.column = 1;
            left_band.push_back(std::move(line));
        } else if (line.x0 >= gutter) {
            line.column = 2;
            right_band.push_back(std::move(line));
        } else {
            flush();
            ordered.push_back(std::move(line));
        }
    }
    flush();
    lines = std::move(ordered);
}

}  // namespace r2p::detail
