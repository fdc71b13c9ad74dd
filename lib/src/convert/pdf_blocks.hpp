// PDF lines in reading order -> paragraphs: lines joined while spacing, indentation, type and
// the right margin say the paragraph goes on, across column and page breaks; hyphenated line
// ends joined by the document's own spelling.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "convert/pdf_layout.hpp"

namespace r2p::detail {

/// One paragraph (or heading) of a PDF, as one line of text.
struct PdfBlock {
    std::string text;
    double size = 0;    ///< the type size of its first line
    bool bold = false;  ///< every line bold
    int page = 0;       ///< where it starts, 0-based
    std::size_t lines = 0;
    /// Every line set in from both edges of its column, and not centred: a block quotation.
    bool indented = false;
};

/// Joins `lines` (every page's lines in reading order, furniture removed) into paragraphs.
/// `body_size` is the type size of most of the text.
std::vector<PdfBlock> join_paragraphs(const std::vector<PdfLine>& lines, double body_size);

}  // namespace r2p::detail
