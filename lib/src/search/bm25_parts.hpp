// The parts of Xapian::BM25Weight (default parameters) that the posting-walk passes sum, so
// their weights equal Xapian's matcher's.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace r2p::detail {

// Xapian::BM25Weight's defaults: k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5.
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLen = 0.5;

/// A term's weight, as BM25Weight::init computes it (factor 1, wqf 1: the k3 factor is 1).
inline double bm25_term_weight(Xapian::doccount collection, Xapian::doccount termfreq) {
    double tw = (collection - termfreq + 0.5) / (termfreq + 0.5);
    if (tw < 2) tw = tw * 0.5 + 1;
    return std::log(tw) * (kBm25K1 + 1);
}

/// A term's part of a passage's weight, as BM25Weight::get_sumpart computes it;
/// `len_factor` is 1 / the average passage length.
inline double bm25_sum_part(double termweight, Xapian::termcount wdf, Xapian::termcount length,
                            double len_factor) {
    const double normlen = std::max(length * len_factor, kBm25MinNormLen);
    const double wdf_double = wdf;
    return termweight * (wdf_double / (kBm25K1 * (normlen * kBm25B + (1 - kBm25B)) + wdf_double));
}

}  // namespace r2p::detail
