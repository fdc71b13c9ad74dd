// Grouped results (GroupBy): the collapse key each grouping uses, the check that a database
// has it, and how many matches each shown hit folds.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>

#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"

namespace r2p {

/// The value slot Xapian collapses on for `group`: Slot::Paragraph or Slot::Doc; nullopt
/// for GroupBy::None.
std::optional<Xapian::valueno> collapse_slot(GroupBy group);

/// Throws UsageError when some passage of `db` has no value in `group`'s collapse slot
/// (indexed before r2p-index wrote Slot::Paragraph): such passages would never fold, and
/// the results would look grouped without being so.
void check_groupable(const Xapian::Database& db, GroupBy group);

/// Sets each hit's `folded` (the other matches of `query` in its group) exactly, and makes
/// `result.groups` exact when `result.matches` (exact: the counting pass ran) is at most
/// kExactGroupsUpTo, else keeps Xapian's estimate within [shown, matches]. One unscored pass
/// reading the collapse keys: of every match up to kExactGroupsUpTo matches, else only of the
/// matches in the hits' groups (their Q/XP or XD terms), so a broad query is expanded once,
/// not once per hit.
void count_groups(const Xapian::Database& db, const Xapian::Query& query, GroupBy group,
                  SearchResult& result);

}  // namespace r2p
