// A DOCX statement -> structured text (structured_text.hpp), read with libarchive (the zip) and
// libxml2.
#pragma once

#include <string_view>

#include "convert/structured_text.hpp"

namespace r2p {

/// Throws CorpusError with a reason (no file name) when `bytes` cannot be read as DOCX.
ConvertedStatement docx_text(std::string_view bytes);

}  // namespace r2p
