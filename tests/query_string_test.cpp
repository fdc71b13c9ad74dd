#include "r2p/query_string.hpp"

#include <doctest/doctest.h>

#include "r2p/error.hpp"

using r2p::parse_query_string;
using r2p::RequestField;
using Fields = std::vector<RequestField>;

TEST_SUITE("query_string") {
    TEST_CASE("pairs come in their order, repeated keys kept") {
        CHECK(parse_query_string("q=impunity&theme=prevention&theme=response") ==
              Fields{{"q", "impunity"}, {"theme", "prevention"}, {"theme", "response"}});
    }

    TEST_CASE("percent escapes and '+' decode as a form does") {
        CHECK(parse_query_string("q=%22tool+of+prevention%22%20-syria") ==
              Fields{{"q", "\"tool of prevention\" -syria"}});
        CHECK(parse_query_string("speaker=Villy%20S%C3%B8vndal") ==
              Fields{{"speaker", "Villy Søvndal"}});
        CHECK(parse_query_string("q=a%2Bb%26c%3Dd") == Fields{{"q", "a+b&c=d"}});
        CHECK(parse_query_string("facet%2Dmode=disjunctive") ==
              Fields{{"facet-mode", "disjunctive"}});
    }

    TEST_CASE("empty pieces are skipped and a bare key has an empty value") {
        CHECK(parse_query_string("").empty());
        CHECK(parse_query_string("&&q=x&") == Fields{{"q", "x"}});
        CHECK(parse_query_string("q") == Fields{{"q", ""}});
        CHECK(parse_query_string("q=") == Fields{{"q", ""}});
        CHECK(parse_query_string("q=a=b") == Fields{{"q", "a=b"}});
    }

    TEST_CASE("a malformed escape or invalid UTF-8 is a usage error naming the piece") {
        CHECK_THROWS_WITH_AS(parse_query_string("q=%zz"),
                             "query string: malformed percent escape in '%zz'", r2p::UsageError);
        CHECK_THROWS_AS(parse_query_string("q=ab%4"), r2p::UsageError);
        CHECK_THROWS_AS(parse_query_string("q=%"), r2p::UsageError);
        CHECK_THROWS_WITH_AS(parse_query_string("q=%C3%28"),
                             "query string: '%C3%28' is not valid UTF-8", r2p::UsageError);
    }

    TEST_CASE("a long rejected piece is quoted cut short") {
        const std::string value(200, 'a');
        try {
            parse_query_string(value + "%");
            FAIL("no error");
        } catch (const r2p::UsageError& e) {
            CHECK(std::string(e.what()).size() < 100);
            CHECK(std::string(e.what()).find("...'") != std::string::npos);
        }
    }
}
