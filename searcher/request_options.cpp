#include "searcher/request_options.hpp"

#include <string>
#include <vector>

namespace r2p::searcher {

namespace {

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::string last(const po::variables_map& vm, const char* name, std::string fallback) {
    return vm.count(name) ? vm[name].as<std::string>() : fallback;
}

}  // namespace

po::options_description request_options() {
    po::options_description options("Query options");
    options.add_options()("limit", po::value<std::string>()->value_name("N"),
                          "results to show (default 10)")(
        "offset", po::value<std::string>()->value_name("N"), "results to skip (default 0)")(
        "theme", po::value<std::vector<std::string>>()->value_name("ID"),
        "only this theme (repeatable)")("role",
                                        po::value<std::vector<std::string>>()->value_name("ID"),
                                        "only this speaker role (repeatable)")(
        "kind", po::value<std::vector<std::string>>()->value_name("KIND"),
        "paragraph or quote (repeatable)")(
        "doc", po::value<std::vector<std::string>>()->value_name("ID"),
        "only this document (repeatable)")("from", po::value<std::string>()->value_name("DATE"),
                                           "statements dated YYYY[-MM[-DD]] or later")(
        "to", po::value<std::string>()->value_name("DATE"),
        "statements dated YYYY[-MM[-DD]] or earlier")(
        "facet", po::value<std::vector<std::string>>()->value_name("FIELD"),
        "count matches by theme|role|kind|doc|year (repeatable; exact)")(
        "sort", po::value<std::string>()->value_name("ORDER"), "relevance (default) or date")(
        "match", po::value<std::string>()->value_name("MODE"), "all (default) or any query word");
    return options;
}

po::options_description query_words_option() {
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>(), "query words");
    return hidden;
}

po::positional_options_description query_words_positional() {
    po::positional_options_description positional;
    positional.add("query", -1);
    return positional;
}

void read_request(const po::variables_map& vm, SearchRequest& request) {
    request.query.clear();
    for (const auto& word : strings(vm, "query")) {
        request.query += (request.query.empty() ? "" : " ") + word;
    }
    request.limit = parse_count("--limit", last(vm, "limit", "10"), kMaxLimit);
    request.offset = parse_count("--offset", last(vm, "offset", "0"), kMaxOffset);
    request.filters.themes = strings(vm, "theme");
    request.filters.roles = strings(vm, "role");
    request.filters.kinds = strings(vm, "kind");
    request.filters.docs = strings(vm, "doc");
    request.filters.from = last(vm, "from", "");
    request.filters.to = last(vm, "to", "");
    // Checked here too, so a bad date is a usage error before any database is opened.
    if (!request.filters.from.empty()) date_lower_bound(request.filters.from);
    if (!request.filters.to.empty()) date_upper_bound(request.filters.to);
    request.facets.clear();
    for (const auto& name : strings(vm, "facet")) request.facets.push_back(parse_facet_field(name));
    request.sort = parse_sort_order(last(vm, "sort", "relevance"));
    request.match = parse_match_mode(last(vm, "match", "all"));
}

}  // namespace r2p::searcher
