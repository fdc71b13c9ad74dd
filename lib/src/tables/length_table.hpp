// Every passage's length by docid: what BM25 needs of each match, which Xapian's matcher
// reads from disk per match (at 1M passages 90% of a ranked pass).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "tables/table_column.hpp"

namespace r2p {

/// Every passage's length (indexed words, as Xapian counts them) by docid, for one open
/// database snapshot: built in memory, or read from the shards' table files.
class LengthTable {
  public:
    LengthTable() = default;
    /// The lengths of a combined database from its shards' columns (each by its own docid),
    /// in the order the shards were added.
    explicit LengthTable(std::vector<TableColumn<std::uint32_t>> shards)
        : lengths_(std::move(shards)) {}

    /// Reads every length once, in docid order (one pass over Xapian's length list).
    static LengthTable build(const Xapian::Database& db);

    Xapian::termcount at(Xapian::docid did) const { return lengths_.at(did); }

  private:
    static_assert(sizeof(Xapian::termcount) == sizeof(std::uint32_t));
    ShardedColumn<std::uint32_t> lengths_;
};

}  // namespace r2p
