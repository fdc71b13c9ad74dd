// Running one measured step in a child process, so its peak memory is its own and not
// everything else the bench process did.
#pragma once

#include <cstddef>
#include <functional>

#include <nlohmann/json.hpp>

namespace r2p::bench {

/// What a step run in a child process returned, and its peak memory.
struct ChildOutcome {
    nlohmann::json value;
    /// The child's peak resident set (wait4's ru_maxrss). Linux starts a forked child's peak
    /// at the RSS the bench had when it forked: see `rss_at_fork_bytes`.
    std::size_t peak_rss_bytes = 0;
    std::size_t rss_at_fork_bytes = 0;  ///< the bench's resident set when it forked
};

/// Forks, runs `step` in the child and returns what it returned (sent back as JSON through
/// a pipe) with the child's peak RSS. Whatever else the step did (files written) is left as
/// the child left it; changes to this process's memory are not. Call it only while this
/// process runs one thread (a child of a threaded process may deadlock on a lock held by
/// another thread at the fork). Throws r2p::Error with the step's message when the step
/// threw, and when the child could not be started or died.
ChildOutcome run_in_child(const std::function<nlohmann::json()>& step);

/// This process's resident set now (from /proc/self/statm); 0 when it cannot be read.
std::size_t current_rss_bytes();

}  // namespace r2p::bench
