// End-to-end: r2p-index on HTML pages and a DOCX statement (tests/data/formats/), and on a
// folder holding files it does not read; r2p-search finds what the pages say, never their
// navigation.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "e2e_search_json.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::kIndex;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kFormats = std::string(R2P_SOURCE_DIR) + "/tests/data/formats";

json search(const std::filesystem::path& db, const std::string& words) {
    return r2p::test::search_json(db.string(), words);
}

// The results' document ids, in rank order.
std::vector<std::string> doc_ids(const json& result) {
    std::vector<std::string> ids;
    for (const auto& hit : result["results"]) ids.push_back(hit["doc"]["id"]);
    return ids;
}

}  // namespace

TEST_SUITE("e2e_html_docx") {
    TEST_CASE("HTML pages and a DOCX statement index with nothing skipped, their text searchable") {
        r2p::test::TempDir dir;
        const auto indexed = run_command(
            kIndex + " --quiet --json --db " + shell_quote((dir / "db").string()) + " " +
            shell_quote(kFormats + "/html") + " " + shell_quote(kFormats + "/docx"));
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
        const json report = json::parse(indexed.out);
        CHECK(report["files"]["found"] == 5);
        CHECK(report["files"]["indexed"] == 5);
        CHECK(report["files"]["skipped"].empty());
        CHECK(report["files"]["ignored"].empty());
        // 52 with main's parser; header lines and salutations the structure work drops stay
        // above 30.
        CHECK(report["passages"]["paragraphs"].get<int>() >= 30);
        CHECK(report["passages"]["quotes"].get<int>() >= 4);

        const json graves = search(dir / "db", "mass graves");
        REQUIRE_FALSE(graves["results"].empty());
        CHECK(graves["results"][0]["doc"]["id"] == "press-release-ga");
        CHECK(graves["results"][0]["doc"]["date"] == "2023-06-27");
        CHECK(graves["results"][0]["doc"]["title"] ==
              "Preventing Atrocity Crimes Is Shared Duty, Not Optional Courtesy, Deputy "
              "Secretary-General Tells General Assembly");

        // The block quotation: its paragraph (and its quote, where the parser makes one).
        const std::vector<std::string> abstraction = doc_ids(search(dir / "db", "abstraction"));
        REQUIRE_FALSE(abstraction.empty());
        for (const std::string& id : abstraction) CHECK(id == "mission-statement");
        const json analysts = search(dir / "db", "analysts");
        REQUIRE(analysts["results"].size() == 1);
        CHECK(analysts["results"][0]["doc"]["id"] == "delegation-statement-norlandia");
        CHECK(analysts["results"][0]["text"].get<std::string>().find("early warning analysts") !=
              std::string::npos);

        const json alert = search(dir / "db", "alert");
        REQUIRE(alert["results"].size() == 1);
        CHECK(alert["results"][0]["text"].get<std::string>().find("<script>alert(1)</script>") !=
              std::string::npos);

        // Navigation, banners, sidebars, footers and footnotes are not passages (as asked:
        // a word found nowhere would otherwise run its spelling suggestion instead).
        for (const char* furniture :
             {"cookies", "newsletter", "Privacy", "Donate", "charity", "footnote", "Twitter"}) {
            CAPTURE(furniture);
            CHECK(search(dir / "db", std::string("--correct off ") + furniture)["results"].empty());
        }
    }

    TEST_CASE("a .doc is skipped with its reason (exit 1), a .csv counted as ignored") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "corpus/statement.txt",
                              "Statement on the responsibility to protect\n\nPrevention "
                              "begins at home, with national focal points.\n");
        r2p::test::write_file(dir / "corpus/old statement.doc", "\xD0\xCF\x11\xE0 binary");
        r2p::test::write_file(dir / "corpus/notes.csv", "a,b\n");
        r2p::test::write_file(dir / "corpus/statement.meta.json", "{\"date\": \"2021-05-04\"}");
        const std::string args = "--db " + shell_quote((dir / "db").string()) + " " +
                                 shell_quote((dir / "corpus").string());
        const auto json_run = run_command(kIndex + " --quiet --json " + args);
        CHECK(json_run.exit_code == 1);
        const std::string doc_path = (dir / "corpus/old statement.doc").string();
        CHECK(json_run.err == "r2p-index: warning: " + doc_path +
                                  ": .doc files are not read (save it as .docx, .pdf or .txt) "
                                  "(file skipped)\n");
        const json report = json::parse(json_run.out);
        CHECK(report["files"]["indexed"] == 1);
        CHECK(report["files"]["skipped"].size() == 1);
        CHECK(report["files"]["ignored"] == json::array({(dir / "corpus/notes.csv").string()}));

        const auto table_run = run_command(kIndex + " " + args);
        CHECK(table_run.exit_code == 1);
        CHECK(table_run.out.find("ignored 1 file that is not a statement: notes.csv\n") !=
              std::string::npos);
    }
}
