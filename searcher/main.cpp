// r2p-search: options -> SearchRequest -> search -> table or JSON on stdout.
#include <iostream>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "r2p/json_output.hpp"
#include "r2p/search.hpp"
#include "r2p/table_output.hpp"

namespace {

namespace po = boost::program_options;

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::string last(const po::variables_map& vm, const char* name, std::string fallback) {
    return vm.count(name) ? vm[name].as<std::string>() : fallback;
}

int run(int argc, const char* const argv[]) {
    po::options_description options("Options");
    options.add_options()("db",
                          po::value<std::vector<std::string>>()->value_name("DIR")->required(),
                          "database folder, stub file or tcp://HOST:PORT (repeatable)")(
        "limit", po::value<std::string>()->value_name("N"), "results to show (default 10)")(
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
        "match", po::value<std::string>()->value_name("MODE"), "all (default) or any query word")(
        "allow-partial", "search the shards that answer and name the missing ones")(
        "json", "print the result as JSON");
    options.add(r2p::cli::taxonomy_options());
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>(), "query words");
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "search", "--db DIR [options] QUERY...", options,
                                      hidden, positional, vm)) {
        return r2p::cli::kOk;
    }

    r2p::SearchRequest request;
    request.databases = strings(vm, "db");
    for (const auto& word : strings(vm, "query")) {
        request.query += (request.query.empty() ? "" : " ") + word;
    }
    request.limit = r2p::parse_count("--limit", last(vm, "limit", "10"), r2p::kMaxLimit);
    request.offset = r2p::parse_count("--offset", last(vm, "offset", "0"), r2p::kMaxOffset);
    request.filters.themes = strings(vm, "theme");
    request.filters.roles = strings(vm, "role");
    request.filters.kinds = strings(vm, "kind");
    request.filters.docs = strings(vm, "doc");
    request.filters.from = last(vm, "from", "");
    request.filters.to = last(vm, "to", "");
    for (const auto& name : strings(vm, "facet")) {
        request.facets.push_back(r2p::parse_facet_field(name));
    }
    request.sort = r2p::parse_sort_order(last(vm, "sort", "relevance"));
    request.match = r2p::parse_match_mode(last(vm, "match", "all"));
    request.allow_partial = vm.count("allow-partial") > 0;

    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    const r2p::SearchResult result = r2p::search(request, taxonomy);
    if (vm.count("json")) {
        std::cout << r2p::format_json(result) << '\n';
    } else {
        r2p::TableStyle style;
        style.bold = r2p::cli::stdout_is_terminal();
        r2p::print_table(std::cout, result, style);
    }
    // Shards left out make the answer partial: say so in the exit code too.
    return result.missing_shards.empty() ? r2p::cli::kOk : r2p::cli::kPartial;
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("search", [&] { return run(argc, argv); });
}
