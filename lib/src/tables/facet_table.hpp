// Every passage's values of one facet field as a bit set, indexed by Xapian docid. Counting a
// match is then one array lookup, where Xapian's ValueCountMatchSpy reads the stored value
// string and compares it in a map (about 0.2 us a match and field at 1M passages, which made
// exact facets 4x the cost of the top-10 itself).
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
/// reopen). A multi-valued field's table holds a bit set per passage; a single-valued
/// field's (a passage has at most one value) holds the index of its value, so that a field
/// with hundreds or thousands of values (UNGDC's countries, years and speakers) has one too.
class FacetTable {
  public:
    /// A multi-valued field's table from its values and bits by docid (bit i = values[i]).
    static FacetTable multi(std::vector<std::string> values, TableColumn<std::uint64_t> bits);
    /// The same with 32-bit masks: a field of at most kNarrowValues values.
    static FacetTable multi(std::vector<std::string> values,
                            TableColumn<std::uint32_t> narrow_bits);
    /// A single-valued field's table from its values and 1 + value index by docid (0: none).
    static FacetTable single(std::vector<std::string> values, TableColumn<std::uint16_t> index);

    /// More values than bits in a mask: such a multi-valued field is counted by
    /// ValueCountMatchSpy.
    static constexpr std::size_t kMaxValues = 64;
    /// At most this many values, a multi-valued field's masks are 32 bits: a counting pass
    /// over a frequent term streams half the memory (themes and roles of 1M passages: 8 MB
    /// instead of 16, and 2 threads counting at once share the memory bandwidth).
    static constexpr std::size_t kNarrowValues = 32;
    /// More values than a single-valued table's 16-bit index holds (0 stands for none).
    static constexpr std::size_t kMaxSingleValues = 65535;

    /// Reads the posting lists of every term with `prefix` in `db`: the value of a term is
    /// the term without its prefix. With `single_valued`, every passage is taken to carry
    /// at most one of them (one per passage is kept). nullopt when there are more than
    /// kMaxValues values (kMaxSingleValues when single-valued). Cost: one posting visit per
    /// (passage, value), see postings().
    static std::optional<FacetTable> build(const Xapian::Database& db, std::string_view prefix,
                                           bool single_valued = false);

    /// How many postings build() visits for `prefix` in `db` (the sum of the terms'
    /// frequencies): what the table costs to build, read from term statistics only.
    static Xapian::doccount postings(const Xapian::Database& db, std::string_view prefix);

    /// Whether built single-valued: then read index(), else bits().
    bool single_valued() const { return single_valued_; }

    /// The bits of the values passage `did` carries (bit i = values()[i]); 0 for a docid the
    /// table does not know. Multi-valued tables only.
    std::uint64_t bits(Xapian::docid did) const {
        return narrow_ ? narrow_bits_.at(did) : bits_.at(did);
    }

    /// 1 + the index in values() of passage `did`'s value; 0 for none or a docid the table
    /// does not know. Single-valued tables only.
    std::uint16_t index(Xapian::docid did) const { return index_.at(did); }

    /// Whether a multi-valued table holds 32-bit masks: then read narrow_bits_by_docid().
    bool narrow() const { return narrow_; }
    /// bits() of every docid the table knows, by docid: for counting loops. Multi-valued,
    /// not narrow() (else empty).
    std::span<const std::uint64_t> bits_by_docid() const { return bits_.values(); }
    /// The same of a narrow() table (else empty).
    std::span<const std::uint32_t> narrow_bits_by_docid() const { return narrow_bits_.values(); }
    /// index() of every docid the table knows, by docid. Single-valued.
    std::span<const std::uint16_t> index_by_docid() const { return index_.values(); }

    /// The value each bit stands for.
    const std::vector<std::string>& values() const { return values_; }

  private:
    bool single_valued_ = false;
    bool narrow_ = false;
    TableColumn<std::uint64_t> bits_;          // by docid (0 unused); multi-valued, wide
    TableColumn<std::uint32_t> narrow_bits_;   // by docid (0 unused); multi-valued, narrow
    TableColumn<std::uint16_t> index_;  // by docid (0 unused); single-valued
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
    Xapian::doccount count(std::size_t bit) const { return counts_[bit]; }

  private:
    Xapian::doccount counts_[FacetTable::kMaxValues] = {};
};

/// Per-value match counts accumulated from a single-valued FacetTable's indexes.
class FacetIndexCounts {
  public:
    /// Counts for the values of `table`.
    explicit FacetIndexCounts(const FacetTable& table) : counts_(table.values().size() + 1, 0) {}
    /// An index past the values (a table file changed in place under its mapping) counts
    /// as none rather than writing out of bounds.
    void add(std::uint16_t index) { ++counts_[index < counts_.size() ? index : 0]; }
    /// The matches carrying values()[i].
    Xapian::doccount count(std::size_t i) const { return counts_[i + 1]; }

  private:
    std::vector<Xapian::doccount> counts_;  // [0]: matches without a value
};

}  // namespace r2p
