// What every format reader produces: one statement as the structured text parse_document
// reads, so that PDF, HTML and DOCX statements go through the same parser as text files.
//
// The text is UTF-8 with LF line ends and uses these marks (a subset of Markdown):
//   - paragraphs are separated by one blank line; a paragraph is one line (no hard wraps);
//   - "# Title" (once, first) and "## Heading" / "### Subheading" for headings the source
//     marks as such (PDF: by font size and weight; HTML: <h1>-<h6>; DOCX: Heading styles);
//   - "> " opens every line of a block quotation (<blockquote>, an indented quoted block);
//   - "- " opens a bulleted list item, "1. " a numbered one (the source's own number);
//   - a numbered paragraph keeps its number as the source prints it ("12. The ...");
//   - nothing else: no page furniture, no navigation, no footnote bodies, no emphasis marks.
#pragma once

#include <string>
#include <vector>

namespace r2p {

/// A statement read from a PDF, HTML or DOCX file.
struct ConvertedStatement {
    std::string text;   ///< structured text as described above
    std::string title;  ///< the file's own title (PDF Title, <title>, docProps); may be empty
    /// The file's own date (<meta name="date">, <time datetime>) as YYYY-MM-DD, YYYY-MM or
    /// YYYY; may be empty. Used only when neither sidecar nor text gives one.
    std::string date;
    /// "page 3: ..." / "line 40: ..." notes on what was read oddly; the statement still
    /// indexes. Without the file name (the loader adds it).
    std::vector<std::string> warnings;
};

}  // namespace r2p
