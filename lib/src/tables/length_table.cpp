#include "tables/length_table.hpp"

#include <string>

namespace r2p {

LengthTable LengthTable::build(const Xapian::Database& db) {
    std::vector<std::uint32_t> lengths(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
        if (*it < lengths.size()) lengths[*it] = it.get_doclength();
    }
    std::vector<TableColumn<std::uint32_t>> one;
    one.emplace_back(std::move(lengths));
    return LengthTable(std::move(one));
}

}  // namespace r2p
