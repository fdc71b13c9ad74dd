// r2p-bench-query-loop: runs query-set lines (r2p-search's command-line form, as
// bench/workspace writes queries/*.txt) in one process, as r2p-bench's in-process engine
// does (bench/ours_engine.cpp): top 10, with theme and role facets unless --no-facets.
// For profiling a class's per-query cost (valgrind --tool=callgrind over --repeat N) and
// for its faceted queries/s on --threads T, each thread with its own Searcher.
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/app.hpp"
#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/search.hpp"

namespace po = boost::program_options;

namespace {

// One line split as a POSIX shell would for the forms the query sets use: words, and
// single-quoted words (which may hold double quotes and spaces).
std::vector<std::string> shell_words(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    bool quoted = false;
    for (const char c : line) {
        if (quoted) {
            if (c == '\'') {
                quoted = false;
            } else {
                word += c;
            }
        } else if (c == '\'') {
            quoted = true;
            in_word = true;
        } else if (c == ' ' || c == '\t') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (quoted) throw r2p::UsageError("unterminated quote in query line: " + line);
    if (in_word) words.push_back(word);
    return words;
}

// The request ours_engine.cpp makes of a query line; `facets` forces theme and role.
r2p::SearchRequest request_of(const std::string& line, bool facets) {
    const std::vector<std::string> words = shell_words(line);
    if (words.empty()) throw r2p::UsageError("empty query line");
    r2p::SearchRequest request;
    request.limit = 10;
    bool asked_facets = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& option = words[i];
        if (!option.starts_with("--")) {  // the query's words, as r2p-search joins them
            request.query += (request.query.empty() ? "" : " ") + option;
            continue;
        }
        if (i + 1 == words.size()) throw r2p::UsageError("option without value in: " + line);
        const std::string& value = words[++i];
        if (option == "--theme") {
            request.filters.themes = {value};
        } else if (option == "--facet") {
            asked_facets = true;
        } else if (option == "--sort") {
            request.sort = r2p::parse_sort_order("--sort", value);
        } else {
            throw r2p::UsageError("unknown option " + option + " in: " + line);
        }
    }
    if (facets || asked_facets) request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
    return request;
}

std::vector<r2p::SearchRequest> read_requests(const std::vector<std::string>& files, bool facets) {
    std::vector<r2p::SearchRequest> requests;
    for (const std::string& file : files) {
        std::ifstream in(file);
        if (!in) throw r2p::UsageError("cannot read query file " + file);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty()) requests.push_back(request_of(line, facets));
        }
    }
    if (requests.empty()) throw r2p::UsageError("no queries in the query files");
    return requests;
}

// One line per query: what must not change when the search path does (weights to the last
// bit, in hex).
void print_result(const r2p::SearchRequest& request, const r2p::SearchResult& result) {
    std::cout << request.query << " | " << result.matches.lower << " " << result.matches.upper
              << " |";
    for (const r2p::SearchHit& hit : result.hits) {
        std::cout << ' ' << hit.passage.id << ':' << std::hexfloat << hit.score
                  << std::defaultfloat;
    }
    std::cout << " |";
    for (const r2p::Facet& facet : result.facets) {
        for (const r2p::FacetEntry& entry : facet.entries) {
            std::cout << ' ' << entry.value << '=' << entry.count;
        }
        std::cout << ';';
    }
    std::cout << '\n';
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("bench-query-loop", [&] {
        po::options_description options("Options");
        options.add_options()("db", po::value<std::vector<std::string>>()->composing()->required(),
                              "database, stub or shard (repeat for shards)")(
            "queries", po::value<std::vector<std::string>>()->composing()->required(),
            "query-set file (repeatable)")("repeat", po::value<std::size_t>()->default_value(1),
                                           "run the whole set this many times (after one warm-up)")(
            "threads", po::value<unsigned>()->default_value(0),
            "measure queries/s on this many threads instead (each its own searcher)")(
            "seconds", po::value<double>()->default_value(2.0), "how long to measure queries/s")(
            "no-facets", "top 10 only (the query set's own facets still counted)")(
            "no-warmup", "skip the warm-up run of the set")(
            "print", "print each query's matches, hits and facet counts (to compare builds)");
        options.add(r2p::cli::taxonomy_options());
        po::variables_map vm;
        if (!r2p::cli::parse_command_line(argc, argv, "bench-query-loop",
                                          "--db DB --queries FILE [options]", options, {}, vm)) {
            return r2p::cli::kOk;
        }
        const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
        const auto dbs = vm["db"].as<std::vector<std::string>>();
        const std::vector<r2p::SearchRequest> requests =
            read_requests(vm["queries"].as<std::vector<std::string>>(), vm.count("no-facets") == 0);
        const unsigned threads = vm["threads"].as<unsigned>();
        if (threads == 0) {
            r2p::Searcher searcher(dbs, taxonomy);
            std::size_t matches = 0;
            if (vm.count("no-warmup") == 0) {
                for (const auto& request : requests) searcher.run(request);
            }
            const auto start = std::chrono::steady_clock::now();
            if (vm.count("print")) {
                for (const auto& request : requests) print_result(request, searcher.run(request));
                return r2p::cli::kOk;
            }
            for (std::size_t round = 0; round < vm["repeat"].as<std::size_t>(); ++round) {
                for (const auto& request : requests)
                    matches += searcher.run(request).matches.estimated;
            }
            const std::chrono::duration<double, std::milli> ms =
                std::chrono::steady_clock::now() - start;
            std::cout << requests.size() << " queries x " << vm["repeat"].as<std::size_t>() << ": "
                      << ms.count() << " ms, matches " << matches << "\n";
            return r2p::cli::kOk;
        }
        std::vector<std::unique_ptr<r2p::Searcher>> searchers;
        for (unsigned t = 0; t < threads; ++t) {
            searchers.push_back(std::make_unique<r2p::Searcher>(dbs, taxonomy));
            for (const auto& request : requests) searchers.back()->run(request);  // warm
        }
        std::atomic<bool> stop{false};
        std::atomic<std::size_t> done{0};
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> clients;
        for (unsigned t = 0; t < threads; ++t) {
            clients.emplace_back([&, t] {
                std::size_t i = t * requests.size() / threads;
                while (!stop) {
                    searchers[t]->run(requests[i % requests.size()]);
                    ++i;
                    ++done;
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(vm["seconds"].as<double>()));
        stop = true;
        for (auto& client : clients) client.join();
        const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
        std::cout << static_cast<double>(done) / seconds.count() << " queries/s on " << threads
                  << " threads\n";
        return r2p::cli::kOk;
    });
}
