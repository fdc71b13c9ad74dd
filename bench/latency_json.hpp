// Latency figures as every r2p-bench result holds them.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "cli/percentile.hpp"

namespace r2p::bench {

/// {p50_ms, p95_ms, p99_ms, count} of `ms` (nearest-rank percentiles).
inline nlohmann::json latency_json(const std::vector<double>& ms) {
    return {{"p50_ms", cli::percentile(ms, 50)},
            {"p95_ms", cli::percentile(ms, 95)},
            {"p99_ms", cli::percentile(ms, 99)},
            {"count", ms.size()}};
}

}  // namespace r2p::bench
