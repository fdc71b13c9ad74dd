// What the request handlers share: the searchers, the databases' names, the limits, the log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/searcher_pool.hpp"
#include "server/server_limits.hpp"

namespace r2p::serve {

struct Service {
    SearcherPool& pool;
    std::vector<std::string> databases;  ///< as --db named them (for /healthz)
    ServerLimits limits;
    /// Writes one line on the server's log (stderr): a database failure, an internal error.
    std::function<void(const std::string&)> log;
};

}  // namespace r2p::serve
