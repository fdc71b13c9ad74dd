#include "search/date_range_query.hpp"

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/schema.hpp"
#include "tables/date_table.hpp"

namespace r2p::detail {

namespace {

// A bound's key; nullopt unless it is 8 digits (what filter_query and the index write).
std::optional<std::uint32_t> bound_key(const std::string& bound) {
    if (bound.size() != 8) return std::nullopt;
    const std::uint32_t key = DateTable::key_of(bound);
    if (key == 0) return std::nullopt;  // "00000000": a key no dated passage has
    return key;
}

}  // namespace

std::optional<DateKeyRange> date_key_range(const Xapian::Query& q) {
    const auto op = q.get_type();
    if (op != Xapian::Query::OP_VALUE_RANGE && op != Xapian::Query::OP_VALUE_GE &&
        op != Xapian::Query::OP_VALUE_LE) {
        return std::nullopt;
    }
    // "Query(VALUE_RANGE <slot> <lo> <hi>)", "Query(VALUE_GE <slot> <lo>)",
    // "Query(VALUE_LE <slot> <hi>)".
    const std::string description = q.get_description();
    constexpr std::string_view open = "Query(";
    if (description.size() < open.size() + 1 || description.compare(0, open.size(), open) != 0 ||
        description.back() != ')') {
        return std::nullopt;
    }
    std::istringstream in(description.substr(open.size(), description.size() - open.size() - 1));
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    const std::string name = op == Xapian::Query::OP_VALUE_RANGE ? "VALUE_RANGE"
                             : op == Xapian::Query::OP_VALUE_GE  ? "VALUE_GE"
                                                                 : "VALUE_LE";
    const std::size_t expected = op == Xapian::Query::OP_VALUE_RANGE ? 4 : 3;
    if (words.size() != expected || words[0] != name ||
        words[1] != std::to_string(schema::slot(schema::Slot::Date))) {
        return std::nullopt;
    }
    DateKeyRange range;
    if (op == Xapian::Query::OP_VALUE_RANGE || op == Xapian::Query::OP_VALUE_GE) {
        const auto lo = bound_key(words[2]);
        if (!lo) return std::nullopt;
        range.lo = *lo;
    }
    if (op == Xapian::Query::OP_VALUE_RANGE || op == Xapian::Query::OP_VALUE_LE) {
        const auto hi = bound_key(words.back());
        if (!hi) return std::nullopt;
        range.hi = *hi;
    }
    return range;
}

}  // namespace r2p::detail
