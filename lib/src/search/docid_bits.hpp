// A set of docids as a bit each, up to a database's last docid: posting lists are merged
// into it with no docid compares between them (each posting read once) and its members
// visited in ascending order.
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace r2p::detail {

class DocidBits {
  public:
    /// Empty, for docids up to `last` (a database's get_lastdocid()).
    explicit DocidBits(Xapian::docid last) : words_(static_cast<std::size_t>(last) / 64 + 1, 0) {}

    /// Adds `did`. A database never has docids past `last`; one past the set's last word
    /// (`last` rounded up to a multiple of 64) is ignored rather than written out of bounds.
    void insert(Xapian::docid did) {
        const auto word = static_cast<std::size_t>(did / 64);
        if (word < words_.size()) words_[word] |= std::uint64_t{1} << (did % 64);
    }

    /// Calls `f(did)` for every member, in ascending order.
    template <class F>
    void for_each(F&& f) const {
        for (std::size_t w = 0; w < words_.size(); ++w) {
            for (std::uint64_t word = words_[w]; word != 0; word &= word - 1) {
                f(static_cast<Xapian::docid>(w * 64 +
                                             static_cast<std::size_t>(std::countr_zero(word))));
            }
        }
    }

  private:
    std::vector<std::uint64_t> words_;
};

}  // namespace r2p::detail
