// What the highlighter marks for a parsed query: its terms, phrases and wildcard prefixes.
#pragma once

#include <xapian.h>

#include <vector>

#include "search/query_tokens.hpp"
#include "search/snippets.hpp"

namespace r2p::detail {

/// The single terms of `query` (folded words and Z-prefixed stems; field terms and the words
/// of phrases left out), and the phrases and wildcard prefixes of `tokens`, the text it was
/// parsed from.
HighlightTerms highlight_terms(const Xapian::Query& query, const std::vector<QueryToken>& tokens);

}  // namespace r2p::detail
