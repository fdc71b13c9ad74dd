// Running wrk (the HTTP load generator, Debian package wrk) with the request list of
// `r2p-bench serve`, and reading its figures.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace r2p::bench {

/// One wrk run: `connections` open connections on `threads` threads for `seconds`, each
/// request the next path of `paths_file` (bench/data/wrk-rotate.lua).
struct WrkRun {
    std::string url;  ///< "http://127.0.0.1:PORT"
    std::filesystem::path script;
    std::filesystem::path paths_file;
    unsigned connections = 1;
    unsigned threads = 1;  ///< at most `connections` (wrk refuses more)
    double seconds = 3;
};

/// What one run (or the median of several) measured.
struct WrkFigures {
    std::size_t requests = 0;
    double seconds = 0;
    double requests_per_second = 0;
    double p50_ms = 0;
    double p95_ms = 0;
    double p99_ms = 0;
    std::size_t status_errors = 0;  ///< responses with status 400 or above (wrk's "status")
    std::size_t socket_errors = 0;  ///< connect, read and write errors and timeouts
};

/// The path of wrk, or "" when it is not installed.
std::filesystem::path find_wrk();

/// Runs wrk once. Throws r2p::Error when it cannot be started, fails or prints no figures.
WrkFigures run_wrk(const std::filesystem::path& wrk, const WrkRun& run);

/// The median of each figure over `runs` (not empty); the error counts are summed, since
/// one error in any run is one too many.
WrkFigures median_figures(const std::vector<WrkFigures>& runs);

nlohmann::json figures_json(const WrkFigures& figures);

}  // namespace r2p::bench
