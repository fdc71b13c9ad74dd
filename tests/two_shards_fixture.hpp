// Two shard databases of a test corpus, opened one by one and as one database: what the
// ranked passes' tests walk shard by shard and compare with Xapian over the whole.
#pragma once

#include <xapian.h>

#include <string>

#include "test_support.hpp"

namespace r2p::test {

/// Shards "a" and "b", each written by `write(folder, seed, passages)` with its own seed and
/// passage count.
struct TwoShards {
    TempDir dir;
    Xapian::Database a;
    Xapian::Database b;
    Xapian::Database both;

    template <class Write>
    TwoShards(Write write, unsigned seed_a, int passages_a, unsigned seed_b, int passages_b) {
        write((dir / "a").string(), seed_a, passages_a);
        write((dir / "b").string(), seed_b, passages_b);
        a = Xapian::Database((dir / "a").string());
        b = Xapian::Database((dir / "b").string());
        both.add_database(a);
        both.add_database(b);
    }
};

}  // namespace r2p::test
