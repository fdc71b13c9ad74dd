// SearchResult -> a readable terminal table, facet tables and the "Did you mean" line.
#pragma once

#include <ostream>

#include "r2p/search.hpp"

namespace r2p {

/// How to print a table.
struct TableStyle {
    bool bold = false;        ///< matches in ANSI bold (on a terminal); plain when piped
    std::size_t width = 100;  ///< snippet lines are wrapped to this many columns
};

/// Writes the result: a count line, then per hit its rank, id, kind, roles and speaker
/// ("[minister] Villy Søvndal"), score (left out when no hit has one: filters only), the
/// document's title and date, its event, place and source URL, themes and the wrapped
/// snippet; then one table per facet (value, label, count; years in year order with undated
/// passages under "no date"); then "Did you mean: …" when there is a suggestion. Control
/// characters of any field are printed as U+FFFD. Only results, nothing else.
void print_table(std::ostream& out, const SearchResult& result, const TableStyle& style);

}  // namespace r2p
