#include "tables/facet_table.hpp"

#include <algorithm>
#include <unordered_set>

namespace r2p {

namespace {

// Bit i of docid d's mask is set when d is in the posting list of `prefix` + values[i]:
// masks for docids 0..size-1.
std::vector<std::uint64_t> read_bits(const Xapian::Database& db, const std::string& prefix,
                                     const std::vector<std::string>& values, std::size_t size) {
    std::vector<std::uint64_t> bits(size, 0);
    for (std::size_t bit = 0; bit < values.size(); ++bit) {
        const std::string term = prefix + values[bit];
        const std::uint64_t mask = std::uint64_t{1} << bit;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            // A docid past the snapshot's last one cannot occur; never write out of bounds.
            if (*it < bits.size()) bits[*it] |= mask;
        }
    }
    return bits;
}

// The distinct non-empty masks of `bits`, ascending; nullopt past `most` of them.
std::optional<std::vector<std::uint64_t>> combinations_of(const std::vector<std::uint64_t>& bits,
                                                          std::size_t most) {
    std::vector<std::uint64_t> sorted;
    std::unordered_set<std::uint64_t> seen;
    for (const std::uint64_t mask : bits) {
        if (mask == 0 || !seen.insert(mask).second) continue;
        if (sorted.size() == most) return std::nullopt;
        sorted.push_back(mask);
    }
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

}  // namespace

std::optional<FacetTable> FacetTable::build(const Xapian::Database& db, std::string_view prefix,
                                            bool single_valued, std::size_t max_combinations) {
    const std::string p(prefix);
    FacetTable table;
    table.single_valued_ = single_valued;
    const std::size_t most = single_valued ? kMaxSingleValues : kMaxValues;
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        if (table.values_.size() == most) return std::nullopt;
        table.values_.push_back((*term).substr(p.size()));
    }
    const std::size_t size = static_cast<std::size_t>(db.get_lastdocid()) + 1;
    if (single_valued) {
        std::vector<std::uint16_t> indexes(size, 0);
        for (std::size_t i = 0; i < table.values_.size(); ++i) {
            const std::string term = p + table.values_[i];
            const auto index = static_cast<std::uint16_t>(i + 1);
            for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
                if (*it < indexes.size()) indexes[*it] = index;
            }
        }
        table.index_ = TableColumn<std::uint16_t>(std::move(indexes));
        return table;
    }
    std::vector<std::uint64_t> bits = read_bits(db, p, table.values_, size);
    std::optional<std::vector<std::uint64_t>> combinations =
        combinations_of(bits, std::min(max_combinations, kMaxCombinations));
    if (!combinations) {
        table.bits_ = TableColumn<std::uint64_t>(std::move(bits));
        return table;
    }
    // A passage's index is 1 + its mask's place among the sorted combinations.
    std::vector<std::uint16_t> indexes(size, 0);
    for (std::size_t did = 0; did < size; ++did) {
        if (bits[did] == 0) continue;
        const auto at = std::lower_bound(combinations->begin(), combinations->end(), bits[did]);
        indexes[did] = static_cast<std::uint16_t>(at - combinations->begin() + 1);
    }
    table.index_ = TableColumn<std::uint16_t>(std::move(indexes));
    table.combinations_ = TableColumn<std::uint64_t>(std::move(*combinations));
    return table;
}

FacetTable FacetTable::multi(std::vector<std::string> values, TableColumn<std::uint64_t> bits) {
    FacetTable table;
    table.values_ = std::move(values);
    table.bits_ = std::move(bits);
    return table;
}

FacetTable FacetTable::by_combinations(std::vector<std::string> values,
                                       TableColumn<std::uint64_t> combinations,
                                       TableColumn<std::uint16_t> index) {
    FacetTable table;
    table.values_ = std::move(values);
    table.combinations_ = std::move(combinations);
    table.index_ = std::move(index);
    return table;
}

FacetTable FacetTable::single(std::vector<std::string> values, TableColumn<std::uint16_t> index) {
    FacetTable table;
    table.single_valued_ = true;
    table.values_ = std::move(values);
    table.index_ = std::move(index);
    return table;
}

Xapian::doccount FacetTable::postings(const Xapian::Database& db, std::string_view prefix) {
    const std::string p(prefix);
    Xapian::doccount total = 0;
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        total += term.get_termfreq();
    }
    return total;
}

}  // namespace r2p
