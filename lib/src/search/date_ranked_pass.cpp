#include "search/date_ranked_pass.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "search/bm25_formula.hpp"
#include "search/posting_walk.hpp"
#include "search/shard_walks.hpp"
#include "search/walk_term_weight.hpp"

namespace r2p {

namespace {

struct DatedMatch {
    std::uint32_t date = 0;  // DateTable key: 0 (no date) sorts last, as Xapian's empty value
    double weight = 0;
    Xapian::docid did = 0;
};

// Better first: newer, then heavier, then lower docid (Xapian's order for equal keys).
bool better(const DatedMatch& a, const DatedMatch& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.did < b.did;
}

}  // namespace

std::optional<RankedMatches> rank_by_date(const Xapian::Database& db, const LengthTable& lengths,
                                          const DateTable& dates, const Xapian::Query& query,
                                          std::size_t offset, std::size_t limit,
                                          MatchVisitor* visitor,
                                          const std::vector<Xapian::Database>& shards) {
    // Over local shards each is walked on its own, as rank_bm25 does; one heap keeps the
    // best of all, by combined docid.
    std::optional<detail::ShardWalks> opened = detail::open_shard_walks(db, query, &dates, shards);
    if (!opened) return std::nullopt;
    const Xapian::doccount collection = db.get_doccount();
    const double average = db.get_avlength();
    const double len_factor = average != 0 ? 1 / average : 0;
    std::vector<double> termweights;
    for (const Xapian::doccount termfreq : opened->termfreqs()) {
        termweights.push_back(detail::bm25_term_weight(collection, termfreq));
    }
    const std::vector<std::vector<double>> word_weights =
        detail::word_weights_of(db, opened->walks.front());

    RankedMatches out;
    const std::size_t k = offset + limit;
    std::vector<DatedMatch> heap;  // a heap whose front is the worst kept
    // No reserve: k is offset + limit, which may be far more than the matches.
    Xapian::doccount matched = 0;
    for (std::size_t part = 0; part < opened->parts(); ++part) {
        detail::PostingWalk& walk = opened->walks[part];
        auto& terms = walk.terms();
        const detail::ShardDocids ids = opened->ids(part);
        walk.for_each([&](Xapian::docid local) {
            ++matched;
            const Xapian::docid did = ids.combined(local);
            if (visitor != nullptr) visitor->visit(did);
            if (k == 0) return;
            const std::uint32_t date = dates.at(did);
            // Older than the worst kept of a full top k: it cannot enter, whatever its weight.
            if (heap.size() == k && date < heap.front().date) return;
            const Xapian::termcount length = lengths.at(did);
            DatedMatch m{date, 0, did};
            for (std::size_t i = 0; i < terms.size(); ++i) {  // summed in query order
                if (!terms[i].at(local)) continue;
                m.weight += detail::term_part(terms[i], termweights[i], word_weights[i],
                                              terms[i].it.get_wdf(), length, len_factor);
            }
            if (heap.size() < k) {
                heap.push_back(m);
                std::push_heap(heap.begin(), heap.end(), better);
            } else if (better(m, heap.front())) {
                std::pop_heap(heap.begin(), heap.end(), better);
                heap.back() = m;
                std::push_heap(heap.begin(), heap.end(), better);
            }
        });
    }
    if (visitor != nullptr) visitor->visited_all();
    out.matches = {matched, matched, matched};
    std::sort(heap.begin(), heap.end(), better);
    for (std::size_t i = offset; i < heap.size(); ++i) {
        out.hits.push_back({heap[i].did, heap[i].weight});
    }
    return out;
}

}  // namespace r2p
