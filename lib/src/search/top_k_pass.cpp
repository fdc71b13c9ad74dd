#include "search/top_k_pass.hpp"

#include "r2p/schema.hpp"

namespace r2p {

TopK top_k_of(const Xapian::Database& db, const RankedMatches& ranked) {
    TopK out;
    for (const RankedMatch& m : ranked.hits) {
        out.hits.push_back({m.weight, m.did, db.get_document(m.did).get_data()});
    }
    out.matches = ranked.matches;
    return out;
}

std::optional<TopK> XapianTopK::run(const Xapian::Query& query, std::size_t offset,
                                    std::size_t limit, SortOrder sort) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    if (sort == SortOrder::Date) {
        enquire.set_sort_by_value_then_relevance(schema::slot(schema::Slot::Date), true);
    }
    if (collapse_) enquire.set_collapse_key(*collapse_);
    // Checking up to kExactMatchesUpTo matches makes the count exact below it, as the
    // posting walk's and the counting pass's always are: the same number whatever the
    // table policy, at the cost of Xapian's early termination on smaller result sets.
    // Collapsing, every match checked also reads its collapse key (8x slower at 100k
    // passages): groups are counted exactly up to kExactGroupsUpTo matches only, and the
    // searcher counts the passages in its counting pass.
    const Xapian::doccount check = collapse_ ? kExactGroupsUpTo : kExactMatchesUpTo;
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                               static_cast<Xapian::doccount>(limit), check);
    TopK out;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.hits.push_back({it.get_weight(), *it, it.get_document().get_data()});
    }
    const MatchCounts counted = {mset.get_matches_lower_bound(), mset.get_matches_estimated(),
                                 mset.get_matches_upper_bound()};
    out.matches = counted;
    if (collapse_) {
        // Collapsed, get_matches_* count groups; the uncollapsed counts are of passages.
        out.groups = counted;
        out.matches = {mset.get_uncollapsed_matches_lower_bound(),
                       mset.get_uncollapsed_matches_estimated(),
                       mset.get_uncollapsed_matches_upper_bound()};
    }
    return out;
}

std::optional<TopK> PostingWalkTopK::run(const Xapian::Query& query, std::size_t offset,
                                         std::size_t limit, SortOrder sort) const {
    if (sort != SortOrder::Relevance) return std::nullopt;
    const std::optional<RankedMatches> ranked =
        rank_bm25(db_, lengths_, query, offset, limit, counts_, dates_, visitor_, shards_, threads_,
                  shard_files_);
    if (!ranked) return std::nullopt;
    return top_k_of(db_, *ranked);
}

}  // namespace r2p
