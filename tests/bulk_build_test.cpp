// Tests for lib/src/index/bulk_build.cpp: a new database built in parts equals one written in
// place; an unfinished build leaves the target as it was; existing databases are not touched.
#include "index/bulk_build.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "index/index_writer.hpp"
#include "index/shards.hpp"
#include "r2p/indexing.hpp"
#include "r2p/search.hpp"
#include "tables/table_file_writer.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kPassages = 700;

// The generated corpus of these tests, written once.
fs::path bulk_corpus() {
    static r2p::test::TempDir dir;
    const fs::path corpus = dir / "corpus";
    if (!fs::exists(corpus))
        r2p::generate_corpus(r2p::test::bench_generator(11), corpus, kPassages, 1);
    return corpus;
}

r2p::IndexRequest request_for(const fs::path& db, unsigned shards, std::size_t part_passages) {
    r2p::IndexRequest request;
    request.db = db;
    request.paths = {bulk_corpus().string()};
    request.shards = shards;
    request.threads = 1;
    request.batch_documents = 40;
    request.bulk_part_passages = part_passages;
    return request;
}

std::vector<fs::path> shard_dirs(const fs::path& db) {
    if (!fs::exists(db / r2p::kStubFileName)) return {db};
    std::vector<fs::path> dirs;
    for (const auto& entry : r2p::read_stub(db / r2p::kStubFileName)) dirs.emplace_back(entry.path);
    return dirs;
}

// Everything a reader of the database can see, document by document: ids, data, values,
// terms with wdf and positions, metadata, spellings and statistics.
void check_same_database(const fs::path& a_dir, const fs::path& b_dir) {
    const Xapian::Database a(a_dir.string());
    const Xapian::Database b(b_dir.string());
    REQUIRE(a.get_doccount() == b.get_doccount());
    CHECK(a.get_lastdocid() == b.get_lastdocid());
    CHECK(a.get_total_length() == b.get_total_length());
    for (Xapian::docid did = 1; did <= a.get_lastdocid(); ++did) {
        CAPTURE(did);
        const Xapian::Document da = a.get_document(did);
        const Xapian::Document db = b.get_document(did);
        CHECK(da.get_data() == db.get_data());
        auto va = da.values_begin();
        auto vb = db.values_begin();
        for (; va != da.values_end() && vb != db.values_end(); ++va, ++vb) {
            CHECK(va.get_valueno() == vb.get_valueno());
            CHECK(*va == *vb);
        }
        CHECK(va == da.values_end());
        CHECK(vb == db.values_end());
        auto ta = a.termlist_begin(did);
        auto tb = b.termlist_begin(did);
        for (; ta != a.termlist_end(did) && tb != b.termlist_end(did); ++ta, ++tb) {
            REQUIRE(*ta == *tb);
            CHECK(ta.get_wdf() == tb.get_wdf());
            const std::vector<Xapian::termpos> pa(a.positionlist_begin(did, *ta),
                                                  a.positionlist_end(did, *ta));
            const std::vector<Xapian::termpos> pb(b.positionlist_begin(did, *tb),
                                                  b.positionlist_end(did, *tb));
            CHECK(pa == pb);
        }
        CHECK(ta == a.termlist_end(did));
        CHECK(tb == b.termlist_end(did));
    }
    std::vector<std::pair<std::string, std::string>> meta_a, meta_b;
    for (auto it = a.metadata_keys_begin(); it != a.metadata_keys_end(); ++it)
        meta_a.emplace_back(*it, a.get_metadata(*it));
    for (auto it = b.metadata_keys_begin(); it != b.metadata_keys_end(); ++it)
        meta_b.emplace_back(*it, b.get_metadata(*it));
    CHECK(meta_a.size() == meta_b.size());
    CHECK(meta_a == meta_b);
    std::vector<std::pair<std::string, Xapian::doccount>> spell_a, spell_b;
    for (auto it = a.spellings_begin(); it != a.spellings_end(); ++it)
        spell_a.emplace_back(*it, it.get_termfreq());
    for (auto it = b.spellings_begin(); it != b.spellings_end(); ++it)
        spell_b.emplace_back(*it, it.get_termfreq());
    CHECK(!spell_a.empty());
    CHECK(spell_a == spell_b);
    CHECK(a.get_spelling_suggestion("responsibilty") == b.get_spelling_suggestion("responsibilty"));
}

void check_same_results(const fs::path& a, const fs::path& b) {
    r2p::Searcher in_place({a.string()}, r2p::test::source_taxonomy());
    r2p::Searcher bulk({b.string()}, r2p::test::source_taxonomy());
    for (const std::string query : {"responsibility", "\"crimes against humanity\"", "prevent*"}) {
        CAPTURE(query);
        r2p::SearchRequest search;
        search.query = query;
        search.facets = {r2p::FacetField::Theme, r2p::FacetField::Country};
        const r2p::SearchResult x = in_place.run(search);
        const r2p::SearchResult y = bulk.run(search);
        CHECK(x.matches.lower == y.matches.lower);
        REQUIRE(x.hits.size() == y.hits.size());
        for (std::size_t i = 0; i < x.hits.size(); ++i) {
            CHECK(x.hits[i].passage.id == y.hits[i].passage.id);
            CHECK(x.hits[i].score == doctest::Approx(y.hits[i].score).epsilon(1e-9));
        }
        REQUIRE(x.facets.size() == y.facets.size());
        for (std::size_t f = 0; f < x.facets.size(); ++f) {
            REQUIRE(x.facets[f].entries.size() == y.facets[f].entries.size());
            for (std::size_t e = 0; e < x.facets[f].entries.size(); ++e) {
                CHECK(x.facets[f].entries[e].value == y.facets[f].entries[e].value);
                CHECK(x.facets[f].entries[e].count == y.facets[f].entries[e].count);
                CHECK(x.facets[f].entries[e].label == y.facets[f].entries[e].label);
            }
        }
    }
}

}  // namespace

TEST_SUITE("bulk_build") {
    TEST_CASE("a database built in parts equals the one written in place") {
        r2p::test::TempDir dir;
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const fs::path in_place = dir / ("in-place" + std::to_string(shards));
            const fs::path bulk = dir / ("bulk" + std::to_string(shards));
            const auto a =
                r2p::index_corpus(request_for(in_place, shards, 0), r2p::test::source_taxonomy());
            // Parts of 100 passages: several per database, and a part full inside a file.
            const auto b =
                r2p::index_corpus(request_for(bulk, shards, 100), r2p::test::source_taxonomy());
            CHECK(a.passages() == b.passages());
            CHECK(b.passages() >= kPassages);
            const std::vector<fs::path> as = shard_dirs(in_place);
            const std::vector<fs::path> bs = shard_dirs(bulk);
            REQUIRE(as.size() == bs.size());
            for (std::size_t i = 0; i < as.size(); ++i) {
                CAPTURE(i);
                check_same_database(as[i], bs[i]);
                CHECK(!fs::exists(r2p::bulk_work_folder(bs[i])));
                CHECK(r2p::table_file_current(Xapian::Database(bs[i].string()), bs[i]));
            }
            check_same_results(in_place, bulk);
        }
    }

    TEST_CASE("a re-run over a bulk-built database changes nothing and adds no duplicate") {
        r2p::test::TempDir dir;
        const fs::path db = dir / "db";
        const auto first = r2p::index_corpus(request_for(db, 2, 100), r2p::test::source_taxonomy());
        const auto again = r2p::index_corpus(request_for(db, 2, 100), r2p::test::source_taxonomy());
        CHECK(again.files_indexed == 0);
        CHECK(again.files_unchanged == first.files_indexed);
        Xapian::doccount passages = 0;
        for (const fs::path& shard : shard_dirs(db))
            passages += Xapian::Database(shard.string()).get_doccount();
        CHECK(passages == first.passages());
    }

    TEST_CASE("a build that never commits leaves the target empty, the next run builds it whole") {
        r2p::test::TempDir dir;
        const fs::path db = dir / "db";
        const fs::path shard0 = r2p::shard_path(db, 0);
        // A killed run: its shards exist empty (and locked while it ran), parts lie beside.
        fs::create_directories(db);
        {
            r2p::IndexWriter writer(shard0, 40, true, 100);
            CHECK(writer.bulk_building());
            REQUIRE(fs::exists(r2p::bulk_work_folder(shard0)));
        }
        CHECK(Xapian::Database(shard0.string()).get_doccount() == 0);
        CHECK(!fs::exists(r2p::bulk_work_folder(shard0)));
        fs::create_directories(r2p::bulk_work_folder(shard0) / "part0000");
        r2p::test::write_file(r2p::bulk_work_folder(shard0) / "part0000" / "junk", "left over");
        r2p::write_stub(db, 2);

        const auto report =
            r2p::index_corpus(request_for(db, 2, 100), r2p::test::source_taxonomy());
        const fs::path reference = dir / "reference";
        r2p::index_corpus(request_for(reference, 2, 0), r2p::test::source_taxonomy());
        CHECK(report.files_indexed == report.files_found);
        for (std::size_t i = 0; i < 2; ++i) {
            check_same_database(r2p::shard_path(reference, i), r2p::shard_path(db, i));
            CHECK(!fs::exists(r2p::bulk_work_folder(r2p::shard_path(db, i))));
        }
    }

    TEST_CASE("a database holding passages, or a folder holding other files, is written in place") {
        r2p::test::TempDir dir;
        const fs::path db = dir / "db";
        r2p::index_corpus(request_for(db, 0, 100), r2p::test::source_taxonomy());
        {
            r2p::IndexWriter writer(db, 40, true, 100);
            CHECK(!writer.bulk_building());
        }
        const fs::path other = dir / "other";
        fs::create_directories(other);
        r2p::test::write_file(other / "notes.txt", "mine");
        {
            r2p::IndexWriter writer(other, 40, true, 100);
            CHECK(!writer.bulk_building());
        }
        CHECK(fs::exists(other / "notes.txt"));
    }
}
