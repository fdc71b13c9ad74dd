// The passage dates a posting walk reads: a DateTable of the whole (possibly sharded)
// database, seen from the database the walk runs on, which may be one of its shards.
#pragma once

#include <xapian.h>

#include <cstdint>

#include "search/shard_docids.hpp"
#include "tables/date_table.hpp"

namespace r2p::detail {

/// A DateTable seen from shard `shard` (0-based) of the `shards` local shards it was built
/// over as one database: Xapian numbers the combined database's documents by interleaving
/// its shards' (shard docid d is combined docid (d - 1) * shards + shard + 1). The default
/// (shards = 1, shard = 0) reads the table's own docids.
struct WalkDates {
    const DateTable* table = nullptr;
    Xapian::docid shards = 1;
    Xapian::docid shard = 0;

    /// The date key (DateTable::key_of) of the walked database's document `did`.
    std::uint32_t at(Xapian::docid did) const {
        return table->at(ShardDocids{shards, shard}.combined(did));
    }
};

}  // namespace r2p::detail
