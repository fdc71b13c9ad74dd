#include "r2p/search.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "index/stored_passage.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "search/query_builder.hpp"
#include "search/snippets.hpp"

namespace r2p {

namespace {

// A writer committing while we read invalidates old revisions; a few reopen-and-retry
// rounds always get a consistent view unless the writer commits continuously.
constexpr int kModifiedRetries = 5;

// Xapian ranks a match in about 0.6 us at 1M passages (mostly reading its length), a
// LengthTable costs about 0.05 us a passage to build: Auto builds it once Xapian has
// ranked a twelfth of the database's size in matches.
constexpr Xapian::doccount kRankCostInLengths = 12;

}  // namespace

Searcher::Searcher(const std::vector<std::string>& databases, const Taxonomy& taxonomy,
                   bool allow_partial)
    : Searcher(open_databases(databases, allow_partial), taxonomy) {}

Searcher::Searcher(OpenedDatabases opened, const Taxonomy& taxonomy)
    : db_(std::move(opened.db)),
      missing_(std::move(opened.missing)),
      counter_(db_, opened.parts, opened.part_paths),
      local_(!opened.parts.empty()),
      taxonomy_(taxonomy) {}

SearchResult Searcher::run(const SearchRequest& request) {
    check_paging(request.limit, request.offset);
    bool modified = false;
    for (int attempt = 1;; ++attempt) {
        try {
            // Each query sees the latest commit (cheap when nothing changed); tables of an
            // older snapshot go with it.
            if (db_.reopen() || modified) {
                counter_.reopened();
                lengths_.reset();
                modified = false;
            }
            return run_once(request);
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

const LengthTable* Searcher::length_table() {
    if (lengths_) return &*lengths_;
    const TablePolicy policy = counter_.policy();
    if (!local_ || policy == TablePolicy::Never) return nullptr;
    if (policy == TablePolicy::Auto &&
        static_cast<std::uint64_t>(ranked_by_xapian_) * kRankCostInLengths < db_.get_doccount()) {
        return nullptr;
    }
    lengths_ = LengthTable::build(db_);
    return &*lengths_;
}

SearchResult Searcher::run_once(const SearchRequest& request) {
    const QueryBuilder builder(taxonomy_);
    const BuiltQuery built = builder.build(request.query, request.match, request.filters, db_);

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
    auto add_hit = [&](double weight, const std::string& data) {
        SearchHit hit;
        hit.rank = request.offset + result.hits.size() + 1;
        hit.score = weight;
        hit.passage = decode_stored_passage(data);
        hit.snippet = make_snippet(hit.passage.text, built.highlight);
        result.hits.push_back(std::move(hit));
    };
    std::optional<RankedMatches> ranked;
    if (request.sort == SortOrder::Relevance) {
        if (const LengthTable* lengths = length_table()) {
            ranked = rank_bm25(db_, *lengths, built.query, request.offset, request.limit);
        }
    }
    if (ranked) {
        for (const RankedMatch& m : ranked->hits)
            add_hit(m.weight, db_.get_document(m.did).get_data());
        result.matches = {ranked->matches, ranked->matches, ranked->matches};
    } else {
        Xapian::Enquire enquire(db_);
        enquire.set_query(built.query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        if (request.sort == SortOrder::Date) {
            enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
        }
        // Checking up to kExactMatchesUpTo matches makes the count exact below it, as the
        // posting walk's and the counting pass's always are: the same number whatever the
        // table policy, at the cost of Xapian's early termination on smaller result sets.
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                             static_cast<Xapian::doccount>(request.limit), kExactMatchesUpTo);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            add_hit(it.get_weight(), it.get_document().get_data());
        }
        result.matches = {mset.get_matches_lower_bound(), mset.get_matches_estimated(),
                          mset.get_matches_upper_bound()};
        if (request.sort == SortOrder::Relevance) ranked_by_xapian_ += mset.get_matches_estimated();
    }
    // An estimate above kExactMatchesUpTo may still not undercut what is shown.
    const auto shown = static_cast<Xapian::doccount>(request.offset + result.hits.size());
    if (!result.hits.empty() && result.matches.lower < shown) {
        result.matches.lower = shown;
        result.matches.estimated = std::max(result.matches.estimated, shown);
        result.matches.upper = std::max(result.matches.upper, shown);
    }
    if (!request.query.empty()) result.suggestion = builder.suggest(request.query, db_);
    result.missing_shards = missing_;

    if (counting) {
        CountedMatches counted = counter_.finish(taxonomy_);
        result.matches = {counted.matches, counted.matches, counted.matches};
        result.facets = std::move(counted.facets);
    }
    return result;
}

SearchResult search(const SearchRequest& request, const Taxonomy& taxonomy) {
    Searcher searcher(request.databases, taxonomy, request.allow_partial);
    return searcher.run(request);
}

}  // namespace r2p
