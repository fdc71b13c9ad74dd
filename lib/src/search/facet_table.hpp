// Every passage's values of one facet field as a bit set, indexed by Xapian docid. Counting a
// match is then one array lookup, where Xapian's ValueCountMatchSpy reads the stored value
// string and compares it in a map (about 0.2 us a match and field at 1M passages, which made
// exact facets 4x the cost of the top-10 itself).
#pragma once

#include <xapian.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

/// The values of one field coded as boolean terms (theme, role, kind, year) for every
/// passage of one open database (a snapshot: it must be built again after a reopen).
class FacetTable {
  public:
    /// More values than bits in a mask: such a field is counted by ValueCountMatchSpy.
    static constexpr std::size_t kMaxValues = 64;

    /// Reads the posting lists of every term with `prefix` in `db`: the value of a term is
    /// the term without its prefix. nullopt when there are more than kMaxValues values.
    /// Cost: one posting visit per (passage, value), see postings().
    static std::optional<FacetTable> build(const Xapian::Database& db, std::string_view prefix);

    /// How many postings build() visits for `prefix` in `db` (the sum of the terms'
    /// frequencies): what the table costs to build, read from term statistics only.
    static Xapian::doccount postings(const Xapian::Database& db, std::string_view prefix);

    /// The bits of the values passage `did` carries (bit i = values()[i]); 0 for a docid the
    /// table does not know.
    std::uint64_t bits(Xapian::docid did) const { return did < bits_.size() ? bits_[did] : 0; }

    /// The value each bit stands for.
    const std::vector<std::string>& values() const { return values_; }

  private:
    std::vector<std::uint64_t> bits_;  // by docid (0 unused)
    std::vector<std::string> values_;
};

/// Per-value match counts accumulated from FacetTable bits.
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

}  // namespace r2p
