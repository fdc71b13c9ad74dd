// r2p-bench-xapian-query: plain Xapian's one-shot peer. One query per process, as a user of a
// small Xapian program runs it; r2p-bench spawns it beside r2p-search for the one-shot figures.
//
//   r2p-bench-xapian-query --db DIR [--theme ID] [--facets] [--sort-date] [--] TEXT
//
// Prints one JSON line: {"matches": N, "top": [docid, ...], "hits_with_data": H,
// "facet_values": F}. Usage errors exit 2, database errors 3, each as one line on stderr.
#include <iostream>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "bench/xapian_peer_query.hpp"

namespace {

constexpr const char* kUsage =
    "usage: r2p-bench-xapian-query --db DIR [--theme ID] [--facets] [--sort-date] [--] TEXT";

struct Arguments {
    std::string db;
    r2p::bench::XapianPeerRequest request;
};

// Throws std::invalid_argument with what is wrong.
Arguments parse_arguments(int argc, char* argv[]) {
    Arguments args;
    bool words_only = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (words_only || arg.empty() || arg[0] != '-') {
            if (!args.request.text.empty()) args.request.text += ' ';
            args.request.text += arg;
        } else if (arg == "--") {
            words_only = true;
        } else if (arg == "--db") {
            args.db = value();
        } else if (arg == "--theme") {
            args.request.theme = value();
        } else if (arg == "--facets") {
            args.request.facets = true;
        } else if (arg == "--sort-date") {
            args.request.sort_date = true;
        } else {
            throw std::invalid_argument("unknown option " + arg);
        }
    }
    if (args.db.empty()) throw std::invalid_argument("--db is required");
    if (args.request.text.empty()) throw std::invalid_argument("no query given");
    return args;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage << '\n';
        return 0;
    }
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "r2p-bench-xapian-query (Xapian " << Xapian::version_string() << ")\n";
        return 0;
    }
    Arguments args;
    try {
        args = parse_arguments(argc, argv);
    } catch (const std::invalid_argument& e) {
        std::cerr << "r2p-bench-xapian-query: error: " << e.what() << " (" << kUsage << ")\n";
        return 2;
    }
    try {
        r2p::bench::XapianPeerSearcher searcher(args.db);
        const r2p::bench::XapianPeerAnswer answer = searcher.run(args.request);
        std::cout << "{\"matches\": " << answer.matches << ", \"top\": [";
        for (std::size_t i = 0; i < answer.top.size(); ++i)
            std::cout << (i ? ", " : "") << answer.top[i];
        std::cout << "], \"hits_with_data\": " << answer.hits_with_data
                  << ", \"facet_values\": " << answer.facet_values << "}\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "r2p-bench-xapian-query: error: " << args.db << ": " << e.get_description()
                  << '\n';
        return 3;
    }
    return 0;
}
