// Tests for lib/src/document_ids.cpp: stem ids, folder ids where stems collide, stability.
#include "index/document_ids.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

// Document id by file name relative to `root`.
std::map<std::string, std::string> ids(const r2p::CorpusListing& listing, const fs::path& root) {
    std::map<std::string, std::string> found;
    for (const auto& file : listing.files) {
        found[file.path.lexically_relative(root).string()] = file.doc_id;
    }
    return found;
}

}  // namespace

TEST_SUITE("document_ids") {
    TEST_CASE("files with the same stem under two folders take their folder names") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "archive/2021/statement.txt", "a");
        r2p::test::write_file(dir / "archive/2022/statement.txt", "b");
        r2p::test::write_file(dir / "archive/2022/other.txt", "c");
        const auto listing = r2p::list_corpus_files({(dir / "archive").string()});
        CHECK(listing.skipped.empty());
        CHECK(ids(listing, dir / "archive") ==
              std::map<std::string, std::string>{{"2021/statement.txt", "2021-statement"},
                                                 {"2022/statement.txt", "2022-statement"},
                                                 {"2022/other.txt", "other"}});
        SUBCASE("the same ids when the folders are given one by one") {
            const auto apart = r2p::list_corpus_files(
                {(dir / "archive/2021").string(), (dir / "archive/2022").string()});
            CHECK(ids(apart, dir / "archive") == ids(listing, dir / "archive"));
        }
        SUBCASE("a file given alone keeps its stem") {
            const auto alone = r2p::list_corpus_files({(dir / "archive/2021").string()});
            CHECK(alone.files.at(0).doc_id == "statement");
        }
    }

    TEST_CASE("a file the database holds keeps its id whatever else is given") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "archive/2021/statement.txt", "a");
        r2p::test::write_file(dir / "archive/2022/statement.txt", "b");
        const fs::path in_2021 = r2p::normal_location(dir / "archive/2021/statement.txt");
        SUBCASE("indexed with its twin: given alone later, it keeps the folder id") {
            const auto listing = r2p::list_corpus_files({(dir / "archive/2021").string()},
                                                        {{"2021-statement", in_2021}});
            CHECK(listing.files.at(0).doc_id == "2021-statement");
        }
        SUBCASE("indexed alone: a twin added later takes its folder id, the first keeps its stem") {
            const auto listing =
                r2p::list_corpus_files({(dir / "archive").string()}, {{"statement", in_2021}});
            CHECK(ids(listing, dir / "archive") ==
                  std::map<std::string, std::string>{{"2021/statement.txt", "statement"},
                                                     {"2022/statement.txt", "2022-statement"}});
        }
        SUBCASE("ids are decided among one run's files: a copy elsewhere keeps its ids") {
            // The database indexed this folder from elsewhere (a copy, still there): the
            // files here replace those documents rather than doubling them under new ids.
            const auto listing = r2p::list_corpus_files(
                {(dir / "archive/2022").string()},
                {{"statement", r2p::normal_location(dir / "copy/2022/statement.txt")}});
            CHECK(listing.files.at(0).doc_id == "statement");
        }
        SUBCASE("the twin alone takes the stem id held by a file not given (as before)") {
            const auto listing =
                r2p::list_corpus_files({(dir / "archive/2022").string()}, {{"statement", in_2021}});
            CHECK(listing.files.at(0).doc_id == "statement");
        }
    }

    TEST_CASE("stems no folder separates: each takes its shortest free suffix, in path order") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "x/a.md", "a");
        r2p::test::write_file(dir / "x/a.txt", "b");
        const auto listing = r2p::list_corpus_files({(dir / "x").string()});
        CHECK(listing.skipped.empty());
        CHECK(ids(listing, dir / "x") ==
              std::map<std::string, std::string>{{"a.md", "a"}, {"a.txt", "x-a"}});
    }
}
