// Statement text -> Document: title, date, headings, paragraphs and the quotes inside them.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.hpp"

namespace r2p {

/// Parses decoded statement text (UTF-8, NFC, LF). Fields already set in `meta` (from a
/// sidecar) are kept; empty title and date are filled from the text's first lines. Never
/// throws on odd text: every non-heading line ends up in some paragraph.
Document parse_document(std::string_view text, DocumentMeta meta);

/// Top-level quotes of one paragraph, in order, with `speech` decided. Handles " “” «» ‘’,
/// nested quotes, apostrophes; an unbalanced quote never runs past the paragraph's end.
std::vector<Quote> find_quotes(std::string_view paragraph);

/// "2012-09-28" for "28 September 2012", "September 28, 2012" or "2012-09-28" found in
/// `text`, "2012-09" for "September 2012"; empty when none is found.
std::string find_date(std::string_view text);

/// True when `date` is YYYY, YYYY-MM or YYYY-MM-DD and the calendar has it (2023-02-30,
/// 2023-13 and 2023-04-00 are not; 2024-02-29 is).
bool is_calendar_date(std::string_view date);

}  // namespace r2p
