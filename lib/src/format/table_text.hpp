// The text pieces of the terminal tables (search results, traces): safe text, columns,
// wrapping, a marked snippet.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "r2p/table_output.hpp"

namespace r2p {

/// `text` with every control character (C0, DEL, C1) as U+FFFD and tabs and line breaks as
/// a space: no corpus text can move the cursor or recolour the terminal.
std::string terminal_safe(std::string_view text);

/// Columns a UTF-8 string takes, counting code points.
std::size_t columns(std::string_view s);

/// Byte ranges of the lines of `text` wrapped at spaces to `width` columns.
std::vector<std::pair<std::size_t, std::size_t>> wrap(std::string_view text, std::size_t width);

/// The snippet wrapped to the style's width, indented, its marks in bold when style.bold.
void print_snippet(std::ostream& out, const Snippet& snippet, const TableStyle& style);

}  // namespace r2p
