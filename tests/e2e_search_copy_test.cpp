// End-to-end: r2p-index --compact-to [--search-only] makes a copy that answers r2p-search and
// r2p-trace exactly as its source (one database or two shards), and refuses to be indexed.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using r2p::test::kBench;
using r2p::test::kCorpus;
using r2p::test::kIndex;
using r2p::test::kSearch;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kTrace = std::string(R2P_BIN_DIR) + "/r2p-trace";

// Generated passages and the project's statements, as one database and as two shards, and a
// search-only copy of each.
struct Databases {
    r2p::test::TempDir dir;
    std::string one = (dir / "one").string();
    std::string two = (dir / "two").string();
    std::string one_copy = (dir / "copies/one").string();
    std::string two_copy = (dir / "copies/two").string();
    json one_copy_report;
    bool ok = false;
};

Databases& databases() {
    static Databases made;
    static const bool built = [] {
        const std::string gen = (made.dir / "gen").string();
        // Enough passages for the copies to compress theirs (1,000 or more).
        if (run_command(kBench + " generate --passages 1500 --seed 11 --out " + shell_quote(gen))
                .exit_code != 0)
            return false;
        const std::string inputs = shell_quote(gen + "/corpus") + " " + shell_quote(kCorpus);
        if (run_command(kIndex + " --quiet --db " + shell_quote(made.one) + " " + inputs)
                .exit_code != 0)
            return false;
        if (run_command(kIndex + " --quiet --shards 2 --db " + shell_quote(made.two) + " " + inputs)
                .exit_code != 0)
            return false;
        const auto one =
            run_command(kIndex + " --json --db " + shell_quote(made.one) + " --compact-to " +
                        shell_quote(made.one_copy) + " --search-only");
        if (one.exit_code != 0) return false;
        made.one_copy_report = json::parse(one.out);
        return run_command(kIndex + " --quiet --db " + shell_quote(made.two) + " --compact-to " +
                           shell_quote(made.two_copy) + " --search-only")
                   .exit_code == 0;
    }();
    made.ok = built;
    return made;
}

json search(const std::string& db, const std::string& args) {
    const auto result = run_command(kSearch + " --db " + shell_quote(db) + " --json " + args);
    INFO("r2p-search --db ", db, " ", args, ": ", result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

// Every file of a database folder and its bytes.
std::map<std::string, std::string> folder_contents(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::directory_iterator(dir))
        files[entry.path().filename().string()] = r2p::test::read_file(entry.path());
    return files;
}

// Results as groups of equal score (and date under --sort date): tied passages may come in
// either order when two shards' document numbers are merged into one.
std::vector<std::set<std::string>> tie_groups(const json& result, bool by_date) {
    std::vector<std::set<std::string>> groups;
    double last_score = NAN;
    std::string last_date;
    for (const auto& hit : result["results"]) {
        const double score = hit["score"].get<double>();
        const std::string date =
            hit["doc"]["date"].is_string() ? hit["doc"]["date"].get<std::string>() : "";
        const bool tie = !groups.empty() && std::fabs(score - last_score) <= 1e-3 &&
                         (!by_date || date == last_date);
        if (!tie) groups.emplace_back();
        groups.back().insert(hit["id"].get<std::string>());
        last_score = score;
        last_date = date;
    }
    return groups;
}

// Query shapes: words, phrase, OR, wildcard, filters, facets (filtered and disjunctive),
// sort by date, grouping, a misspelling corrected, and a date range.
const std::vector<std::pair<std::string, bool>> kQueries = {
    {"--limit 50 --facet theme --facet role --facet kind --facet year impunity", false},
    {"--limit 50 --facet country --facet speaker prevent", false},
    {"--limit 50 --facet role '\"responsibility to protect\"'", false},
    {"--limit 50 genocide OR sanctions", false},
    {"--limit 50 --facet theme 'protect*'", false},
    {"--limit 50 --theme accountability --kind quote --facet role prevent", false},
    {"--limit 50 --facet theme --sort date --from 2010 --to 2020 prevent", true},
    {"--limit 50 --facet theme --facet role --facet-mode disjunctive --theme accountability "
     "--theme prevention prevent",
     false},
    {"--limit 50 --group doc --facet kind prevent", false},
    {"--limit 50 --match any genocide atrocities", false},
    {"--limit 50 genocdie", false},
};

}  // namespace

TEST_SUITE("e2e_search_copy") {
    TEST_CASE("a search-only copy answers every query shape exactly as its source") {
        Databases& d = databases();
        REQUIRE_MESSAGE(d.ok, "generating, indexing or copying failed");
        CHECK(d.one_copy_report["search_only"] == true);
        CHECK(d.one_copy_report["shards_merged"] == 1);
        CHECK(d.one_copy_report["termlist_bytes_left_out"].get<std::size_t>() > 0);
        CHECK(d.one_copy_report["files"].contains("r2p-tables"));
        CHECK_FALSE(fs::exists(fs::path(d.one_copy) / "termlist.glass"));
        // Its passages' data is compressed (so every comparison below reads it expanded).
        CHECK(d.one_copy_report["passages_compressed"] == d.one_copy_report["passages"]);
        CHECK(d.one_copy_report["passage_dictionary_bytes"].get<std::size_t>() > 0);
        CHECK(d.one_copy_report["passage_data_bytes_after"].get<std::size_t>() <
              d.one_copy_report["passage_data_bytes_before"].get<std::size_t>());
        CHECK(d.one_copy_report["passages"] ==
              search(d.one, "--limit 0 -- -qqqzzzx")["matches"]["estimated"]);

        for (const auto& shape : kQueries) {
            const std::string& args = shape.first;  // no structured binding in CHECK's lambdas
            const json expected = search(d.one, args);
            CHECK(expected["matches"]["lower"].get<int>() > 0);
            const json copied = search(d.one_copy, args);
            CHECK_MESSAGE(copied == expected, args);
            // The slower paths, without table files, agree too (their "stats" say how they
            // ran, so they are compared with the source's own).
            CHECK_MESSAGE(search(d.one_copy, "--tables never " + args) ==
                              search(d.one, "--tables never " + args),
                          args);
        }
        CHECK(search(d.one, "genocdie")["corrected_query"].is_string());

        // --like and --passage by a passage id, and snippets with highlights on every hit.
        const json hits = search(d.one, "--limit 5 '\"responsibility to protect\"'");
        REQUIRE(hits["results"].size() > 0);
        const std::string id = hits["results"][0]["id"].get<std::string>();
        CHECK(search(d.one_copy, "--like " + shell_quote(id)) ==
              search(d.one, "--like " + shell_quote(id)));
        CHECK(search(d.one_copy, "--like " + shell_quote(id) + " --sort date --facet year") ==
              search(d.one, "--like " + shell_quote(id) + " --sort date --facet year"));
        CHECK(search(d.one_copy, "--passage " + shell_quote(id)) ==
              search(d.one, "--passage " + shell_quote(id)));
    }

    TEST_CASE("r2p-trace on a search-only copy gives its source's trace and top sentences") {
        Databases& d = databases();
        REQUIRE_MESSAGE(d.ok, "generating, indexing or copying failed");
        const json hits = search(d.one, "--limit 1 '\"responsibility to protect\"'");
        REQUIRE(hits["results"].size() == 1);
        const std::string id = hits["results"][0]["id"].get<std::string>();
        for (const std::string& args : std::vector<std::string>{shell_quote(id), "--top 5"}) {
            const auto source =
                run_command(kTrace + " --json --db " + shell_quote(d.one) + " " + args);
            const auto copy =
                run_command(kTrace + " --json --db " + shell_quote(d.one_copy) + " " + args);
            INFO(args, ": ", source.err, copy.err);
            REQUIRE(source.exit_code == 0);
            CHECK(copy.exit_code == 0);
            CHECK(copy.out == source.out);
        }
    }

    TEST_CASE("indexing into a search-only copy is refused and leaves it unchanged") {
        Databases& d = databases();
        REQUIRE_MESSAGE(d.ok, "generating, indexing or copying failed");
        const auto before = folder_contents(d.one_copy);
        for (const char* flags : {"", "--dry-run", "--prune"}) {
            const auto result = run_command(kIndex + " --quiet " + flags + " --db " +
                                            shell_quote(d.one_copy) + " " + shell_quote(kCorpus));
            INFO(flags, ": ", result.err);
            CHECK(result.exit_code == 2);
            CHECK(result.err.find("is a search-only copy") != std::string::npos);
            CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            CHECK(result.out.empty());
        }
        CHECK(folder_contents(d.one_copy) == before);

        // Its table files can still be written again (a copy that lost them).
        const std::string args = "--tables always --facet theme --facet role prevent";
        const json expected = search(d.one_copy, args);
        fs::remove(fs::path(d.one_copy) / "r2p-tables");
        const auto written =
            run_command(kIndex + " --quiet --write-tables --db " + shell_quote(d.one_copy));
        INFO(written.err);
        CHECK(written.exit_code == 0);
        CHECK(folder_contents(d.one_copy) == before);
        CHECK(search(d.one_copy, args) == expected);
    }

    TEST_CASE("a search-only copy of two shards answers as the two shards") {
        Databases& d = databases();
        REQUIRE_MESSAGE(d.ok, "generating, indexing or copying failed");
        CHECK(fs::exists(fs::path(d.two_copy) / "iamglass"));
        CHECK_FALSE(fs::exists(fs::path(d.two_copy) / "r2p.stub"));
        for (const auto& shape : kQueries) {
            const std::string& args = shape.first;  // no structured binding in CHECK's lambdas
            const bool by_date = shape.second;
            const json expected = search(d.two, args);
            const json copied = search(d.two_copy, args);
            INFO(args);
            CHECK(copied["matches"] == expected["matches"]);
            CHECK(copied["facets"] == expected["facets"]);
            CHECK(copied["corrected_query"] == expected["corrected_query"]);
            // The last group may be cut by --limit: which of its tied passages are shown
            // depends on the docid order, so only how many are.
            std::vector<std::set<std::string>> copied_groups = tie_groups(copied, by_date);
            std::vector<std::set<std::string>> expected_groups = tie_groups(expected, by_date);
            REQUIRE(copied_groups.size() == expected_groups.size());
            REQUIRE_FALSE(copied_groups.empty());
            CHECK(copied_groups.back().size() == expected_groups.back().size());
            copied_groups.pop_back();
            expected_groups.pop_back();
            CHECK(copied_groups == expected_groups);
        }
    }

    TEST_CASE("--compact-to refuses a folder in use and options that do not go with it") {
        Databases& d = databases();
        REQUIRE_MESSAGE(d.ok, "generating, indexing or copying failed");
        const auto before = folder_contents(d.two_copy);
        const std::vector<std::string> refused = {
            "--db " + shell_quote(d.one) + " --compact-to " + shell_quote(d.two_copy),
            "--db " + shell_quote(d.one) + " --search-only",
            "--db " + shell_quote(d.one) + " --compact-to " + shell_quote((d.dir / "x").string()) +
                " " + shell_quote(kCorpus),
            "--db " + shell_quote(d.one) + " --compact-to " + shell_quote((d.dir / "x").string()) +
                " --block-size 1000",
        };
        for (const auto& args : refused) {
            const auto result = run_command(kIndex + " " + args);
            INFO(args, ": ", result.err);
            CHECK(result.exit_code == 2);
            CHECK(result.out.empty());
        }
        CHECK(folder_contents(d.two_copy) == before);
        CHECK_FALSE(fs::exists(d.dir / "x"));
        // Nothing half-made is left beside the copies.
        for (const auto& entry : fs::directory_iterator(d.dir / "copies"))
            CHECK(entry.path().filename().string().rfind(".", 0) != 0);
    }
}
