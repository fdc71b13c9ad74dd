// Tests for lib/src/index/corpus_files.cpp: walking folders, odd files, sidecars, slugs.
#include "index/corpus_files.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>

#include "archive_fixture.hpp"
#include "index/prune_scope.hpp"
#include "index/statement_reader.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> file_names(const r2p::CorpusListing& listing) {
    std::vector<std::string> names;
    for (const auto& file : listing.files) names.push_back(file.path.filename().string());
    return names;
}

bool skipped_with(const r2p::CorpusListing& listing, const std::string& name,
                  const std::string& why) {
    return std::any_of(listing.skipped.begin(), listing.skipped.end(), [&](const auto& s) {
        return s.path.find(name) != std::string::npos && s.reason.find(why) != std::string::npos;
    });
}

}  // namespace

TEST_SUITE("corpus_files") {
    TEST_CASE(
        "a folder is searched recursively for statements, sidecars and hidden files "
        "passed over") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "b.txt", "b");
        r2p::test::write_file(dir / "sub/a.md", "a");
        r2p::test::write_file(dir / "sub/a.meta.json", "{}");
        r2p::test::write_file(dir / "notes.pdf", "x");
        r2p::test::write_file(dir / "page.HTML", "x");
        r2p::test::write_file(dir / "talk.docx", "x");
        r2p::test::write_file(dir / ".hidden.txt", "x");
        r2p::test::write_file(dir / ".DS_Store", "x");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        CHECK(file_names(listing) ==
              std::vector<std::string>{"b.txt", "notes.pdf", "page.HTML", "a.md", "talk.docx"});
        CHECK(listing.skipped.empty());
        CHECK(listing.ignored.empty());
        CHECK(listing.files[3].doc_id == "a");
    }

    TEST_CASE(
        "files of a format we do not read are skipped with a reason, others counted as "
        "ignored") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "s.txt", "text");
        r2p::test::write_file(dir / "old.doc", "x");
        r2p::test::write_file(dir / "memo.RTF", "x");
        r2p::test::write_file(dir / "notes.csv", "x");
        r2p::test::write_file(dir / "logo.png", "x");
        r2p::test::write_file(dir / "s.meta.json", "{}");
        r2p::test::write_archive(dir / "bundle.zip", r2p::test::ArchiveKind::Zip,
                                 {{"in.txt", "text"}, {"draft.odt", "x"}, {"data.csv", "x"}});
        r2p::test::write_file(dir / "given.doc", "x");
        const auto listing = r2p::list_corpus_files(
            {(dir / "given.doc").string(), dir.path().string(), (dir / "s.meta.json").string()});
        CHECK(file_names(listing) == std::vector<std::string>{"in.txt", "s.txt"});
        CHECK(skipped_with(listing, "old.doc",
                           "old.doc: .doc files are not read (save it as .docx, .pdf or .txt) "
                           "(file skipped)"));
        CHECK(skipped_with(listing, "memo.RTF", ": .rtf files are not read"));
        CHECK(skipped_with(listing, "bundle.zip!/draft.odt", ": .odt files are not read"));
        CHECK(skipped_with(listing, "given.doc", "given.doc: .doc files are not read"));
        // A sidecar given by name is not a statement: skipped as before, never "ignored".
        CHECK(skipped_with(listing, "s.meta.json", "not a statement"));
        CHECK(listing.skipped.size() == 5);  // given.doc given and found once each
        CHECK(listing.ignored ==
              std::vector<std::string>{(dir / "bundle.zip").string() + "!/data.csv",
                                       (dir / "logo.png").string(), (dir / "notes.csv").string()});
        CHECK(r2p::ignored_summary(listing.ignored) ==
              "ignored 3 files that are not statements: data.csv, logo.png, notes.csv");
    }

    TEST_CASE("the ignored line names at most three files") {
        CHECK(r2p::ignored_summary({}).empty());
        CHECK(r2p::ignored_summary({"a/x.csv"}) == "ignored 1 file that is not a statement: x.csv");
        CHECK(r2p::ignored_summary({"a", "b", "c", "d", "e"}) ==
              "ignored 5 files that are not statements: a, b, c and 2 more");
    }

    TEST_CASE("FIFOs, dangling links and missing paths are skipped with a reason") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "good.txt", "text");
        REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);
        fs::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");
        const auto listing =
            r2p::list_corpus_files({dir.path().string(), (dir / "missing.txt").string()});
        CHECK(file_names(listing) == std::vector<std::string>{"good.txt"});
        CHECK(skipped_with(listing, "pipe.txt", "FIFO"));
        CHECK(skipped_with(listing, "dangling.txt", "dangling symbolic link"));
        CHECK(skipped_with(listing, "missing.txt", "no such file"));
    }

    TEST_CASE("a symlink loop ends and every real file is listed once") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "corpus/s.txt", "text");
        fs::create_directory_symlink(dir / "corpus", dir / "corpus/loop");
        fs::create_symlink(dir / "corpus/s.txt", dir / "corpus/alias.txt");
        const auto listing =
            r2p::list_corpus_files({(dir / "corpus").string(), (dir / "corpus/s.txt").string()});
        CHECK(listing.files.size() == 1);
    }

    TEST_CASE("two files whose stems give the same id both get ids from their folders") {
        // Regression: the second was skipped, so the layout could not be indexed.
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "x/Statement 1.txt", "a");
        r2p::test::write_file(dir / "y/statement-1.md", "b");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        REQUIRE(listing.files.size() == 2);
        CHECK(listing.skipped.empty());
        CHECK(listing.files[0].doc_id == "x-statement-1");
        CHECK(listing.files[1].doc_id == "y-statement-1");
    }

    TEST_CASE("an archive's members are listed with display paths, stem ids and locations") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "ungdc.tar.xz", r2p::test::ArchiveKind::TarXz,
                                 {{"TXT/Session 63 - 2008/USA_63_2008.txt", "Speech.\n"},
                                  {"TXT/Session 62 - 2007/FRA_62_2007.txt", "Discours.\n"}});
        r2p::test::write_file(dir / "a.txt", "On disk.\n");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        REQUIRE(listing.files.size() == 3);
        CHECK(listing.skipped.empty());
        CHECK(listing.files[0].path == dir / "a.txt");
        CHECK_FALSE(listing.files[0].member);
        // Archive order, not path order: the order its stream reads them in.
        const auto& usa = listing.files[1];
        CHECK(usa.path.string() ==
              (dir / "ungdc.tar.xz").string() + "!/TXT/Session 63 - 2008/USA_63_2008.txt");
        CHECK(usa.doc_id == "usa-63-2008");
        CHECK(r2p::corpus_location(usa) ==
              r2p::normal_location(dir / "ungdc.tar.xz/TXT/Session 63 - 2008/USA_63_2008.txt"));
        CHECK(listing.files[2].doc_id == "fra-62-2007");
    }

    TEST_CASE("members whose stems collide take ids from their folders inside the archive") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(
            dir / "s.zip", r2p::test::ArchiveKind::Zip,
            {{"2021/statement.txt", "One.\n"}, {"2022/statement.txt", "Two.\n"}});
        const auto listing = r2p::list_corpus_files({(dir / "s.zip").string()});
        REQUIRE(listing.files.size() == 2);
        CHECK(listing.files[0].doc_id == "2021-statement");
        CHECK(listing.files[1].doc_id == "2022-statement");
    }

    TEST_CASE("a damaged archive is skipped and unread, so nothing inside it is pruned") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "bad.tgz", "not gzip at all");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        CHECK(listing.files.empty());
        CHECK(skipped_with(listing, "bad.tgz", "not a readable archive"));
        REQUIRE(listing.scope.unread.size() == 1);
        CHECK(listing.scope.unread[0].location == r2p::normal_location(dir / "bad.tgz"));
        CHECK_FALSE(r2p::may_prune(r2p::normal_location(dir / "bad.tgz/x.txt"), listing.scope));
    }

    TEST_CASE("a statement reader gives files and archive members with their sidecars") {
        r2p::test::TempDir dir;
        r2p::test::write_archive(dir / "c.tar.gz", r2p::test::ArchiveKind::TarGz,
                                 {{"x/a.meta.json", R"({"title": "A"})"},
                                  {"x/a.txt", "Alpha.\n"},
                                  {"x/b.txt", "Beta.\n"}});
        r2p::test::write_file(dir / "d.txt", "Delta.\n");
        r2p::test::write_file(dir / "d.meta.json", R"({"title": "D"})");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        REQUIRE(listing.files.size() == 3);
        r2p::StatementReader reader(listing.files);
        const auto a = reader.read(listing.files[0]);
        CHECK(a.statement == "Alpha.\n");
        CHECK(a.sidecar == R"({"title": "A"})");
        const auto b = reader.read(listing.files[1]);
        CHECK(b.statement == "Beta.\n");
        CHECK(b.sidecar.empty());
        const auto d = reader.read(listing.files[2]);
        CHECK(d.statement == "Delta.\n");
        CHECK(d.sidecar == R"({"title": "D"})");
    }

    TEST_CASE("reading a FIFO fails at once instead of blocking") {
        r2p::test::TempDir dir;
        REQUIRE(::mkfifo((dir / "pipe.txt").c_str(), 0600) == 0);
        CHECK_THROWS_AS(r2p::read_file_bytes(dir / "pipe.txt"), r2p::CorpusError);
    }

    TEST_CASE("file bytes are read exactly, NULs included") {
        r2p::test::TempDir dir;
        const std::string bytes("a\0b\xff", 4);
        r2p::test::write_file(dir / "f.txt", bytes);
        CHECK(r2p::read_file_bytes(dir / "f.txt") == bytes);
    }

    TEST_CASE("a statement's sidecar is read when there is one, and is empty when not") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "a.txt", "a");
        r2p::test::write_file(dir / "a.meta.json", R"({"title": "A"})");
        r2p::test::write_file(dir / "b.txt", "b");
        CHECK(r2p::read_sidecar_bytes(dir / "a.txt") == R"({"title": "A"})");
        CHECK(r2p::read_sidecar_bytes(dir / "b.txt").empty());
    }

    TEST_CASE("slugs are lower-case ASCII words joined by single dashes") {
        const std::pair<const char*, const char*> cases[] = {
            {"R2P Ministerial Meeting 2012", "r2p-ministerial-meeting-2012"},
            {"000_4f09c21c5704b1e6", "000-4f09c21c5704b1e6"},
            {"--Odd__name!!", "odd-name"},
            {"Søvndal", "s-vndal"},
            {"???", "doc"},
        };
        for (const auto& [stem, slug] : cases) {
            const auto& stem_ = stem;  // clang 14 cannot capture a structured binding
            CAPTURE(stem_);
            CHECK(r2p::slugify(stem) == slug);
        }
        CHECK(r2p::slugify(std::string(500, 'a')).size() == 100);
    }
}
