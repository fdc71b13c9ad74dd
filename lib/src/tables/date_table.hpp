// Every passage's date as a number by docid, for `--sort date` and date ranges read
// without Xapian's per-match value reads (the sort-date class was all value reads).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "tables/table_column.hpp"

namespace r2p {

/// Slot::Date of every passage as YYYYMMDD (missing parts 00; 0 when the passage has no
/// date), by docid, for one open database snapshot. The numbers order as Xapian orders the
/// slot's strings, so a sort by key() is Xapian's sort by value. Built in memory, or read
/// from the shards' table files.
class DateTable {
  public:
    DateTable() = default;
    /// The dates of a combined database from its shards' columns (each by its own docid), in
    /// the order the shards were added.
    explicit DateTable(std::vector<TableColumn<std::uint32_t>> shards)
        : dates_(std::move(shards)) {}

    /// Reads the date slot of every passage once, in docid order.
    static DateTable build(const Xapian::Database& db);

    /// The key of a stored Slot::Date value: its 8 digits as a number; 0 for an empty or
    /// malformed value.
    static std::uint32_t key_of(std::string_view value);

    std::uint32_t at(Xapian::docid did) const { return dates_.at(did); }

  private:
    ShardedColumn<std::uint32_t> dates_;
};

}  // namespace r2p
