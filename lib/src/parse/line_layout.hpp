// How a file lays out its paragraphs: read once per file from its raw lines.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace r2p::detail {

/// The ways statement files mark where a paragraph starts.
enum class Layout {
    kBlankLines,         ///< a blank line between paragraphs (lines inside one are joined)
    kOneALine,           ///< each paragraph on one long line, no blank lines needed
    kIndentedFirstLine,  ///< hard-wrapped; a paragraph's first line starts with a space
    kRaggedRight,        ///< hard-wrapped, unmarked: a short line that ends a sentence ends
                         ///< the paragraph
};

/// What a line of the file is.
enum class LineKind {
    kText,
    kBlank,      ///< white space only (a BOM counts as white space)
    kFurniture,  ///< page number, job number, running head, interpreter's note: dropped
};

/// One line of the file as the layout reads it.
struct LayoutLine {
    std::string_view text;   ///< trimmed (leading BOM and white space gone); empty unless kText
    std::size_t number = 0;  ///< 1-based line number in the file
    LineKind kind = LineKind::kText;
    /// For kText: a paragraph starts here although no blank line precedes it (a break the
    /// layout marks otherwise). Blank lines break paragraphs only in kBlankLines layout, or
    /// where `after_gap` says so.
    bool starts_paragraph = false;
    /// For kText: blank lines come between it and the text line before it.
    bool after_blank = false;
    /// For kText: page furniture comes between it and the text line before it (a page break).
    bool after_page_break = false;
    /// For kText: blank lines without furniture come before it (not a page break).
    bool after_gap = false;
};

/// The layout of one file.
struct LineLayout {
    Layout layout = Layout::kBlankLines;
    /// The wrap width: the 90th percentile of text line lengths, in code points.
    std::size_t wrap_width = 0;
    std::vector<LayoutLine> lines;  ///< every line of the text, in order
};

/// Reads the layout of `text` (UTF-8, LF), whose first line is line `first_line` of its file.
/// Views into `text`, which must outlive the result. Linear in the size of `text`; never
/// throws on odd input.
LineLayout read_line_layout(std::string_view text, std::size_t first_line);

/// Whether a paragraph that ends with `prev` goes on in `next`: `prev` does not end a sentence
/// and either `next` starts in lower case or `prev` is prose (more than a heading's dozen
/// words) that stops on a bare word.
bool continues_sentence(std::string_view prev, std::string_view next);

}  // namespace r2p::detail
