#include "tables/date_table.hpp"

#include "r2p/schema.hpp"

namespace r2p {

std::uint32_t DateTable::key_of(std::string_view value) {
    if (value.size() != 8) return 0;
    std::uint32_t key = 0;
    for (const char c : value) {
        if (c < '0' || c > '9') return 0;
        key = key * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return key;
}

DateTable DateTable::build(const Xapian::Database& db) {
    std::vector<std::uint32_t> dates(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    const Xapian::valueno slot = schema::slot(schema::Slot::Date);
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        if (it.get_docid() < dates.size()) dates[it.get_docid()] = key_of(*it);
    }
    std::vector<TableColumn<std::uint32_t>> one;
    one.emplace_back(std::move(dates));
    return DateTable(std::move(one));
}

}  // namespace r2p
