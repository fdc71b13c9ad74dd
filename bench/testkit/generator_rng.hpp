// The generator's random numbers: its own generator (the corpus must be the same everywhere
// for a seed), seeds per statement and stream, and Zipf draws.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "util/fnv1a.hpp"

namespace r2p::testkit {

// Our own generator: std::uniform_*_distribution differ between standard libraries, and
// the corpus must be the same everywhere for a seed.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    /// Uniform in [lo, hi].
    std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
    double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return real() < p; }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

  private:
    std::uint64_t state_;
};

inline std::uint64_t mix(std::uint64_t seed, std::uint64_t index, std::uint64_t stream) {
    Rng rng(seed ^ (index * 0xd1b54a32d192ed03ULL) ^ (stream * 0x8cb92ba72f3d8dd7ULL));
    rng.next();
    return rng.next();
}

inline std::uint64_t hash_text(std::string_view text) {
    detail::Fnv1a hash;
    hash.add_bytes(text);
    return hash.value();
}

/// Index drawn from cumulative weights.
inline std::size_t draw(Rng& rng, const std::vector<double>& cumulative) {
    const double u = rng.real() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

inline std::vector<double> zipf_cumulative(std::size_t n, double exponent) {
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t r = 0; r < n; ++r) {
        total += 1.0 / std::pow(static_cast<double>(r + 1), exponent);
        cumulative[r] = total;
    }
    return cumulative;
}

}  // namespace r2p::testkit
