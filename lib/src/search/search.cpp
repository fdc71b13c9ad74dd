#include "r2p/search.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "index/stored_passage.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "r2p/search_request.hpp"
#include "search/match_counter.hpp"
#include "search/query_builder.hpp"
#include "search/search_snapshot.hpp"
#include "search/snippets.hpp"
#include "search/stored_labels.hpp"
#include "search/top_k_pass.hpp"

namespace r2p {

namespace {

// A writer committing while we read invalidates old revisions; a few reopen-and-retry
// rounds always get a consistent view unless the writer commits continuously.
constexpr int kModifiedRetries = 5;

// Every shard's handle, remote ones too (sharing the combined database's revision).
std::vector<Xapian::Database> shard_handles(const std::vector<OpenedShard>& shards) {
    std::vector<Xapian::Database> handles;
    for (const OpenedShard& shard : shards) handles.push_back(shard.db);
    return handles;
}

}  // namespace

// The snapshot and its tables, the two ranked passes and the counting pass, composed.
struct Searcher::Impl {
    Impl(OpenedDatabases opened, const Taxonomy& taxonomy, const SearcherOptions& options)
        : labels_(shard_handles(opened.shards)),
          snapshot_(opened.db, std::move(opened.parts), std::move(opened.part_paths)),
          counter_(snapshot_, options.counting_threads_from),
          missing_(std::move(opened.missing)),
          taxonomy_(taxonomy),
          builder_(taxonomy) {}

    SearchResult run_once(const SearchRequest& request);
    // The ranked pass: the posting walk where the snapshot has lengths and the walk can
    // rank the query, else Xapian's matcher.
    TopK rank(const Xapian::Query& query, const SearchRequest& request, RankedBy& ranked_by);

    StoredLabels labels_;  // of the facets of fields with stored labels
    SearchSnapshot snapshot_;
    MatchCounter counter_;  // reads snapshot_'s tables: declared after it
    std::vector<std::string> missing_;
    const Taxonomy& taxonomy_;
    QueryBuilder builder_;
};

Searcher::Searcher(const std::vector<std::string>& databases, const Taxonomy& taxonomy,
                   bool allow_partial, SearcherOptions options)
    : Searcher(open_databases(databases, allow_partial), taxonomy, options) {}

Searcher::Searcher(OpenedDatabases opened, const Taxonomy& taxonomy, SearcherOptions options)
    : impl_(std::make_unique<Impl>(std::move(opened), taxonomy, options)) {}

Searcher::~Searcher() = default;

const Xapian::Database& Searcher::database() const { return impl_->snapshot_.db(); }

std::optional<PassageContext> Searcher::passage(const std::string& id, std::size_t around) {
    // Groundwork for issue 14: implemented on the library branch.
    (void)id;
    (void)around;
    throw UsageError("passage context is not implemented yet");
}

void Searcher::set_table_policy(TablePolicy policy) { impl_->snapshot_.set_policy(policy); }

SearchResult Searcher::run(const SearchRequest& request) {
    check_paging(request.limit, request.offset);
    bool modified = false;
    for (int attempt = 1;; ++attempt) {
        try {
            // Each query sees the latest commit (cheap when nothing changed).
            impl_->counter_.wait();  // a count an earlier attempt left running
            if (impl_->snapshot_.refresh(modified)) impl_->labels_.clear();
            modified = false;
            return impl_->run_once(request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == kModifiedRetries) {
                throw IndexError("database keeps changing while searched: " + e.get_msg() +
                                 " (try again)");
            }
            modified = true;  // reopened at the top of the next attempt
        } catch (const Xapian::Error& e) {
            throw IndexError("search failed: " + e.get_description());
        }
    }
}

TopK Searcher::Impl::rank(const Xapian::Query& query, const SearchRequest& request,
                          RankedBy& ranked_by) {
    const Xapian::Database& db = snapshot_.db();
    if (request.sort == SortOrder::Relevance) {
        if (const LengthTable* lengths = snapshot_.length_table()) {
            const PostingWalkTopK walk(db, *lengths);
            if (auto top = walk.run(query, request.offset, request.limit, request.sort)) {
                ranked_by = walk.kind();
                return std::move(*top);
            }
        }
    }
    const XapianTopK xapian(db);
    TopK top = *xapian.run(query, request.offset, request.limit, request.sort);
    ranked_by = xapian.kind();
    if (request.sort == SortOrder::Relevance) snapshot_.ranked_by_xapian(top.matches.estimated);
    return top;
}

SearchResult Searcher::Impl::run_once(const SearchRequest& request) {
    const Xapian::Database& db = snapshot_.db();
    const BuiltQuery built = builder_.build(request.query, request.match, request.filters, db);

    // Facets and match counts are exact only when every match is looked at. That happens in
    // a pass of its own without BM25 (on other threads when the shards are local, while
    // this one ranks), so the ranked pass keeps Xapian's early termination and the counting
    // pass scores nothing. Counting apart also keeps spies off value-sorted matches, which
    // Xapian 1.4 over-counts on remote shards.
    const bool counting = !request.facets.empty();
    if (counting) counter_.start(built.query, request.facets);

    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    TopK top = rank(built.query, request, result.stats.ranked_by);
    for (TopKHit& h : top.hits) {
        SearchHit hit;
        hit.rank = request.offset + result.hits.size() + 1;
        hit.score = h.weight;
        hit.passage = decode_stored_passage(h.data);
        hit.snippet = make_snippet(hit.passage.text, built.highlight);
        result.hits.push_back(std::move(hit));
    }
    result.matches = top.matches;
    // An estimate above kExactMatchesUpTo may still not undercut what is shown.
    const auto shown = static_cast<Xapian::doccount>(request.offset + result.hits.size());
    if (!result.hits.empty() && result.matches.lower < shown) {
        result.matches.lower = shown;
        result.matches.estimated = std::max(result.matches.estimated, shown);
        result.matches.upper = std::max(result.matches.upper, shown);
    }
    if (!request.query.empty()) result.suggestion = builder_.suggest(request.query, db);
    result.missing_shards = missing_;

    if (counting) {
        CountedMatches counted = counter_.finish(taxonomy_);
        result.matches = {counted.matches, counted.matches, counted.matches};
        result.facets = std::move(counted.facets);
        labels_.label(result.facets);
        result.stats.counted_by = counted.counted_by;
    }
    result.stats.length_table = snapshot_.has_length_table();
    result.stats.facet_tables = snapshot_.facet_tables();
    return result;
}

SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy) {
    Searcher searcher(request.databases, taxonomy, request.allow_partial);
    return searcher.run(request);
}

}  // namespace r2p
