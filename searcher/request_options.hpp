// r2p-search's per-query options (filters, facets, paging, sort): declared once, read into a
// SearchRequest, shared by the command line and by each line of a --queries file.
#pragma once

#include <boost/program_options.hpp>

#include "r2p/search.hpp"

namespace r2p::searcher {

namespace po = boost::program_options;

/// --limit --offset --theme --role --kind --doc --from --to --facet --sort --match.
po::options_description request_options();

/// The hidden positional QUERY words option and its positional description.
po::options_description query_words_option();
po::positional_options_description query_words_positional();

/// Fills `request` (all but databases and allow_partial) from parsed request_options() and
/// query words, through parse_request. Throws UsageError for a bad value (negative --limit,
/// unknown --sort, ...).
void read_request(const po::variables_map& vm, SearchRequest& request);

}  // namespace r2p::searcher
