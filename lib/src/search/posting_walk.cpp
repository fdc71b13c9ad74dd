#include "search/posting_walk.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "index/indexed_phrases.hpp"

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

// An indexed phrase as phrase_rewrite.cpp writes it, `(w1 AND ... AND wn) FILTER t` where t
// is the term IndexedPhrases gives those words: sets `term` to t and `words` to the wi. Only
// then do t's postings hold exactly the phrase's matches; any other FILTER (a field's, or a
// term a query names) is no phrase.
bool indexed_phrase(const Xapian::Query& q, std::string& term, std::vector<std::string>& words) {
    if (q.get_type() != Xapian::Query::OP_FILTER || q.get_num_subqueries() != 2) return false;
    const Xapian::Query conjunction = q.get_subquery(0);
    if (conjunction.get_type() != Xapian::Query::OP_AND) return false;
    words.clear();
    std::string word;
    for (std::size_t i = 0; i < conjunction.get_num_subqueries(); ++i) {
        if (!leaf_term(conjunction.get_subquery(i), word)) return false;
        words.push_back(word);
    }
    return words.size() >= 2 && leaf_term(q.get_subquery(1), term) &&
           term == IndexedPhrases::term_of(words);
}

// The subqueries of `q` (an AND or OR), with those of any OR nested in an OR in its place
// (`depth`: how deep `q` is; deeper than kMaxFilterDepth, an OR stays whole): Xapian weighs
// an OR as the sum of its subqueries' weights, so the terms of "a OR (b OR c)" weigh as those
// of "a OR b OR c" (up to the order of the sum: the last bits).
void scored_subqueries(const Xapian::Query& q, std::vector<Xapian::Query>& out, int depth) {
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = q.get_subquery(i);
        if (q.get_type() == Xapian::Query::OP_OR && sub.get_type() == Xapian::Query::OP_OR &&
            depth < kMaxFilterDepth) {
            scored_subqueries(sub, out, depth + 1);
        } else {
            out.push_back(std::move(sub));
        }
    }
}

// Whether `query` is a FILTER whose first subquery is weighed and the others filter it.
bool filters_apart(const Xapian::Query& query) {
    std::string term;
    std::vector<std::string> words;
    return query.get_type() == Xapian::Query::OP_FILTER && query.get_num_subqueries() >= 2 &&
           !indexed_phrase(query, term, words);
}

}  // namespace

Xapian::Query scored_part(const Xapian::Query& query) {
    return filters_apart(query) ? query.get_subquery(0) : query;
}

std::optional<ScoredTerms> scored_terms(const Xapian::Query& scored) {
    ScoredTerms out;
    std::string term;
    std::vector<std::string> words;
    if (leaf_term(scored, term) || indexed_phrase(scored, term, words)) {
        out.terms.push_back(term);
        out.phrase_words.push_back(words);
        return out;
    }
    const auto op = scored.get_type();
    if (op != Xapian::Query::OP_AND && op != Xapian::Query::OP_OR) return std::nullopt;
    out.conjunctive = op == Xapian::Query::OP_AND;
    std::vector<Xapian::Query> subqueries;
    scored_subqueries(scored, subqueries, 0);
    for (const Xapian::Query& sub : subqueries) {
        if (leaf_term(sub, term)) {
            words.clear();
        } else if (out.conjunctive || !indexed_phrase(sub, term, words)) {
            return std::nullopt;
        }
        out.terms.push_back(term);
        out.phrase_words.push_back(words);
    }
    // Each walked term once. A phrase's word may be another phrase's or a walked term too
    // ("security council" OR "un security council"): Xapian weighs each leaf on its own.
    const std::vector<std::string>& terms = out.terms;
    if (terms.empty() || std::set<std::string>(terms.begin(), terms.end()).size() != terms.size())
        return std::nullopt;
    return out;
}

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
                                             const WalkDates* dates, const TableFile* file) {
    PostingWalk walk;
    if (query.get_type() == Xapian::Query::OP_FILTER && query.get_num_subqueries() < 2)
        return std::nullopt;
    const bool apart = filters_apart(query);
    const Xapian::Query scored = apart ? query.get_subquery(0) : query;
    if (apart) {
        for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
            auto f = filter_of(db, query.get_subquery(i), dates, 0);
            if (!f) return std::nullopt;
            walk.filters_.push_back(std::move(*f));
        }
    }
    const std::optional<ScoredTerms> shape = scored_terms(scored);
    if (!shape) return std::nullopt;
    walk.conjunctive_ = shape->conjunctive;
    for (std::size_t i = 0; i < shape->terms.size(); ++i) {
        const std::string& t = shape->terms[i];
        WalkTerm walked{t, db.get_termfreq(t), db.postlist_begin(t), db.postlist_end(t), {}, {}};
        for (const std::string& word : shape->phrase_words[i]) {
            walked.parts.push_back({word, db.postlist_begin(word), db.postlist_end(word)});
        }
        if (file != nullptr && !walked.parts.empty()) {
            // The table's rows hold the words of the phrase term, which are the phrase's.
            std::optional<PhraseWordTable> rows = file->phrase_words(t);
            if (rows && phrase_term_words(t) == shape->phrase_words[i]) {
                walked.word_rows.emplace(std::move(*rows));
            }
        }
        walk.terms_.push_back(std::move(walked));
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

void PostingWalk::limit_to(Xapian::docid first, Xapian::docid last) {
    last_ = last;
    for (WalkTerm& t : terms_) {
        if (t.it != t.end && *t.it < first) t.it.skip_to(first);
    }
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
