#include "search/shard_walks.hpp"

namespace r2p::detail {

std::vector<Xapian::doccount> ShardWalks::termfreqs() const {
    std::vector<Xapian::doccount> out(walks.front().terms().size(), 0);
    for (const PostingWalk& part : walks) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += part.terms()[i].termfreq;
    }
    return out;
}

std::optional<ShardWalks> open_shard_walks(const Xapian::Database& db, const Xapian::Query& query,
                                           const DateTable* dates,
                                           const std::vector<Xapian::Database>& shards,
                                           const std::vector<const TableFile*>& files) {
    const bool by_shard = shards.size() > 1;
    const std::size_t parts = by_shard ? shards.size() : 1;
    ShardWalks out;
    out.dates.reserve(parts);  // the walks keep pointers to them
    for (std::size_t i = 0; i < parts; ++i) {
        out.dates.push_back(
            {dates, static_cast<Xapian::docid>(parts), static_cast<Xapian::docid>(i)});
        // A single shard walked whole is db: its docids are the shard's.
        const TableFile* file =
            files.size() == shards.size() && i < files.size() ? files[i] : nullptr;
        auto walk = PostingWalk::open(by_shard ? shards[i] : db, query, &out.dates.back(), file);
        if (!walk) return std::nullopt;
        out.walks.push_back(std::move(*walk));
    }
    return out;
}

}  // namespace r2p::detail
