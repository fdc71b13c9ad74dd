// Every passage's values of one facet field, indexed by Xapian docid (a value index, or the
// index of its set of values). Counting a match is then one array lookup, where Xapian's
// ValueCountMatchSpy reads the stored value string and compares it in a map (about 0.2 us a
// match and field at 1M passages, which made exact facets 4x the cost of the top-10 itself).
#pragma once

#include <xapian.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tables/table_column.hpp"

namespace r2p {

/// The values of one field coded as boolean terms (theme, role, kind, year, country, speaker)
/// for every passage of one open database (a snapshot: it must be built again after a
/// reopen). A single-valued field's table (a passage has at most one value) holds the index
/// of its value, so that a field with hundreds or thousands of values (UNGDC's countries,
/// years and speakers) has one too. A multi-valued field's holds, by passage, the index of
/// its combination of values, each combination being a bit set (bit i = values()[i]); with
/// more combinations than an index holds, the bit set itself.
class FacetTable {
  public:
    /// A multi-valued field's table from its values and bits by docid (bit i = values[i]).
    static FacetTable multi(std::vector<std::string> values, TableColumn<std::uint64_t> bits);
    /// A multi-valued field's table from its values, its combinations' bits, and 1 + the
    /// combination index by docid (0: no value).
    static FacetTable by_combinations(std::vector<std::string> values,
                                      TableColumn<std::uint64_t> combinations,
                                      TableColumn<std::uint16_t> index);
    /// A single-valued field's table from its values and 1 + value index by docid (0: none).
    static FacetTable single(std::vector<std::string> values, TableColumn<std::uint16_t> index);

    /// More values than bits in a mask: such a multi-valued field is counted by
    /// ValueCountMatchSpy.
    static constexpr std::size_t kMaxValues = 64;
    /// More values than a single-valued table's 16-bit index holds (0 stands for none).
    static constexpr std::size_t kMaxSingleValues = 65535;
    /// More combinations of values than a 16-bit index holds: a multi-valued field keeps a
    /// 64-bit mask per passage.
    static constexpr std::size_t kMaxCombinations = 65535;

    /// Reads the posting lists of every term with `prefix` in `db`: the value of a term is
    /// the term without its prefix. With `single_valued`, every passage is taken to carry
    /// at most one of them (one per passage is kept). nullopt when there are more than
    /// kMaxValues values (kMaxSingleValues when single-valued). A multi-valued table is
    /// by_combination() when its passages carry at most `max_combinations` distinct
    /// non-empty sets of values (numbered in ascending order of their bits). Cost: one
    /// posting visit per (passage, value), see postings().
    static std::optional<FacetTable> build(const Xapian::Database& db, std::string_view prefix,
                                           bool single_valued = false,
                                           std::size_t max_combinations = kMaxCombinations);

    /// How many postings build() visits for `prefix` in `db` (the sum of the terms'
    /// frequencies): what the table costs to build, read from term statistics only.
    static Xapian::doccount postings(const Xapian::Database& db, std::string_view prefix);

    /// Whether built single-valued: then read index(), else bits().
    bool single_valued() const { return single_valued_; }
    /// Whether a multi-valued table numbers its passages' combinations of values: then
    /// index() is 1 + a passage's combination (0: no value) and combinations() their bits.
    /// A match is counted by its combination (one increment, 2 bytes read: at 1M passages a
    /// frequent term's count streamed 16 MB of theme and role masks, with a branch per bit)
    /// and each combination's count goes to its values once at the end.
    bool by_combination() const { return !combinations_.values().empty(); }

    /// The bits of the values passage `did` carries (bit i = values()[i]); 0 for a docid the
    /// table does not know. Multi-valued tables only.
    std::uint64_t bits(Xapian::docid did) const {
        if (!by_combination()) return bits_.at(did);
        const std::uint16_t combination = index_.at(did);
        return combination == 0 ? 0 : combinations_.at(combination - 1U);
    }

    /// Single-valued: 1 + the index in values() of passage `did`'s value; by_combination():
    /// 1 + the index in combinations() of its values. 0 for none or a docid the table does
    /// not know.
    std::uint16_t index(Xapian::docid did) const { return index_.at(did); }

    /// bits() of every docid the table knows, by docid: for counting loops. Multi-valued
    /// and not by_combination() (else empty).
    std::span<const std::uint64_t> bits_by_docid() const { return bits_.values(); }
    /// index() of every docid the table knows, by docid. Single-valued or by_combination().
    std::span<const std::uint16_t> index_by_docid() const { return index_.values(); }
    /// The bits of each combination of values (by_combination() only, else empty).
    std::span<const std::uint64_t> combinations() const { return combinations_.values(); }

    /// The value each bit stands for.
    const std::vector<std::string>& values() const { return values_; }

  private:
    bool single_valued_ = false;
    TableColumn<std::uint64_t> bits_;          // by docid (0 unused); multi-valued, no index
    TableColumn<std::uint16_t> index_;         // by docid (0 unused); single or combinations
    TableColumn<std::uint64_t> combinations_;  // by combination index; multi-valued
    std::vector<std::string> values_;
};

/// Per-value match counts accumulated from a multi-valued FacetTable's bits, bit by bit.
/// (Bit-sliced counters, branch-free, were 2x faster in a micro-benchmark but took 3x the
/// instructions in FacetCounter's loop, where the counters stay in memory: 181M -> 561M
/// for the faceted frequent-term class at 1M, whose bench p50 went from 2.9 to 4.8 ms.
/// Not kept.)
class FacetBitCounts {
  public:
    void add(std::uint64_t bits) {
        while (bits != 0) {
            ++counts_[static_cast<std::size_t>(std::countr_zero(bits))];
            bits &= bits - 1;
        }
    }
    /// As add(bits) `times` times: a combination's matches, counted once for each value.
    void add(std::uint64_t bits, Xapian::doccount times) {
        for (; bits != 0; bits &= bits - 1) {
            counts_[static_cast<std::size_t>(std::countr_zero(bits))] += times;
        }
    }
    Xapian::doccount count(std::size_t bit) const { return counts_[bit]; }

  private:
    Xapian::doccount counts_[FacetTable::kMaxValues] = {};
};

/// Per-index match counts accumulated from a FacetTable's indexes: a single-valued table's
/// values, or a by_combination() table's combinations.
class FacetIndexCounts {
  public:
    /// Counts for the values (or combinations) of `table`.
    explicit FacetIndexCounts(const FacetTable& table)
        : counts_((table.single_valued() ? table.values().size() : table.combinations().size()) + 1,
                  0) {}
    /// An index past the values or combinations (a damaged table file, or one changed in
    /// place under its mapping: TableFile does not scan the indexes) counts as none rather
    /// than writing out of bounds.
    void add(std::uint16_t index) { ++counts_[index < counts_.size() ? index : 0]; }
    /// The matches carrying values()[i] (single-valued) or combinations()[i].
    Xapian::doccount count(std::size_t i) const { return counts_[i + 1]; }

  private:
    std::vector<Xapian::doccount> counts_;  // [0]: matches without a value
};

}  // namespace r2p
