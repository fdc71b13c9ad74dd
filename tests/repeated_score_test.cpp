#include "trace/repeated_score.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("repeated_score") {
    namespace {

    // Forty years of forty statements each, 1985-2024.
    r2p::DocumentsByYear corpus() {
        r2p::DocumentsByYear years;
        for (int y = 1985; y <= 2024; ++y) years[std::to_string(y)] = 40;
        return years;
    }

    }  // namespace

    TEST_CASE("a courtesy formula in every year ranks below a formula rising in the period") {
        r2p::DocumentsByYear courtesy, agreed;
        // In a third of every year's statements, every year.
        for (int y = 1985; y <= 2024; ++y)
            courtesy[std::to_string(y)] = static_cast<std::size_t>(12 + (y % 3));
        // Agreed in 2005, then repeated by a few statements a year.
        for (int y = 2005; y <= 2024; ++y)
            agreed[std::to_string(y)] = static_cast<std::size_t>(2 + (y % 2));
        const double courtesy_share = r2p::boilerplate_share(courtesy, corpus());
        const double agreed_share = r2p::boilerplate_share(agreed, corpus());
        CHECK(courtesy_share == doctest::Approx(1.0));
        CHECK(agreed_share == doctest::Approx(0.5));
        // In 2005-2024 the courtesy formula has five times the speakers, and still ranks below.
        const double courtesy_score = r2p::repeated_score(260, 20, courtesy_share);
        const double agreed_score = r2p::repeated_score(50, 20, agreed_share);
        CHECK(agreed_score > courtesy_score);
    }

    TEST_CASE("sporadic years count in proportion to the usual rate") {
        r2p::DocumentsByYear rare;
        for (int y = 1985; y <= 2024; ++y) rare[std::to_string(y)] = 1;   // one speech a year
        for (int y = 2015; y <= 2024; ++y) rare[std::to_string(y)] = 20;  // then half of them
        // 30 years at a fifth of a quarter of its usual rate, then 10 years at that rate.
        CHECK(r2p::boilerplate_share(rare, corpus()) == doctest::Approx((30 * 0.2 + 10) / 40));
    }

    TEST_CASE("rates, not counts: a small year at its usual rate counts as steady") {
        r2p::DocumentsByYear small_corpus = {{"2001", 100}, {"2002", 10}, {"", 50}};
        r2p::DocumentsByYear used = {{"2001", 30}, {"2002", 3}, {"", 50}};
        CHECK(r2p::boilerplate_share(used, small_corpus) == doctest::Approx(1.0));
        CHECK(r2p::boilerplate_share({}, small_corpus) == 0.0);
        CHECK(r2p::boilerplate_share(used, {}) == 0.0);
    }

    TEST_CASE("the score: speakers, scaled down by the boilerplate share squared") {
        CHECK(r2p::repeated_score(10, 8, 0.0) == doctest::Approx(10.0));
        CHECK(r2p::repeated_score(10, 8, 0.5) == doctest::Approx(2.5));
        CHECK(r2p::repeated_score(10, 8, 1.0) == doctest::Approx(0.0));
        CHECK(r2p::repeated_score(10, 8, 1.5) == doctest::Approx(0.0));
    }

    TEST_CASE("a sentence of one year counts a fifth of one used for five years or more") {
        CHECK(r2p::repeated_score(50, 1, 0.0) == doctest::Approx(10.0));
        CHECK(r2p::repeated_score(50, 5, 0.0) == doctest::Approx(50.0));
        CHECK(r2p::repeated_score(50, 12, 0.0) == doctest::Approx(50.0));
        // A theme every speaker quoted in one year ranks below a formula of fewer speakers
        // repeated over the years.
        CHECK(r2p::repeated_score(56, 1, 0.01) < r2p::repeated_score(30, 14, 0.2));
    }
}
