// Disjunctive faceting (FacetMode::Disjunctive): which facets a request filters by, and the
// filters each of them is counted under (every filter but its own field's).
#pragma once

#include <vector>

#include "r2p/facets.hpp"
#include "r2p/search_request.hpp"

namespace r2p {

/// Whether `filters` restricts `field` itself (the year facet: from or to).
bool has_own_filter(const SearchFilters& filters, FacetField field);

/// `filters` without `field`'s own filter (the year facet: without from and to).
SearchFilters without_own_filter(SearchFilters filters, FacetField field);

/// The fields of `facets` (once each, in the order asked) that `filters` restricts: under
/// FacetMode::Disjunctive each is counted by a pass of its own.
std::vector<FacetField> self_filtered_facets(const std::vector<FacetField>& facets,
                                             const SearchFilters& filters);

}  // namespace r2p
