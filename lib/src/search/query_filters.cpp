#include "search/query_filters.hpp"

#include "parse/dates.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "search/query_fields.hpp"

namespace r2p {

namespace {

std::string date_bound(std::string_view date, std::string_view pad) {
    if (!is_calendar_date(date)) {
        throw UsageError("bad date '" + std::string(date) +
                         "' (expected a calendar date as YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    std::string digits;
    for (const char c : date) {
        if (c != '-') digits += c;
    }
    while (digits.size() < 8) digits += pad;
    return digits;
}

}  // namespace

std::string date_lower_bound(std::string_view date) { return date_bound(date, "0"); }
std::string date_upper_bound(std::string_view date) { return date_bound(date, "9"); }

Xapian::Query match_all() { return Xapian::Query(std::string()); }

Xapian::Query filter_query(const SearchFilters& filters, const Taxonomy& taxonomy) {
    std::vector<Xapian::Query> groups;
    auto add_group = [&](const std::vector<std::string>& values, schema::Field field) {
        if (values.empty()) return;
        const std::string prefix(schema::field_spec(field).prefix);
        std::vector<Xapian::Query> alternatives;
        for (const auto& v : values) {
            alternatives.emplace_back(prefix + detail::boolean_value(taxonomy, field, v));
        }
        groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    for (const auto& [field, values] : filter_lists(filters)) add_group(*values, field);

    const auto date_slot = schema::slot(schema::Slot::Date);
    if (!filters.from.empty() && !filters.to.empty()) {
        const auto lo = date_lower_bound(filters.from);
        const auto hi = date_upper_bound(filters.to);
        if (lo > hi) {
            throw UsageError(date_range_error(filters.from, filters.to));
        }
        groups.emplace_back(Xapian::Query::OP_VALUE_RANGE, date_slot, lo, hi);
    } else if (!filters.from.empty()) {
        groups.emplace_back(Xapian::Query::OP_VALUE_GE, date_slot, date_lower_bound(filters.from));
    } else if (!filters.to.empty()) {
        groups.emplace_back(Xapian::Query::OP_VALUE_LE, date_slot, date_upper_bound(filters.to));
    }
    if (groups.empty()) return match_all();
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

}  // namespace r2p
