// End-to-end: what r2p-search shows of a statement, as JSON and as a table, from the real
// binaries over small corpora written by each test.
#include <doctest/doctest.h>

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "e2e_paths.hpp"
#include "e2e_search_json.hpp"
#include "r2p/schema.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::search_json;
using r2p::test::shell_quote;
using r2p::test::TempDir;
using r2p::test::write_file;

// Indexes dir/corpus into dir/db; the test stops when that fails.
std::string index_corpus(const TempDir& dir) {
    const auto db = (dir / "db").string();
    const auto result = run_command(r2p::test::kIndex + " --quiet --json --db " + shell_quote(db) +
                                    " " + shell_quote((dir / "corpus").string()));
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return db;
}

r2p::test::CommandResult search(const std::string& db, const std::string& args) {
    return run_command(r2p::test::kSearch + " --db " + shell_quote(db) + " " + args);
}

}  // namespace

TEST_SUITE("e2e_display") {
    TEST_CASE("markup and escape codes in a statement reach neither HTML nor the terminal") {
        TempDir dir;
        write_file(dir / "corpus/hostile.txt",
                   "A hostile statement\n\n"
                   "The Minister said <script>alert(1)</script> about prevention "
                   "\x1b[2J\x1b]0;owned\x07 and more.\n");
        const std::string db = index_corpus(dir);

        const json hit = search_json(db, "alert")["results"].at(0);
        const std::string snippet = hit["snippet"];
        CHECK(snippet.find("<script>") == std::string::npos);
        CHECK(snippet.find("&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;") !=
              std::string::npos);
        const std::string plain = hit["snippet_text"];
        CHECK(plain.find("<script>alert(1)</script>") != std::string::npos);
        const std::size_t alert = plain.find("alert");
        CHECK(hit["highlights"] == json::array({{alert, alert + 5}}));  // ASCII: bytes = points

        const auto table = search(db, "alert");
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("<script>alert(1)</script>") != std::string::npos);
        CHECK(table.out.find('\x1b') == std::string::npos);
        CHECK(table.out.find('\x07') == std::string::npos);
    }

    TEST_CASE("the sidecar's event, place and source URL are shown and searchable") {
        TempDir dir;
        write_file(dir / "corpus/geneva.txt",
                   "Some heading\n\nThe Special Adviser spoke about early warning.\n");
        write_file(dir / "corpus/geneva.meta.json",
                   R"({"title": "Statement on early warning", "date": "2019-06-05",
                       "event": "Human Rights Council panel", "place": "Genève",
                       "source_url": "https://example.org/geneva"})");
        write_file(dir / "corpus/other.txt", "Other title\n\nNothing about warnings here.\n");
        const std::string db = index_corpus(dir);

        // Each document's passages only, whichever passage holds the words.
        const auto docs_found = [&](const std::string& query) {
            const json result = search_json(db, query);
            std::set<std::string> docs;
            for (const auto& r : result["results"]) docs.insert(r["doc"]["id"]);
            return docs;
        };
        const std::set<std::string> geneva = {"geneva"};
        CHECK(docs_found("title:geneve") == geneva);
        CHECK(docs_found("title:council") == geneva);
        CHECK(docs_found(shell_quote("title:\"early warning\"")) == geneva);
        CHECK(docs_found("title:warning") == geneva);  // "warnings" in other's text only

        const json doc = search_json(db, "title:geneve")["results"].at(0)["doc"];
        CHECK(doc["title"] == "Statement on early warning");
        CHECK(doc["event"] == "Human Rights Council panel");
        CHECK(doc["place"] == "Genève");
        CHECK(doc["source_url"] == "https://example.org/geneva");
        CHECK(search_json(db, "title:other")["results"].at(0)["doc"]["event"].is_null());

        const auto table = search(db, "title:geneve");
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("Statement on early warning · 2019-06-05") != std::string::npos);
        CHECK(table.out.find("Human Rights Council panel · Genève · https://example.org/geneva") !=
              std::string::npos);
    }

    TEST_CASE("a database of the previous schema is refused with the way out") {
        TempDir dir;
        write_file(dir / "corpus/a.txt", "A title\n\nA statement about prevention.\n");
        const std::string db = index_corpus(dir);
        {
            // Schema 3 stored no event, place or source URL and had no title terms.
            Xapian::WritableDatabase old(db);
            old.set_metadata(std::string(r2p::schema::kSchemaVersionKey), "3");
            old.commit();
        }
        const auto searched = search(db, "prevention");
        CHECK(searched.exit_code == 3);
        CHECK(searched.err.find("has schema version 3, expected 5 (re-index it)") !=
              std::string::npos);
        const auto indexed = run_command(r2p::test::kIndex + " --quiet --db " + shell_quote(db) +
                                         " " + shell_quote((dir / "corpus").string()));
        CHECK(indexed.exit_code == 3);
        CHECK(indexed.err.find("re-index into a new --db") != std::string::npos);
    }

    TEST_CASE("--quiet prints nothing but errors") {
        TempDir dir;
        write_file(dir / "corpus/a.txt", "A title\n\nA statement about prevention.\n");
        const auto indexed =
            run_command(r2p::test::kIndex + " --quiet --db " + shell_quote((dir / "db").string()) +
                        " " + shell_quote((dir / "corpus").string()));
        CHECK(indexed.exit_code == 0);
        CHECK(indexed.out.empty());
        CHECK(indexed.err.empty());
        const std::string db = (dir / "db").string();
        for (const char* args : {"--quiet prevention", "--quiet --json --facet year prevention"}) {
            CAPTURE(args);
            const auto found = search(db, args);
            CHECK(found.exit_code == 0);
            CHECK(found.out.empty());
            CHECK(found.err.empty());
        }
        const auto bad = search(db, "--quiet 'foo AND'");
        CHECK(bad.exit_code == 2);
        CHECK(bad.out.empty());
        CHECK(bad.err.rfind("r2p-search: error: ", 0) == 0);
    }

    TEST_CASE("bold matches on a terminal, none when NO_COLOR is set") {
        TempDir dir;
        write_file(dir / "corpus/a.txt", "A title\n\nA statement about prevention.\n");
        const std::string db = index_corpus(dir);
        // script(1) gives r2p-search a terminal for its stdout.
        const auto on_terminal = [&](const std::string& environment) {
            const std::string command =
                environment + " " + r2p::test::kSearch + " --db " + shell_quote(db) + " prevention";
            return run_command("script -qec " + shell_quote(command) + " /dev/null").out;
        };
        CHECK(on_terminal("env -u NO_COLOR").find("\x1b[1m") != std::string::npos);
        CHECK(on_terminal("env NO_COLOR=1").find('\x1b') == std::string::npos);
    }

    TEST_CASE("every --help fits 80 columns with words whole and no trailing spaces") {
        for (const std::string& tool :
             {r2p::test::kIndex + " --help", r2p::test::kSearch + " --help",
              r2p::test::kBench + " --help", r2p::test::kBench + " run --help"}) {
            CAPTURE(tool);
            const auto help = run_command(tool);
            REQUIRE(help.exit_code == 0);
            std::istringstream lines(help.out);
            for (std::string line; std::getline(lines, line);) {
                CAPTURE(line);
                CHECK(line.size() <= 80);  // ASCII: bytes are columns
                CHECK_FALSE(line.ends_with(' '));
            }
        }
        const auto index_help = run_command(r2p::test::kIndex + " --help");
        CHECK(index_help.out.find("corpus/taxonomy/synonyms.conf") != std::string::npos);
        CHECK(index_help.out.find("DIR/r2p.stub") != std::string::npos);
    }
}
