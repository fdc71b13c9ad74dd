// BM25 top-k read straight from posting lists, with every passage's length held in memory,
// for the query shapes most searches have. Xapian's matcher looks each match's length up
// on disk: at 1M passages that was 90% of a ranked pass (a 6,000-match term: 3.9 ms with
// lengths, 0.17 ms with BM25's length factor off).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "r2p/search_result.hpp"
#include "search/match_visitor.hpp"
#include "tables/date_table.hpp"
#include "tables/length_table.hpp"
#include "tables/table_file.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

/// One ranked match.
struct RankedMatch {
    Xapian::docid did = 0;
    double weight = 0;
};

/// The hits of a ranked pass and how many passages match.
struct RankedMatches {
    std::vector<RankedMatch> hits;
    MatchCounts matches;  ///< see RankCounts
};

/// What a ranked pass must count of the matches.
enum class RankCounts {
    /// Exact whenever there are at most kExactMatchesUpTo matches; above, possibly bounds
    /// (lower <= estimated <= upper) from the terms' frequencies.
    Exact,
    /// Bounds from the terms' frequencies only (a counting pass counts the matches): the
    /// ranked pass may then skip matches that cannot enter the hits.
    BoundsOnly,
};

/// Shards are walked at once from this many postings (the query's terms' frequencies
/// summed) by default: below, the hand-off to another thread costs about what it saves (at
/// 1M passages on 2 shards, 20 faceted rare terms of 95-6,757 matches took 0.55-0.58 ms a
/// query in turn, 0.60-0.61 at once).
inline constexpr Xapian::doccount kShardsAtOnceFromPostings = 10'000;

/// How rank_bm25 may walk a database's local shards at once.
struct ShardThreads {
    WorkerPool* pool = nullptr;  ///< none: in turn, on the caller's thread
    /// From how many postings (the query's terms' frequencies summed).
    Xapian::doccount from_postings = kShardsAtOnceFromPostings;
    /// A single database (one shard) is walked at once in two halves of its docids, the
    /// upper one through this other handle of it, at the same revision and used by nothing
    /// else meanwhile. None: a single database is walked whole.
    const Xapian::Database* second_half = nullptr;
};

/// Whether rank_bm25 may walk a single database's two halves at once for `query`: when its
/// walk has few terms. Each is opened again for the upper half, on the caller's thread: a
/// wildcard's dozens cost more than the second thread saves (its faceted queries at 1M
/// compacted went 2.0-2.3 -> 2.6-2.9 ms, where an OR of a few went 3.5-4.6 -> 3.1-3.2).
bool walked_in_halves(const Xapian::Query& query);

/// Ranks `query` over `db` as Xapian::Enquire does with the default BM25Weight (the same
/// formula and statistics, ties by ascending docid; weights equal up to rounding when more
/// than two terms are summed) and returns hits [offset, offset + limit) with the match
/// count asked for. Handles a term, or an AND or OR of distinct terms, optionally FILTERed
/// by AND/OR trees of terms and (with `dates`) date ranges; nullopt for any other query,
/// which Xapian's matcher must rank. An OR is ranked with MaxScore pruning (max_score.hpp)
/// and, when a count or `visitor` asks, counted after from the postings ranking read
/// (or_union_count.hpp). Every match is handed to `visitor` (if any), in ascending docid
/// order (within each shard, when `shards` are walked), which is then told it saw them all.
/// `shards`: db's local shards one by one (handles sharing db's, at its revision), each then
/// walked on its own with db's statistics; `lengths` and `dates` are db's as a whole.
/// With `threads.pool`, several shards and as many postings as `threads` asks, the shards
/// are walked at once, the first on the caller's thread and each other as a task of the
/// pool, unless `visitor` has no shard_part() for each (then in turn): same hits, weights
/// and counts. A single shard with `threads.second_half` is walked so in two halves of its
/// docids (the visitor's shard_part(0) and (1) each seeing one) when walked_in_halves(). Nothing
/// else may use the shards' handles meanwhile. `shard_files`: each of `shards`' table file (empty:
/// none), whose rows give an indexed phrase's words' wdfs (the same weights as reading them from
/// the words' postings).
std::optional<RankedMatches> rank_bm25(const Xapian::Database& db, const LengthTable& lengths,
                                       const Xapian::Query& query, std::size_t offset,
                                       std::size_t limit, RankCounts counts = RankCounts::Exact,
                                       const DateTable* dates = nullptr,
                                       MatchVisitor* visitor = nullptr,
                                       const std::vector<Xapian::Database>& shards = {},
                                       const ShardThreads& threads = {},
                                       const std::vector<const TableFile*>& shard_files = {});

}  // namespace r2p
