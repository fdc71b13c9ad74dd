#include "tables/facet_table.hpp"

namespace r2p {

namespace {

// Bit i of docid d's mask is set when d is in the posting list of `prefix` + values[i]:
// masks for docids 0..size-1.
template <typename Mask>
std::vector<Mask> read_bits(const Xapian::Database& db, const std::string& prefix,
                            const std::vector<std::string>& values, std::size_t size) {
    std::vector<Mask> bits(size, 0);
    for (std::size_t bit = 0; bit < values.size(); ++bit) {
        const std::string term = prefix + values[bit];
        const Mask mask = Mask{1} << bit;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            // A docid past the snapshot's last one cannot occur; never write out of bounds.
            if (*it < bits.size()) bits[*it] |= mask;
        }
    }
    return bits;
}

}  // namespace

std::optional<FacetTable> FacetTable::build(const Xapian::Database& db, std::string_view prefix,
                                            bool single_valued) {
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
    if (table.values_.size() <= kNarrowValues) {
        table.narrow_ = true;
        table.narrow_bits_ =
            TableColumn<std::uint32_t>(read_bits<std::uint32_t>(db, p, table.values_, size));
    } else {
        table.bits_ =
            TableColumn<std::uint64_t>(read_bits<std::uint64_t>(db, p, table.values_, size));
    }
    return table;
}

FacetTable FacetTable::multi(std::vector<std::string> values,
                             TableColumn<std::uint32_t> narrow_bits) {
    FacetTable table;
    table.narrow_ = true;
    table.values_ = std::move(values);
    table.narrow_bits_ = std::move(narrow_bits);
    return table;
}

FacetTable FacetTable::multi(std::vector<std::string> values, TableColumn<std::uint64_t> bits) {
    FacetTable table;
    table.values_ = std::move(values);
    table.bits_ = std::move(bits);
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
