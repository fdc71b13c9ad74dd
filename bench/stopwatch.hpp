// Timing of the bench's measurements.
#pragma once

#include <chrono>

namespace r2p::bench {

using Clock = std::chrono::steady_clock;

/// Milliseconds since `start`.
inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Seconds since `start`.
inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace r2p::bench
