#include "search/disjunctive_facets.hpp"

#include <algorithm>
#include <string>
#include <type_traits>

namespace r2p {

namespace {

// The filter list of a facet field; nullptr for the year, filtered by from / to instead.
template <typename Filters>
auto* own_list(Filters& filters, FacetField field) {
    using List = std::conditional_t<std::is_const_v<Filters>, const std::vector<std::string>,
                                    std::vector<std::string>>;
    List* list = nullptr;
    switch (field) {
        case FacetField::Theme:
            list = &filters.themes;
            break;
        case FacetField::Role:
            list = &filters.roles;
            break;
        case FacetField::Kind:
            list = &filters.kinds;
            break;
        case FacetField::Doc:
            list = &filters.docs;
            break;
        case FacetField::Country:
            list = &filters.countries;
            break;
        case FacetField::Speaker:
            list = &filters.speakers;
            break;
        case FacetField::Year:
            break;
    }
    return list;
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
