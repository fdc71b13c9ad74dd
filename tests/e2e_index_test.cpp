// End-to-end: the real r2p-index binary over corpus/ and generated folders, checked by JSON.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "archive_fixture.hpp"
#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

using r2p::test::kCorpus;
using r2p::test::kIndex;

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;

r2p::test::CommandResult index(const std::filesystem::path& db, const std::string& paths,
                               const std::string& extra = "") {
    return run_command(kIndex + " --quiet --json --db " + shell_quote(db.string()) + " " + extra +
                       " " + paths);
}

std::size_t doccount(const std::filesystem::path& db) {
    return Xapian::Database(db.string()).get_doccount();
}

// Document ids with passages in `db`.
std::set<std::string> document_ids(const std::filesystem::path& db) {
    const Xapian::Database database(db.string());
    std::set<std::string> ids;
    for (auto it = database.allterms_begin("XD"); it != database.allterms_end("XD"); ++it) {
        ids.insert((*it).substr(2));
    }
    return ids;
}

}  // namespace

TEST_SUITE("e2e_index") {
    TEST_CASE("r2p-index writes the table file, --write-tables writes a compacted copy's") {
        r2p::test::TempDir dir;
        const auto result = index(dir / "db", shell_quote(kCorpus));
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        CHECK(std::filesystem::exists(dir / "db" / "r2p-tables"));
        const std::string search = r2p::test::kSearch + " --json prevention --facet theme --db ";
        const auto stats = [&](const std::filesystem::path& db) {
            const auto out = run_command(search + shell_quote(db.string()));
            INFO(out.err);
            return json::parse(out.out)["stats"];
        };
        CHECK(stats(dir / "db")["tables"] == "file");
        // xapian-compact makes a new database (another uuid) without the file.
        const auto compact = run_command("xapian-compact " + shell_quote((dir / "db").string()) +
                                         " " + shell_quote((dir / "compact").string()));
        REQUIRE(compact.exit_code == 0);
        CHECK(stats(dir / "compact")["tables"] == "none");
        const auto write = run_command(kIndex + " --quiet --write-tables --db " +
                                       shell_quote((dir / "compact").string()));
        INFO(write.err);
        CHECK(write.exit_code == 0);
        CHECK(stats(dir / "compact")["tables"] == "file");
        CHECK(stats(dir / "compact")["ranked_by"] == "posting-walk");
        // Run again, with --json: the file is of this commit already, and the report says so.
        const auto again = run_command(kIndex + " --json --write-tables --db " +
                                       shell_quote((dir / "compact").string()));
        INFO(again.err);
        REQUIRE(again.exit_code == 0);
        const json report = json::parse(again.out);
        CHECK(report["database"] == (dir / "compact").string());
        REQUIRE(report["shards"].size() == 1);
        const json& shard = report["shards"][0];
        CHECK(shard["written"] == false);
        CHECK(shard["passages"] == doccount(dir / "compact"));
        CHECK(shard["revision"] == Xapian::Database((dir / "compact").string()).get_revision());
        CHECK(shard["bytes"] == std::filesystem::file_size(dir / "compact" / "r2p-tables"));
        // Without --json: a line for the shard saying what happened to its file.
        std::filesystem::remove(dir / "compact" / "r2p-tables");
        const auto text =
            run_command(kIndex + " --write-tables --db " + shell_quote((dir / "compact").string()));
        CHECK(text.exit_code == 0);
        CHECK(text.out.find("table file written") != std::string::npos);
        CHECK(stats(dir / "compact")["tables"] == "file");
        const auto with_path = run_command(kIndex + " --write-tables --db " +
                                           shell_quote((dir / "compact").string()) + " x.txt");
        CHECK(with_path.exit_code == 2);
        CHECK(with_path.err.find("--write-tables takes no PATH") != std::string::npos);
    }

    TEST_CASE("indexing corpus/ reports the seed's paragraphs, quotes, themes and roles") {
        r2p::test::TempDir dir;
        const auto result = index(dir / "db", shell_quote(kCorpus));
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json report = json::parse(result.out);
        CHECK(report["files"]["found"].get<int>() >= 1);
        CHECK(report["files"]["indexed"] == report["files"]["found"]);
        CHECK(report["files"]["skipped"].empty());
        CHECK(report["passages"]["paragraphs"].get<int>() >= 8);
        CHECK(report["passages"]["quotes"].get<int>() >= 7);
        for (const char* theme : {"prevention", "focal-points", "response", "accountability"}) {
            CAPTURE(theme);
            CHECK(report["themes"].value(theme, 0) >= 2);
        }
        for (const char* role :
             {"minister", "participant", "deputy-secretary-general", "secretary-general"}) {
            CAPTURE(role);
            CHECK(report["roles"].value(role, 0) >= 1);
        }
        CHECK(report["passages_per_second"].get<double>() > 0);
        CHECK(doccount(dir / "db") == report["passages"]["total"].get<std::size_t>());
    }

    TEST_CASE("the seed alone gives 8 paragraphs and 7 speech quotes") {
        r2p::test::TempDir dir;
        const auto result =
            index(dir / "db", shell_quote(kCorpus + "/r2p-ministerial-meeting-2012.txt"));
        REQUIRE(result.exit_code == 0);
        const json report = json::parse(result.out);
        CHECK(report["passages"]["paragraphs"] == 8);
        CHECK(report["passages"]["quotes"].get<int>() >= 7);
        CHECK(report["passages"]["quotes"].get<int>() <= 9);
        CHECK(report["roles"].value("minister", 0) >= 2);
    }

    TEST_CASE("re-indexing the same files writes nothing and duplicates nothing") {
        r2p::test::TempDir dir;
        REQUIRE(index(dir / "db", shell_quote(kCorpus)).exit_code == 0);
        const std::size_t before = doccount(dir / "db");
        const auto again = index(dir / "db", shell_quote(kCorpus));
        REQUIRE(again.exit_code == 0);
        const json report = json::parse(again.out);
        CHECK(report["files"]["indexed"] == 0);
        CHECK(report["files"]["unchanged"] == report["files"]["found"]);
        CHECK(doccount(dir / "db") == before);
    }

    TEST_CASE(
        "a changed file replaces its passages, --prune drops only files gone from a given path") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/one.txt", "First paragraph here.\n\nSecond paragraph.\n");
        r2p::test::write_file(dir / "c/two.txt", "Another statement entirely.\n");
        REQUIRE(index(dir / "db", shell_quote((dir / "c").string())).exit_code == 0);
        CHECK(doccount(dir / "db") == 3);
        r2p::test::write_file(dir / "c/one.txt", "Only one paragraph now.\n");
        REQUIRE(index(dir / "db", shell_quote((dir / "c").string())).exit_code == 0);
        CHECK(doccount(dir / "db") == 2);
        // one.txt is still there, only not given: it stays.
        const auto kept = index(dir / "db", shell_quote((dir / "c/two.txt").string()), "--prune");
        REQUIRE(kept.exit_code == 0);
        CHECK(json::parse(kept.out)["pruned"] == 0);
        CHECK(doccount(dir / "db") == 2);
        std::filesystem::remove(dir / "c/one.txt");
        const auto pruned = index(dir / "db", shell_quote((dir / "c").string()), "--prune");
        REQUIRE(pruned.exit_code == 0);
        CHECK(json::parse(pruned.out)["pruned"] == 1);
        CHECK(json::parse(pruned.out)["prune_limited"].empty());
        CHECK(doccount(dir / "db") == 1);
    }

    TEST_CASE("--prune with a missing path prunes nothing under it and says so") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/one.txt", "First statement.\n");
        r2p::test::write_file(dir / "d/two.txt", "Second statement.\n");
        REQUIRE(index(dir / "db",
                      shell_quote((dir / "c").string()) + " " + shell_quote((dir / "d").string()))
                    .exit_code == 0);
        // Regression: a mistyped path alone pruned every document.
        const auto alone = index(dir / "db", shell_quote((dir / "typo").string()), "--prune");
        CHECK(alone.exit_code == 1);
        CHECK(alone.err == "r2p-index: error: nothing to index: " + (dir / "typo").string() +
                               ": no such file or folder\n");
        CHECK(doccount(dir / "db") == 2);
        // Beside a good path: the good one is pruned as usual, the missing one limits pruning.
        std::filesystem::remove_all(dir / "d");
        const auto both = index(
            dir / "db", shell_quote((dir / "c").string()) + " " + shell_quote((dir / "d").string()),
            "--prune");
        CHECK(both.exit_code == 1);
        const json report = json::parse(both.out);
        CHECK(report["pruned"] == 0);
        REQUIRE(report["prune_limited"].size() == 1);
        CHECK(report["prune_limited"][0]["path"] == (dir / "d").string());
        CHECK(report["prune_limited"][0]["reason"] == "no such file or folder");
        CHECK(doccount(dir / "db") == 2);
    }

    TEST_CASE(
        "--dry-run lists what would be added, replaced, unchanged and pruned, writes nothing") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/one.txt", "First statement.\n");
        r2p::test::write_file(dir / "c/two.txt", "Second statement.\n");
        r2p::test::write_file(dir / "c/three.txt", "Third statement.\n");
        SUBCASE("into a database that does not exist: nothing is created") {
            const auto result =
                index(dir / "out/db", shell_quote((dir / "c").string()), "--dry-run");
            REQUIRE(result.exit_code == 0);
            const json report = json::parse(result.out);
            CHECK(report["dry_run"] == true);
            CHECK(report["documents"]["added"].size() == 3);
            CHECK(report["files"]["indexed"] == 3);
            CHECK_FALSE(std::filesystem::exists(dir / "out"));
        }
        SUBCASE("into a database already there: it stays as it was") {
            REQUIRE(index(dir / "db", shell_quote((dir / "c").string())).exit_code == 0);
            r2p::test::write_file(dir / "c/one.txt", "First statement, changed.\n");
            std::filesystem::remove(dir / "c/two.txt");
            r2p::test::write_file(dir / "c/four.txt", "Fourth statement.\n");
            const auto before = r2p::test::read_file(dir / "db/postlist.glass");
            const auto result =
                index(dir / "db", shell_quote((dir / "c").string()), "--dry-run --prune");
            REQUIRE(result.exit_code == 0);
            const json docs = json::parse(result.out)["documents"];
            const auto ids = [&](const char* list) {
                std::vector<std::string> found;
                for (const auto& change : docs[list]) found.push_back(change["id"]);
                return found;
            };
            CHECK(ids("added") == std::vector<std::string>{"four"});
            CHECK(ids("replaced") == std::vector<std::string>{"one"});
            CHECK(ids("unchanged") == std::vector<std::string>{"three"});
            CHECK(ids("pruned") == std::vector<std::string>{"two"});
            CHECK(r2p::test::read_file(dir / "db/postlist.glass") == before);
            CHECK(doccount(dir / "db") == 3);
            const auto table = run_command(kIndex + " --dry-run --prune --db " +
                                           shell_quote((dir / "db").string()) + " " +
                                           shell_quote((dir / "c").string()));
            CHECK(table.out.find("prune two") != std::string::npos);
            CHECK(table.out.find("add four") != std::string::npos);
        }
    }

    TEST_CASE("an empty folder or a missing path: exit 1, one line, no database created") {
        r2p::test::TempDir dir;
        std::filesystem::create_directories(dir / "empty");
        SUBCASE("empty folder") {
            const auto result = index(dir / "out/db", shell_quote((dir / "empty").string()));
            CHECK(result.exit_code == 1);
            CHECK(result.out.empty());
            CHECK(result.err == "r2p-index: error: nothing to index: " + (dir / "empty").string() +
                                    " holds no statements (.txt, .md, .pdf, .html, .docx)\n");
        }
        SUBCASE("missing path") {
            const auto result = index(dir / "out/db", shell_quote((dir / "emtpy").string()));
            CHECK(result.exit_code == 1);
            CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            CHECK(result.err.find("no such file or folder") != std::string::npos);
        }
        SUBCASE("only files that cannot be read") {
            r2p::test::write_file(dir / "empty/bad.txt", std::string("abc\0def", 7));
            const auto result = index(dir / "out/db", shell_quote((dir / "empty").string()));
            CHECK(result.exit_code == 1);
            CHECK(result.err.find("bad.txt") != std::string::npos);
        }
        CHECK_FALSE(std::filesystem::exists(dir / "out"));
    }

    TEST_CASE("bad files are named on stderr, skipped with exit 1, and good files still indexed") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/good.txt", "A good statement about prevention.\n");
        r2p::test::write_file(dir / "c/bad.txt", "caf\xc3\xa9 ok\nline two \xc0\xaf here\n");
        r2p::test::write_file(dir / "c/binary.txt", std::string("abc\0def", 7));
        r2p::test::write_file(dir / "c/empty.txt", "");
        const auto result = index(dir / "db", shell_quote((dir / "c").string()));
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("bad.txt:2:") != std::string::npos);
        CHECK(result.err.find("byte 18") != std::string::npos);
        CHECK(result.err.find("binary.txt") != std::string::npos);
        const json report = json::parse(result.out);
        CHECK(report["files"]["skipped"].size() == 2);
        CHECK(report["files"]["indexed"] == 2);  // good.txt, and empty.txt with no passages
        CHECK(doccount(dir / "db") == 1);
    }

    TEST_CASE("a UTF-8 file with a stray Windows-1252 byte is kept, the byte named in a warning") {
        r2p::test::TempDir dir;
        // Regression: one pasted apostrophe (0x92) skipped the whole file.
        r2p::test::write_file(dir / "c/pasted.txt",
                              "Caf\xc3\xa9 statement.\n\nThe Minister\x92s view on prevention.\n");
        const auto result = index(dir / "db", shell_quote((dir / "c").string()));
        INFO(result.err);
        CHECK(result.exit_code == 0);
        CHECK(result.err == "r2p-index: warning: " + (dir / "c/pasted.txt").string() +
                                ":3: byte 30 (0x92) is not UTF-8, read as Windows-1252\n");
        const json report = json::parse(result.out);
        CHECK(report["files"]["indexed"] == 1);
        CHECK(report["warnings"].size() == 1);
        REQUIRE(report["files"]["converted"].size() == 1);
        CHECK(report["files"]["converted"][0]["encoding"] == "UTF-8+windows-1252");
        CHECK(doccount(dir / "db") == report["passages"]["total"].get<std::size_t>());
        CHECK(report["passages"]["total"].get<int>() >= 1);
    }

    TEST_CASE("2021/statement.txt and 2022/statement.txt are both indexed, under stable ids") {
        r2p::test::TempDir dir;
        const auto archive = dir / "archive";
        r2p::test::write_file(archive / "2021/statement.txt", "The 2021 statement.\n");
        r2p::test::write_file(archive / "2022/statement.txt", "The 2022 statement.\n");
        // Regression: the second file was skipped ("document id already used").
        const auto first = index(dir / "db", shell_quote(archive.string()));
        INFO(first.err);
        CHECK(first.exit_code == 0);
        CHECK(document_ids(dir / "db") ==
              std::set<std::string>{"2021-statement", "2022-statement"});
        // One folder alone later: the same id, nothing new, nothing pruned.
        const auto alone = index(dir / "db", shell_quote((archive / "2021").string()), "--prune");
        CHECK(alone.exit_code == 0);
        CHECK(json::parse(alone.out)["files"]["unchanged"] == 1);
        CHECK(json::parse(alone.out)["pruned"] == 0);
        CHECK(document_ids(dir / "db") ==
              std::set<std::string>{"2021-statement", "2022-statement"});

        // A file indexed alone keeps its stem; a twin added later takes its folder's name.
        REQUIRE(
            index(dir / "db2", shell_quote((archive / "2021/statement.txt").string())).exit_code ==
            0);
        CHECK(document_ids(dir / "db2") == std::set<std::string>{"statement"});
        REQUIRE(index(dir / "db2", shell_quote(archive.string())).exit_code == 0);
        CHECK(document_ids(dir / "db2") == std::set<std::string>{"statement", "2022-statement"});
    }

    TEST_CASE("a Windows-1252 file is converted and named in the report") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/legacy.txt",
                              "The Minister said \x93no country is immune\x94 today.\r\n");
        const auto result = index(dir / "db", shell_quote((dir / "c").string()));
        REQUIRE(result.exit_code == 0);
        const json report = json::parse(result.out);
        REQUIRE(report["files"]["converted"].size() == 1);
        CHECK(report["files"]["converted"][0]["encoding"] == "windows-1252");
    }

    TEST_CASE("a database locked by another writer: one-line error, exit 3") {
        r2p::test::TempDir dir;
        Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        const auto result = index(dir / "db", shell_quote(kCorpus));
        CHECK(result.exit_code == 3);
        CHECK(result.err.rfind("r2p-index: error: ", 0) == 0);
        CHECK(result.err.find("locked") != std::string::npos);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        CHECK(result.out.empty());
    }

    TEST_CASE("negative, wrapped or out-of-range counts are usage errors naming the option") {
        r2p::test::TempDir dir;
        // Regression: "--batch -1 --threads -1" wrapped to huge numbers and exited 0.
        const std::pair<const char*, const char*> bad[] = {
            {"--batch -1", "--batch '-1'"},
            {"--threads -1", "--threads '-1'"},
            {"--shards -1", "--shards '-1'"},
            {"--batch 0", "--batch must be at least 1"},
            {"--shards 0", "--shards must be from 1 to 1024"},
            {"--shards 1025", "--shards '1025' is too large"},
            {"--threads 99999999999999999999", "--threads '99999999999999999999' is too large"},
            {"--batch 12x", "--batch '12x'"},
        };
        for (const auto& entry : bad) {
            // Not a structured binding: clang 14 cannot capture one (CAPTURE is a lambda).
            const auto& option = entry.first;
            const auto& message = entry.second;
            CAPTURE(option);
            const auto result = index(dir / "db", shell_quote(kCorpus), option);
            CHECK(result.exit_code == 2);
            CHECK(result.out.empty());
            CHECK(result.err.rfind("r2p-index: error: ", 0) == 0);
            CHECK(result.err.find(message) != std::string::npos);
            CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            CHECK_FALSE(std::filesystem::exists(dir / "db"));
        }
    }

    TEST_CASE("the progress bar moves inside a large file, not only from file to file") {
        r2p::test::TempDir dir;
        std::string text = "A long statement\n\n";
        // Over 1 MiB (streamed passage by passage) and over 1,000 passages (a commit inside
        // it): 1.5 MB is both with room to spare (3 MB took 18-42 s under the sanitizers).
        for (int i = 1; text.size() < 1'500'000; ++i) {
            text += "Paragraph " + std::to_string(i) +
                    " says that the Council discussed prevention again and again.\n\n";
        }
        r2p::test::write_file(dir / "c/long.txt", text);
        const auto result =
            run_command(kIndex + " --progress --json --db " + shell_quote((dir / "db").string()) +
                        " " + shell_quote((dir / "c").string()));
        REQUIRE(result.exit_code == 0);
        // Regression: the bar stayed at "0/1 files, 0 passages" until the file was done.
        CHECK(result.err.find("0/1 files, 1000 passages") != std::string::npos);
        CHECK(result.err.find("1/1 files, ") != std::string::npos);
    }

    TEST_CASE("usage errors exit 2") {
        CHECK(run_command(kIndex + " --db").exit_code == 2);
        CHECK(run_command(kIndex + " --no-such-option --db x y").exit_code == 2);
        CHECK(run_command(kIndex + " --db /tmp/x").exit_code == 2);
        const auto help = run_command(kIndex + " --help");
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("--db") != std::string::npos);
    }

    TEST_CASE("a --db whose parent folders do not exist yet is created") {
        r2p::test::TempDir dir;
        const auto db = dir / "out/nested/r2p.db";
        const auto result = index(db, shell_quote(kCorpus));
        INFO(result.err);
        CHECK(result.exit_code == 0);
        CHECK(doccount(db) > 0);
    }
}

namespace {

using r2p::test::ArchiveEntrySpec;
using r2p::test::ArchiveKind;

// The ids of a --dry-run report's list of document changes ("added", "replaced", ...).
std::set<std::string> ids(const json& report, const char* list) {
    std::set<std::string> found;
    for (const auto& change : report["documents"][list]) found.insert(change["id"]);
    return found;
}

// True when some passage's stored data holds `text` (titles are stored with each passage).
// The title r2p-search shows for the first passage matching `query` ("" when none matches).
std::string title_found(const std::filesystem::path& db, const std::string& query) {
    const auto out =
        run_command(r2p::test::kSearch + " --json --db " + shell_quote(db.string()) + " " + query);
    INFO(out.err);
    REQUIRE(out.exit_code == 0);
    const json results = json::parse(out.out)["results"];
    return results.empty() ? "" : results[0]["doc"]["title"].get<std::string>();
}

const std::string kOne = "The first statement, on prevention.\n\nIts second paragraph.\n";
const std::string kTwo = "The second statement, on the protection of civilians.\n";
const std::string kTwoSidecar = R"({"title": "Two, titled by its sidecar"})";

}  // namespace

// Statements read straight from archives (tests/archive_fixture.hpp writes them).
TEST_SUITE("e2e_index_archive") {
    TEST_CASE("an archive is indexed without unpacking it, unchanged, changed and gone members") {
        r2p::test::TempDir dir;
        const auto archive = dir / "speeches.tar.gz";
        r2p::test::write_archive(archive, ArchiveKind::TarGz,
                                 {{"TXT/", "", ArchiveEntrySpec::Type::Folder},
                                  {"TXT/One_1.txt", kOne},
                                  {"TXT/Two_2.meta.json", kTwoSidecar},
                                  {"TXT/Two_2.txt", kTwo},
                                  {"cover.png", "\x89PNG"}});
        const auto planned = index(dir / "db", shell_quote(archive.string()), "--dry-run");
        INFO(planned.err);
        REQUIRE(planned.exit_code == 0);
        json report = json::parse(planned.out);
        CHECK(ids(report, "added") == std::set<std::string>{"one-1", "two-2"});
        CHECK(report["documents"]["added"][0]["path"] == archive.string() + "!/TXT/One_1.txt");
        const auto first = index(dir / "db", shell_quote(archive.string()));
        REQUIRE(first.exit_code == 0);
        report = json::parse(first.out);
        CHECK(report["files"]["found"] == 2);
        CHECK(report["files"]["indexed"] == 2);
        CHECK(doccount(dir / "db") == 3);
        CHECK(title_found(dir / "db", "civilians") == "Two, titled by its sidecar");
        CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()) == 2);  // nothing unpacked

        const auto again = index(dir / "db", shell_quote(archive.string()));
        REQUIRE(again.exit_code == 0);
        report = json::parse(again.out);
        CHECK(report["files"]["indexed"] == 0);
        CHECK(report["files"]["unchanged"] == 2);

        r2p::test::write_archive(archive, ArchiveKind::TarGz,
                                 {{"TXT/One_1.txt", "The first statement, now one paragraph.\n"},
                                  {"TXT/Two_2.meta.json", kTwoSidecar},
                                  {"TXT/Two_2.txt", kTwo}});
        report = json::parse(index(dir / "db", shell_quote(archive.string()), "--dry-run").out);
        CHECK(ids(report, "replaced") == std::set<std::string>{"one-1"});
        CHECK(ids(report, "unchanged") == std::set<std::string>{"two-2"});
        const auto changed = index(dir / "db", shell_quote(archive.string()));
        REQUIRE(changed.exit_code == 0);
        CHECK(json::parse(changed.out)["files"]["indexed"] == 1);
        CHECK(doccount(dir / "db") == 2);

        r2p::test::write_archive(archive, ArchiveKind::TarGz, {{"TXT/Two_2.txt", kTwo}});
        report =
            json::parse(index(dir / "db", shell_quote(archive.string()), "--dry-run --prune").out);
        CHECK(ids(report, "pruned") == std::set<std::string>{"one-1"});
        CHECK(ids(report, "replaced") == std::set<std::string>{"two-2"});  // its sidecar went
        const auto pruned = index(dir / "db", shell_quote(archive.string()), "--prune");
        REQUIRE(pruned.exit_code == 0);
        CHECK(json::parse(pruned.out)["pruned"] == 1);
        CHECK(doccount(dir / "db") == 1);
    }

    TEST_CASE("archives in a given folder are opened, --prune without them keeps their documents") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "c/disk.txt", "A statement on disk.\n");
        r2p::test::write_archive(dir / "c/more.zip", ArchiveKind::Zip, {{"zipped.md", kTwo}});
        r2p::test::write_archive(dir / "other.tar.xz", ArchiveKind::TarXz, {{"xz.txt", kOne}});
        const std::string both =
            shell_quote((dir / "c").string()) + " " + shell_quote((dir / "other.tar.xz").string());
        CHECK(ids(json::parse(index(dir / "db", both, "--dry-run").out), "added") ==
              std::set<std::string>{"disk", "zipped", "xz"});
        const auto first = index(dir / "db", both);
        INFO(first.err);
        REQUIRE(first.exit_code == 0);
        // The folder alone: other.tar.xz is not under it, more.zip still holds zipped.md.
        const auto pruned = index(dir / "db", shell_quote((dir / "c").string()), "--prune");
        REQUIRE(pruned.exit_code == 0);
        CHECK(json::parse(pruned.out)["pruned"] == 0);
        CHECK(doccount(dir / "db") == 4);
    }

    TEST_CASE("a truncated archive: members before the damage indexed, the rest named, exit 1") {
        r2p::test::TempDir dir;
        std::vector<ArchiveEntrySpec> entries;
        unsigned state = 7;
        for (int i = 0; i < 100; ++i) {
            std::string text = "Statement number " + std::to_string(i) + " reads:";
            for (int word = 0; word < 1000; ++word) {
                state = state * 1103515245u + 12345u;
                text += ' ';
                text += static_cast<char>('a' + (state >> 16) % 26);
                text += static_cast<char>('a' + (state >> 8) % 26);
            }
            entries.push_back({"s/speech_" + std::to_string(100 + i) + ".txt", text + ".\n"});
        }
        const auto archive = dir / "speeches.tar.xz";
        r2p::test::write_archive(archive, ArchiveKind::TarXz, entries);
        REQUIRE(index(dir / "db", shell_quote(archive.string())).exit_code == 0);
        const std::size_t all = doccount(dir / "db");
        const std::string bytes = r2p::test::read_file(archive);
        r2p::test::write_file(archive, bytes.substr(0, bytes.size() / 2));

        const auto result = index(dir / "fresh", shell_quote(archive.string()));
        CHECK(result.exit_code == 1);
        CHECK(result.err.find(archive.string() + ": damaged after") != std::string::npos);
        const json report = json::parse(result.out);
        CHECK(report["files"]["indexed"].get<int>() >= 3);
        CHECK(report["files"]["indexed"].get<int>() < 100);

        // The damaged archive limits --prune: nothing of it is removed.
        const auto pruned = index(dir / "db", shell_quote(archive.string()), "--prune");
        CHECK(pruned.exit_code == 1);
        CHECK(json::parse(pruned.out)["pruned"] == 0);
        CHECK(doccount(dir / "db") == all);
    }

    TEST_CASE(
        "an archive with no statements, or no archive at all: exit 1, one line, no database") {
        r2p::test::TempDir dir;
        SUBCASE("no statement member") {
            r2p::test::write_archive(dir / "e.tar.gz", ArchiveKind::TarGz, {{"only.csv", "a,b"}});
            const auto result = index(dir / "out/db", shell_quote((dir / "e.tar.gz").string()));
            CHECK(result.exit_code == 1);
            CHECK(result.err ==
                  "r2p-index: error: nothing to index: " + (dir / "e.tar.gz").string() +
                      " holds no statements (.txt, .md, .pdf, .html, .docx); "
                      "ignored 1 file that is not a statement: only.csv\n");
        }
        SUBCASE("only a member of a format we do not read") {
            r2p::test::write_archive(dir / "e.tar.gz", ArchiveKind::TarGz, {{"only.doc", "x"}});
            const auto result = index(dir / "out/db", shell_quote((dir / "e.tar.gz").string()));
            CHECK(result.exit_code == 1);
            CHECK(result.err ==
                  "r2p-index: error: nothing to index: " + (dir / "e.tar.gz").string() +
                      "!/only.doc: .doc files are not read (save it as .docx, "
                      ".pdf or .txt)\n");
        }
        SUBCASE("text named .tgz") {
            r2p::test::write_file(dir / "fake.tgz", "Plain words, no gzip here.\n");
            const auto result = index(dir / "out/db", shell_quote((dir / "fake.tgz").string()));
            CHECK(result.exit_code == 1);
            CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            CHECK(result.err.find((dir / "fake.tgz").string() + ": not a readable archive") !=
                  std::string::npos);
        }
        CHECK_FALSE(std::filesystem::exists(dir / "out"));
    }

    TEST_CASE("--dry-run on an archive reports its members and writes nothing") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "a.tar", ArchiveKind::Tar, {{"x/a.txt", kOne}});
        const auto result =
            index(dir / "out/db", shell_quote((dir / "a.tar").string()), "--dry-run");
        REQUIRE(result.exit_code == 0);
        CHECK(ids(json::parse(result.out), "added") == std::set<std::string>{"a"});
        CHECK_FALSE(std::filesystem::exists(dir / "out"));
    }

    TEST_CASE("a member over the size limit is skipped with a reason, the others indexed") {
        r2p::test::TempDir dir;
        r2p::test::write_sparse_tar(dir / "big.tar", "huge.txt", (256u << 20) + 1);
        r2p::test::write_file(dir / "small.txt", "A small statement.\n");
        const auto result = index(dir / "db", shell_quote((dir / "big.tar").string()) + " " +
                                                  shell_quote((dir / "small.txt").string()));
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("big.tar!/huge.txt: larger than 256 MB") != std::string::npos);
        CHECK(json::parse(result.out)["files"]["indexed"] == 1);
        CHECK(doccount(dir / "db") == 1);
    }
}
