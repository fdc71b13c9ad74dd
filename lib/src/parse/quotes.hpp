// The quotes inside one paragraph, and whether each is speech or a scare quote.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.hpp"

namespace r2p {

/// Top-level quotes of one paragraph, in order, with `speech` decided. Handles " “” «» ‘’,
/// nested quotes, apostrophes; an unbalanced quote never runs past the paragraph's end.
std::vector<Quote> find_quotes(std::string_view paragraph);

}  // namespace r2p
