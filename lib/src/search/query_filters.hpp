// SearchFilters (theme, role, kind, doc, country, speaker, date range) as a boolean Xapian
// query.
#pragma once

#include <xapian.h>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "r2p/schema.hpp"
#include "r2p/search_request.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// SearchFilters' id lists, each with the registry field it filters by: the one mapping that
/// parse_request fills and filter_query reads. `Filters` is SearchFilters, const or not.
template <typename Filters>
auto filter_lists(Filters& filters) {
    return std::array{std::pair{schema::Field::Theme, &filters.themes},
                      std::pair{schema::Field::Role, &filters.roles},
                      std::pair{schema::Field::Kind, &filters.kinds},
                      std::pair{schema::Field::Doc, &filters.docs},
                      std::pair{schema::Field::Country, &filters.countries},
                      std::pair{schema::Field::Speaker, &filters.speakers}};
}

/// The inclusive "YYYYMMDD" bounds of Slot::Date for a request's from / to dates ("2012" ->
/// "20120000" as a lower bound, "20129999" as an upper one). Throws UsageError for a
/// malformed date or one the calendar does not have (2023-02-30, 2023-13, 2023-04-00;
/// 2024-02-29 is fine).
std::string date_lower_bound(std::string_view date);
std::string date_upper_bound(std::string_view date);

/// A query matching every passage, made afresh: Xapian's static Query::MatchAll counts its
/// references without atomics, so searchers on several threads must not share it.
Xapian::Query match_all();

/// The boolean filter of `filters` alone (match_all() when there is none): values of one
/// filter OR-ed, filters AND-ed. Throws UsageError for an unknown theme or role id of
/// `taxonomy`, a bad kind or country, a bad date, or a from date after the to date.
Xapian::Query filter_query(const SearchFilters& filters, const Taxonomy& taxonomy);

}  // namespace r2p
