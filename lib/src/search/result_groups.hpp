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

/// The exact number of other matches of `query` in the group of `passage` (a hit of that
/// query): those with its paragraph id as their own (Q) or parent (XP) id, or with its
/// document id (XD). One unscored count over the group's postings per hit.
std::size_t folded_matches(const Xapian::Database& db, const Xapian::Query& query,
                           const StoredPassage& passage, GroupBy group);

}  // namespace r2p
