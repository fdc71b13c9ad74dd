// The exact count of a ranked OR, finished from what its MaxScore walk read: the postings
// ranking passes go into a docid bitset as it steps through them, so the count decodes only
// those ranking never reached instead of walking the whole union a second time. Its matches
// can be handed to a MatchVisitor (the counting pass's facets), which then needs no walk of
// its own.
#pragma once

#include <xapian.h>

#include "search/docid_bits.hpp"
#include "search/match_visitor.hpp"
#include "search/posting_walk.hpp"
#include "search/shard_docids.hpp"
#include "search/walk_dates.hpp"

namespace r2p::detail {

/// Reads into `read` the rest of every term of `ranked`, the walk of the OR `query` over
/// `db` that rank_or_max_score ranked with `read`, then visits the union's docids in
/// ascending order, applying the query's filters (date ranges with `dates`): each match is
/// counted and handed to `visitor` (if any) by its combined docid (`ids`, when `db` is one
/// shard). Returns the count. Consumes `ranked`.
Xapian::doccount count_or_union(const Xapian::Database& db, const Xapian::Query& query,
                                const WalkDates& dates, PostingWalk& ranked, DocidBits& read,
                                ShardDocids ids, MatchVisitor* visitor);

}  // namespace r2p::detail
