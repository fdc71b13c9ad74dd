// End-to-end: r2p-index --collection ungdc --speakers over a small hand-written collection,
// then r2p-search's JSON: each speech's paragraphs carry its speaker, role and date.
#include <doctest/doctest.h>

#include <algorithm>
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

// Two speeches named as UNGDC names them, one file that is not, and a table with quoting.
void write_collection(const r2p::test::TempDir& dir, const std::string& abc_post) {
    r2p::test::write_file(dir / "TXT/Session 70 - 2015/ABC_70_2015.txt",
                          "We gather as the world mourns the victims of atrocity crimes.\n\n"
                          "Our nation will defend the responsibility to protect civilians.\n");
    r2p::test::write_file(dir / "TXT/Session 70 - 2015/XYZ_70_2015.txt",
                          "The prevention of genocide remains the first duty of every State.\n");
    r2p::test::write_file(dir / "TXT/notes.txt", "Notes on the responsibility to protect.\n");
    r2p::test::write_file(
        dir / "speakers.csv",
        "year,session,iso3,country,speaker,post\r\n"
        "2015,70,ABC,\"Abcland, Republic of\",H.E. Mr. Alan Smithee," +
            abc_post +
            "\r\n"
            "2015,70,XYZ,Xyzia,\"Ms. Ada \"\"Ace\"\" Lovelace\",Vice-President\r\n");
}

r2p::test::CommandResult index(const r2p::test::TempDir& dir, const std::string& extra = "") {
    return run_command(kIndex + " --quiet --json --db " + shell_quote((dir / "db").string()) +
                       " --collection ungdc --speakers " +
                       shell_quote((dir / "speakers.csv").string()) + " " + extra + " " +
                       shell_quote((dir / "TXT").string()));
}

json search(const r2p::test::TempDir& dir, const std::string& query) {
    return r2p::test::search_json((dir / "db").string(), shell_quote(query));
}

}  // namespace

TEST_SUITE("e2e_collection") {
    TEST_CASE("a collection's speeches are indexed with their table's speaker, role and date") {
        r2p::test::TempDir dir;
        write_collection(dir, "Minister for Foregn Affairs");
        const auto result = index(dir);
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        // The file that does not match is indexed, with a warning.
        CHECK(result.err.find("r2p-index: warning: ") != std::string::npos);
        CHECK(result.err.find("notes.txt: name does not match collection ungdc's file pattern") !=
              std::string::npos);
        const json report = json::parse(result.out);
        CHECK(report["files"]["indexed"] == 3);

        const json civilians = search(dir, "civilians");
        REQUIRE(civilians["results"].size() == 1);
        const json& abc = civilians["results"][0];
        CHECK(abc["speaker"] == "Alan Smithee");
        CHECK(abc["roles"] == json::array({"minister"}));
        CHECK(abc["doc"]["date"] == "2015-09");

        const json genocide = search(dir, "genocide");
        REQUIRE(genocide["results"].size() == 1);
        CHECK(genocide["results"][0]["speaker"] == "Ada \"Ace\" Lovelace");
        CHECK(genocide["results"][0]["roles"] == json::array({"deputy-head-of-government"}));
        const json notes = search(dir, "notes");
        REQUIRE(notes["results"].size() == 1);
        CHECK(notes["results"][0]["speaker"].is_null());
    }

    TEST_CASE(
        "a changed table row re-indexes exactly that speech, the same inputs change nothing") {
        r2p::test::TempDir dir;
        write_collection(dir, "Minister for Foregn Affairs");
        REQUIRE(index(dir).exit_code == 0);
        const auto again = index(dir);
        REQUIRE(again.exit_code == 0);
        CHECK(json::parse(again.out)["files"]["indexed"] == 0);

        write_collection(dir, "Prime minister");
        const auto changed = index(dir);
        INFO(changed.err);
        REQUIRE(changed.exit_code == 0);
        const json report = json::parse(changed.out);
        CHECK(report["files"]["indexed"] == 1);
        CHECK(report["files"]["unchanged"] == 2);
        CHECK(search(dir, "civilians")["results"][0]["roles"] ==
              json::array({"head-of-government"}));
    }

    TEST_CASE("bad collection options are usage errors with one line") {
        r2p::test::TempDir dir;
        write_collection(dir, "President");
        const std::string db = " --db " + shell_quote((dir / "db").string()) + " ";
        const std::string txt = " " + shell_quote((dir / "TXT").string());
        struct Case {
            std::string args;
            const char* error;
        };
        const Case cases[] = {
            {"--collection nosuch" + txt, "unknown collection profile 'nosuch' (known: "},
            {"--speakers " + shell_quote((dir / "speakers.csv").string()) + txt,
             "--speakers needs --collection"},
            {"--collection ungdc --speakers " + shell_quote((dir / "none.csv").string()) + txt,
             "none.csv: cannot read speakers table"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.args);
            const auto result = run_command(kIndex + db + c.args);
            CHECK(result.exit_code == 2);
            CHECK(result.err.find(c.error) != std::string::npos);
            CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        }
    }
}
