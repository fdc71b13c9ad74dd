// r2p-index --write-tables: its report as JSON or as lines for a terminal.
#pragma once

#include <nlohmann/json.hpp>

#include <ostream>

#include "r2p/indexing.hpp"

namespace r2p {

/// {"database", "seconds", "shards": [{"shard", "passages", "revision", "written", "bytes"}]}
nlohmann::json tables_report_json(const TablesReport& report);

/// A line for each shard (its file written, or already of the commit) and one for the run.
void print_tables_report(const TablesReport& report, std::ostream& out);

}  // namespace r2p
