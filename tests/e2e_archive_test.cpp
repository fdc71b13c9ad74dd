// End-to-end: r2p-index reading statements straight from archives, checked by JSON and by
// the database it writes.
#include <doctest/doctest.h>

#include <xapian.h>

#include <set>

#include <nlohmann/json.hpp>

#include "archive_fixture.hpp"
#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::ArchiveEntrySpec;
using r2p::test::ArchiveKind;
using r2p::test::kIndex;
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

// The ids of a --dry-run report's list of document changes ("added", "replaced", ...).
std::set<std::string> ids(const json& report, const char* list) {
    std::set<std::string> found;
    for (const auto& change : report["documents"][list]) found.insert(change["id"]);
    return found;
}

// True when some passage's stored data holds `text` (titles are stored with each passage).
bool stored_somewhere(const std::filesystem::path& db, const std::string& text) {
    const Xapian::Database database(db.string());
    for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        if (database.get_document(*it).get_data().find(text) != std::string::npos) return true;
    }
    return false;
}

const std::string kOne = "The first statement, on prevention.\n\nIts second paragraph.\n";
const std::string kTwo = "The second statement, on the protection of civilians.\n";
const std::string kTwoSidecar = R"({"title": "Two, titled by its sidecar"})";

}  // namespace

TEST_SUITE("e2e_archive") {
    TEST_CASE(
        "an archive is indexed unpacked in memory only; unchanged, changed and gone members") {
        r2p::test::TempDir dir;
        const auto archive = dir / "speeches.tar.gz";
        r2p::test::write_archive(archive, ArchiveKind::TarGz,
                                 {{"TXT/", "", ArchiveEntrySpec::Type::Folder},
                                  {"TXT/One_1.txt", kOne},
                                  {"TXT/Two_2.meta.json", kTwoSidecar},
                                  {"TXT/Two_2.txt", kTwo},
                                  {"README.pdf", "%PDF"}});
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
        CHECK(stored_somewhere(dir / "db", "Two, titled by its sidecar"));
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

    TEST_CASE("archives in a given folder are opened; --prune without them keeps their documents") {
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
        SUBCASE("no .txt or .md member") {
            r2p::test::write_archive(dir / "e.tar.gz", ArchiveKind::TarGz, {{"only.pdf", "%PDF"}});
            const auto result = index(dir / "out/db", shell_quote((dir / "e.tar.gz").string()));
            CHECK(result.exit_code == 1);
            CHECK(result.err == "r2p-index: error: nothing to index: " +
                                    (dir / "e.tar.gz").string() + " holds no .txt or .md files\n");
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
