#include "r2p/request_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/error.hpp"

TEST_SUITE("request_text") {
    using r2p::RequestField;

    namespace {

    // The message of the UsageError that parse_request throws for `fields`.
    std::string error_of(const std::vector<RequestField>& fields, std::string_view prefix) {
        try {
            r2p::parse_request(fields, prefix);
        } catch (const r2p::UsageError& e) {
            return e.what();
        }
        return "(no error)";
    }

    }  // namespace

    TEST_CASE("like, like-text and min-similarity") {
        const auto like = r2p::parse_request({{"like", "doc/p3"}, {"min-similarity", "0.75"}});
        CHECK(like.like == "doc/p3");
        CHECK(like.like_text.empty());
        CHECK(like.min_similarity == 0.75);
        const auto text = r2p::parse_request({{"like-text", "Each State has a duty."}});
        CHECK(text.like_text == "Each State has a duty.");
        CHECK(text.min_similarity == r2p::kDefaultMinSimilarity);
        CHECK(r2p::parse_request({{"like", "a/p1"}, {"min-similarity", "1"}}).min_similarity ==
              1.0);
        CHECK(r2p::parse_request({{"like", "a/p1"}, {"min-similarity", ".5"}}).min_similarity ==
              0.5);
        CHECK(error_of({{"like", "a/p1"}, {"like-text", "Some words."}}, "--") ==
              "--like and --like-text cannot be given together");
        CHECK(error_of({{"like", "a/p1"}, {"min-similarity", "1.5"}}, "") ==
              "min-similarity '1.5' is out of range (from 0 to 1)");
        for (const char* bad : {"-0.1", "nan", "inf", "1e-1", "", ".", "0.5.1", "0,5"}) {
            CAPTURE(bad);
            CHECK(error_of({{"like", "a/p1"}, {"min-similarity", bad}}, "--")
                      .starts_with("--min-similarity '"));
        }
        CHECK(error_of({{"like", ""}}, "--") == "--like: expected a passage id");
        CHECK(error_of({{"like", "a/p1"}, {"like", "b/p1"}}, "--") ==
              "--like given more than once");
    }

    TEST_CASE("every key of the text form reaches the request") {
        const auto request = r2p::parse_request({{"q", "ending"},
                                                 {"theme", "prevention"},
                                                 {"q", "impunity"},
                                                 {"theme", "accountability"},
                                                 {"role", "minister"},
                                                 {"kind", "quote"},
                                                 {"doc", "a"},
                                                 {"from", "2012"},
                                                 {"to", "2014-06"},
                                                 {"facet", "year"},
                                                 {"facet", "theme"},
                                                 {"sort", "date"},
                                                 {"offset", "20"},
                                                 {"limit", "5"},
                                                 {"match", "any"}});
        CHECK(request.query == "ending impunity");
        CHECK(request.filters.themes == std::vector<std::string>{"prevention", "accountability"});
        CHECK(request.filters.roles == std::vector<std::string>{"minister"});
        CHECK(request.filters.kinds == std::vector<std::string>{"quote"});
        CHECK(request.filters.docs == std::vector<std::string>{"a"});
        CHECK(request.filters.from == "2012");
        CHECK(request.filters.to == "2014-06");
        CHECK(request.facets == std::vector{r2p::FacetField::Year, r2p::FacetField::Theme});
        CHECK(request.sort == r2p::SortOrder::Date);
        CHECK(request.offset == 20);
        CHECK(request.limit == 5);
        CHECK(request.match == r2p::MatchMode::Any);
    }

    TEST_CASE("keys not given take the request's defaults") {
        const auto request = r2p::parse_request({});
        const r2p::SearchRequest defaults;
        CHECK(request.query.empty());
        CHECK(request.filters.empty());
        CHECK(request.facets.empty());
        CHECK(request.limit == defaults.limit);
        CHECK(request.offset == defaults.offset);
        CHECK(request.sort == defaults.sort);
        CHECK(request.match == defaults.match);
    }

    TEST_CASE("messages name a key as the caller shows it") {
        CHECK(error_of({{"limit", "-1"}}, "--") ==
              "--limit '-1': expected a whole number from 0 to 10000");
        CHECK(error_of({{"limit", "-1"}}, "") ==
              "limit '-1': expected a whole number from 0 to 10000");
        CHECK(error_of({{"offset", "x"}}, "--").rfind("--offset 'x'", 0) == 0);
        CHECK(error_of({{"sort", "random"}}, "--") ==
              "unknown --sort 'random' (known: relevance, date)");
        CHECK(error_of({{"match", "some"}}, "") == "unknown match 'some' (known: all, any)");
        CHECK(error_of({{"facet", "colour"}}, "--") ==
              "unknown facet 'colour' (known: theme, role, kind, doc, year, country, speaker)");
        CHECK(error_of({{"from", "2014"}, {"to", "2012"}}, "--") ==
              "--from 2014 is after --to 2012");
        CHECK(error_of({{"from", "2014"}, {"to", "2012"}}, "") == "from 2014 is after to 2012");
        CHECK(error_of({{"colour", "blue"}}, "").find("'colour'") != std::string::npos);
        CHECK(error_of({{"limit", "1"}, {"limit", "2"}}, "--") == "--limit given more than once");
    }

    TEST_CASE("values are checked in one order whatever the order of the keys") {
        CHECK(error_of({{"match", "some"}, {"sort", "random"}, {"limit", "x"}}, "")
                  .rfind("limit 'x'", 0) == 0);
        CHECK(error_of({{"match", "some"}, {"sort", "random"}}, "").find("sort") !=
              std::string::npos);
        CHECK(error_of({{"to", "2012"}, {"from", "2014"}, {"sort", "random"}}, "").find("sort") !=
              std::string::npos);
    }

    TEST_CASE("a date the calendar does not have is refused before any search") {
        CHECK(error_of({{"from", "2023-02-30"}}, "").find("2023-02-30") != std::string::npos);
        CHECK(error_of({{"to", "2012-13"}}, "").find("2012-13") != std::string::npos);
    }

    TEST_CASE("paging beyond the largest limit and offset names them as shown") {
        CHECK_NOTHROW(r2p::check_paging(r2p::kMaxLimit, r2p::kMaxOffset));
        CHECK_THROWS_WITH_AS(r2p::check_paging(r2p::kMaxLimit + 1, 0),
                             "limit 10001 is too large (at most 10000; use offset to page)",
                             r2p::UsageError);
        CHECK_THROWS_WITH_AS(r2p::check_paging(0, r2p::kMaxOffset + 1, "--"),
                             "--offset 100000001 is too large (at most 100000000)",
                             r2p::UsageError);
    }

    TEST_CASE("single option values parse and name the option when they do not") {
        CHECK(r2p::parse_table_policy("--tables", "never") == r2p::TablePolicy::Never);
        CHECK(r2p::parse_table_policy("tables", "auto") == r2p::TablePolicy::Auto);
        CHECK_THROWS_WITH_AS(r2p::parse_table_policy("--tables", "x"),
                             "unknown --tables 'x' (known: auto, always, never)", r2p::UsageError);
        CHECK(r2p::parse_count("--shards", "64", 64) == 64);
        CHECK_THROWS_WITH_AS(r2p::parse_count("--shards", "65", 64),
                             "--shards '65' is too large (at most 64)", r2p::UsageError);
        CHECK_THROWS_WITH_AS(r2p::parse_count("batch", "", 5), "batch '': expected a number",
                             r2p::UsageError);
    }
}
