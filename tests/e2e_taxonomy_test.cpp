// End-to-end: taxonomy files given to the tools, and the taxonomy a database keeps.
#include <doctest/doctest.h>

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <string>

#include "bench/testkit/shard_servers.hpp"
#include "e2e_paths.hpp"
#include "r2p/schema.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;
using r2p::test::TempDir;

const std::string kSeed = "r2p-ministerial-meeting-2012";

std::string arg(const std::filesystem::path& path) { return shell_quote(path.string()); }

// dir/c holds the seed statement; dir/mine.conf the project's themes plus my-new-theme,
// whose cue is in the seed's "The Hague is the final link" quote.
void write_corpus(const TempDir& dir) {
    const std::filesystem::path corpus = std::string(R2P_SOURCE_DIR) + "/corpus";
    r2p::test::write_file(dir / "c" / (kSeed + ".txt"),
                          r2p::test::read_file(corpus / (kSeed + ".txt")));
    r2p::test::write_file(dir / "mine.conf",
                          r2p::test::read_file(corpus / "taxonomy/themes.conf") +
                              "\n[theme my-new-theme]\nlabel = My new theme\ncue = final link\n");
}

r2p::test::CommandResult index(const std::filesystem::path& db, const std::string& extra) {
    return run_command(r2p::test::kIndex + " --quiet --json --db " + arg(db) + " " + extra);
}

r2p::test::CommandResult search(const std::string& db_args, const std::string& args) {
    return run_command(r2p::test::kSearch + " " + db_args + " --json " + args);
}

// The label the theme facet gives `theme`, "" when the facet does not list it.
std::string facet_label(const json& result, const std::string& theme) {
    for (const auto& entry : result["facets"]["theme"]) {
        if (entry["value"] == theme) return entry["label"];
    }
    return "";
}

void check_finds_my_new_theme(const std::string& db_args) {
    const auto result = search(db_args, "--theme my-new-theme --facet theme");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    const json found = json::parse(result.out);
    CHECK(found["matches"]["estimated"].get<int>() >= 1);
    CHECK(facet_label(found, "my-new-theme") == "My new theme");
}

}  // namespace

TEST_SUITE("e2e_taxonomy") {
    TEST_CASE("a named taxonomy file that cannot be read is a usage error for both tools") {
        TempDir dir;
        write_corpus(dir);
        REQUIRE(index(dir / "db", arg(dir / "c")).exit_code == 0);
        std::filesystem::create_directory(dir / "folder.conf");
        for (const char* option : {"--themes", "--roles", "--synonyms"}) {
            for (const char* file : {"missing.conf", "folder.conf"}) {
                CAPTURE(option);
                CAPTURE(file);
                const std::string named = std::string(option) + " " + arg(dir / file);
                const auto indexed = index(dir / "db2", named + " " + arg(dir / "c"));
                CHECK(indexed.exit_code == 2);
                CHECK(indexed.err.find((dir / file).string()) != std::string::npos);
                CHECK_FALSE(std::filesystem::exists(dir / "db2"));
                const auto searched = search("--db " + arg(dir / "db"), named + " impunity");
                CHECK(searched.exit_code == 2);
                CHECK(searched.out.empty());
                CHECK(searched.err.rfind("r2p-search: error: " + (dir / file).string(), 0) == 0);
            }
        }
    }

    TEST_CASE("r2p-search uses the taxonomy the database was indexed with") {
        TempDir dir;
        write_corpus(dir);
        const auto indexed =
            index(dir / "db", "--themes " + arg(dir / "mine.conf") + " " + arg(dir / "c"));
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
        check_finds_my_new_theme("--db " + arg(dir / "db"));
        // Files named on the command line win over the stored ones.
        const std::string themes = std::string(R2P_SOURCE_DIR) + "/corpus/taxonomy/themes.conf";
        const auto overridden = search("--db " + arg(dir / "db"),
                                       "--themes " + shell_quote(themes) + " --theme my-new-theme");
        CHECK(overridden.exit_code == 2);
        CHECK(overridden.err.find("my-new-theme") != std::string::npos);
    }

    TEST_CASE(
        "every shard, local or remote, keeps the taxonomy and shards that disagree are refused") {
        TempDir dir;
        write_corpus(dir);
        const std::string mine = "--themes " + arg(dir / "mine.conf") + " ";
        REQUIRE(index(dir / "db", mine + "--shards 2 " + arg(dir / "c")).exit_code == 0);
        check_finds_my_new_theme("--db " + arg(dir / "db"));
        for (const char* shard : {"shard0", "shard1"}) {
            CHECK_FALSE(Xapian::Database((dir / "db" / shard).string())
                            .get_metadata(std::string(r2p::schema::kThemesKey))
                            .empty());
        }

        // Remote shards carry it too: Xapian's remote protocol reads metadata.
        const r2p::ShardServers servers({dir / "db/shard0", dir / "db/shard1"});
        check_finds_my_new_theme("--db " + servers.specs()[0] + " --db " + servers.specs()[1]);

        REQUIRE(index(dir / "plain", arg(dir / "c")).exit_code == 0);
        const auto mixed =
            search("--db " + arg(dir / "db") + " --db " + arg(dir / "plain"), "impunity");
        CHECK(mixed.exit_code == 3);
        CHECK(mixed.err.find("indexed with another taxonomy") != std::string::npos);
    }

    TEST_CASE("a database without a stored taxonomy is searched with the default files") {
        TempDir dir;
        write_corpus(dir);
        REQUIRE(index(dir / "db", "--themes " + arg(dir / "mine.conf") + " " + arg(dir / "c"))
                    .exit_code == 0);
        {
            // What a database written before taxonomies were stored looks like.
            Xapian::WritableDatabase db((dir / "db").string());
            for (const auto key :
                 {r2p::schema::kThemesKey, r2p::schema::kRolesKey, r2p::schema::kSynonymsKey}) {
                db.set_metadata(std::string(key), "");
            }
            db.commit();
        }
        CHECK(search("--db " + arg(dir / "db"), "--theme my-new-theme").exit_code == 2);
        const auto result = search("--db " + arg(dir / "db"), "--theme accountability");
        CHECK(result.exit_code == 0);
    }
}
