#include "search/ranked_pass.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "search/posting_walk.hpp"

namespace r2p {

namespace {

// Xapian::BM25Weight's defaults: k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5.
constexpr double kK1 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormLen = 0.5;

// A term's weight, as BM25Weight::init computes it (factor 1, wqf 1: the k3 factor is 1).
double term_weight(Xapian::doccount collection, Xapian::doccount termfreq) {
    double tw = (collection - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw) * (kK1 + 1);
}

// A term's part of a passage's weight, as BM25Weight::get_sumpart computes it.
double sum_part(double termweight, Xapian::termcount wdf, Xapian::termcount length,
                double len_factor) {
    const double normlen = std::max(length * len_factor, kMinNormLen);
    const double wdf_double = wdf;
    return termweight * (wdf_double / (kK1 * (normlen * kB + (1 - kB)) + wdf_double));
}

// Better first: higher weight, then lower docid (Xapian's order for equal weights).
bool better(const RankedMatch& a, const RankedMatch& b) {
    return a.weight > b.weight || (a.weight == b.weight && a.did < b.did);
}

class TopK {
  public:
    explicit TopK(std::size_t k) : k_(k) {}
    void offer(Xapian::docid did, double weight) {
        if (k_ == 0) return;
        const RankedMatch m{did, weight};
        if (heap_.size() < k_) {
            heap_.push_back(m);
            std::push_heap(heap_.begin(), heap_.end(), better);
        } else if (better(m, heap_.front())) {
            std::pop_heap(heap_.begin(), heap_.end(), better);
            heap_.back() = m;
            std::push_heap(heap_.begin(), heap_.end(), better);
        }
    }
    std::vector<RankedMatch> sorted() {
        std::sort(heap_.begin(), heap_.end(), better);
        return heap_;
    }

  private:
    std::size_t k_;
    std::vector<RankedMatch> heap_;  // a heap whose front is the worst kept
};

}  // namespace

std::optional<RankedMatches> rank_bm25(const Xapian::Database& db, const LengthTable& lengths,
                                       const Xapian::Query& query, std::size_t offset,
                                       std::size_t limit, const DateTable* dates) {
    const detail::WalkDates walk_dates{dates};
    auto walk = detail::PostingWalk::open(db, query, &walk_dates);
    if (!walk) return std::nullopt;
    const Xapian::doccount collection = db.get_doccount();
    const double average = db.get_avlength();
    const double len_factor = average != 0 ? 1 / average : 0;
    std::vector<double> termweights;
    for (const auto& t : walk->terms()) {
        termweights.push_back(term_weight(collection, t.termfreq));
    }

    RankedMatches out;
    TopK top(offset + limit);
    const auto& terms = walk->terms();
    walk->for_each([&](Xapian::docid did) {
        ++out.matches;
        const Xapian::termcount length = lengths.at(did);
        double weight = 0;  // summed in query order
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (terms[i].at(did)) {
                weight += sum_part(termweights[i], terms[i].it.get_wdf(), length, len_factor);
            }
        }
        top.offer(did, weight);
    });
    std::vector<RankedMatch> best = top.sorted();
    if (offset < best.size()) out.hits.assign(best.begin() + static_cast<long>(offset), best.end());
    return out;
}

}  // namespace r2p
