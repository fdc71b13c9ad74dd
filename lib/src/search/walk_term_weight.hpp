// What a walked term adds to a match's BM25 weight when it stands for an indexed phrase
// (WalkTerm::parts): Xapian weighs the phrase as the AND of its words, so the phrase's part is
// its words' parts summed in query order, each word's wdf read at the match. A plain term's
// part is bm25_sum_part of its own wdf, as the ranked passes compute it inline.
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

}  // namespace r2p::detail
