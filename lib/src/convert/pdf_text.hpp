// A PDF statement -> structured text (structured_text.hpp), read with poppler-cpp.
#pragma once

#include <string_view>

#include "convert/structured_text.hpp"

namespace r2p {

/// Throws CorpusError with a reason (no file name) when `bytes` cannot be read as PDF.
ConvertedStatement pdf_text(std::string_view bytes);

}  // namespace r2p
