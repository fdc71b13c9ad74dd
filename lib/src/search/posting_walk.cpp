#include "search/posting_walk.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace r2p::detail {

bool leaf_term(const Xapian::Query& q, std::string& term) {
    if (q.get_type() != Xapian::Query::LEAF_TERM) return false;
    const auto it = q.get_terms_begin();
    if (it == q.get_terms_end()) return false;
    term = *it;
    return !term.empty();
}

namespace {

constexpr int kMaxFilterDepth = 8;

std::optional<WalkFilter> filter_of(const Xapian::Database& db, const Xapian::Query& q,
                                    const WalkDates* dates, int depth) {
    if (depth > kMaxFilterDepth) return std::nullopt;
    WalkFilter f;
    f.op = q.get_type();
    std::string term;
    if (leaf_term(q, term)) {
        f.it = db.postlist_begin(term);
        f.end = db.postlist_end(term);
        f.termfreq = db.get_termfreq(term);
        return f;
    }
    if (const auto range = date_key_range(q)) {
        if (dates == nullptr || dates->table == nullptr) return std::nullopt;
        f.op = Xapian::Query::OP_VALUE_RANGE;
        f.range = *range;
        f.dates = *dates;
        return f;
    }
    if (f.op != Xapian::Query::OP_AND && f.op != Xapian::Query::OP_OR) return std::nullopt;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        auto child = filter_of(db, q.get_subquery(i), dates, depth + 1);
        if (!child) return std::nullopt;
        f.children.push_back(std::move(*child));
    }
    return f;
}

}  // namespace

bool WalkFilter::has(Xapian::docid did) {
    if (op == Xapian::Query::LEAF_TERM) return first_from(did) == did;
    if (op == Xapian::Query::OP_VALUE_RANGE) return range.has(dates.at(did));
    if (op == Xapian::Query::OP_AND) {
        return std::all_of(children.begin(), children.end(),
                           [&](WalkFilter& f) { return f.has(did); });
    }
    return std::any_of(children.begin(), children.end(), [&](WalkFilter& f) { return f.has(did); });
}

std::optional<PostingWalk> PostingWalk::open(const Xapian::Database& db, const Xapian::Query& query,
                                             const WalkDates* dates) {
    PostingWalk walk;
    Xapian::Query scored = query;
    if (query.get_type() == Xapian::Query::OP_FILTER) {
        if (query.get_num_subqueries() < 2) return std::nullopt;
        scored = query.get_subquery(0);
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
            auto f = filter_of(db, query.get_subquery(i), dates, 0);
            if (!f) return std::nullopt;
            walk.filters_.push_back(std::move(*f));
        }
    }
    std::vector<std::string> terms;
    std::string term;
    if (leaf_term(scored, term)) {
        terms.push_back(term);
    } else {
        const auto op = scored.get_type();
        if (op != Xapian::Query::OP_AND && op != Xapian::Query::OP_OR) return std::nullopt;
        walk.conjunctive_ = op == Xapian::Query::OP_AND;
        for (std::size_t i = 0; i < scored.get_num_subqueries(); ++i) {
            if (!leaf_term(scored.get_subquery(i), term)) return std::nullopt;
            terms.push_back(term);
        }
    }
    if (terms.empty() || std::set<std::string>(terms.begin(), terms.end()).size() != terms.size()) {
        return std::nullopt;
    }
    for (const auto& t : terms) {
        walk.terms_.push_back({t, db.get_termfreq(t), db.postlist_begin(t), db.postlist_end(t)});
    }
    if (walk.conjunctive_) {
        for (std::size_t i = 1; i < walk.terms_.size(); ++i) {
            if (walk.terms_[i].termfreq < walk.terms_[walk.lead_].termfreq) walk.lead_ = i;
        }
        Xapian::doccount rarest = walk.terms_[walk.lead_].termfreq;
        auto consider = [&](const WalkFilter& f, std::vector<std::size_t> at) {
            if (f.op == Xapian::Query::LEAF_TERM && f.termfreq < rarest) {
                walk.guide_ = std::move(at);
                rarest = f.termfreq;
            }
        };
        for (std::size_t i = 0; i < walk.filters_.size(); ++i) {
            const WalkFilter& f = walk.filters_[i];
            consider(f, {i});
            if (f.op != Xapian::Query::OP_AND) continue;
            for (std::size_t j = 0; j < f.children.size(); ++j) consider(f.children[j], {i, j});
        }
    }
    return walk;
}

Xapian::docid PostingWalk::align(Xapian::docid did) {
    for (WalkTerm& t : terms_) {
        if (t.it != t.end && *t.it < did) t.it.skip_to(did);
        if (t.it == t.end) return 0;
        const Xapian::docid at = *t.it;
        if (at != did) return at;
    }
    return did;
}

bool PostingWalk::passes_each_filter(Xapian::docid did) {
    return std::all_of(filters_.begin(), filters_.end(), [&](WalkFilter& f) { return f.has(did); });
}

}  // namespace r2p::detail
