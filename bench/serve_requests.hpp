// The requests `r2p-bench serve` sends: faceted searches in the API's query-string form,
// drawn from a corpus's query set, and the same requests for the library in-process.
#pragma once

#include <string>
#include <vector>

#include "bench/testkit/bench_query.hpp"
#include "r2p/request_text.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p::bench {

/// One search as key/value fields of the request's text form (request_text.hpp): the API's
/// query string and parse_request read the same fields.
using ServeRequest = std::vector<RequestField>;

/// What an analyst's page asks: every request counts theme and role facets; in turn it is
/// the first page, the second page (offset 10), sorted newest first, or narrowed by a role
/// (the taxonomy's roles in turn). A query's own theme filter and date sort are kept.
std::vector<ServeRequest> faceted_requests(const std::vector<BenchQuery>& queries,
                                           const Taxonomy& taxonomy);

/// The same mix for phrases users type (a real corpus's [user-phrases]): each phrase quoted
/// when it has several words, and every other request also filtered by a theme (the
/// taxonomy's themes in turn).
std::vector<ServeRequest> phrase_requests(const std::vector<std::vector<std::string>>& phrases,
                                          const Taxonomy& taxonomy);

/// "/api/search?q=...&facet=theme&facet=role...": the fields percent-encoded (RFC 3986
/// unreserved characters kept) in their order.
std::string api_path(const ServeRequest& request);

}  // namespace r2p::bench
