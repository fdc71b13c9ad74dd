// SearchResult -> a readable terminal table, facet tables and the "Did you mean" line.
#pragma once

#include <ostream>
#include <string>

#include "r2p/search.hpp"

namespace r2p {

/// How to print a table.
struct TableStyle {
    bool bold = false;        ///< matches in ANSI bold (on a terminal); plain when piped
    std::size_t width = 100;  ///< snippet lines are wrapped to this many columns
    /// How to search as asked after a correction, as the caller names it ("--correct off"):
    /// shown after "Showing results for …; search instead for …"; empty: nothing shown.
    std::string search_as_asked = {};
};

/// Writes the result: a count line, then per hit its rank, id, kind, roles and speaker
/// ("[minister] Villy Søvndal"), score (left out when no hit has one: filters only), the
/// document's title and date, its event, place and source URL, themes and the wrapped
/// snippet; then one table per facet (value, label, count; years in year order with undated
/// passages under "no date"); then "Did you mean: …" when there is a suggestion. Control
/// characters of any field are printed as U+FFFD. Only results, nothing else.
/// A corrected query (corrected_query) opens with "Showing results for CORRECTED; search
/// instead for QUERY (style.search_as_asked)" and has no "Did you mean" line; a grouped one
/// counts its groups on the count line and says under each hit how many matches it folds.
void print_table(std::ostream& out, const SearchResult& result, const TableStyle& style);

/// Writes a passage in its context: its document, then the paragraphs before it, its
/// paragraph, that paragraph's quotes (indented) and the paragraphs after it, each with its
/// id, label, kind and speaker over its wrapped text; the passage asked for is marked ">".
void print_passage_context(std::ostream& out, const PassageContext& context,
                           const TableStyle& style);

}  // namespace r2p
