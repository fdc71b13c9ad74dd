// A HTML statement -> structured text (structured_text.hpp), read with libxml2's HTML parser.
#pragma once

#include <string_view>

#include "convert/structured_text.hpp"

namespace r2p {

/// Throws CorpusError with a reason (no file name) when `bytes` cannot be read as HTML.
ConvertedStatement html_text(std::string_view bytes);

}  // namespace r2p
