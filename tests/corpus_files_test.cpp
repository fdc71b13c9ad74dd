// Tests for lib/src/index/corpus_files.cpp: walking folders, odd files, sidecars, slugs.
#include "index/corpus_files.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>

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
    TEST_CASE("a folder is searched recursively for .txt and .md files, sidecars ignored") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "b.txt", "b");
        r2p::test::write_file(dir / "sub/a.md", "a");
        r2p::test::write_file(dir / "sub/a.meta.json", "{}");
        r2p::test::write_file(dir / "notes.pdf", "x");
        r2p::test::write_file(dir / ".hidden.txt", "x");
        const auto listing = r2p::list_corpus_files({dir.path().string()});
        CHECK(file_names(listing) == std::vector<std::string>{"b.txt", "a.md"});
        CHECK(listing.skipped.empty());
        CHECK(listing.files[1].doc_id == "a");
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
            CAPTURE(stem);
            CHECK(r2p::slugify(stem) == slug);
        }
        CHECK(r2p::slugify(std::string(500, 'a')).size() == 100);
    }
}
