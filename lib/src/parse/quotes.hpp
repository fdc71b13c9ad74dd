// The quotes inside one paragraph, and whether each is speech or a scare quote.
#pragma once

#include <string_view>
#include <vector>

#include "parse/document.hpp"

namespace r2p {

/// Top-level quotes of one paragraph, in order, with `speech` and `closed` decided. Handles
/// " “” «» ‘’ and straight ' pairs, nested quotes, apostrophes (d'Ivoire, States', '90s); an
/// unbalanced quote never runs past the paragraph's end (and has `closed == false`). Quote
/// texts leave out a trailing comma, semicolon or colon: it belongs to the sentence around
/// the quote ("“We must act,” she said" quotes "We must act").
std::vector<Quote> find_quotes(std::string_view paragraph);

}  // namespace r2p
