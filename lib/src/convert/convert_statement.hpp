// Bytes of a PDF, HTML or DOCX statement -> structured text (structured_text.hpp).
#pragma once

#include <string_view>

#include "convert/source_format.hpp"
#include "convert/structured_text.hpp"

namespace r2p {

/// Converts `bytes` of a file in `format` (Pdf, Html or Docx). Throws CorpusError with a
/// reason and no file name ("not a PDF file", "encrypted PDF", "page 4: ...") when the file
/// cannot be read; the caller names the file.
ConvertedStatement convert_statement(SourceFormat format, std::string_view bytes);

}  // namespace r2p
