// FNV-1a: a stable 64-bit hash (std::hash is not stable across builds) for fingerprints and
// shard placement.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace r2p::detail {

class Fnv1a {
  public:
    /// Hashes `bytes` in, followed by a field separator so ("ab","c") and ("a","bc") differ.
    void add(std::string_view bytes) {
        add_bytes(bytes);
        mix(0xffU);
    }
    /// Hashes `bytes` in with no separator: plain FNV-1a of everything added this way.
    void add_bytes(std::string_view bytes) {
        for (const char c : bytes) mix(static_cast<unsigned char>(c));
    }
    std::uint64_t value() const { return hash_; }
    /// 16 lower-case hex digits.
    std::string hex() const {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i) {
            out[static_cast<std::size_t>(15 - i)] = kDigits[(hash_ >> (4 * i)) & 0xfU];
        }
        return out;
    }

  private:
    void mix(unsigned byte) {
        hash_ ^= byte;
        hash_ *= 1099511628211ULL;
    }
    std::uint64_t hash_ = 14695981039346656037ULL;
};

}  // namespace r2p::detail
