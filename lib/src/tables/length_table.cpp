#include "tables/length_table.hpp"

#include <string>

namespace r2p {

LengthTable LengthTable::build(const Xapian::Database& db) {
    LengthTable table;
    table.lengths_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
        if (*it < table.lengths_.size()) table.lengths_[*it] = it.get_doclength();
    }
    return table;
}

}  // namespace r2p
