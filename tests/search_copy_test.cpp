// Tests for lib/src/index/search_copy.cpp: the merged, compacted copy, search-only or not,
// made whole or not at all.
#include "r2p/search_copy.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "index/passage_compression.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using r2p::test::TempDir;

// A small glass database of `count` documents with words and positions.
void make_database(const fs::path& dir, int count, const std::string& word) {
    fs::create_directories(dir.parent_path());  // Xapian makes the last folder only
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < count; ++i) {
        Xapian::Document doc;
        doc.add_posting(word, 1);
        doc.add_posting("common", 2);
        doc.set_data("passage " + std::to_string(i));
        db.add_document(doc);
    }
    db.commit();
}

// Every name in `dir` starting with `prefix`.
int entries_starting(const fs::path& dir, const std::string& prefix) {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) ++n;
    return n;
}

}  // namespace

TEST_SUITE("search_copy") {
    TEST_CASE("a search-only copy merges shards, has no termlist and answers the same") {
        TempDir dir;
        make_database(dir / "src/shard0", 3, "alpha");
        make_database(dir / "src/shard1", 2, "beta");
        r2p::test::write_file(dir / "src/r2p.stub", "glass shard0\nglass shard1\n");

        r2p::SearchCopyRequest request;
        request.source = dir / "src";
        request.copy = dir / "out/copy";  // parents are made
        request.search_only = true;
        const r2p::SearchCopyReport report = r2p::make_search_copy(request);
        CHECK(report.shards_merged == 2);
        CHECK(report.passages == 5);
        CHECK(report.search_only);
        CHECK(report.termlist_bytes_left_out > 0);
        CHECK(report.file_bytes.count("termlist.glass") == 0);
        CHECK(report.file_bytes.count("r2p-tables") == 1);
        CHECK(report.file_bytes.count("postlist.glass") == 1);
        CHECK(r2p::is_search_only(dir / "out/copy"));
        CHECK_FALSE(r2p::is_search_only(dir / "src/shard0"));
        CHECK(entries_starting(dir / "out", ".copy.partial-") == 0);

        Xapian::Database copy((dir / "out/copy").string());
        CHECK(copy.get_doccount() == 5);
        CHECK(copy.get_termfreq("alpha") == 3);
        CHECK(copy.get_termfreq("beta") == 2);
        Xapian::Enquire enquire(copy);
        const std::vector<std::string> phrase = {"beta", "common"};
        enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end()));
        CHECK(enquire.get_mset(0, 10).size() == 2);
        // What Xapian cannot do without the termlist table: a stored document's terms.
        CHECK_THROWS_AS(copy.termlist_begin(1), Xapian::FeatureUnavailableError);
    }

    TEST_CASE("a copy with its termlist keeps it, the block size is passed on") {
        TempDir dir;
        make_database(dir / "src", 4, "alpha");
        r2p::SearchCopyRequest request;
        request.source = dir / "src";
        request.copy = dir / "copy";
        request.block_size = 16384;
        const r2p::SearchCopyReport report = r2p::make_search_copy(request);
        CHECK_FALSE(report.search_only);
        CHECK(report.termlist_bytes_left_out == 0);
        CHECK(report.file_bytes.count("termlist.glass") == 1);
        CHECK_FALSE(r2p::is_search_only(dir / "copy"));
        // Glass tables are whole blocks: a table of one block is the block size.
        CHECK(report.file_bytes.at("postlist.glass") % 16384 == 0);
    }

    TEST_CASE("an existing non-empty copy folder, a bad block size or no source is refused") {
        TempDir dir;
        make_database(dir / "src", 2, "alpha");
        r2p::test::write_file(dir / "taken/keep.txt", "mine");
        r2p::SearchCopyRequest request;
        request.source = dir / "src";
        request.copy = dir / "taken";
        CHECK_THROWS_AS(r2p::make_search_copy(request), r2p::UsageError);
        CHECK(r2p::test::read_file(dir / "taken/keep.txt") == "mine");

        request.copy = dir / "new";
        request.block_size = 3000;
        CHECK_THROWS_AS(r2p::make_search_copy(request), r2p::UsageError);
        request.block_size = 8192;
        request.source = dir / "missing";
        CHECK_THROWS_AS(r2p::make_search_copy(request), r2p::IndexError);
        CHECK_FALSE(fs::exists(dir / "new"));
        CHECK(entries_starting(dir.path(), ".new.partial-") == 0);

        // An empty folder is taken (made beforehand, e.g. a mount point's folder).
        fs::create_directories(dir / "empty");
        request.source = dir / "src";
        request.copy = dir / "empty";
        CHECK(r2p::make_search_copy(request).passages == 2);

        // "folder/" names the folder; a copy of a search-only copy is search-only.
        request.source = dir / "empty";
        request.copy = (dir / "slash").string() + "/";
        request.search_only = true;
        CHECK(r2p::make_search_copy(request).search_only);
        request.source = dir / "slash";
        request.copy = dir / "again";
        request.search_only = false;
        CHECK(r2p::make_search_copy(request).search_only);
        CHECK(r2p::is_search_only(dir / "again"));
        CHECK(entries_starting(dir.path(), ".") == 0);
    }

    TEST_CASE("the partial copy of a killed run is removed, a live run's is not") {
        TempDir dir;
        make_database(dir / "src", 2, "alpha");
        // A pid far above pid_max: no such process.
        fs::create_directories(dir / ".copy.partial-999999999/sub");
        fs::create_directories(dir / ".copy.staged-999999998/sub");
        const std::string live = ".copy.partial-" + std::to_string(::getppid());
        fs::create_directories(dir / live);
        r2p::SearchCopyRequest request;
        request.source = dir / "src";
        request.copy = dir / "copy";
        r2p::make_search_copy(request);
        CHECK_FALSE(fs::exists(dir / ".copy.partial-999999999"));
        CHECK_FALSE(fs::exists(dir / ".copy.staged-999999998"));
        CHECK(fs::exists(dir / live));
        CHECK(fs::exists(dir / "copy/iamglass"));
    }

    TEST_CASE("shards whose passages are compressed (copies) are not merged") {
        TempDir dir;
        make_database(dir / "src/shard0", 3, "alpha");
        make_database(dir / "src/shard1", 2, "beta");
        {
            Xapian::WritableDatabase shard((dir / "src/shard1").string());
            r2p::store_passage_dictionary(shard, "its own dictionary");
            shard.commit();
        }
        r2p::test::write_file(dir / "src/r2p.stub", "glass shard0\nglass shard1\n");
        r2p::SearchCopyRequest request;
        request.source = dir / "src";
        request.copy = dir / "copy";
        CHECK_THROWS_WITH_AS(r2p::make_search_copy(request), doctest::Contains("shard1"),
                             r2p::UsageError);
        CHECK_FALSE(fs::exists(dir / "copy"));
        CHECK(entries_starting(dir.path(), ".") == 0);
        // One such database alone is copied as it is, its dictionary with it.
        request.source = dir / "src/shard1";
        CHECK(r2p::make_search_copy(request).passages == 2);
        CHECK(r2p::read_passage_dictionary(Xapian::Database((dir / "copy").string())) ==
              "its own dictionary");
    }
}
