#include "tables/facet_table.hpp"

namespace r2p {

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
    std::vector<std::uint64_t> bits(size, 0);
    for (std::size_t bit = 0; bit < table.values_.size(); ++bit) {
        const std::string term = p + table.values_[bit];
        const std::uint64_t mask = std::uint64_t{1} << bit;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            // A docid past the snapshot's last one cannot occur; never write out of bounds.
            if (*it < bits.size()) bits[*it] |= mask;
        }
    }
    table.bits_ = TableColumn<std::uint64_t>(std::move(bits));
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
