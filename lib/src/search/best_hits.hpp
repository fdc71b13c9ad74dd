// The k best matches seen so far in a ranked pass, and the weight a new match must beat.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "search/ranked_pass.hpp"

namespace r2p::detail {

/// Better first: higher weight, then lower docid (Xapian's order for equal weights).
inline bool better_match(const RankedMatch& a, const RankedMatch& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.did < b.did);
}

/// The best `k` matches offered. Matches come in ascending docid order, so once k are held
/// a new match enters only with a weight strictly above threshold() (an equal weight loses
/// on its higher docid).
class BestHits {
  public:
    explicit BestHits(std::size_t k) : k_(k) {}

    void offer(Xapian::docid did, double weight) {
        if (k_ == 0) return;
        const RankedMatch m{did, weight};
        if (heap_.size() < k_) {
            heap_.push_back(m);
            std::push_heap(heap_.begin(), heap_.end(), better_match);
        } else if (better_match(m, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), better_match);
            heap_.back() = m;
            std::push_heap(heap_.begin(), heap_.end(), better_match);
        }
    }

    /// Whether a match weighing at most `most` could enter: false once k are held and `most`
    /// does not exceed threshold(), and always when k is 0. What a walk asks before weighing.
    bool could_enter(double most) const {
        if (heap_.size() < k_) return true;
        return k_ != 0 && most > heap_.front().weight;
    }

    /// could_enter for a bound summed in another order than the weight, or of other terms
    /// (bounds of parts not read yet), which may differ from it in the last bits: false only
    /// when `bound` is below threshold() by more than a relative 1e-9.
    bool could_enter_bound(double bound) const {
        if (heap_.size() < k_) return true;
        if (k_ == 0) return false;
        const double threshold = heap_.front().weight;
        return bound >= threshold - kBoundSlack * std::max(1.0, threshold);
    }

    /// Whether k matches are held (always when k is 0: nothing can enter).
    bool full() const { return heap_.size() >= k_; }
    /// The weight of the worst match held; when full(), what a new match must exceed.
    double threshold() const { return heap_.empty() ? 0 : heap_.front().weight; }

    std::vector<RankedMatch> sorted() {
        std::sort(heap_.begin(), heap_.end(), better_match);
        return heap_;
    }

  private:
    static constexpr double kBoundSlack = 1e-9;

    std::size_t k_;
    std::vector<RankedMatch> heap_;  // a heap whose front is the worst kept
};

}  // namespace r2p::detail
