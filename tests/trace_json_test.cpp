#include <doctest/doctest.h>

#include <string>

#include "r2p/json_output.hpp"

TEST_SUITE("trace_json") {
    namespace {

    // "Côte d'Ivoire welcomes it. We reaffirm the responsibility to protect." with the second
    // sentence matched, "reaffirm" differing and "recall" missing.
    r2p::SentenceUse sample_use() {
        r2p::SentenceUse use;
        use.passage.id = "civ-2006/p3";
        use.passage.doc_id = "civ-2006";
        use.passage.doc_date = "2006-09-21";
        use.passage.speaker = "Youssouf Bakayoko";
        use.passage.roles = {"minister"};
        use.passage.doc_country = "civ";
        use.passage.doc_country_name = "Côte d'Ivoire";
        use.passage.text = "Côte d'Ivoire welcomes it. We reaffirm the responsibility to protect.";
        const std::size_t begin = use.passage.text.find("We");
        use.match.similarity = 0.83333;
        use.match.begin = begin;
        use.match.end = use.passage.text.size();
        const std::size_t word = use.passage.text.find("reaffirm");
        use.match.differing = {{word, word + 8}};
        use.match.missing = {"recall"};
        return use;
    }

    }  // namespace

    TEST_CASE("a trace: totals, first use, years and uses with code point offsets") {
        r2p::TraceResult result;
        result.sentence = "We recall the responsibility to protect.";
        result.uses = 1;
        result.speakers = 1;
        result.documents = 1;
        result.countries = 1;
        result.first_use = sample_use();
        result.years = {{"2006", 0, 1, 1, {"civ"}}, {"", 1, 0, 2, {}}};
        result.listed = {sample_use()};
        r2p::TraceRequest request;
        request.min_similarity = 0.6;
        const nlohmann::json json = r2p::trace_result_json(result, request);
        CHECK(json["sentence"] == result.sentence);
        CHECK(json["min_similarity"] == 0.6);
        CHECK(json["uses"] == 1);
        CHECK(json["speakers"] == 1);
        CHECK(json["documents"] == 1);
        CHECK(json["countries"] == 1);
        CHECK(json["years"].size() == 2);
        CHECK(json["years"][0] == nlohmann::json::parse(R"({"year": "2006", "verbatim_speakers": 0,
            "modified_speakers": 1, "uses": 1, "countries": ["civ"]})"));
        CHECK(json["years"][1]["year"].is_null());
        const nlohmann::json& use = json["first_use"];
        CHECK(use["id"] == "civ-2006/p3");
        CHECK(use["doc_id"] == "civ-2006");
        CHECK(use["date"] == "2006-09-21");
        CHECK(use["speaker"] == "Youssouf Bakayoko");
        CHECK(use["country"]["code"] == "civ");
        CHECK(use["roles"] == nlohmann::json::array({"minister"}));
        CHECK(use["text"] == sample_use().passage.text);
        const nlohmann::json& like = use["like"];
        CHECK(like["similarity"] == 0.8333);
        CHECK(like["verbatim"] == false);
        CHECK(like["asked"] == 0);
        CHECK(like["sentence"] == "We reaffirm the responsibility to protect.");
        // "Côte" is 4 code points and 5 bytes: offsets count code points.
        CHECK(like["begin"] == 27);
        CHECK(like["end"] == 69);
        CHECK(like["differing"] == nlohmann::json::parse("[[30, 38]]"));
        CHECK(like["missing"] == nlohmann::json::array({"recall"}));
        CHECK(json["listed"].size() == 1);
        CHECK(json["listed"][0] == use);
    }

    TEST_CASE("a trace without uses has a null first use") {
        const nlohmann::json json = r2p::trace_result_json({}, {});
        CHECK(json["first_use"].is_null());
        CHECK(json["years"] == nlohmann::json::array());
        CHECK(json["listed"] == nlohmann::json::array());
    }

    TEST_CASE("repeated sentences: the period, the counts and each family's first use") {
        r2p::RepeatedResult result;
        result.passages_read = 120;
        result.sentences_read = 480;
        r2p::RepeatedSentence s;
        s.first_use = sample_use();
        s.speakers = 9;
        s.documents = 11;
        s.years = 4;
        s.verbatim = 6;
        s.boilerplate = 0.123456;
        s.score = 6.9;
        result.sentences = {s, s};
        r2p::RepeatedRequest request;
        request.filters.from = "2005";
        const nlohmann::json json = r2p::repeated_result_json(result, request);
        CHECK(json["unit"] == "sentence");
        CHECK(json["from"] == "2005");
        CHECK(json["to"].is_null());
        CHECK(json["passages_read"] == 120);
        CHECK(json["sentences_read"] == 480);
        REQUIRE(json["sentences"].size() == 2);
        const nlohmann::json& first = json["sentences"][0];
        CHECK(first["rank"] == 1);
        CHECK(json["sentences"][1]["rank"] == 2);
        CHECK(first["sentence"] == "We reaffirm the responsibility to protect.");
        CHECK(first["score"] == 6.9);
        CHECK(first["boilerplate"] == 0.1235);
        CHECK(first["speakers"] == 9);
        CHECK(first["documents"] == 11);
        CHECK(first["years"] == 4);
        CHECK(first["verbatim"] == 6);
        CHECK(first["first_use"]["id"] == "civ-2006/p3");
    }
}
