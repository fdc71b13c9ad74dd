#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/request_text.hpp"

TEST_SUITE("trace_request_text") {
    using r2p::RequestField;

    namespace {

    std::string error_of(const std::vector<RequestField>& fields, std::string_view prefix = "--") {
        try {
            r2p::parse_trace_request(fields, prefix);
        } catch (const r2p::UsageError& e) {
            return e.what();
        }
        return "(no error)";
    }

    const std::string kFormula =
        "each individual State has the responsibility to protect its populations";

    }  // namespace

    TEST_CASE("a sentence with filters, period and limit") {
        const auto request = r2p::parse_trace_request({{"sentence", kFormula},
                                                       {"country", "FRA"},
                                                       {"theme", "prevention"},
                                                       {"from", "2005"},
                                                       {"to", "2010-06"},
                                                       {"limit", "7"},
                                                       {"kind", "paragraph"}});
        CHECK(request.sentence == kFormula);
        CHECK(request.passage_id.empty());
        CHECK(request.filters.countries == std::vector<std::string>{"FRA"});
        CHECK(request.filters.themes == std::vector<std::string>{"prevention"});
        CHECK(request.filters.kinds == std::vector<std::string>{"paragraph"});
        CHECK(request.filters.from == "2005");
        CHECK(request.filters.to == "2010-06");
        CHECK(request.limit == 7);
        CHECK(request.min_similarity == r2p::kDefaultMinSimilarity);
    }

    TEST_CASE("a passage id with its sentence number, defaults") {
        auto request = r2p::parse_trace_request({{"id", "ga-2009/p4"}, {"sentence-number", "3"}});
        CHECK(request.passage_id == "ga-2009/p4");
        CHECK(request.sentence.empty());
        CHECK(request.sentence_number == 3);
        CHECK(request.limit == 100);
        request = r2p::parse_trace_request({{"id", "ga-2009/p4/q1"}});
        CHECK(request.sentence_number == 1);
        CHECK(request.filters.empty());
    }

    TEST_CASE("what to trace: exactly one of sentence and id") {
        CHECK(error_of({}) == "nothing to trace: give --sentence or --id");
        CHECK(error_of({{"sentence", kFormula}, {"id", "a/p1"}}) ==
              "give --sentence or --id, not both");
        CHECK(error_of({{"sentence", "  "}}) == "--sentence is empty");
        CHECK(error_of({{"id", ""}}) == "--id is empty");
        CHECK(error_of({{"sentence", kFormula}, {"sentence-number", "2"}}) ==
              "--sentence-number goes with --id, not with --sentence");
        CHECK(error_of({{"id", "a/p1"}, {"sentence-number", "0"}}) ==
              "--sentence-number '0': sentences are numbered from 1");
        CHECK(error_of({{"id", "a/p1"}, {"sentence-number", "-1"}}) ==
              "--sentence-number '-1': expected a whole number from 0 to 10000");
    }

    TEST_CASE("keys are checked as a search checks them, named with the caller's prefix") {
        CHECK(error_of({{"sentence", kFormula}, {"q", "x"}}) == "unknown option '--q'");
        CHECK(error_of({{"sentence", kFormula}, {"sort", "date"}}, "") == "unknown option 'sort'");
        CHECK(error_of({{"sentence", kFormula}, {"sentence", kFormula}}) ==
              "--sentence given more than once");
        CHECK(error_of({{"sentence", kFormula}, {"limit", "10001"}}) ==
              "--limit '10001' is too large (at most 10000)");
        CHECK(error_of({{"sentence", kFormula}, {"from", "2005-13"}}).find("2005-13") !=
              std::string::npos);
        CHECK(error_of({{"sentence", kFormula}, {"from", "2010"}, {"to", "2005"}}) ==
              "--from 2010 is after --to 2005");
        CHECK(error_of({{"sentence", kFormula}, {"country", "France"}}).find("France") !=
              std::string::npos);
        CHECK(error_of({{"sentence", kFormula}, {"to", "2005"}, {"to", "2006"}}) ==
              "--to given more than once");
    }

    TEST_CASE("min-similarity is read as a search reads it: a number from 0 to 1") {
        const auto request =
            r2p::parse_trace_request({{"sentence", kFormula}, {"min-similarity", "0.8"}});
        CHECK(request.min_similarity == doctest::Approx(0.8));
        CHECK(error_of({{"sentence", kFormula}, {"min-similarity", "1.5"}}).find("1.5") !=
              std::string::npos);
        CHECK(error_of({{"sentence", kFormula}, {"min-similarity", "x"}}).find("'x'") !=
              std::string::npos);
    }
}
