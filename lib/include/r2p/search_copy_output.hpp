// The search copy's report as a line for people or as JSON.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "r2p/search_copy.hpp"

namespace r2p {

/// {copy, shards_merged, passages, search_only, bytes, termlist_bytes_left_out,
/// files {name: bytes}, compact_seconds, tables_seconds}.
nlohmann::json search_copy_to_json(const SearchCopyReport& report);

/// "copied 2 shards (1000 passages) into OUT in 1.2 s: 12.3 MB, search-only (termlist
/// table of 4.5 MB left out)" and one line per file.
void print_search_copy(const SearchCopyReport& report, std::ostream& out);

}  // namespace r2p
