// What every r2p-bench result says about when and where it was measured.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace r2p::bench {

/// Now, as "YYYY-MM-DD HH:MM UTC".
std::string utc_now_text();

/// The machine: cpu, cores, memory, kernel, Xapian's version.
nlohmann::json machine_json();

/// The load averages over 1, 5 and 15 minutes (/proc/loadavg), as an array of three numbers;
/// null when they cannot be read. On a shared machine they say how far to trust a wall time.
nlohmann::json load_average_json();

}  // namespace r2p::bench
