#include "search/disjunctive_facets.hpp"

#include <algorithm>
#include <string>

#include "r2p/schema.hpp"
#include "search/query_filters.hpp"

namespace r2p {

namespace {

// The filter list of a facet field (query_filters' pairing of fields and lists); nullptr for
// the year, filtered by from / to instead.
template <typename Filters>
auto* own_list(Filters& filters, FacetField field) {
    const auto lists = filter_lists(filters);
    const auto wanted = static_cast<schema::Field>(field);  // FacetField follows schema::Field
    for (const auto& entry : lists) {
        if (entry.first == wanted) return entry.second;
    }
    return decltype(lists[0].second){nullptr};
}

}  // namespace

bool has_own_filter(const SearchFilters& filters, FacetField field) {
    if (field == FacetField::Year) return !filters.from.empty() || !filters.to.empty();
    const auto* list = own_list(filters, field);
    return list != nullptr && !list->empty();
}

SearchFilters without_own_filter(SearchFilters filters, FacetField field) {
    if (field == FacetField::Year) {
        filters.from.clear();
        filters.to.clear();
    } else if (auto* list = own_list(filters, field)) {
        list->clear();
    }
    return filters;
}

std::vector<FacetField> self_filtered_facets(const std::vector<FacetField>& facets,
                                             const SearchFilters& filters) {
    std::vector<FacetField> out;
    for (const FacetField field : facets) {
        if (has_own_filter(filters, field) &&
            std::find(out.begin(), out.end(), field) == out.end()) {
            out.push_back(field);
        }
    }
    return out;
}

}  // namespace r2p
