// Quotations that run over several paragraphs, by the typographic convention.
#pragma once

#include <vector>

#include "parse/document.hpp"

namespace r2p::detail {

/// Per paragraph of `doc`: whether its first quote goes on with the quote that ended the
/// paragraph before. That quote was left open (Quote::closed false: no closing mark at the
/// paragraph's end) and this paragraph opens with a quotation mark, or both are block quotes
/// (one quotation set off over several paragraphs). The continuation is spoken by whoever
/// spoke the quote it continues.
std::vector<bool> continued_quotes(const Document& doc);

}  // namespace r2p::detail
