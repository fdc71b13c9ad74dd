// The most a term can add to a passage's BM25 weight at each small wdf, whatever the
// passage's length: what lets a ranked walk pass over a match that cannot enter the top k
// without reading its length or dividing.
#pragma once

#include <xapian.h>

#include <array>
#include <limits>

#include "search/bm25_formula.hpp"

namespace r2p::detail {

class WdfBounds {
  public:
    /// Bounds hold for wdfs below this; a larger wdf is rare in a passage (bound: infinity).
    static constexpr Xapian::termcount kWdfs = 32;

    /// For a term of weight `termweight` in passages at least `shortest` long. Each bound is
    /// bm25_sum_part itself at the shortest length the wdf allows (a passage is at least as
    /// long as any wdf in it): the formula is monotone in the length also in floating point
    /// (every step rounds monotonically), so no match at that wdf weighs more, to the bit.
    WdfBounds(double termweight, Xapian::termcount shortest, double len_factor) {
        for (Xapian::termcount wdf = 0; wdf < kWdfs; ++wdf) {
            bounds_[wdf] = bm25_sum_part_bound(termweight, wdf, shortest, len_factor);
        }
    }

    /// One bound at every wdf: for an indexed phrase's term (walk_term_weight.hpp), whose
    /// own wdf says nothing of its words'.
    static WdfBounds constant(double bound) {
        WdfBounds bounds;
        bounds.bounds_.fill(bound);
        bounds.beyond_ = bound;
        return bounds;
    }

    /// The most the term adds to a passage where it occurs `wdf` times.
    double at(Xapian::termcount wdf) const { return wdf < kWdfs ? bounds_[wdf] : beyond_; }

  private:
    WdfBounds() = default;

    std::array<double, kWdfs> bounds_{};
    double beyond_ = std::numeric_limits<double>::infinity();  // at wdfs of kWdfs and more
};

}  // namespace r2p::detail
