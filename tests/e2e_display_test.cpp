// End-to-end: what r2p-search shows of a statement, as JSON and as a table, from the real
// binaries over small corpora written by each test.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::run_command;
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

json search_json(const std::string& db, const std::string& args) {
    const auto result = search(db, "--json " + args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
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
}
