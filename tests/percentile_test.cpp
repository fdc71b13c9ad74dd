// Tests for cli/percentile.cpp: the nearest-rank percentile both latency reports use.
#include "cli/percentile.hpp"

#include <doctest/doctest.h>

#include <vector>

TEST_SUITE("percentile") {
    TEST_CASE("a percentile is the value of rank ceil(p/100 * n), whatever the input order") {
        const std::vector<double> values = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
        CHECK(r2p::cli::percentile(values, 50) == 5);
        CHECK(r2p::cli::percentile(values, 95) == 10);
        CHECK(r2p::cli::percentile(values, 99) == 10);
        CHECK(r2p::cli::percentile(values, 10) == 1);
        CHECK(r2p::cli::percentile(values, 11) == 2);
    }

    TEST_CASE("the 0th percentile is the smallest value and no values give 0") {
        CHECK(r2p::cli::percentile({3, 2, 7}, 0) == 2);
        CHECK(r2p::cli::percentile({}, 50) == 0);
    }

    TEST_CASE("of 100 values the 95th percentile is the 95th smallest") {
        std::vector<double> values;
        for (int i = 100; i >= 1; --i) values.push_back(i);
        CHECK(r2p::cli::percentile(values, 95) == 95);
        CHECK(r2p::cli::percentile(values, 99) == 99);
        CHECK(r2p::cli::percentile(values, 50) == 50);
    }
}
