#include "r2p/ranked_pass.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <queue>
#include <set>
#include <string>

namespace r2p {

namespace {

using Op = Xapian::Query::op;

// Xapian::BM25Weight's defaults: k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5.
constexpr double kK1 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormLen = 0.5;

// One scored term, weighted as BM25Weight::init and get_sumpart weight it.
struct ScoredTerm {
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    double termweight = 0;

    double part(Xapian::termcount wdf, Xapian::termcount length, double len_factor) const {
        const double normlen = std::max(length * len_factor, kMinNormLen);
        const double wdf_double = wdf;
        return termweight * (wdf_double / (kK1 * (normlen * kB + (1 - kB)) + wdf_double));
    }
};

double term_weight(Xapian::doccount collection, Xapian::doccount termfreq) {
    double tw = (collection - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    // Factor 1, wqf 1 (k3 term: (k3 + 1) * 1 / (k3 + 1) = 1), then (k1 + 1).
    return std::log(tw) * (kK1 + 1);
}

// A boolean filter: a term, or an AND / OR of filters. Docids are asked in ascending order.
struct Filter {
    Op op = Xapian::Query::LEAF_TERM;
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    std::vector<Filter> children;

    bool has(Xapian::docid did) {
        if (op == Xapian::Query::LEAF_TERM) {
            if (it != end && *it < did) it.skip_to(did);
            return it != end && *it == did;
        }
        if (op == Xapian::Query::OP_AND) {
            return std::all_of(children.begin(), children.end(),
                               [&](Filter& f) { return f.has(did); });
        }
        return std::any_of(children.begin(), children.end(), [&](Filter& f) { return f.has(did); });
    }
};

bool leaf_term(const Xapian::Query& q, std::string& term) {
    if (q.get_type() != Xapian::Query::LEAF_TERM) return false;
    const auto it = q.get_terms_begin();
    if (it == q.get_terms_end()) return false;
    term = *it;
    return !term.empty();
}

std::optional<Filter> filter_of(const Xapian::Database& db, const Xapian::Query& q, int depth) {
    if (depth > 8) return std::nullopt;
    Filter f;
    f.op = q.get_type();
    std::string term;
    if (leaf_term(q, term)) {
        f.it = db.postlist_begin(term);
        f.end = db.postlist_end(term);
        return f;
    }
    if (f.op != Xapian::Query::OP_AND && f.op != Xapian::Query::OP_OR) return std::nullopt;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        auto child = filter_of(db, q.get_subquery(i), depth + 1);
        if (!child) return std::nullopt;
        f.children.push_back(std::move(*child));
    }
    return f;
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

LengthTable LengthTable::build(const Xapian::Database& db) {
    LengthTable table;
    table.lengths_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 1, 0);
    for (auto it = db.postlist_begin(std::string()); it != db.postlist_end(std::string()); ++it) {
        if (*it < table.lengths_.size()) table.lengths_[*it] = it.get_doclength();
    }
    return table;
}

std::optional<RankedMatches> rank_bm25(const Xapian::Database& db, const LengthTable& lengths,
                                       const Xapian::Query& query, std::size_t offset,
                                       std::size_t limit) {
    // The shape: scored terms under one operator, and filters.
    Xapian::Query scored = query;
    std::vector<Filter> filters;
    if (query.get_type() == Xapian::Query::OP_FILTER) {
        if (query.get_num_subqueries() < 2) return std::nullopt;
        scored = query.get_subquery(0);
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
            auto f = filter_of(db, query.get_subquery(i), 0);
            if (!f) return std::nullopt;
            filters.push_back(std::move(*f));
        }
    }
    Op op = Xapian::Query::OP_OR;
    std::vector<std::string> terms;
    std::string term;
    if (leaf_term(scored, term)) {
        terms.push_back(term);
    } else {
        op = scored.get_type();
        if (op != Xapian::Query::OP_AND && op != Xapian::Query::OP_OR) return std::nullopt;
        for (std::size_t i = 0; i < scored.get_num_subqueries(); ++i) {
            if (!leaf_term(scored.get_subquery(i), term)) return std::nullopt;
            terms.push_back(term);
        }
    }
    if (terms.empty() || std::set<std::string>(terms.begin(), terms.end()).size() != terms.size()) {
        return std::nullopt;
    }

    const Xapian::doccount collection = db.get_doccount();
    const double average = db.get_avlength();
    const double len_factor = average != 0 ? 1 / average : 0;
    std::vector<ScoredTerm> scoring;
    for (const auto& t : terms) {
        scoring.push_back({db.postlist_begin(t), db.postlist_end(t),
                           term_weight(collection, db.get_termfreq(t))});
    }

    RankedMatches out;
    TopK top(offset + limit);
    auto passes_filters = [&](Xapian::docid did) {
        return std::all_of(filters.begin(), filters.end(), [&](Filter& f) { return f.has(did); });
    };
    if (op == Xapian::Query::OP_AND) {
        // Lead with the rarest term; the weight is summed in query order all the same.
        std::size_t lead = 0;
        for (std::size_t i = 1; i < terms.size(); ++i) {
            if (db.get_termfreq(terms[i]) < db.get_termfreq(terms[lead])) lead = i;
        }
        for (ScoredTerm& l = scoring[lead]; l.it != l.end; ++l.it) {
            const Xapian::docid did = *l.it;
            bool all = true;
            for (ScoredTerm& s : scoring) {
                if (s.it != s.end && *s.it < did) s.it.skip_to(did);
                if (s.it == s.end || *s.it != did) {
                    all = false;
                    break;
                }
            }
            if (!all || !passes_filters(did)) continue;
            ++out.matches;
            const Xapian::termcount length = lengths.at(did);
            double weight = 0;
            for (const ScoredTerm& s : scoring)
                weight += s.part(s.it.get_wdf(), length, len_factor);
            top.offer(did, weight);
        }
    } else {
        for (;;) {
            Xapian::docid did = 0;
            for (const ScoredTerm& s : scoring) {
                if (s.it != s.end && (did == 0 || *s.it < did)) did = *s.it;
            }
            if (did == 0) break;
            const bool counted = passes_filters(did);
            const Xapian::termcount length = counted ? lengths.at(did) : 0;
            double weight = 0;
            for (ScoredTerm& s : scoring) {
                if (s.it == s.end || *s.it != did) continue;
                if (counted) weight += s.part(s.it.get_wdf(), length, len_factor);
                ++s.it;
            }
            if (!counted) continue;
            ++out.matches;
            top.offer(did, weight);
        }
    }
    std::vector<RankedMatch> best = top.sorted();
    if (offset < best.size()) out.hits.assign(best.begin() + static_cast<long>(offset), best.end());
    return out;
}

}  // namespace r2p
