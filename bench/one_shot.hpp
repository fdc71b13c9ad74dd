// One-shot queries: each query in a fresh process, spawned and waited for as a user's shell
// runs a command, so the figure includes process start, opening the database and printing.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/testkit/bench_query.hpp"

namespace r2p::bench {

/// How one engine answers a query as a command.
struct OneShotTool {
    std::filesystem::path program;
    /// Its arguments (after the program name) for `query`; theme and role facets when
    /// `facets` (or query.facets).
    std::function<std::vector<std::string>(const BenchQuery& query, bool facets)> args;
    /// The match count in what the program printed; throws r2p::Error when it is not there.
    std::function<std::size_t(const std::string& output)> matches;
};

/// `name` in the folder of the running r2p-bench (the build puts every tool in build/bin).
/// Throws r2p::Error saying how to build it when it is not there.
std::filesystem::path tool_beside_bench(const std::string& name);

/// r2p-search (beside r2p-bench) over `db`, as a user runs it: --db DB --json, the query's
/// options (--theme, --facet theme --facet role, --sort date), then -- and the query text.
OneShotTool r2p_search_tool(const std::filesystem::path& db);

/// r2p-bench-xapian-query (beside r2p-bench) over `db`: the plain Xapian peer's query
/// (xapian_peer_request), one per process.
OneShotTool xapian_peer_tool(const std::filesystem::path& db);

/// What one run of a tool gave.
struct OneShotRun {
    double ms = 0;  ///< spawn to exit
    /// The process's user + system CPU time (wait4's rusage, every thread): unlike `ms`,
    /// hardly moved by other processes on a shared machine.
    double cpu_ms = 0;
    std::size_t matches = 0;  ///< as the tool printed it
};

/// Runs `tool` once for `query` with its standard output in `out_file`; the time is from
/// just before the spawn to the wait's return (nothing else: the output is read after).
/// Throws r2p::Error naming the command when it cannot be started or does not exit 0.
OneShotRun run_one_shot(const OneShotTool& tool, const BenchQuery& query, bool facets,
                        const std::filesystem::path& out_file);

/// The median of `runs` spawns of `program --version` (ms): what starting the program costs
/// before it opens anything.
double process_start_ms(const std::filesystem::path& program, const std::filesystem::path& out_file,
                        int runs = 11);

}  // namespace r2p::bench
