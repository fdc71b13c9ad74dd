// A search's exact counting pass: a collector that visits every match of the query once,
// unscored, counting the matches and the facets asked for; from a snapshot's facet tables
// where it has them, else from stored values with Xapian's match spies.
#pragma once

#include <xapian.h>

#include <memory>
#include <vector>

#include "r2p/facets.hpp"
#include "r2p/search_result.hpp"
#include "r2p/taxonomy.hpp"
#include "search/match_visitor.hpp"
#include "search/search_snapshot.hpp"
#include "search/walked_count.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

/// What a counting pass found.
struct CountedMatches {
    Xapian::doccount matches = 0;  ///< exact
    std::vector<Facet> facets;     ///< the fields asked for, in that order
    CountedBy counted_by = CountedBy::None;
};

/// Counts over a SearchSnapshot, with the tables it chooses.
///
/// Over local shards the counter reads the snapshot's counting_shards() and counts each
/// shard as a task of a WorkerPool it keeps (one thread per shard, started at its first such
/// count), so the caller ranks the same query meanwhile: a faceted query then costs about
/// the longer of the two passes, not their sum. Xapian hands a match spy the docid within
/// its shard, so tables are per shard anyway. With a remote shard, counting runs on the
/// snapshot's database, in finish(), with Xapian's own spies (a stock xapian-tcpsrv runs
/// them).
///
/// When the caller's ranked pass is a posting walk that visits every match anyway (a term or
/// an AND; by date, any shape), start() runs no pass: visitor() counts along that walk (see
/// walked_count.hpp), which saves the second walk of the same postings and the hand-off to a
/// thread; finish() counts on the shards itself if the walk did not visit every match after
/// all. An OR by relevance is counted on the pool beside its ranking, so that a lone query
/// need not wait for both in turn, unless every core already runs a search (see
/// running_searches.hpp), or the ranked walk walks the shards at once: then the count rides
/// on its ranked walk too.
class MatchCounter {
  public:
    /// Counts over `snapshot`, which must outlive the counter. Counting runs on the pool
    /// from databases of `threads_from` passages (below, a pass is shorter than handing it
    /// to a thread, and finish() counts on the caller's thread). `cores`: how many searches
    /// running at once keep every core busy.
    MatchCounter(SearchSnapshot& snapshot, Xapian::doccount threads_from, unsigned cores);
    ~MatchCounter();
    MatchCounter(const MatchCounter&) = delete;
    MatchCounter& operator=(const MatchCounter&) = delete;

    /// Starts counting every match of `query`, with the facets of `fields` (duplicates
    /// once). Call finish() next; the caller may search the snapshot's db() in between.
    /// `walk`: the posting walk over db() the caller ranks `query` with next, handing it
    /// visitor(). `shards_at_once`: that walk walks the local shards at once, each on a
    /// thread (see rank_bm25); an OR's count then rides on it too.
    void start(const Xapian::Query& query, const std::vector<FacetField>& fields,
               RankedWalk walk = RankedWalk::None, bool shards_at_once = false);

    /// What the ranked walk of the count started last is to hand its matches to; nullptr
    /// when that count does not ride on the ranked walk.
    MatchVisitor* visitor();

    /// The count started last. Rethrows what counting threw (Xapian errors included).
    CountedMatches finish(const Taxonomy& taxonomy);

    /// Waits for a count started and never finished (its caller failed before finish()).
    /// Call it before refreshing the snapshot.
    void wait() noexcept;

  private:
    struct Running;

    SearchSnapshot& snapshot_;
    Xapian::doccount threads_from_;
    unsigned cores_;
    std::unique_ptr<WorkerPool> pool_;  // started at the first count run on threads
    std::unique_ptr<Running> running_;
};

}  // namespace r2p
