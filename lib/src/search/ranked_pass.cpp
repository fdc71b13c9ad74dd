#include "search/ranked_pass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <future>
#include <string>

#include "search/best_hits.hpp"
#include "search/bm25_formula.hpp"
#include "search/max_score.hpp"
#include "search/or_union_count.hpp"
#include "search/posting_walk.hpp"
#include "search/shard_docids.hpp"
#include "search/shard_walks.hpp"
#include "search/visit_batch.hpp"
#include "search/walk_term_weight.hpp"
#include "search/wdf_bounds.hpp"

namespace r2p {

namespace {

// What weighs every match: the statistics of the ranked database as a whole, shared by the
// walks of its shards. Term frequencies are the whole database's, in query order.
struct Weighing {
    detail::OrWeights weights;  // bounds set for an OR of several terms
    std::vector<Xapian::doccount> termfreqs;
    Xapian::doccount collection = 0;
    Xapian::termcount shortest = 0;  // the shortest passage's length
};

// `opened`: the walks of db whole, or of each of its shards.
Weighing weighing_of(const Xapian::Database& db, const detail::ShardWalks& opened) {
    Weighing w;
    w.collection = db.get_doccount();
    const double average = db.get_avlength();
    w.weights.len_factor = average != 0 ? 1 / average : 0;
    w.shortest = db.get_doclength_lower_bound();
    const detail::PostingWalk& walk = opened.walks.front();
    const auto& terms = walk.terms();
    w.termfreqs = opened.termfreqs();
    for (const Xapian::doccount termfreq : w.termfreqs) {
        w.weights.termweights.push_back(detail::bm25_term_weight(w.collection, termfreq));
    }
    w.weights.word_weights = detail::word_weights_of(db, walk);
    w.weights.word_wdf_uppers = detail::word_wdf_uppers_of(db, walk);
    if (!walk.conjunctive() && terms.size() > 1) {
        for (std::size_t i = 0; i < terms.size(); ++i) {
            w.weights.bounds.push_back(
                terms[i].parts.empty()
                    ? detail::bm25_sum_part_bound(w.weights.termweights[i],
                                                  db.get_wdf_upper_bound(terms[i].term), w.shortest,
                                                  w.weights.len_factor)
                    : detail::phrase_bound(db, terms[i], w.weights.word_weights[i], w.shortest,
                                           w.weights.len_factor));
        }
    }
    return w;
}

// An OR's count from its terms' frequencies alone: at least its most frequent term's
// passages (unfiltered), at most all of them summed, estimated as if the terms occurred
// independently of each other.
MatchCounts or_bounds(const Weighing& w, bool filtered) {
    Xapian::doccount most = 0;
    double sum = 0;
    double none = 1;  // the share of passages holding none of the terms
    for (const Xapian::doccount termfreq : w.termfreqs) {
        most = std::max(most, termfreq);
        sum += termfreq;
        if (w.collection != 0) none *= 1 - static_cast<double>(termfreq) / w.collection;
    }
    MatchCounts counts;
    counts.lower = filtered ? 0 : most;
    counts.upper = static_cast<Xapian::doccount>(std::min<double>(sum, w.collection));
    const double estimated = std::round(w.collection * (1 - none));
    counts.estimated =
        std::clamp(static_cast<Xapian::doccount>(estimated), counts.lower, counts.upper);
    return counts;
}

// Offers the match `combined` to `best` unless its terms' WdfBounds keep it out, or the
// words of its indexed phrases, read strongest first, do (LazyMatchWeight): the terms
// `holds(i)` says it holds give, when it could enter, their parts summed in query order, as
// Xapian sums them, to the last bit. `held` is scratch.
template <class Holds>
void offer_match(Xapian::docid combined, std::vector<detail::WalkTerm>& terms, Holds holds,
                 const std::vector<detail::WdfBounds>& bounds, detail::LazyMatchWeight& weigher,
                 const LengthTable& lengths, detail::BestHits& best,
                 std::vector<std::size_t>& held) {
    double most = 0;  // summed in query order, as the weight: never below it
    held.clear();
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (!holds(i)) continue;
        held.push_back(i);
        most += bounds[i].at(terms[i].it.get_wdf());
    }
    if (!best.could_enter(most)) return;
    weigher.start(lengths.at(combined));
    const std::optional<double> weight =
        weigher.weigh(held, [&](double upper) { return best.could_enter_bound(upper); });
    if (weight) best.offer(combined, *weight);
}

// rank_every_match of a lone indexed phrase: its term's postings are its matches, its words
// are read only to weigh a match that could enter. Before its length is read (a page of the
// length table per match, a fault each in a one-shot search), its words' wdfs, read strongest
// first, must let it in at any length: each unread word counts at its most.
Xapian::doccount rank_lone_phrase(detail::PostingWalk& walk, const Weighing& w,
                                  detail::ShardDocids ids, const LengthTable& lengths,
                                  detail::BestHits& best, MatchVisitor* visitor) {
    detail::LazyMatchWeight weigher(walk.terms(), w.weights, w.shortest);
    auto could_enter = [&](double upper) { return best.could_enter_bound(upper); };
    const std::size_t only[] = {0};
    Xapian::doccount matched = 0;
    detail::VisitBatch visits(visitor);
    walk.for_each_of_single_term([&](Xapian::docid did) {
        ++matched;
        const Xapian::docid combined = ids.combined(did);
        if (!best.full() || weigher.could_enter_by_wdfs(0, could_enter)) {
            weigher.start(lengths.at(combined));
            const std::optional<double> weight = weigher.weigh(only, could_enter);
            if (weight) best.offer(combined, *weight);
        }
        visits.add(combined);
    });
    visits.flush();
    return matched;
}

// A term, an indexed phrase or an AND (every term is on each match, no docid to read again
// per term): weighs the matches that could enter `best`, visits (in batches) and counts them
// all. A match whose weight cannot exceed the k-th best, by its terms' WdfBounds, is neither
// weighed nor has its length read: under a frequent term most are (the short passages'
// weights are reached early).
// Weighed matches sum bm25_sum_part in query order, as Xapian does, to the last bit. `ids`
// numbers the walked database's docids as `best`, `lengths` and the visitor take them.
Xapian::doccount rank_every_match(detail::PostingWalk& walk, const Weighing& w,
                                  detail::ShardDocids ids, const LengthTable& lengths,
                                  detail::BestHits& best, MatchVisitor* visitor) {
    auto& terms = walk.terms();
    if (terms.size() == 1 && !terms.front().parts.empty())
        return rank_lone_phrase(walk, w, ids, lengths, best, visitor);
    const detail::OrWeights& weights = w.weights;
    std::vector<detail::WdfBounds> bounds;
    for (const double termweight : weights.termweights) {
        bounds.emplace_back(termweight, w.shortest, weights.len_factor);
    }
    Xapian::doccount matched = 0;
    detail::VisitBatch visits(visitor);
    if (terms.size() == 1) {
        const detail::WalkTerm& only = terms.front();
        const detail::WdfBounds& bound = bounds.front();
        const double termweight = weights.termweights.front();
        walk.for_each_of_single_term([&](Xapian::docid did) {
            ++matched;
            const Xapian::docid combined = ids.combined(did);
            const Xapian::termcount wdf = only.it.get_wdf();
            if (best.could_enter(bound.at(wdf))) {
                double weight = 0;  // as the AND sums, from 0
                weight += detail::bm25_sum_part(termweight, wdf, lengths.at(combined),
                                                weights.len_factor);
                best.offer(combined, weight);
            }
            visits.add(combined);
        });
        visits.flush();
        return matched;
    }
    detail::LazyMatchWeight weigher(terms, weights);
    std::vector<std::size_t> held;
    auto every_term = [](std::size_t) { return true; };
    walk.for_each([&](Xapian::docid did) {
        ++matched;
        const Xapian::docid combined = ids.combined(did);
        offer_match(combined, terms, every_term, bounds, weigher, lengths, best, held);
        visits.add(combined);
    });
    visits.flush();
    return matched;
}

// An OR of at most PostingWalk::kScanTerms terms whose every match is counted (and visited,
// in batches): one merge of the terms' postings, each docid read from Xapian once and the
// next match found by a scan, weighs what could enter `best` as rank_every_match does, each
// match summing the parts of the terms it holds in query order. Cheaper than MaxScore, whose
// skips counting forgoes: at 1M compacted the faceted OR class took 5.1 ms of CPU per query
// riding this way, 5.7 with MaxScore and the union counted after it; its top 10 with the
// exact count 2.2 ms, 3.4 before.
Xapian::doccount rank_or_by_scan(detail::PostingWalk& walk, const Weighing& w,
                                 detail::ShardDocids ids, const LengthTable& lengths,
                                 detail::BestHits& best, MatchVisitor* visitor) {
    auto& terms = walk.terms();
    const detail::OrWeights& weights = w.weights;
    const std::size_t n = terms.size();
    std::vector<detail::WdfBounds> bounds;
    std::array<Xapian::docid, detail::PostingWalk::kScanTerms> at{};  // 0: the term ended
    for (std::size_t i = 0; i < n; ++i) {
        if (terms[i].parts.empty()) {
            bounds.emplace_back(weights.termweights[i], w.shortest, weights.len_factor);
        } else {
            bounds.push_back(detail::WdfBounds::constant(weights.bounds[i]));
        }
        at[i] = terms[i].docid_upto(walk.last());
    }
    detail::LazyMatchWeight weigher(terms, weights);
    std::vector<std::size_t> held;
    Xapian::doccount matched = 0;
    detail::VisitBatch visits(visitor);
    for (;;) {
        Xapian::docid did = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (at[i] != 0 && (did == 0 || at[i] < did)) did = at[i];
        }
        if (did == 0) break;
        if (walk.passes_filters(did)) {
            ++matched;
            const Xapian::docid combined = ids.combined(did);
            auto holds = [&](std::size_t i) { return at[i] == did; };
            offer_match(combined, terms, holds, bounds, weigher, lengths, best, held);
            visits.add(combined);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (at[i] != did) continue;
            detail::WalkTerm& t = terms[i];
            ++t.it;
            at[i] = t.docid_upto(walk.last());
        }
    }
    visits.flush();
    return matched;
}

// Ranks the walk of `walked` (the whole database, or one shard of it: `ids`) into `best`,
// handing every match to `visitor` (if any). Returns the matches counted; nullopt when an OR
// was only ranked (`count_all` false: MaxScore then skips what cannot enter).
std::optional<Xapian::doccount> rank_walk(detail::PostingWalk& walk, const Weighing& w,
                                          const Xapian::Database& walked,
                                          const Xapian::Query& query,
                                          const detail::WalkDates& dates, detail::ShardDocids ids,
                                          const LengthTable& lengths, detail::BestHits& best,
                                          bool count_all, MatchVisitor* visitor) {
    if (walk.conjunctive() || walk.terms().size() == 1) {
        return rank_every_match(walk, w, ids, lengths, best, visitor);
    }
    if (!count_all) {
        detail::rank_or_max_score(walk, w.weights, lengths, best, ids);
        return std::nullopt;
    }
    // Every posting is read to count anyway: one scan weighs and counts a few terms.
    if (walk.terms().size() <= detail::PostingWalk::kScanTerms) {
        return rank_or_by_scan(walk, w, ids, lengths, best, visitor);
    }
    // Counted (for the count asked, or for the visitor) from the postings ranking read.
    detail::DocidBits read(walked.get_lastdocid());
    detail::rank_or_max_score(walk, w.weights, lengths, best, ids, &read);
    return detail::count_or_union(walked, query, dates, walk, read, ids, visitor);
}

// What the walk of one part found: its best hits, and its matches when it counted them.
struct PartRanked {
    std::vector<RankedMatch> hits;
    std::optional<Xapian::doccount> matched;
};

// Whether a walk of `terms` terms is split in halves (walked_in_halves): each is opened
// again for the upper half.
bool halves_pay(std::size_t terms) { return terms <= detail::PostingWalk::kScanTerms; }

// Runs rank_part(i, query) for every part at once: part 0 on the caller's thread, the others
// as tasks of `pool`, each with a copy of the query of its own (Xapian's reference counts
// are not atomic). Returns when every part has finished; rethrows the first failure by part.
template <class RankPart>
void rank_parts_at_once(WorkerPool& pool, std::size_t parts, const Xapian::Query& query,
                        RankPart& rank_part) {
    const std::string serialised = query.serialise();
    std::vector<std::future<void>> tasks;
    std::exception_ptr failed;
    try {
        for (std::size_t i = 1; i < parts; ++i) {
            tasks.push_back(pool.submit([&rank_part, &serialised, i] {
                rank_part(i, Xapian::Query::unserialise(serialised));
            }));
        }
        rank_part(0, query);
    } catch (...) {
        failed = std::current_exception();
    }
    // Every task waited for, even after a failure: they use the caller's frame.
    for (std::future<void>& task : tasks) {
        try {
            task.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
}

}  // namespace

bool walked_in_halves(const Xapian::Query& query) {
    const std::optional<detail::ScoredTerms> terms =
        detail::scored_terms(detail::scored_part(query));
    return terms && halves_pay(terms->terms.size());
}

std::optional<RankedMatches> rank_bm25(const Xapian::Database& db, const LengthTable& lengths,
                                       const Xapian::Query& query, std::size_t offset,
                                       std::size_t limit, RankCounts counts, const DateTable* dates,
                                       MatchVisitor* visitor,
                                       const std::vector<Xapian::Database>& shards,
                                       const ShardThreads& threads,
                                       const std::vector<const TableFile*>& shard_files) {
    // Over local shards each is walked on its own: reading the combined database's postings
    // costs Xapian's merge of the shards (a term of 159k matches over 2 shards at 1M: 37.6M
    // instructions combined, 24M shard by shard).
    std::optional<detail::ShardWalks> opened =
        detail::open_shard_walks(db, query, dates, shards, shard_files);
    if (!opened) return std::nullopt;
    std::vector<detail::PostingWalk>& walks = opened->walks;
    const Weighing w = weighing_of(db, *opened);
    double postings = 0;
    for (const Xapian::doccount termfreq : w.termfreqs) postings += termfreq;
    const bool enough_postings = threads.pool != nullptr && postings >= threads.from_postings;
    // A single database with another handle of it: its halves are walked at once.
    if (enough_postings && shards.size() == 1 && threads.second_half != nullptr &&
        halves_pay(walks.front().terms().size())) {
        opened->split_in_halves(*threads.second_half, query,
                                shard_files.size() == 1 ? shard_files.front() : nullptr);
    }
    const std::size_t parts = opened->parts();
    const bool by_shard = parts > 1 && !opened->halves;
    auto walked_db = [&](std::size_t i) -> const Xapian::Database& {
        if (opened->halves) return i == 0 ? db : *threads.second_half;
        return by_shard ? shards[i] : db;
    };

    RankedMatches out;
    const bool is_or = !walks.front().conjunctive() && walks.front().terms().size() > 1;
    bool count_all = true;
    if (is_or) {
        out.matches = or_bounds(w, walks.front().filtered());
        count_all = visitor != nullptr ||
                    (counts == RankCounts::Exact && out.matches.lower <= kExactMatchesUpTo);
    }
    // Walked at once, each part's matches go to the visitor's part for that part.
    std::vector<MatchVisitor*> visitors(parts, visitor);
    bool at_once = enough_postings && parts > 1;
    for (std::size_t i = 0; at_once && visitor != nullptr && i < parts; ++i) {
        visitors[i] = visitor->shard_part(i);
        at_once = visitors[i] != nullptr;
    }
    if (!at_once) visitors.assign(parts, visitor);
    // Each part keeps its own best: its matches come in ascending docid order, on which
    // BestHits' tie rule relies; the global best are among theirs.
    const std::size_t k = offset + limit;
    std::vector<PartRanked> by_part(parts);
    auto rank_part = [&](std::size_t i, const Xapian::Query& part_query) {
        detail::BestHits part(k);
        by_part[i].matched = rank_walk(walks[i], w, walked_db(i), part_query, opened->dates_of(i),
                                       opened->ids(i), lengths, part, count_all, visitors[i]);
        by_part[i].hits = part.sorted();
    };
    if (at_once) {
        rank_parts_at_once(*threads.pool, parts, query, rank_part);
    } else {
        for (std::size_t i = 0; i < parts; ++i) rank_part(i, query);
    }
    std::vector<RankedMatch> best;
    Xapian::doccount matched = 0;
    bool counted = true;
    for (const PartRanked& part : by_part) {
        if (part.matched) {
            matched += *part.matched;
        } else {
            counted = false;
        }
        best.insert(best.end(), part.hits.begin(), part.hits.end());
    }
    if (visitor != nullptr) visitor->visited_all();
    if (counted) out.matches = {matched, matched, matched};
    if (parts > 1) std::sort(best.begin(), best.end(), detail::better_match);
    if (best.size() > k) best.resize(k);
    if (offset < best.size()) out.hits.assign(best.begin() + static_cast<long>(offset), best.end());
    return out;
}

}  // namespace r2p
