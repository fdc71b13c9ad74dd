// How the server opens a searcher: the databases, and the taxonomy they were indexed with
// unless files named on the command line replace it (as r2p-search does).
#pragma once

#include <string>
#include <vector>

#include "cli/app.hpp"
#include "r2p/table_policy.hpp"
#include "server/searcher_pool.hpp"

namespace r2p::serve {

/// An opener for SearcherPool: open_databases(databases), the stored taxonomy resolved
/// against `named` (cli::resolve_taxonomy), a Searcher with `policy`. Each call reads the
/// stored taxonomy again, so a database re-indexed with another taxonomy is searched with it.
SearcherOpener make_searcher_opener(std::vector<std::string> databases,
                                    cli::NamedTaxonomyFiles named, TablePolicy policy);

}  // namespace r2p::serve
