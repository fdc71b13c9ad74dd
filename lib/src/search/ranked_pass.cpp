#include "search/ranked_pass.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "search/best_hits.hpp"
#include "search/bm25_formula.hpp"
#include "search/max_score.hpp"
#include "search/or_union_count.hpp"
#include "search/posting_walk.hpp"
#include "search/visit_batch.hpp"
#include "search/wdf_bounds.hpp"

namespace r2p {

namespace {

// An OR's count from its terms' frequencies alone: at least its most frequent term's
// passages (unfiltered), at most all of them summed, estimated as if the terms occurred
// independently of each other.
MatchCounts or_bounds(const detail::PostingWalk& walk, Xapian::doccount collection) {
    Xapian::doccount most = 0;
    double sum = 0;
    double none = 1;  // the share of passages holding none of the terms
    for (const auto& t : walk.terms()) {
        most = std::max(most, t.termfreq);
        sum += t.termfreq;
        if (collection != 0) none *= 1 - static_cast<double>(t.termfreq) / collection;
    }
    MatchCounts counts;
    counts.lower = walk.filtered() ? 0 : most;
    counts.upper = static_cast<Xapian::doccount>(std::min<double>(sum, collection));
    const double estimated = std::round(collection * (1 - none));
    counts.estimated =
        std::clamp(static_cast<Xapian::doccount>(estimated), counts.lower, counts.upper);
    return counts;
}

// A term or an AND (every term is on each match, no docid to read again per term): weighs
// the matches that could enter `best`, visits (in batches) and counts them all. A match whose
// weight cannot exceed the k-th best, by its terms' WdfBounds, is neither weighed nor has its
// length read: under a frequent term most are (the short passages' weights are reached early).
// Weighed matches sum bm25_sum_part in query order, as Xapian does, to the last bit.
Xapian::doccount rank_every_match(detail::PostingWalk& walk, const detail::OrWeights& weights,
                                  const Xapian::Database& db, const LengthTable& lengths,
                                  detail::BestHits& best, MatchVisitor* visitor) {
    auto& terms = walk.terms();
    const Xapian::termcount shortest = db.get_doclength_lower_bound();
    std::vector<detail::WdfBounds> bounds;
    for (const double termweight : weights.termweights) {
        bounds.emplace_back(termweight, shortest, weights.len_factor);
    }
    Xapian::doccount matched = 0;
    detail::VisitBatch visits(visitor);
    if (terms.size() == 1) {
        const detail::WalkTerm& only = terms.front();
        const detail::WdfBounds& bound = bounds.front();
        const double termweight = weights.termweights.front();
        walk.for_each_of_single_term([&](Xapian::docid did) {
            ++matched;
            const Xapian::termcount wdf = only.it.get_wdf();
            if (best.could_enter(bound.at(wdf))) {
                double weight = 0;  // as the AND sums, from 0
                weight +=
                    detail::bm25_sum_part(termweight, wdf, lengths.at(did), weights.len_factor);
                best.offer(did, weight);
            }
            visits.add(did);
        });
        visits.flush();
        return matched;
    }
    std::vector<Xapian::termcount> wdfs(terms.size());
    walk.for_each([&](Xapian::docid did) {
        ++matched;
        double most = 0;  // summed in query order, as the weight: never below it
        for (std::size_t i = 0; i < terms.size(); ++i) {
            wdfs[i] = terms[i].it.get_wdf();
            most += bounds[i].at(wdfs[i]);
        }
        if (best.could_enter(most)) {
            const Xapian::termcount length = lengths.at(did);
            double weight = 0;
            for (std::size_t i = 0; i < terms.size(); ++i) {
                weight += detail::bm25_sum_part(weights.termweights[i], wdfs[i], length,
                                                weights.len_factor);
            }
            best.offer(did, weight);
        }
        visits.add(did);
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
Xapian::doccount rank_or_by_scan(detail::PostingWalk& walk, const detail::OrWeights& weights,
                                 const Xapian::Database& db, const LengthTable& lengths,
                                 detail::BestHits& best, MatchVisitor* visitor) {
    auto& terms = walk.terms();
    const std::size_t n = terms.size();
    const Xapian::termcount shortest = db.get_doclength_lower_bound();
    std::vector<detail::WdfBounds> bounds;
    std::array<Xapian::docid, detail::PostingWalk::kScanTerms> at{};  // 0: the term ended
    std::array<Xapian::termcount, detail::PostingWalk::kScanTerms> wdfs{};
    for (std::size_t i = 0; i < n; ++i) {
        bounds.emplace_back(weights.termweights[i], shortest, weights.len_factor);
        if (terms[i].it != terms[i].end) at[i] = *terms[i].it;
    }
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
            double most = 0;  // summed in query order, as the weight: never below it
            for (std::size_t i = 0; i < n; ++i) {
                if (at[i] != did) continue;
                wdfs[i] = terms[i].it.get_wdf();
                most += bounds[i].at(wdfs[i]);
            }
            if (best.could_enter(most)) {
                const Xapian::termcount length = lengths.at(did);
                double weight = 0;
                for (std::size_t i = 0; i < n; ++i) {
                    if (at[i] != did) continue;
                    weight += detail::bm25_sum_part(weights.termweights[i], wdfs[i], length,
                                                    weights.len_factor);
                }
                best.offer(did, weight);
            }
            visits.add(did);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (at[i] != did) continue;
            detail::WalkTerm& t = terms[i];
            ++t.it;
            at[i] = t.it != t.end ? *t.it : 0;
        }
    }
    visits.flush();
    return matched;
}

}  // namespace

std::optional<RankedMatches> rank_bm25(const Xapian::Database& db, const LengthTable& lengths,
                                       const Xapian::Query& query, std::size_t offset,
                                       std::size_t limit, RankCounts counts, const DateTable* dates,
                                       MatchVisitor* visitor) {
    const detail::WalkDates walk_dates{dates};
    auto walk = detail::PostingWalk::open(db, query, &walk_dates);
    if (!walk) return std::nullopt;
    const Xapian::doccount collection = db.get_doccount();
    const double average = db.get_avlength();
    const double len_factor = average != 0 ? 1 / average : 0;
    detail::OrWeights weights;
    weights.len_factor = len_factor;
    for (const auto& t : walk->terms()) {
        weights.termweights.push_back(detail::bm25_term_weight(collection, t.termfreq));
    }

    RankedMatches out;
    detail::BestHits best(offset + limit);
    auto& terms = walk->terms();
    if (!walk->conjunctive() && terms.size() > 1) {
        const Xapian::termcount shortest = db.get_doclength_lower_bound();
        for (std::size_t i = 0; i < terms.size(); ++i) {
            weights.bounds.push_back(detail::bm25_sum_part_bound(
                weights.termweights[i], db.get_wdf_upper_bound(terms[i].term), shortest,
                len_factor));
        }
        out.matches = or_bounds(*walk, collection);
        const bool count_all = visitor != nullptr || (counts == RankCounts::Exact &&
                                                      out.matches.lower <= kExactMatchesUpTo);
        if (count_all && terms.size() <= detail::PostingWalk::kScanTerms) {
            // Every posting is read to count anyway: one scan weighs and counts.
            const Xapian::doccount matched =
                rank_or_by_scan(*walk, weights, db, lengths, best, visitor);
            if (visitor != nullptr) visitor->visited_all();
            out.matches = {matched, matched, matched};
        } else if (count_all) {
            // Counted (for the count asked, or for the visitor) from the postings ranking read.
            detail::DocidBits read(db.get_lastdocid());
            detail::rank_or_max_score(*walk, weights, lengths, best, &read);
            const Xapian::doccount n =
                detail::count_or_union(db, query, walk_dates, *walk, read, visitor);
            out.matches = {n, n, n};
        } else {
            detail::rank_or_max_score(*walk, weights, lengths, best);
        }
    } else {
        const Xapian::doccount matched =
            rank_every_match(*walk, weights, db, lengths, best, visitor);
        if (visitor != nullptr) visitor->visited_all();
        out.matches = {matched, matched, matched};
    }
    std::vector<RankedMatch> hits = best.sorted();
    if (offset < hits.size()) out.hits.assign(hits.begin() + static_cast<long>(offset), hits.end());
    return out;
}

}  // namespace r2p
