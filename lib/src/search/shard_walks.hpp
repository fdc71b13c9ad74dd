// The posting walks of a ranked pass: of a database whole, or of each of its local shards on
// its own (Xapian's merge of the shards' postings is then not paid), every walk reading the
// dates of the database as a whole by combined docid.
#pragma once

#include <xapian.h>

#include <optional>
#include <vector>

#include "search/posting_walk.hpp"
#include "search/shard_docids.hpp"
#include "search/walk_dates.hpp"
#include "tables/date_table.hpp"
#include "tables/table_file.hpp"

namespace r2p::detail {

/// One walk per part: db whole, each of its shards, or the two halves of db's docids.
struct ShardWalks {
    std::vector<WalkDates> dates;  // the walks point into it: never resized once open
    std::vector<PostingWalk> walks;
    bool halves = false;  // the walks are of db's docids [1, mid] and [mid + 1, last]

    std::size_t parts() const { return walks.size(); }
    /// How part `i` numbers its matches in the database as a whole.
    ShardDocids ids(std::size_t i) const {
        if (halves) return {};
        return {static_cast<Xapian::docid>(walks.size()), static_cast<Xapian::docid>(i)};
    }
    /// The dates part `i` reads (the halves share one's).
    const WalkDates& dates_of(std::size_t i) const { return dates[halves ? 0 : i]; }
    /// Splits the walk of a single database (one part) into its docids' halves, the upper
    /// one walked through `other`, another handle of the same database at the same revision
    /// (a handle is one thread's), with table file `file` (may be null).
    void split_in_halves(const Xapian::Database& other, const Xapian::Query& query,
                         const TableFile* file);
    /// Each term's frequency in the database as a whole (the sum of the parts'), in query
    /// order.
    std::vector<Xapian::doccount> termfreqs() const;
};

/// Opens the walks of `query` over `db`, or over each of `shards` when there are more than
/// one (db's local shards one by one, handles sharing db's), with date ranges answered from
/// `dates` (db's as a whole; may be null). `files`: each shard's table file, in `shards`
/// order (empty: none), for their phrases' words. nullopt when the walk cannot take the
/// query.
std::optional<ShardWalks> open_shard_walks(const Xapian::Database& db, const Xapian::Query& query,
                                           const DateTable* dates,
                                           const std::vector<Xapian::Database>& shards,
                                           const std::vector<const TableFile*>& files = {});

}  // namespace r2p::detail
