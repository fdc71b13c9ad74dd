#include "search/max_score.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <optional>

#include "search/walk_term_weight.hpp"

namespace r2p::detail {

namespace {

// A driving term in the heap: its current docid kept beside its index, so that ordering the
// heap compares integers instead of calling into Xapian for each side (wildcards drive
// dozens of terms; the calls were over a quarter of their ranking).
struct HeapEntry {
    Xapian::docid did;
    std::size_t term;
};

// Orders a min-heap of driving terms by their current docids.
struct LaterDocid {
    bool operator()(const HeapEntry& a, const HeapEntry& b) const { return a.did > b.did; }
};

// The terms of an OR walk split by MaxScore: sorted by bound, the weakest `weak` of them
// (whose bounds sum below the threshold) are probed only; the others drive the walk
// through a min-heap by their current docid.
class MaxScoreWalk {
  public:
    MaxScoreWalk(PostingWalk& walk, const OrWeights& weights, const LengthTable& lengths,
                 BestHits& best, ShardDocids ids, DocidBits* read)
        : terms_(walk.terms()),
          walk_(walk),
          weights_(weights),
          lengths_(lengths),
          best_(best),
          ids_(ids),
          read_(read),
          weigher_(walk.terms(), weights) {
        const std::size_t n = terms_.size();
        by_bound_.resize(n);
        std::iota(by_bound_.begin(), by_bound_.end(), std::size_t{0});
        std::stable_sort(by_bound_.begin(), by_bound_.end(), [&](std::size_t a, std::size_t b) {
            return weights_.bounds[a] < weights_.bounds[b];
        });
        below_.assign(n + 1, 0);
        for (std::size_t j = 0; j < n; ++j)
            below_[j + 1] = below_[j] + weights_.bounds[by_bound_[j]];
        driving_.assign(n, true);
        for (std::size_t i = 0; i < n; ++i) {
            const Xapian::docid did = terms_[i].docid_upto(walk.last());
            if (did != 0) heap_.push_back({did, i});
        }
        std::make_heap(heap_.begin(), heap_.end(), LaterDocid{});
    }

    void run() {
        std::vector<std::size_t> at;  // the driving terms on the current docid
        std::vector<std::size_t> present;
        while (!heap_.empty() && weak_ < terms_.size()) {
            const Xapian::docid did = heap_.front().did;
            at.clear();
            while (!heap_.empty() && heap_.front().did == did) {
                std::pop_heap(heap_.begin(), heap_.end(), LaterDocid{});
                at.push_back(heap_.back().term);
                heap_.pop_back();
            }
            consider(did, at, present);
            if (read_ != nullptr) read_->insert(did);  // before `at` steps past it
            for (const std::size_t i : at) {
                WalkTerm& t = terms_[i];
                ++t.it;
                const Xapian::docid next = driving_[i] ? t.docid_upto(walk_.last()) : 0;
                if (next != 0) {
                    heap_.push_back({next, i});
                    std::push_heap(heap_.begin(), heap_.end(), LaterDocid{});
                }
            }
        }
    }

  private:
    // Whether a passage that may weigh up to `bound` could still enter the best hits.
    bool could_enter(double bound) const { return best_.could_enter_bound(bound); }

    // Weighs `did` (held by the driving terms `at`) when it could enter, and offers it. Until
    // then an indexed phrase counts at its bound for the passage's length: its words are
    // read only by weigher_, while the passage could still enter.
    void consider(Xapian::docid did, const std::vector<std::size_t>& at,
                  std::vector<std::size_t>& present) {
        const Xapian::termcount length = lengths_.at(ids_.combined(did));
        weigher_.start(length);
        double weight = 0;
        for (const std::size_t i : at) weight += weigher_.bound(i);
        if (!could_enter(weight + below_[weak_]) || !walk_.passes_filters(did)) return;
        present.assign(at.begin(), at.end());
        // The weak terms, strongest first, while the passage could still enter.
        for (std::size_t j = weak_; j-- > 0;) {
            if (!could_enter(weight + below_[j + 1])) return;
            const std::size_t i = by_bound_[j];
            WalkTerm& t = terms_[i];
            if (t.it != t.end && *t.it < did) probe(t, did);
            if (t.at(did)) {
                weight += weigher_.bound(i);
                present.push_back(i);
            }
        }
        if (!could_enter(weight)) return;
        // The weight as rank_bm25 sums it for every other query: in query order.
        std::sort(present.begin(), present.end());
        const std::optional<double> exact =
            weigher_.weigh(present, [&](double upper) { return could_enter(upper); });
        if (!exact) return;
        best_.offer(ids_.combined(did), *exact);
        demote_weak_terms();
    }

    // Moves a weak term to `did` or past it: skipping, or (when the union is read) stepping,
    // each posting passed going into read_, since counting decodes them all anyway.
    void probe(WalkTerm& t, Xapian::docid did) {
        if (read_ == nullptr) {
            t.it.skip_to(did);
            return;
        }
        // Each docid read once (a call into Xapian per read).
        for (Xapian::docid at = *t.it; at < did; at = *t.it) {
            read_->insert(at);
            if (++t.it == t.end) return;
        }
    }

    // Moves terms out of the driving heap while their bounds, with those of all weaker
    // terms, stay below the threshold: no passage they alone hold can enter any more.
    void demote_weak_terms() {
        if (!best_.full()) return;
        const std::size_t before = weak_;
        while (weak_ < terms_.size() && !could_enter(below_[weak_ + 1])) {
            driving_[by_bound_[weak_]] = false;
            ++weak_;
        }
        if (weak_ == before) return;
        heap_.erase(std::remove_if(heap_.begin(), heap_.end(),
                                   [&](const HeapEntry& e) { return !driving_[e.term]; }),
                    heap_.end());
        std::make_heap(heap_.begin(), heap_.end(), LaterDocid{});
    }

    std::vector<WalkTerm>& terms_;
    PostingWalk& walk_;
    const OrWeights& weights_;
    const LengthTable& lengths_;
    BestHits& best_;
    ShardDocids ids_;                    // the docids best_ and lengths_ take
    DocidBits* read_;                    // optional, of the walked database's docids
    std::vector<std::size_t> by_bound_;  // term indices by ascending bound
    std::vector<double> below_;          // below_[j]: the bounds of by_bound_[0, j) summed
    std::vector<bool> driving_;          // by term index
    std::vector<HeapEntry> heap_;        // driving terms not at their end, by current docid
    std::size_t weak_ = 0;               // by_bound_[0, weak_) are only probed
    LazyMatchWeight weigher_;
};

}  // namespace

void rank_or_max_score(PostingWalk& walk, const OrWeights& weights, const LengthTable& lengths,
                       BestHits& best, ShardDocids ids, DocidBits* read) {
    if (best.full()) return;  // k is 0: nothing can enter (and no posting was passed)
    MaxScoreWalk(walk, weights, lengths, best, ids, read).run();
}

}  // namespace r2p::detail
