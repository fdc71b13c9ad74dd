#include "search/phrase_rewrite.hpp"

#include <optional>
#include <vector>

namespace r2p {

namespace {

// Operators rebuilt from their subqueries alone (they have no parameter to lose) and whose
// weight is made of their subqueries' weights, so a subquery of equal matches and weights
// leaves theirs unchanged.
bool rebuildable(Xapian::Query::op op) {
    switch (op) {
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_MAX:
            return true;
        default:
            return false;
    }
}

// The rewritten `query`, or nullopt when it holds no phrase to replace.
std::optional<Xapian::Query> rewritten(const Xapian::Query& query, const IndexedPhrases& phrases) {
    if (const auto terms = exact_phrase_terms(query)) {
        if (!phrases.contains(*terms)) return std::nullopt;
        std::vector<Xapian::Query> words;  // the phrase's own leaves: same wqf and positions
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
            words.push_back(query.get_subquery(i));
        }
        return Xapian::Query(Xapian::Query::OP_FILTER,
                             Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                             Xapian::Query(IndexedPhrases::term_of(*terms)));
    }
    if (!rebuildable(query.get_type())) return std::nullopt;
    std::vector<Xapian::Query> children;
    bool changed = false;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Xapian::Query child = query.get_subquery(i);
        if (auto replaced = rewritten(child, phrases)) {
            child = std::move(*replaced);
            changed = true;
        }
        children.push_back(std::move(child));
    }
    if (!changed) return std::nullopt;
    return Xapian::Query(query.get_type(), children.begin(), children.end());
}

}  // namespace

Xapian::Query rewrite_indexed_phrases(const Xapian::Query& query, const IndexedPhrases& phrases) {
    if (phrases.empty()) return query;
    auto replaced = rewritten(query, phrases);
    return replaced ? std::move(*replaced) : query;
}

bool holds_phrase(const Xapian::Query& query) {
    if (query.get_type() == Xapian::Query::OP_PHRASE) return true;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        if (holds_phrase(query.get_subquery(i))) return true;
    }
    return false;
}

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter) {
    if (query.get_type() != Xapian::Query::OP_FILTER || query.get_num_subqueries() < 2) {
        return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    }
    std::vector<Xapian::Query> filters;
    for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) {
        filters.push_back(query.get_subquery(i));
    }
    filters.push_back(filter);
    return Xapian::Query(Xapian::Query::OP_FILTER, query.get_subquery(0),
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace r2p
