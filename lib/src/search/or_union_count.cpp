#include "search/or_union_count.hpp"

#include <optional>
#include <stdexcept>

#include "search/visit_batch.hpp"

namespace r2p::detail {

Xapian::doccount count_or_union(const Xapian::Database& db, const Xapian::Query& query,
                                const WalkDates& dates, PostingWalk& ranked, DocidBits& read,
                                ShardDocids ids, MatchVisitor* visitor) {
    for (WalkTerm& t : ranked.terms()) {
        for (Xapian::docid did = t.docid_upto(ranked.last()); did != 0;
             did = t.docid_upto(ranked.last())) {
            read.insert(did);
            ++t.it;
        }
    }
    // Ranking asked its filters about some docids already (they only move forward): the
    // union's are asked of a fresh walk's.
    std::optional<PostingWalk> filters;
    if (ranked.filtered()) {
        filters = PostingWalk::open(db, query, &dates);
        if (!filters) throw std::logic_error("count_or_union: the query ranked cannot be walked");
    }
    Xapian::doccount count = 0;
    VisitBatch batch(visitor);
    read.for_each([&](Xapian::docid did) {
        if (filters && !filters->passes_filters(did)) return;
        ++count;
        batch.add(ids.combined(did));
    });
    batch.flush();
    return count;
}

}  // namespace r2p::detail
