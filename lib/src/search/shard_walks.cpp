#include "search/shard_walks.hpp"

#include <stdexcept>

namespace r2p::detail {

std::vector<Xapian::doccount> ShardWalks::termfreqs() const {
    std::vector<Xapian::doccount> out(walks.front().terms().size(), 0);
    if (halves) {  // both walk the same database
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = walks.front().terms()[i].termfreq;
        return out;
    }
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

void ShardWalks::split_in_halves(const Xapian::Database& other, const Xapian::Query& query,
                                 const TableFile* file) {
    if (walks.size() != 1 || halves) throw std::logic_error("split_in_halves: not one walk");
    const Xapian::docid last = other.get_lastdocid();
    std::optional<PostingWalk> upper = PostingWalk::open(other, query, &dates.front(), file);
    if (!upper) throw std::logic_error("split_in_halves: the query cannot be walked");
    walks.front().limit_to(1, last / 2);
    upper->limit_to(last / 2 + 1, last);
    walks.push_back(std::move(*upper));
    halves = true;
}

}  // namespace r2p::detail
