#include "search/date_walk_top_k.hpp"

#include "search/date_ranked_pass.hpp"

namespace r2p {

std::optional<TopK> DateWalkTopK::run(const Xapian::Query& query, std::size_t offset,
                                      std::size_t limit, SortOrder sort) const {
    if (sort != SortOrder::Date) return std::nullopt;
    const std::optional<RankedMatches> ranked =
        rank_by_date(db_, lengths_, dates_, query, offset, limit, visitor_, shards_);
    if (!ranked) return std::nullopt;
    return top_k_of(db_, *ranked);
}

}  // namespace r2p
