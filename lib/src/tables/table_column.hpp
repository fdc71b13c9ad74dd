// One number per docid, either built in memory (owned) or read in place from a mapped table
// file (kept alive by a shared handle): the tables read both the same way, without a
// virtual call per lookup.
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace r2p {

/// Values by docid (index 0 unused); a docid past the end reads as 0.
template <typename T>
class TableColumn {
  public:
    TableColumn() = default;
    /// Built in memory.
    explicit TableColumn(std::vector<T> owned) : owned_(std::move(owned)), view_(owned_) {}
    /// In place: `keep` holds the memory `view` points into.
    TableColumn(std::shared_ptr<const void> keep, std::span<const T> view)
        : keep_(std::move(keep)), view_(view) {}

    TableColumn(const TableColumn& other)
        : owned_(other.owned_), keep_(other.keep_), view_(other.keep_ ? other.view_ : owned_) {}
    TableColumn(TableColumn&& other) noexcept
        : owned_(std::move(other.owned_)),
          keep_(std::move(other.keep_)),
          view_(keep_ ? other.view_ : std::span<const T>(owned_)) {
        other.view_ = {};
    }
    TableColumn& operator=(TableColumn other) noexcept {
        owned_ = std::move(other.owned_);
        keep_ = std::move(other.keep_);
        view_ = keep_ ? other.view_ : std::span<const T>(owned_);
        return *this;
    }
    ~TableColumn() = default;

    T at(std::size_t did) const { return did < view_.size() ? view_[did] : T{}; }
    std::size_t size() const { return view_.size(); }
    std::span<const T> values() const { return view_; }

  private:
    std::vector<T> owned_;
    std::shared_ptr<const void> keep_;
    std::span<const T> view_;
};

/// A column of every shard of a combined database, read by the combined docid: Xapian
/// interleaves n shards' docids (combined d is shard (d-1) % n's docid (d-1) / n + 1).
/// One part: the combined docid is the part's own.
template <typename T>
class ShardedColumn {
  public:
    ShardedColumn() = default;
    explicit ShardedColumn(std::vector<TableColumn<T>> parts) : parts_(std::move(parts)) {
        const auto n = parts_.size();
        if (n > 1 && std::has_single_bit(n)) {
            mask_ = n - 1;
            shift_ = static_cast<unsigned>(std::countr_zero(n));
        }
    }

    T at(Xapian::docid did) const {
        const std::size_t n = parts_.size();
        if (n == 1) return parts_.front().at(did);
        if (n == 0 || did == 0) return T{};
        const std::size_t i = did - 1;
        if (mask_ != 0) return parts_[i & mask_].at((i >> shift_) + 1);
        return parts_[i % n].at(i / n + 1);
    }

    std::size_t parts() const { return parts_.size(); }

  private:
    std::vector<TableColumn<T>> parts_;
    std::size_t mask_ = 0;  // n - 1 when n is a power of two above 1: no division
    unsigned shift_ = 0;
};

}  // namespace r2p
