#include "search/wdf_bounds.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "search/best_hits.hpp"
#include "search/bm25_formula.hpp"

TEST_SUITE("wdf_bounds") {
    TEST_CASE("no passage at least as long as the shortest weighs more than the bound") {
        const double termweight = r2p::detail::bm25_term_weight(100000u, 3000u);
        const double len_factor = 1 / 223.0;
        for (const Xapian::termcount shortest : {0u, 1u, 18u, 150u}) {
            CAPTURE(shortest);
            const r2p::detail::WdfBounds bounds(termweight, shortest, len_factor);
            for (Xapian::termcount wdf = 0; wdf < r2p::detail::WdfBounds::kWdfs; ++wdf) {
                CAPTURE(wdf);
                const Xapian::termcount from = std::max(wdf, shortest);
                // Reached at the shortest length, bit for bit; never exceeded beyond it.
                CHECK(bounds.at(wdf) ==
                      r2p::detail::bm25_sum_part(termweight, wdf, from, len_factor));
                for (Xapian::termcount length = from; length < from + 700; ++length) {
                    CHECK(r2p::detail::bm25_sum_part(termweight, wdf, length, len_factor) <=
                          bounds.at(wdf));
                }
            }
        }
    }

    TEST_CASE("a wdf beyond the table is bounded by infinity: never skipped") {
        const r2p::detail::WdfBounds bounds(2.5, 18, 1 / 223.0);
        CHECK(std::isinf(bounds.at(r2p::detail::WdfBounds::kWdfs)));
        CHECK(std::isinf(bounds.at(1000)));
        CHECK(std::isfinite(bounds.at(r2p::detail::WdfBounds::kWdfs - 1)));
    }

    TEST_CASE("a match could enter the best k until k are held, then only above the k-th") {
        r2p::detail::BestHits best(2);
        CHECK(best.could_enter(0));
        best.offer(1, 1.0);
        CHECK(best.could_enter(0));
        best.offer(2, 2.0);
        CHECK_FALSE(best.could_enter(0.5));
        CHECK_FALSE(best.could_enter(1.0));  // a tie loses on its later docid
        CHECK(best.could_enter(1.5));
        r2p::detail::BestHits none(0);
        CHECK_FALSE(none.could_enter(100.0));
    }
}
