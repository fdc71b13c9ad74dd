// r2p-search --queries FILE: many queries against one open database, one JSON line each.
#pragma once

#include <cstddef>
#include <filesystem>
#include <ostream>

#include "r2p/search.hpp"

namespace r2p::searcher {

/// Runs each non-blank, non-# line of `file` (QUERY words and query options, as on the
/// command line, words first or options first; single quotes group, double quotes make
/// phrases) through `searcher`, printing per query one JSON line to `out`:
/// {"line", "query", "matches", "exact", "top": [ids], "micros"} ("matches" is the estimated
/// count, "exact" whether it is exact); then a summary line
/// {"summary": {"queries", "failed", "p50_micros", "p95_micros", "p99_micros"}}. A bad line
/// is reported on `err` as "r2p-search: error: FILE:LINE: reason" and skipped. Returns how
/// many lines failed. Throws IndexError when the file cannot be read.
std::size_t run_query_file(const std::filesystem::path& file, Searcher& searcher, std::ostream& out,
                           std::ostream& err);

}  // namespace r2p::searcher
