#include "searcher/query_file.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/percentile.hpp"
#include "cli/query_words.hpp"
#include "r2p/error.hpp"
#include "searcher/request_options.hpp"

namespace r2p::searcher {

namespace {

SearchRequest request_from_line(const std::string& line) {
    // Single quotes group words as in a shell; double quotes are left to the query, where they
    // make phrases ("tool of prevention").
    // Query words may start with '-' and options may follow them, as on the command line.
    const po::options_description known = request_options();
    const std::vector<std::string> words =
        cli::options_before_words(po::split_unix(line, " \t", "'", "\\"), known);
    po::options_description options = known;
    options.add(query_words_option());
    po::variables_map vm;
    po::store(
        po::command_line_parser(words).options(options).positional(query_words_positional()).run(),
        vm);
    po::notify(vm);
    SearchRequest request;
    read_request(vm, request);
    return request;
}

}  // namespace

std::size_t run_query_file(const std::filesystem::path& file, Searcher& searcher, std::ostream& out,
                           std::ostream& err) {
    std::ifstream in(file);
    if (!in) throw IndexError("cannot read query file " + file.string());
    std::vector<double> micros;
    std::size_t failed = 0;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        try {
            const SearchRequest request = request_from_line(line);
            const auto start = std::chrono::steady_clock::now();
            const SearchResult result = searcher.run(request);
            const double elapsed =
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                    .count();
            micros.push_back(elapsed);
            nlohmann::json top = nlohmann::json::array();
            for (const auto& hit : result.hits) top.push_back(hit.passage.id);
            out << nlohmann::json{{"line", number},
                                  {"query", line},
                                  {"matches", result.matches.estimated},
                                  {"exact", result.matches.exact()},
                                  {"top", top},
                                  {"micros", std::llround(elapsed)}}
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
        } catch (const po::error& e) {
            ++failed;
            err << "r2p-search: error: " << file.string() << ':' << number << ": " << e.what()
                << '\n';
        } catch (const UsageError& e) {
            ++failed;
            err << "r2p-search: error: " << file.string() << ':' << number << ": " << e.what()
                << '\n';
        }
    }
    out << nlohmann::json{{"summary",
                           {{"queries", micros.size()},
                            {"failed", failed},
                            {"p50_micros", std::llround(cli::percentile(micros, 50))},
                            {"p95_micros", std::llround(cli::percentile(micros, 95))},
                            {"p99_micros", std::llround(cli::percentile(micros, 99))}}}}
               .dump()
        << '\n';
    return failed;
}

}  // namespace r2p::searcher
