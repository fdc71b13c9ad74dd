// Quoted phrases a database indexes (index/indexed_phrases.hpp) rewritten into queries that
// read posting lists only. Xapian weighs an exact phrase as the AND of its terms, over the
// passages where they stand in a row; the phrase's term marks exactly those passages, so
// (t1 AND ... AND tn) FILTER phrase-term has the phrase's matches and the phrase's weights
// without reading a position. Every pass then takes it as an AND (the posting walk, the
// counting pass, Xapian's matcher for shapes the walk does not take).
#pragma once

#include <xapian.h>

#include "index/indexed_phrases.hpp"

namespace r2p {

/// `query` with every exact phrase (exact_phrase_terms) that `phrases` holds replaced as
/// above, under AND, OR, AND_NOT, XOR, AND_MAYBE, FILTER and MAX (whose weights are sums or
/// maxima of their subqueries' weights); a phrase under any other operator (SYNONYM, NEAR,
/// SCALE_WEIGHT, ...) stays. Returns `query` itself when nothing is replaced.
Xapian::Query rewrite_indexed_phrases(const Xapian::Query& query, const IndexedPhrases& phrases);

/// Whether `query` holds an OP_PHRASE anywhere (what rewrite_indexed_phrases may replace).
bool holds_phrase(const Xapian::Query& query);

/// `query` FILTERed by `filter`: one FILTER whose filter is `filter` AND-ed to `query`'s own
/// when `query` is already one (the same matches and weights, and a shape the posting walk
/// takes).
Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter);

}  // namespace r2p
