// Statement text -> Document: title, date, headings, paragraphs and the quotes inside them.
#pragma once

#include <string_view>

#include "parse/document.hpp"

namespace r2p {

/// Parses decoded statement text (UTF-8, NFC, LF). Fields already set in `meta` (from a
/// sidecar) are kept; empty title and date are filled from the text's first lines. Never
/// throws on odd text: every non-heading line ends up in some paragraph.
Document parse_document(std::string_view text, DocumentMeta meta);

}  // namespace r2p
