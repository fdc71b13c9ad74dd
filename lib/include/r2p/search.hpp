// Search requests -> ranked, faceted, highlighted results, over one open set of databases.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/databases.hpp"
#include "r2p/facets.hpp"
#include "r2p/match_counter.hpp"
#include "r2p/query.hpp"
#include "r2p/ranked_pass.hpp"
#include "r2p/snippets.hpp"
#include "r2p/stored_passage.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Result order: BM25 relevance, or newest first with relevance breaking ties.
enum class SortOrder { Relevance, Date };

/// "relevance" / "date" -> SortOrder. Throws UsageError for anything else.
SortOrder parse_sort_order(std::string_view name);

/// Largest --limit and --offset accepted: more is a usage error, never a silent wrap.
inline constexpr std::size_t kMaxLimit = 10000;
inline constexpr std::size_t kMaxOffset = 100'000'000;

/// Parses a non-negative decimal count given for `option` ("--limit"). Throws UsageError,
/// naming the option and the value, for a sign, non-digits, or a value above `max`.
std::size_t parse_count(std::string_view option, std::string_view text, std::size_t max);

/// Everything one search needs.
struct SearchRequest {
    std::vector<std::string> databases;  ///< specs for open_databases (used by search())
    std::string query;                   ///< QueryParser syntax; empty: every passage
    std::size_t limit = 10;              ///< at most kMaxLimit; 0 gives counts only
    std::size_t offset = 0;              ///< at most kMaxOffset
    SearchFilters filters;
    std::vector<FacetField> facets;  ///< counted exactly when not empty
    SortOrder sort = SortOrder::Relevance;
    MatchMode match = MatchMode::All;
    bool allow_partial = false;  ///< search the shards that answer (used by search())
};

/// One ranked passage.
struct SearchHit {
    std::size_t rank = 0;  ///< 1-based over the whole result list (offset counted)
    double score = 0;      ///< BM25 weight (0 for a query of filters only)
    StoredPassage passage;
    Snippet snippet;  ///< marks where the query matched the original text
};

/// Match counts are exact (every match checked) whenever a query has at most this many
/// matches, whatever the table policy; above, they may be estimates (see MatchCounts).
inline constexpr Xapian::doccount kExactMatchesUpTo = 100'000;

/// How many passages match: exact (all three equal) up to kExactMatchesUpTo matches and
/// whenever facets were asked for; otherwise Xapian's bounds and estimate. Never fewer than
/// the hits shown (offset counted).
struct MatchCounts {
    Xapian::doccount lower = 0;
    Xapian::doccount estimated = 0;
    Xapian::doccount upper = 0;

    /// True when the count is known, not estimated.
    bool exact() const { return lower == upper; }
};

/// The answer to a SearchRequest.
struct SearchResult {
    std::string query;
    MatchCounts matches;
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<SearchHit> hits;
    std::vector<Facet> facets;                ///< only those asked for, in the order asked
    std::optional<std::string> suggestion;    ///< "did you mean" when a word is unknown
    std::vector<std::string> missing_shards;  ///< not searched (only with allow_partial)
};

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
    QueryBuilder builder_;
};

/// One-shot search: opens request.databases, runs the request, closes them.
SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy);

}  // namespace r2p
