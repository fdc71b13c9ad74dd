// What a walked term adds to a match's BM25 weight: a word its bm25_sum_part; an indexed
// phrase (WalkTerm::parts), which Xapian weighs as the AND of its words, its words' parts
// summed in query order, each word's wdf read at the match.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "search/bm25_formula.hpp"
#include "search/posting_walk.hpp"
#include "search/wdf_bounds.hpp"

namespace r2p::detail {

/// What weighs a walk's terms: per term (in query order) its BM25 term weight, its words'
/// when it is an indexed phrase (empty for a word) with the most each word occurs in a
/// passage (word_wdf_uppers, set for pruned walks: LazyMatchWeight), the most the term can
/// add to a passage (bm25_sum_part_bound, or phrase_bound; set for an OR of several terms),
/// and the length normalisation.
struct OrWeights {
    std::vector<double> termweights;
    std::vector<std::vector<double>> word_weights;
    std::vector<std::vector<Xapian::termcount>> word_wdf_uppers;
    std::vector<double> bounds;
    double len_factor = 0;
};

/// The BM25 term weights of phrase term `t`'s words in `db` (the database as a whole, whose
/// statistics weigh every shard's matches), in query order; empty for a plain term.
inline std::vector<double> phrase_word_weights(const Xapian::Database& db, const WalkTerm& t) {
    std::vector<double> weights;
    for (const WalkPart& word : t.parts) {
        weights.push_back(bm25_term_weight(db.get_doccount(), db.get_termfreq(word.term)));
    }
    return weights;
}

/// The most each word of each term of `walk` occurs in a passage of `db` (the database as a
/// whole), in query order; empty for a plain term.
inline std::vector<std::vector<Xapian::termcount>> word_wdf_uppers_of(const Xapian::Database& db,
                                                                      const PostingWalk& walk) {
    std::vector<std::vector<Xapian::termcount>> uppers;
    for (const WalkTerm& t : walk.terms()) {
        uppers.emplace_back();
        for (const WalkPart& word : t.parts)
            uppers.back().push_back(db.get_wdf_upper_bound(word.term));
    }
    return uppers;
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
        weight += bm25_sum_part(word_weights[j], t.word_wdf(j, did), length, len_factor);
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

/// Weighs a match of a pruned walk's terms as term_part sums them (query order, a phrase's
/// words from 0), to the bit, but reads an indexed phrase's words (WalkTerm::word_wdf: a
/// table row, else a skip in their postings) only while the match could still enter: a word not
/// read yet counts at the most it can add to a passage of the match's length, and the words are
/// read strongest bound first. A word in most passages ("to", "the": a tiny weight) is then read
/// only for the few matches near the threshold, where every match of "responsibility to protect"
/// under an OR decoded the postings of "to" up to it.
class LazyMatchWeight {
  public:
    /// For `terms`, positioned by their walk, weighed by `weights` (word_wdf_uppers set).
    /// With `shortest`, the shortest passage's length, could_enter_by_wdfs() may be asked.
    LazyMatchWeight(std::vector<WalkTerm>& terms, const OrWeights& weights,
                    std::optional<Xapian::termcount> shortest = std::nullopt)
        : terms_(terms),
          weights_(weights),
          bounded_(terms.size(), 0),
          plain_(terms.size()),
          parts_(terms.size()),
          order_(terms.size()),
          any_length_(terms.size()) {
        // Each phrase's words by their bound in a passage of average length, strongest first.
        const auto average =
            static_cast<Xapian::termcount>(weights.len_factor > 0 ? 1 / weights.len_factor : 1);
        for (std::size_t i = 0; i < terms.size(); ++i) {
            phrases_ = phrases_ || !terms[i].parts.empty();
            parts_[i].resize(terms[i].parts.size());
            for (std::size_t j = 0; j < terms[i].parts.size(); ++j) order_[i].push_back(j);
            std::stable_sort(order_[i].begin(), order_[i].end(), [&](std::size_t a, std::size_t b) {
                return word_bound(i, a, average) > word_bound(i, b, average);
            });
            if (!shortest) continue;
            AnyLength& any = any_length_[i];
            for (std::size_t j = 0; j < terms[i].parts.size(); ++j) {
                any.at_wdf.emplace_back(weights.word_weights[i][j], *shortest, weights.len_factor);
                any.most.push_back(word_bound(i, j, *shortest));
                any.all += any.most.back();
            }
        }
    }

    /// Whether phrase term `i`, on a match, could enter at any length of its passage, by its
    /// words' wdfs read strongest first (each unread one at the most it adds to any passage):
    /// what a walk asks before it reads the passage's length. Needs the constructor's
    /// `shortest`; `could_enter` as weigh()'s.
    template <class CouldEnter>
    bool could_enter_by_wdfs(std::size_t i, CouldEnter&& could_enter) {
        WalkTerm& t = terms_[i];
        const AnyLength& any = any_length_[i];
        double upper = any.all;
        for (const std::size_t j : order_[i]) {
            upper -= any.most[j] - any.at_wdf[j].at(t.word_wdf(j, *t.it));
            if (!could_enter(upper)) return false;
        }
        return true;
    }

    /// Starts on a match in a passage of `length`: what bound() and weigh() then weigh.
    void start(Xapian::termcount length) {
        length_ = length;
        ++match_;
    }

    /// The most term `i` (on the match) adds to it: a word its part, a phrase its words'
    /// bounds summed. Reads no phrase word.
    double bound(std::size_t i) {
        if (!phrases_) return plain_part(i);
        bound_term(i);
        if (terms_[i].parts.empty()) return plain_[i];
        double sum = 0;
        for (const double part : parts_[i]) sum += part;
        return sum;
    }

    /// The weight of the match every term of `held` (ascending: query order) is on; nullopt
    /// as soon as `could_enter(upper)` is false for an upper bound of it (also for the weight
    /// itself once every word is read). `could_enter` must allow for bounds summed in another
    /// order (BestHits::could_enter_bound).
    template <class CouldEnter>
    std::optional<double> weigh(std::span<const std::size_t> held, CouldEnter&& could_enter) {
        if (!phrases_) {  // words only: their parts, with no bookkeeping
            double weight = 0;
            for (const std::size_t i : held) weight += plain_part(i);
            if (!could_enter(weight)) return std::nullopt;
            return weight;
        }
        bool phrases = false;
        for (const std::size_t i : held) {
            bound_term(i);
            phrases = phrases || !terms_[i].parts.empty();
        }
        if (phrases) {
            // Each word read lowers the bound by what its own bound overstated.
            double upper = sum(held);
            for (const std::size_t i : held) {
                WalkTerm& t = terms_[i];
                for (const std::size_t j : order_[i]) {
                    if (!could_enter(upper)) return std::nullopt;
                    const double part =
                        bm25_sum_part(weights_.word_weights[i][j], t.word_wdf(j, *t.it), length_,
                                      weights_.len_factor);
                    upper -= parts_[i][j] - part;
                    parts_[i][j] = part;
                }
            }
        }
        const double weight = sum(held);
        if (!could_enter(weight)) return std::nullopt;
        return weight;
    }

  private:
    double plain_part(std::size_t i) const {
        return bm25_sum_part(weights_.termweights[i], terms_[i].it.get_wdf(), length_,
                             weights_.len_factor);
    }

    // Sets term i's part (a word) or its words' bounds (a phrase), once per match.
    void bound_term(std::size_t i) {
        if (bounded_[i] == match_) return;
        bounded_[i] = match_;
        const WalkTerm& t = terms_[i];
        if (t.parts.empty()) {
            plain_[i] = plain_part(i);
            return;
        }
        for (std::size_t j = 0; j < t.parts.size(); ++j) parts_[i][j] = word_bound(i, j, length_);
    }

    double word_bound(std::size_t i, std::size_t j, Xapian::termcount length) const {
        return bm25_sum_part_bound(weights_.word_weights[i][j], weights_.word_wdf_uppers[i][j],
                                   length, weights_.len_factor);
    }

    // The held terms' parts (a phrase's words as read so far, or their bounds) summed as
    // term_part sums them: the weight once every word is read.
    double sum(std::span<const std::size_t> held) const {
        double weight = 0;
        for (const std::size_t i : held) {
            if (terms_[i].parts.empty()) {
                weight += plain_[i];
                continue;
            }
            double phrase = 0;  // as Xapian's AND sums its words, from 0
            for (const double part : parts_[i]) phrase += part;
            weight += phrase;
        }
        return weight;
    }

    std::vector<WalkTerm>& terms_;
    const OrWeights& weights_;
    bool phrases_ = false;                         // some term is an indexed phrase
    Xapian::termcount length_ = 0;                 // the match's passage's
    std::uint64_t match_ = 1;                      // counts start()s
    std::vector<std::uint64_t> bounded_;           // by term: the match bound_term ran on
    std::vector<double> plain_;                    // a plain term's part, by term
    std::vector<std::vector<double>> parts_;       // a phrase's, by term and word
    std::vector<std::vector<std::size_t>> order_;  // a phrase's words, strongest bound first
    // A phrase's words' bounds at any passage length (from `shortest`): by wdf, at most, and
    // the latter summed.
    struct AnyLength {
        std::vector<WdfBounds> at_wdf;
        std::vector<double> most;
        double all = 0;
    };
    std::vector<AnyLength> any_length_;  // by term
};

}  // namespace r2p::detail
