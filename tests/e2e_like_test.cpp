// End-to-end: r2p-index over a few statements repeating the 2005 formula, then r2p-search
// --like / --like-text, checked by its JSON and exit codes.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::kIndex;
using r2p::test::kSearch;
using r2p::test::run_command;
using r2p::test::shell_quote;

// The formula as a 2005 statement gives it; later statements repeat it verbatim, with a
// word changed, inside a longer sentence, or not at all.
const std::string kFormula =
    "Each individual State has the responsibility to protect its populations from genocide, "
    "war crimes, ethnic cleansing and crimes against humanity.";

struct Statement {
    const char* name;
    const char* date;
    const char* country;
    const char* text;
};

const Statement kStatements[] = {
    {"summit-2005", "2005-09-16", "CAN",
     "Statement by the delegation of Canada\n\n"
     "Mr. President, we welcome the adoption of the Outcome Document (A/RES/60/1).\n\n"
     "Each individual State has the responsibility to protect its populations from genocide, "
     "war crimes, ethnic cleansing and crimes against humanity. This responsibility entails "
     "the prevention of such crimes, including their incitement, through appropriate and "
     "necessary means.\n"},
    {"debate-2009", "2009-07-23", "GHA",
     "Statement by the delegation of Ghana\n\n"
     "Thank you, Mr. President.\n\n"
     "We recall para. 138 of the Outcome: each individual State has the responsibility to "
     "protect its populations from genocide, war crimes, ethnic cleansing and crimes against "
     "humanity. Prevention must come first.\n"},
    {"debate-2012", "2012-09-05", "BRA",
     "Statement by the delegation of Brazil\n\n"
     "We reaffirm that each State has the responsibility to protect its populations from "
     "genocide, war crimes, ethnic cleansing and crimes against humanity, as agreed at the "
     "2005 World Summit.\n\n"
     "Our delegation supports the work of the Special Adviser on the Prevention of Genocide "
     "in building early warning capacity across the region.\n"},
    {"debate-2014", "2014-09-08", "CAN",
     "Statement by the delegation of Canada\n\n"
     "Each individual State has the responsibility to protect its citizens from genocide, "
     "war crimes, ethnic cleansing and crimes against humanity.\n"},
    {"debate-2016", "2016-09-06", "NOR",
     "Statement by the delegation of Norway\n\n"
     "Norway welcomes the report of the Secretary-General on sustainable development and "
     "climate finance presented to the Council this morning.\n"},
};

struct Corpus {
    r2p::test::TempDir dir;
    std::string db;           // signed
    std::string unsigned_db;  // written with --no-sentence-signatures
    std::string sharded_db;   // written with --shards 2
    bool ok = false;
};

Corpus& corpus() {
    static Corpus made;
    static const bool written = [] {
        for (const Statement& s : kStatements) {
            r2p::test::write_file(made.dir / "statements" / (std::string(s.name) + ".txt"), s.text);
            r2p::test::write_file(made.dir / "statements" / (std::string(s.name) + ".meta.json"),
                                  json{{"title", std::string("Statement ") + s.name},
                                       {"date", s.date},
                                       {"country", s.country}}
                                      .dump());
        }
        made.db = (made.dir / "db").string();
        made.unsigned_db = (made.dir / "unsigned").string();
        made.sharded_db = (made.dir / "sharded").string();
        const std::string statements = shell_quote((made.dir / "statements").string());
        made.ok = run_command(kIndex + " --quiet --db " + shell_quote(made.db) + " " + statements +
                              " >/dev/null")
                          .exit_code == 0 &&
                  run_command(kIndex + " --quiet --no-sentence-signatures --db " +
                              shell_quote(made.unsigned_db) + " " + statements + " >/dev/null")
                          .exit_code == 0 &&
                  run_command(kIndex + " --quiet --shards 2 --db " + shell_quote(made.sharded_db) +
                              " " + statements + " >/dev/null")
                          .exit_code == 0;
        return true;
    }();
    (void)written;
    return made;
}

r2p::test::CommandResult search_raw(const std::string& args, const std::string& db = "") {
    REQUIRE_MESSAGE(corpus().ok, "r2p-index failed");
    return run_command(kSearch + " --db " + shell_quote(db.empty() ? corpus().db : db) + " " +
                       args);
}

json search(const std::string& args) {
    const auto result = search_raw("--json " + args);
    INFO("r2p-search ", args, ": ", result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

std::vector<std::string> docs_of(const json& result) {
    std::vector<std::string> out;
    for (const auto& r : result["results"]) out.push_back(r["doc"]["id"].get<std::string>());
    return out;
}

// The passage id of the 2005 formula (the first paragraph holding it).
std::string formula_passage() {
    const json found = search("--like-text " + shell_quote(kFormula) + " --doc summit-2005");
    REQUIRE(found["results"].size() == 1);
    return found["results"][0]["id"].get<std::string>();
}

}  // namespace

TEST_SUITE("e2e_like") {
    TEST_CASE("--like-text finds the formula verbatim, changed and quoted, not the unrelated") {
        const json result = search("--like-text " + shell_quote(kFormula));
        CHECK(result["like_sentences"] == json::array({kFormula}));
        auto docs = docs_of(result);
        std::sort(docs.begin(), docs.end());
        CHECK(docs ==
              std::vector<std::string>{"debate-2009", "debate-2012", "debate-2014", "summit-2005"});
        CHECK(result["matches"]["lower"] == 4);
        CHECK(result["matches"]["exact"] == true);
        // By similarity: the verbatim uses first.
        const json& first = result["results"][0]["like"];
        CHECK(first["similarity"] == 1.0);
        CHECK(first["verbatim"] == true);
        for (const auto& hit : result["results"]) {
            const json& like = hit["like"];
            CHECK(like["asked"] == 0);
            CHECK(like["begin"].get<std::size_t>() < like["end"].get<std::size_t>());
            if (hit["doc"]["id"] == "debate-2014") {
                CHECK(like["verbatim"] == false);
                CHECK(like["missing"] == json::array({"populations"}));
                // The differing word, as code point offsets into the passage's text.
                REQUIRE(like["differing"].size() == 1);
                const std::string text = hit["text"];
                const auto b = like["differing"][0][0].get<std::size_t>();
                const auto e = like["differing"][0][1].get<std::size_t>();
                CHECK(text.substr(b, e - b) == "citizens");  // ASCII: code points are bytes
                CHECK(hit["snippet_text"] == like["sentence"]);
                const std::string sentence = like["sentence"];
                const auto at = sentence.find("citizens");
                CHECK(hit["highlights"] == json::array({json::array({at, at + 8})}));
            }
        }
    }

    TEST_CASE("--sort date gives the history, oldest first") {
        const json result = search("--like-text " + shell_quote(kFormula) + " --sort date");
        CHECK(docs_of(result) ==
              std::vector<std::string>{"summit-2005", "debate-2009", "debate-2012", "debate-2014"});
    }

    TEST_CASE("--like ID: the passage itself is a hit, with similarity 1") {
        const std::string id = formula_passage();
        const json result = search("--like " + shell_quote(id) + " --sort date");
        REQUIRE(!result["results"].empty());
        CHECK(result["results"][0]["id"] == id);
        CHECK(result["results"][0]["like"]["similarity"] == 1.0);
        // Its two sentences are both looked for.
        CHECK(result["like_sentences"].size() == 2);
        CHECK(docs_of(result).size() == 4);
    }

    TEST_CASE("filters, query words and facets narrow the passages alike") {
        const json canada = search("--like-text " + shell_quote(kFormula) +
                                   " --country can --facet year --facet country");
        CHECK(docs_of(canada).size() == 2);
        REQUIRE(canada["facets"]["country"].size() == 1);
        CHECK(canada["facets"]["country"][0]["value"] == "can");
        CHECK(canada["facets"]["country"][0]["count"] == 2);
        CHECK(canada["facets"]["year"].size() == 2);
        const json recent = search("--like-text " + shell_quote(kFormula) + " --from 2010");
        CHECK(docs_of(recent).size() == 2);
        const json worded = search("--like-text " + shell_quote(kFormula) + " world summit");
        CHECK(docs_of(worded) == std::vector<std::string>{"debate-2012"});
        const json disjunctive = search("--like-text " + shell_quote(kFormula) +
                                        " --country can --facet country --facet-mode disjunctive");
        CHECK(disjunctive["facets"]["country"].size() == 3);  // can, gha, bra
    }

    TEST_CASE("shards answer as one database") {
        const std::string args =
            "--json --like-text " + shell_quote(kFormula) + " --sort date --facet country";
        const auto sharded = search_raw(args, corpus().sharded_db);
        REQUIRE(sharded.exit_code == 0);
        const json one =
            search("--like-text " + shell_quote(kFormula) + " --sort date --facet country");
        const json many = json::parse(sharded.out);
        CHECK(docs_of(many) == docs_of(one));
        CHECK(many["facets"] == one["facets"]);
        CHECK(many["matches"] == one["matches"]);
    }

    TEST_CASE("--min-similarity 1 keeps only the uses holding the whole formula") {
        const json result = search("--like-text " + shell_quote(kFormula) + " --min-similarity 1");
        auto docs = docs_of(result);
        std::sort(docs.begin(), docs.end());
        CHECK(docs == std::vector<std::string>{"debate-2009", "summit-2005"});
    }

    TEST_CASE("the table shows the similarity and the missing words") {
        const auto result = search_raw("--like-text " + shell_quote(kFormula));
        REQUIRE(result.exit_code == 0);
        CHECK(result.out.find("similarity 1.00 (verbatim)") != std::string::npos);
        CHECK(result.out.find("missing: populations") != std::string::npos);
        CHECK(result.out.find("Like: " + kFormula) != std::string::npos);
    }

    TEST_CASE("usage errors: exit 2 with a one-line reason") {
        const auto check_usage = [](const std::string& args, const std::string& db,
                                    const std::string& says) {
            const auto result = search_raw(args, db);
            INFO(args, ": ", result.err);
            CHECK(result.exit_code == 2);
            CHECK(result.err.find(says) != std::string::npos);
        };
        check_usage("--like-text " + shell_quote(kFormula), corpus().unsigned_db, "re-index");
        check_usage("--like x/p1 --like-text " + shell_quote(kFormula), "",
                    "cannot be given together");
        check_usage("--like-text " + shell_quote(kFormula) + " --min-similarity 1.5", "",
                    "--min-similarity '1.5'");
        check_usage("--like-text " + shell_quote(kFormula) + " --min-similarity=-0.1", "",
                    "--min-similarity");
        check_usage("--like-text " + shell_quote("We thank you, Mr. President."), "",
                    "at least 8 words");
        check_usage("--like no-such/p9", "", "no passage has the id 'no-such/p9'");
        check_usage("--like-text " + shell_quote(kFormula) + " --group doc", "", "group");
    }
}
