// What a walked term adds to a match's BM25 weight: a word its bm25_sum_part; an indexed
// phrase (WalkTerm::parts), which Xapian weighs as the AND of its words, its words' parts
// summed in query order, each word's wdf read at the match.
#pragma once

#include <xapian.h>

#include <vector>

#include "search/bm25_formula.hpp"
#include "search/posting_walk.hpp"

namespace r2p::detail {

/// The BM25 term weights of phrase term `t`'s words in `db` (the database as a whole, whose
/// statistics weigh every shard's matches), in query order; empty for a plain term.
inline std::vector<double> phrase_word_weights(const Xapian::Database& db, const WalkTerm& t) {
    std::vector<double> weights;
    for (const WalkPart& word : t.parts) {
        weights.push_back(bm25_term_weight(db.get_doccount(), db.get_termfreq(word.term)));
    }
    return weights;
}

/// phrase_word_weights of each term of `walk`, in query order.
inline std::vector<std::vector<double>> word_weights_of(const Xapian::Database& db,
                                                        const PostingWalk& walk) {
    std::vector<std::vector<double>> weights;
    for (const WalkTerm& t : walk.terms()) weights.push_back(phrase_word_weights(db, t));
    return weights;
}

/// The most phrase term `t`'s words add to a passage at least `shortest` long: their
/// bm25_sum_part_bound summed in query order, so never below what phrase_part sums.
inline double phrase_bound(const Xapian::Database& db, const WalkTerm& t,
                           const std::vector<double>& word_weights, Xapian::termcount shortest,
                           double len_factor) {
    double bound = 0;
    for (std::size_t j = 0; j < t.parts.size(); ++j) {
        bound += bm25_sum_part_bound(word_weights[j], db.get_wdf_upper_bound(t.parts[j].term),
                                     shortest, len_factor);
    }
    return bound;
}

/// What phrase term `t`, positioned on a match, adds to a passage of `length`; moves its
/// words' postings to the match (ask in ascending docid order).
inline double phrase_part(WalkTerm& t, const std::vector<double>& word_weights,
                          Xapian::termcount length, double len_factor) {
    const Xapian::docid did = *t.it;
    double weight = 0;  // as Xapian's AND sums its words, from 0
    for (std::size_t j = 0; j < t.parts.size(); ++j) {
        weight += bm25_sum_part(word_weights[j], t.parts[j].wdf_at(did), length, len_factor);
    }
    return weight;
}

/// What walked term `t`, positioned on a match where it occurs `wdf` times, adds to a
/// passage of `length`: a word bm25_sum_part of `termweight`, a phrase phrase_part of its
/// `word_weights`.
inline double term_part(WalkTerm& t, double termweight, const std::vector<double>& word_weights,
                        Xapian::termcount wdf, Xapian::termcount length, double len_factor) {
    if (t.parts.empty()) return bm25_sum_part(termweight, wdf, length, len_factor);
    return phrase_part(t, word_weights, length, len_factor);
}

}  // namespace r2p::detail
