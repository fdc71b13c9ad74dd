// The indexing report as a readable table or as JSON.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "r2p/indexing.hpp"

namespace r2p {

/// The report as JSON: files {found, indexed, unchanged, converted[], skipped[]},
/// passages {paragraphs, quotes, total}, themes {id: n}, roles {id: n}, pruned, seconds,
/// passages_per_second, megabytes_per_second, warnings [line], prune_limited [{path, reason}]
/// (paths a --prune run could not read: nothing under them was pruned), dry_run; for a dry run also
/// documents {added, replaced, unchanged, pruned}: [{id, path}].
nlohmann::json report_to_json(const IndexReport& report);

/// The report as a table for people.
void print_report_table(const IndexReport& report, std::ostream& out);

}  // namespace r2p
