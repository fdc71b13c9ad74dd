#include "search/passage_context.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/json_output.hpp"
#include "r2p/search.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("passage_context") {
    namespace {

    r2p::Searcher& searcher() {
        static r2p::Searcher instance(std::vector<std::string>{r2p::test::search_fixture_db()},
                                      r2p::test::source_taxonomy());
        return instance;
    }

    std::vector<std::string> ids(const std::vector<r2p::StoredPassage>& passages) {
        std::vector<std::string> out;
        for (const auto& p : passages) out.push_back(p.id);
        return out;
    }

    using Ids = std::vector<std::string>;

    }  // namespace

    TEST_CASE("paragraph numbers are read from the end of a paragraph id only") {
        CHECK(r2p::paragraph_number("alpha/p12") == 12U);
        CHECK(r2p::paragraph_number("a/p1/doc/p3") == 3U);
        CHECK(r2p::paragraph_number("alpha/p1/q1") == std::nullopt);
        CHECK(r2p::paragraph_number("alpha/p") == std::nullopt);
        CHECK(r2p::paragraph_number("alpha/p0") == std::nullopt);
        CHECK(r2p::paragraph_number("alpha/p01") == std::nullopt);
        CHECK(r2p::paragraph_number("p3") == std::nullopt);
    }

    TEST_CASE("the first paragraph: nothing before, its quotes, the paragraphs after") {
        const auto context = searcher().passage("alpha/p1", 2);
        REQUIRE(context.has_value());
        CHECK(context->passage.id == "alpha/p1");
        CHECK_FALSE(context->parent.has_value());
        CHECK(ids(context->quotes) == Ids{"alpha/p1/q1"});
        CHECK(context->before.empty());
        CHECK(ids(context->after) == Ids{"alpha/p2", "alpha/p3"});
    }

    TEST_CASE("the last paragraph: the paragraphs before, none after") {
        const auto context = searcher().passage("alpha/p3", 5);
        REQUIRE(context.has_value());
        CHECK(ids(context->before) == Ids{"alpha/p1", "alpha/p2"});
        CHECK(context->after.empty());
        CHECK(ids(context->quotes) == Ids{"alpha/p3/q1"});
    }

    TEST_CASE("a middle paragraph without quotes, one paragraph around it") {
        const auto context = searcher().passage("alpha/p2", 1);
        REQUIRE(context.has_value());
        CHECK(ids(context->before) == Ids{"alpha/p1"});
        CHECK(ids(context->after) == Ids{"alpha/p3"});
        CHECK(context->quotes.empty());
        const auto alone = searcher().passage("alpha/p2", 0);
        REQUIRE(alone.has_value());
        CHECK(alone->before.empty());
        CHECK(alone->after.empty());
    }

    TEST_CASE("a quote: its paragraph as parent, the paragraph's quotes and neighbours") {
        const auto context = searcher().passage("alpha/p3/q1", 1);
        REQUIRE(context.has_value());
        CHECK(context->passage.kind == "quote");
        REQUIRE(context->parent.has_value());
        CHECK(context->parent->id == "alpha/p3");
        CHECK(ids(context->quotes) == Ids{"alpha/p3/q1"});
        CHECK(ids(context->before) == Ids{"alpha/p2"});
        CHECK(context->after.empty());
    }

    TEST_CASE("an unknown id has no context, too wide a context is a usage error") {
        CHECK_FALSE(searcher().passage("alpha/p9").has_value());
        CHECK_FALSE(searcher().passage("nothing").has_value());
        CHECK_FALSE(searcher().passage("").has_value());
        CHECK_FALSE(searcher().passage(std::string(300, 'x')).has_value());
        CHECK_THROWS_AS(searcher().passage("alpha/p1", r2p::kMaxAround + 1), r2p::UsageError);
    }

    TEST_CASE("a passage is read from the latest commit, as searches are") {
        r2p::test::TempDir dir;
        const auto db = dir / "db";
        r2p::test::write_search_fixture(db);
        r2p::Searcher fresh(std::vector<std::string>{db.string()}, r2p::test::source_taxonomy());
        CHECK(fresh.passage("alpha/p2").has_value());
        CHECK_FALSE(fresh.passage("delta/p1").has_value());
        {
            r2p::IndexWriter writer(db);
            const auto d = r2p::test::fixture_document("delta", "2020", 2);
            writer.write_document(
                d,
                {r2p::test::fixture_passage("delta/p1", r2p::PassageKind::Paragraph,
                                            "Early warning saves lives.", 0, {}, {}),
                 r2p::test::fixture_passage("delta/p2", r2p::PassageKind::Paragraph,
                                            "Atrocity prevention is a daily task.", 1, {}, {})},
                "fp-delta");
            writer.remove("alpha");
            writer.commit();
        }
        const auto added = fresh.passage("delta/p1");
        REQUIRE(added.has_value());
        CHECK(ids(added->after) == Ids{"delta/p2"});
        CHECK_FALSE(fresh.passage("alpha/p2").has_value());
    }

    TEST_CASE("the context as JSON: passages with a result's passage fields") {
        const auto context = searcher().passage("alpha/p1/q1", 1);
        REQUIRE(context.has_value());
        const auto j = r2p::passage_context_json(*context);
        CHECK(j["passage"]["id"] == "alpha/p1/q1");
        CHECK(j["passage"]["parent"] == "alpha/p1");
        CHECK(j["passage"]["doc"]["id"] == "alpha");
        CHECK(j["passage"]["doc"]["date"] == "2012-09-28");
        CHECK(j["parent"]["id"] == "alpha/p1");
        CHECK(j["parent"]["parent"].is_null());
        CHECK(j["quotes"].size() == 1);
        CHECK(j["before"].empty());
        CHECK(j["after"].size() == 1);
        CHECK(j["after"][0]["id"] == "alpha/p2");
        CHECK_FALSE(j["passage"].contains("rank"));
        CHECK_FALSE(j["passage"].contains("snippet"));

        // A hit's JSON holds the same passage fields, plus its own.
        r2p::SearchRequest request;
        request.query = "hague";
        const auto result = searcher().run(request);
        const auto results = r2p::search_result_json(result)["results"];
        bool compared = false;
        for (const auto& hit : results) {
            if (hit["id"] != "alpha/p1/q1") continue;
            for (const auto& [key, value] : j["passage"].items()) CHECK(hit[key] == value);
            CHECK(hit.contains("rank"));
            CHECK(hit["folded"] == 0);
            compared = true;
        }
        CHECK(compared);
        const auto parsed = nlohmann::json::parse(r2p::format_json(*context));
        CHECK(parsed == j);
    }
}
