// A PDF page's words -> its text lines in reading order: lines rebuilt from word boxes, the
// column gutter of a two-column page found from where the lines sit, footnote reference marks
// (small raised digits) dropped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "convert/pdf_pages.hpp"

namespace r2p::detail {

/// One printed line of one column (two text blocks side by side on a row are two lines).
struct PdfLine {
    std::string text;
    double x0 = 0, top = 0, x1 = 0, bottom = 0;
    double size = 0;              ///< the type size most of its characters have
    bool bold = false;            ///< most of its characters are bold
    double first_word_width = 0;  ///< how wide its first word is printed
    double text_x0 = 0;           ///< where its text starts after a hanging label ("12.", "II.")
    int page = 0;                 ///< 0-based
    int column = 0;               ///< 0: single column or full width; 1: left; 2: right
};

/// Whether `word` is a list item's mark: "•", "–", "-", "▪", "◦".
bool is_list_bullet(std::string_view word);

/// Whether `word` is a paragraph or heading label as printed before the text: "12.", "1.2",
/// "II.", "A.", "(a)", "(iv)", or a list bullet.
bool is_paragraph_label(std::string_view word);

/// The lines of `page` (page number `page_index`), in no particular order.
std::vector<PdfLine> page_lines(const PdfPage& page, int page_index);

/// Puts one page's `lines` in reading order: top to bottom, and on a two-column page the left
/// column before the right one, with full-width lines (a title above the columns, a heading
/// across them) between the bands of columns they separate. Sets each line's `column`.
void order_for_reading(std::vector<PdfLine>& lines, double page_width);

}  // namespace r2p::detail
