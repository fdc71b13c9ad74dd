// Search requests -> ranked, faceted, highlighted results, over one open set of databases.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "r2p/databases.hpp"
#include "r2p/match_counter.hpp"
#include "r2p/query.hpp"
#include "r2p/ranked_pass.hpp"
#include "r2p/search_request.hpp"
#include "r2p/search_result.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Keeps the databases open for many queries (a query file, a benchmark). Not thread-safe:
/// use one Searcher per thread.
class Searcher {
  public:
    /// Opens `databases` (see open_databases) and keeps a reference to `taxonomy`, which must
    /// outlive the searcher. Throws IndexError / UsageError as open_databases does; with
    /// `allow_partial`, shards that cannot be opened are named in every result instead.
    Searcher(const std::vector<std::string>& databases, const Taxonomy& taxonomy,
             bool allow_partial = false);

    /// Searches databases already opened by open_databases (to read their stored taxonomy
    /// first); otherwise as above.
    Searcher(OpenedDatabases opened, const Taxonomy& taxonomy);

    /// Runs `request` (its `databases` member is ignored: the searcher's are used) on the
    /// latest commit of the databases. A database rewritten meanwhile is reopened and the
    /// query retried. Throws UsageError
    /// for a bad query, filter, limit or offset; IndexError when the database fails.
    SearchResult run(const SearchRequest& request);

    /// The combined database searched.
    const Xapian::Database& database() const { return db_; }

    /// Chooses when facet tables are built (Auto unless set).
    void set_table_policy(TablePolicy policy) { counter_.set_policy(policy); }

    /// Counts on threads of its own from this many passages (see MatchCounter).
    void set_counting_threads_from(Xapian::doccount passages) {
        counter_.set_threads_from(passages);
    }

    /// Whether the ranked pass now reads passage lengths from a LengthTable.
    bool has_length_table() const { return lengths_.has_value(); }

    /// Whether `field` is now counted from FacetTables.
    bool has_facet_table(FacetField field) const { return counter_.has_table(field); }

  private:
    SearchResult run_once(const SearchRequest& request);
    const LengthTable* length_table();

    Xapian::Database db_;
    std::vector<std::string> missing_;
    MatchCounter counter_;
    bool local_ = false;                     // every shard is a local database
    std::optional<LengthTable> lengths_;     // of db_'s current snapshot
    Xapian::doccount ranked_by_xapian_ = 0;  // matches Xapian's ranked passes reported

    const Taxonomy& taxonomy_;
};

/// One-shot search: opens request.databases, runs the request, closes them.
SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy);

}  // namespace r2p
