// How a combined database numbers the documents of one of its local shards: Xapian
// interleaves them (shard docid d is combined docid (d - 1) * shards + shard + 1). A walk of
// one shard's postings offers, weighs and visits its matches by their combined docids.
#pragma once

#include <xapian.h>

namespace r2p::detail {

/// Shard `shard` (0-based) of `shards`; the default is a database walked whole.
struct ShardDocids {
    Xapian::docid shards = 1;
    Xapian::docid shard = 0;

    /// The combined docid of the shard's document `did`.
    Xapian::docid combined(Xapian::docid did) const { return (did - 1) * shards + shard + 1; }

    /// The shard (0-based) of `shards` holding combined docid `combined`, and its docid there.
    static Xapian::docid shard_of(Xapian::docid combined, Xapian::docid shards) {
        return (combined - 1) % shards;
    }
    static Xapian::docid local(Xapian::docid combined, Xapian::docid shards) {
        return (combined - 1) / shards + 1;
    }
};

}  // namespace r2p::detail
