// A PDF statement -> structured text (structured_text.hpp), read with poppler-cpp.
#pragma once

#include <string_view>

#include "convert/structured_text.hpp"

namespace r2p {

/// The statement in `bytes`: "# Title" (the first page's largest type), the UN symbol of the
/// first page, then paragraphs, "## "/"### " headings, "> " set-in quotations and "- " list
/// items in reading order (columns left to right), joined over column and page breaks, without
/// running heads, page and job numbers or footnotes. `title` is the PDF's Title entry when it
/// reads like one (not "Microsoft Word - x.docx"). Throws CorpusError, without the file name:
/// "not a readable PDF file", "encrypted PDF (needs a password)" or "no text in the PDF
/// (scanned pages need OCR)". Thread-safe; poppler's own messages are silenced.
ConvertedStatement pdf_text(std::string_view bytes);

}  // namespace r2p
