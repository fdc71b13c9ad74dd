// When a Searcher builds its in-memory tables: facet values (FacetTable) and passage lengths
// (LengthTable). A table costs one pass over part of the database to build and then makes
// every query cheaper; remote shards never get tables (their counting runs on the server).
#pragma once

#include <string>
#include <string_view>

#include "r2p/error.hpp"

namespace r2p {

enum class TablePolicy {
    Auto,    ///< build a table once the work it would have saved has cost about as much
    Always,  ///< build it for the first query that can use it
    Never,   ///< never: Xapian's stored values and length lists only
};

/// "auto" / "always" / "never" -> TablePolicy. Throws UsageError for anything else.
inline TablePolicy parse_table_policy(std::string_view name) {
    if (name == "auto") return TablePolicy::Auto;
    if (name == "always") return TablePolicy::Always;
    if (name == "never") return TablePolicy::Never;
    throw UsageError("unknown --tables '" + std::string(name) + "' (known: auto, always, never)");
}

}  // namespace r2p
