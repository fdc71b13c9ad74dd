#include "search/facet_table.hpp"

namespace r2p {

std::optional<FacetTable> FacetTable::build(const Xapian::Database& db, std::string_view prefix) {
    const std::string p(prefix);
    FacetTable table;
    for (auto term = db.allterms_begin(p); term != db.allterms_end(p); ++term) {
        if (table.values_.size() == kMaxValues) return std::nullopt;
        table.values_.push_back((*term).substr(p.size()));
    }
    table.bits_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    for (std::size_t bit = 0; bit < table.values_.size(); ++bit) {
        const std::string term = p + table.values_[bit];
        const std::uint64_t mask = std::uint64_t{1} << bit;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            // A docid past the snapshot's last one cannot occur; never write out of bounds.
            if (*it < table.bits_.size()) table.bits_[*it] |= mask;
        }
    }
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
