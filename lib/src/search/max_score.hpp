// MaxScore dynamic pruning for an OR of terms ranked by BM25 from posting lists: once k
// matches are held, a term whose upper bound (with those of all weaker terms) cannot lift
// a passage above the k-th weight no longer drives the walk; it is only probed (skip_to)
// for passages the other terms bring whose weight could still enter. Broad ORs (wildcards'
// expansions, two frequent words) then skip most of their matches instead of scoring them.
#pragma once

#include <xapian.h>

#include <vector>

#include "search/best_hits.hpp"
#include "search/docid_bits.hpp"
#include "search/posting_walk.hpp"
#include "search/shard_docids.hpp"
#include "search/walk_term_weight.hpp"
#include "tables/length_table.hpp"

namespace r2p::detail {

/// Offers to `best` every match of the OR `walk` (not conjunctive; filters applied) that
/// could enter it, weighed exactly as rank_bm25 weighs every match (summed in query order),
/// so `best` ends as if every match had been offered. Consumes the walk's terms.
/// With `read` (to count the union after: or_union_count.hpp), probed terms are stepped
/// through rather than skipped, and every posting the walk passes goes into `read`: when it
/// returns, each term's postings before its position are all there. A walk of one shard
/// offers its matches to `best`, and reads their lengths, by combined docid (`ids`); `read`
/// holds the shard's own.
void rank_or_max_score(PostingWalk& walk, const OrWeights& weights, const LengthTable& lengths,
                       BestHits& best, ShardDocids ids = {}, DocidBits* read = nullptr);

}  // namespace r2p::detail
