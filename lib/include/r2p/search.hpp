// Search requests -> ranked, faceted, highlighted results, over one open set of databases.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "r2p/databases.hpp"
#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"
#include "r2p/table_policy.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Most paragraphs Searcher::passage shows each side of a passage: more is a UsageError.
inline constexpr std::size_t kMaxAround = 50;

/// How a Searcher runs its passes; the defaults suit every tool.
struct SearcherOptions {
    /// The counting pass of a faceted query, and a phrase's matching, run on threads the
    /// searcher keeps (one per local shard, two at least for a phrase, started at the first
    /// such query) from databases of this many passages;
    /// below, counting after ranking is cheaper than handing it to a thread.
    Xapian::doccount counting_threads_from = 20'000;
    /// The cores searches share (0: the machine's). While this many searches run at once in
    /// the process (over every Searcher), the counting pass of a faceted OR rides on its
    /// ranked walk, on the search's own thread, instead of running on a thread beside it:
    /// no core is free for that thread, and one walk costs less than two.
    unsigned cores = 0;
    /// While a core is free (see `cores`), a query ranked by a walk of the posting lists over
    /// local shards walks them at once, one a thread (a single local database: the two halves
    /// of its docids, for walks of up to 4 terms), from databases of counting_threads_from
    /// passages and queries of this many postings (their terms' frequencies summed); a
    /// faceted query's count then rides on those walks.
    Xapian::doccount shards_at_once_from_postings = 10'000;
};

/// Keeps the databases open for many queries (a query file, a benchmark). Not thread-safe:
/// use one Searcher per thread.
///
/// A query is ranked by Xapian's matcher or by a walk of the posting lists, and counted
/// (when facets are asked for) by a pass of its own that overlaps the ranking; in-memory
/// tables of the current database snapshot make both cheaper and are built as the
/// TablePolicy says. Every result's `stats` say which paths ran.
class Searcher {
  public:
    /// Opens `databases` (see open_databases) and keeps a reference to `taxonomy`, which must
    /// outlive the searcher. Throws IndexError / UsageError as open_databases does; with
    /// `allow_partial`, shards that cannot be opened are named in every result instead.
    Searcher(const std::vector<std::string>& databases, const Taxonomy& taxonomy,
             bool allow_partial = false, SearcherOptions options = {});

    /// Searches databases already opened by open_databases (to read their stored taxonomy
    /// first); otherwise as above.
    Searcher(OpenedDatabases opened, const Taxonomy& taxonomy, SearcherOptions options = {});

    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs `request` (its `databases` member is ignored: the searcher's are used) on the
    /// latest commit of the databases. A database rewritten meanwhile is reopened and the
    /// query retried. Throws UsageError
    /// for a bad query, filter, limit or offset; IndexError when the database fails.
    SearchResult run(const SearchRequest& request);

    /// The passage `id` with the `around` paragraphs before and after it (or its paragraph,
    /// for a quote) and its quotes or its paragraph, from the latest commit; nullopt when no
    /// passage has that id. Neighbours go by the dense "DOCID/pN" ids and stop at the
    /// document's ends. Throws UsageError when `around` exceeds kMaxAround, IndexError when
    /// the database fails.
    std::optional<PassageContext> passage(const std::string& id, std::size_t around = 2);

    /// The combined database searched.
    const Xapian::Database& database() const;

    /// The taxonomy filters are checked against (the one given to the constructor).
    const Taxonomy& taxonomy() const;

    /// Chooses when the in-memory tables are built (Auto unless set).
    void set_table_policy(TablePolicy policy);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One-shot search: opens request.databases, runs the request, closes them.
SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy);

}  // namespace r2p
