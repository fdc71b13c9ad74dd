// Which value-range queries a posting walk answers from a DateTable, and with which keys.
#include "search/date_range_query.hpp"

#include <doctest/doctest.h>

#include "r2p/schema.hpp"

TEST_SUITE("date_range_query") {
    using Q = Xapian::Query;
    const Xapian::valueno kDate = r2p::schema::slot(r2p::schema::Slot::Date);

    TEST_CASE("ranges, >= and <= on the date slot give inclusive keys, no date is never in") {
        const auto range =
            r2p::detail::date_key_range(Q(Q::OP_VALUE_RANGE, kDate, "20120000", "20129999"));
        REQUIRE(range.has_value());
        CHECK(range->lo == 20120000U);
        CHECK(range->hi == 20129999U);
        CHECK(range->has(20120928U));
        CHECK(range->has(20120000U));
        CHECK_FALSE(range->has(20130000U));
        const auto from = r2p::detail::date_key_range(Q(Q::OP_VALUE_GE, kDate, "20130500"));
        REQUIRE(from.has_value());
        CHECK(from->has(20991231U));
        CHECK_FALSE(from->has(20130499U));
        const auto to = r2p::detail::date_key_range(Q(Q::OP_VALUE_LE, kDate, "20059999"));
        REQUIRE(to.has_value());
        CHECK(to->has(19450626U));
        CHECK_FALSE(to->has(0U));  // a passage without a date
    }

    TEST_CASE("other slots, bounds that are not 8 digits and other queries are declined") {
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_VALUE_GE, kDate + 1, "20130500")));
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_VALUE_GE, kDate, "2013")));
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_VALUE_LE, kDate, "2013-05-01")));
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_VALUE_RANGE, kDate, "2012 ", "20129999")));
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_VALUE_GE, kDate, "00000000")));
        CHECK_FALSE(r2p::detail::date_key_range(Q("Zprotect")));
        CHECK_FALSE(r2p::detail::date_key_range(Q(Q::OP_AND, Q("a"), Q("b"))));
    }
}
