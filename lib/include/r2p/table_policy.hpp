// When a Searcher builds its in-memory tables: facet values (FacetTable) and passage lengths
// (LengthTable). A table costs one pass over part of the database to build and then makes
// every query cheaper; remote shards never get tables (their counting runs on the server).
#pragma once

namespace r2p {

enum class TablePolicy {
    Auto,    ///< build a table once the work it would have saved has cost about as much
    Always,  ///< build it for the first query that can use it
    Never,   ///< never: Xapian's stored values and length lists only
};

}  // namespace r2p
