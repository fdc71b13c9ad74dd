// Table files: written from a database, read back in place, refused when stale, foreign or
// damaged, and searched with the same answers as Xapian's paths and the in-memory tables.
#include "tables/table_file.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "index/shards.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/search.hpp"
#include "search_fixture.hpp"
#include "table_file_bytes.hpp"
#include "tables/date_table.hpp"
#include "tables/facet_table.hpp"
#include "tables/length_table.hpp"
#include "tables/table_file_format.hpp"
#include "tables/table_file_writer.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using r2p::FacetField;

constexpr FacetField kTabledFields[] = {FacetField::Theme,   FacetField::Role,
                                        FacetField::Kind,    FacetField::Year,
                                        FacetField::Country, FacetField::Speaker};

// The fixture database with its table file written.
fs::path fixture_with_file(const r2p::test::TempDir& dir) {
    const fs::path db = dir / "db";
    r2p::test::write_search_fixture(db);
    r2p::write_table_file(Xapian::Database(db.string()), db);
    return db;
}

// Every byte of a file.
std::string bytes_of(const fs::path& path) { return r2p::test::read_file(path); }

// The section of `kind` for `field` in a table file's bytes.
r2p::table_file::Section find_section(const std::string& bytes, r2p::table_file::SectionKind kind,
                                      FacetField field) {
    return r2p::test::find_section(bytes, kind, static_cast<std::uint32_t>(field));
}

constexpr std::size_t kPassages = 800;

// A generated corpus indexed by index_corpus (which writes the table files) into `shards`
// shards (0: one database), once per test binary.
std::string generated_db(unsigned shards) { return r2p::test::generated_db(kPassages, 7, shards); }

// The shard folders of a database folder (itself when it has no stub).
std::vector<fs::path> shard_dirs(const fs::path& db) {
    if (!fs::exists(db / r2p::kStubFileName)) return {db};
    std::vector<fs::path> dirs;
    for (const auto& entry : r2p::read_stub(db / r2p::kStubFileName)) dirs.emplace_back(entry.path);
    return dirs;
}

// Two results are the same answer: counts, facets, and hits by rank (ids too when `ids`).
void check_same(const r2p::SearchResult& a, const r2p::SearchResult& b, bool ids) {
    CHECK(a.matches.lower == b.matches.lower);
    CHECK(a.matches.upper == b.matches.upper);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) {
        CAPTURE(i);
        CHECK(a.hits[i].score == doctest::Approx(b.hits[i].score).epsilon(1e-9));
        if (ids) CHECK(a.hits[i].passage.id == b.hits[i].passage.id);
    }
    REQUIRE(a.facets.size() == b.facets.size());
    for (std::size_t f = 0; f < a.facets.size(); ++f) {
        CHECK(a.facets[f].field == b.facets[f].field);
        REQUIRE(a.facets[f].entries.size() == b.facets[f].entries.size());
        for (std::size_t e = 0; e < a.facets[f].entries.size(); ++e) {
            CHECK(a.facets[f].entries[e].value == b.facets[f].entries[e].value);
            CHECK(a.facets[f].entries[e].count == b.facets[f].entries[e].count);
        }
    }
}

// A statement file of the kind r2p-index reads, in `dir`.
void write_statement(const fs::path& dir, const std::string& name, const std::string& closing) {
    fs::create_directories(dir);
    r2p::test::write_file(
        dir / name,
        "Statement by H.E. Ms. Ilse Marken, Permanent Representative of the Kingdom of the "
        "Netherlands\n\nGeneral Assembly Plenary Debate on the Responsibility to Protect\nNew "
        "York, 29 June 2021\n\nMr. President,\n\nThe Kingdom of the Netherlands welcomes the "
        "report of the Secretary-General on the prevention of atrocity crimes and early "
        "warning.\n\nWe call on all Member States to appoint an R2P focal point and to "
        "support the Accountability, Coherence and Transparency code of conduct.\n\n" +
            closing + "\n\nThank you.\n");
}

}  // namespace

TEST_SUITE("table_file") {
    TEST_CASE("every section reads back as the tables built from the database give it") {
        r2p::test::TempDir dir;
        const fs::path db_dir = fixture_with_file(dir);
        const Xapian::Database db(db_dir.string());
        const auto file = r2p::TableFile::open(db_dir, db);
        REQUIRE(file != nullptr);
        const Xapian::docid last = db.get_lastdocid();
        REQUIRE(last == 9);

        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        const r2p::DateTable dates = r2p::DateTable::build(db);
        const r2p::LengthTable mapped_lengths({file->lengths()});
        const r2p::DateTable mapped_dates({file->dates()});
        bool some_date = false;
        for (Xapian::docid did = 0; did <= last + 2; ++did) {
            CAPTURE(did);
            CHECK(mapped_lengths.at(did) == lengths.at(did));
            CHECK(mapped_dates.at(did) == dates.at(did));
            some_date = some_date || dates.at(did) == 20120928;
        }
        CHECK(some_date);
        CHECK(mapped_lengths.at(1) > 0);

        for (const FacetField field : kTabledFields) {
            CAPTURE(r2p::facet_name(field));
            const auto& spec = r2p::facet_spec(field);
            const auto built = r2p::FacetTable::build(db, spec.prefix, !spec.multi_valued);
            const auto read = file->facet(field);
            REQUIRE(built.has_value());
            REQUIRE(read.has_value());
            CHECK(read->single_valued() == built->single_valued());
            CHECK(read->values() == built->values());
            for (Xapian::docid did = 0; did <= last + 2; ++did) {
                CHECK(read->bits(did) == built->bits(did));
                CHECK(read->index(did) == built->index(did));
            }
        }
        CHECK(file->facet(FacetField::Theme)->values().size() == 4);
        CHECK_FALSE(file->facet(FacetField::Doc).has_value());  // doc ids: never a table
    }

    TEST_CASE("multi-valued fields are written by combination, or as masks past 65,535") {
        r2p::test::TempDir dir;
        const fs::path db_dir = dir / "db";
        {
            // Roles: 40 values, 1-3 a passage. Themes: 17 values, every one of the 65,536
            // combinations (the empty one too), one a passage: masks in the file.
            Xapian::WritableDatabase db(db_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
            for (std::size_t i = 0; i <= r2p::FacetTable::kMaxCombinations; ++i) {
                Xapian::Document doc;
                for (std::size_t bit = 0; bit < 17; ++bit) {
                    if ((i >> bit) & 1U) doc.add_boolean_term("XTt" + std::to_string(10 + bit));
                }
                for (std::size_t k = 0; k <= i % 3; ++k) {
                    doc.add_boolean_term("XRr" + std::to_string(10 + (i + k * 7) % 40));
                }
                db.add_document(doc);
            }
            Xapian::Document last;
            last.add_boolean_term("XTt26");  // bit 16
            db.add_document(last);
            db.commit();
        }
        const Xapian::Database db(db_dir.string());
        r2p::write_table_file(db, db_dir);
        const std::string bytes = bytes_of(r2p::table_file_path(db_dir));
        const std::size_t docids = db.get_lastdocid() + 1;
        using Kind = r2p::table_file::SectionKind;
        CHECK(find_section(bytes, Kind::FacetBits, FacetField::Theme).size == docids * 8);
        CHECK(find_section(bytes, Kind::FacetCombinationIndex, FacetField::Role).size ==
              docids * 2);

        const auto file = r2p::TableFile::open(db_dir, db);
        REQUIRE(file != nullptr);
        for (const FacetField field : {FacetField::Theme, FacetField::Role}) {
            CAPTURE(r2p::facet_name(field));
            const auto built = r2p::FacetTable::build(db, r2p::facet_spec(field).prefix);
            const auto read = file->facet(field);
            REQUIRE(built.has_value());
            REQUIRE(read.has_value());
            CHECK(read->by_combination() == (field == FacetField::Role));
            CHECK(built->by_combination() == read->by_combination());
            REQUIRE(read->values() == built->values());
            CHECK(std::vector<std::uint64_t>(read->combinations().begin(),
                                             read->combinations().end()) ==
                  std::vector<std::uint64_t>(built->combinations().begin(),
                                             built->combinations().end()));
            std::size_t differ = 0;
            for (Xapian::docid did = 0; did <= docids + 1; ++did) {
                if (read->bits(did) != built->bits(did) || read->index(did) != built->index(did))
                    ++differ;
            }
            CHECK(differ == 0);
        }
        CHECK(file->facet(FacetField::Theme)->bits(1) == 0);
        CHECK(file->facet(FacetField::Theme)->bits(0x5a5a + 1) == 0x5a5a);
        CHECK(std::popcount(file->facet(FacetField::Role)->bits(3)) == 3);
    }

    TEST_CASE("a file written before another commit is stale and refused") {
        r2p::test::TempDir dir;
        const fs::path db_dir = fixture_with_file(dir);
        CHECK(r2p::table_file_current(Xapian::Database(db_dir.string()), db_dir));
        {
            r2p::IndexWriter writer(db_dir);
            writer.write_document(
                r2p::test::fixture_document("delta", "2016-02-02", 1),
                {r2p::test::fixture_passage("delta/p1", r2p::PassageKind::Paragraph,
                                            "Member States must prevent incitement to atrocity "
                                            "crimes.",
                                            0, {"prevention"}, {"ambassador"})},
                "fp-delta");
            writer.commit();
        }
        const Xapian::Database db(db_dir.string());
        CHECK(r2p::TableFile::open(db_dir, db) == nullptr);
        CHECK_FALSE(r2p::table_file_current(db, db_dir));
        // Rewritten, it is that commit's again; a temp file a killed writer left goes.
        r2p::test::write_file(db_dir / "r2p-tables.tmp-1", "partial");
        r2p::write_table_file(db, db_dir);
        CHECK_FALSE(fs::exists(db_dir / "r2p-tables.tmp-1"));
        const auto file = r2p::TableFile::open(db_dir, db);
        REQUIRE(file != nullptr);
        CHECK(file->lengths().size() == db.get_lastdocid() + 1);
    }

    TEST_CASE("another database's file is refused, even with the same passages") {
        r2p::test::TempDir dir;
        const fs::path first = fixture_with_file(dir);
        const fs::path second = dir / "second";
        r2p::test::write_search_fixture(second);
        fs::copy_file(r2p::table_file_path(first), r2p::table_file_path(second));
        const Xapian::Database db(second.string());
        CHECK(db.get_revision() == Xapian::Database(first.string()).get_revision());
        CHECK(r2p::TableFile::open(second, db) == nullptr);
        CHECK(r2p::TableFile::open(dir / "nowhere", db) == nullptr);
    }

    TEST_CASE("truncated, damaged and garbage files are refused without a crash") {
        r2p::test::TempDir dir;
        const fs::path db_dir = fixture_with_file(dir);
        const Xapian::Database db(db_dir.string());
        const std::string good = bytes_of(r2p::table_file_path(db_dir));
        REQUIRE(good.size() > 256);
        const auto refused = [&](const std::string& bytes) {
            r2p::test::write_file(r2p::table_file_path(db_dir), bytes);
            return r2p::TableFile::open(db_dir, db) == nullptr;
        };
        for (const std::size_t size : {std::size_t{0}, std::size_t{7}, std::size_t{127},
                                       std::size_t{128}, std::size_t{200}, good.size() - 1}) {
            CAPTURE(size);
            CHECK(refused(good.substr(0, size)));
        }
        CHECK(refused(good + std::string(64, '\0')));  // longer than the header says
        CHECK(refused(std::string(good.size(), 'x')));
        std::string other_version = good;
        other_version[12] = static_cast<char>(other_version[12] + 1);
        CHECK(refused(other_version));
        std::string damaged_directory = good;
        damaged_directory[128 + 8] = static_cast<char>(damaged_directory[128 + 8] ^ 0x40);
        CHECK(refused(damaged_directory));
        CHECK_FALSE(refused(good));

        // A single-valued field's index past its values, or a passage's combination past
        // the field's, is read (the columns are not scanned at open) but counted as none and
        // read as no bits: never out of bounds.
        const auto kind =
            find_section(good, r2p::table_file::SectionKind::FacetIndex, FacetField::Kind);
        const auto themes = find_section(good, r2p::table_file::SectionKind::FacetCombinationIndex,
                                         FacetField::Theme);
        std::string bad_index = good;
        const std::uint16_t past = 999;
        std::memcpy(bad_index.data() + kind.offset + 2 * sizeof past, &past, sizeof past);
        std::memcpy(bad_index.data() + themes.offset + 2 * sizeof past, &past, sizeof past);
        r2p::test::write_file(r2p::table_file_path(db_dir), bad_index);
        const auto file = r2p::TableFile::open(db_dir, db);
        REQUIRE(file != nullptr);
        const auto kinds = file->facet(FacetField::Kind);
        const auto theme_table = file->facet(FacetField::Theme);
        REQUIRE(kinds.has_value());
        REQUIRE(theme_table.has_value());
        REQUIRE(theme_table->by_combination());
        CHECK(kinds->index(2) == past);
        CHECK(theme_table->index(2) == past);
        CHECK(theme_table->bits(2) == 0);
        r2p::FacetIndexCounts kind_counts(*kinds);
        r2p::FacetIndexCounts theme_counts(*theme_table);
        kind_counts.add(kinds->index(2));
        theme_counts.add(theme_table->index(2));
        for (std::size_t i = 0; i < kinds->values().size(); ++i) CHECK(kind_counts.count(i) == 0);
        for (std::size_t i = 0; i < theme_table->combinations().size(); ++i) {
            CHECK(theme_counts.count(i) == 0);
        }
        CHECK(file->facet(FacetField::Role).has_value());
    }

    TEST_CASE("a searcher answers alike from the file, from built tables and from Xapian") {
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const fs::path db = generated_db(shards);
            for (const fs::path& shard : shard_dirs(db)) {
                CHECK(r2p::table_file_current(Xapian::Database(shard.string()), shard));
            }
            // The same database without its files: tables built in memory.
            r2p::test::TempDir copy_dir;
            const fs::path copy = copy_dir / "db";
            fs::copy(db, copy, fs::copy_options::recursive);
            for (const fs::path& shard : shard_dirs(copy)) {
                fs::remove(r2p::table_file_path(shard));
            }

            r2p::Searcher from_file({db.string()}, r2p::test::source_taxonomy());
            r2p::Searcher never({db.string()}, r2p::test::source_taxonomy());
            never.set_table_policy(r2p::TablePolicy::Never);
            r2p::Searcher built({copy.string()}, r2p::test::source_taxonomy());
            built.set_table_policy(r2p::TablePolicy::Always);

            bool first = true;
            for (const r2p::BenchQuery& query :
                 r2p::test::bench_generator(7).query_set(kPassages, 2)) {
                CAPTURE(query.line());
                r2p::SearchRequest request;
                request.query = query.text();
                if (!query.theme.empty()) request.filters.themes = {query.theme};
                request.facets = {FacetField::Theme, FacetField::Role, FacetField::Kind,
                                  FacetField::Year};
                request.sort = query.sort_date ? r2p::SortOrder::Date : r2p::SortOrder::Relevance;
                request.limit = 20;
                const r2p::SearchResult a = from_file.run(request);
                const r2p::SearchResult b = built.run(request);
                const r2p::SearchResult c = never.run(request);
                if (first) {
                    // Auto, and the very first query: already every table, from the files.
                    CHECK(a.stats.length_table);
                    CHECK(a.stats.facet_tables.size() == 4);
                    first = false;
                }
                CHECK(a.stats.tables == r2p::TableSource::File);
                CHECK(b.stats.tables == r2p::TableSource::Built);
                CHECK(c.stats.tables == r2p::TableSource::None);
                CHECK(a.stats.ranked_by == b.stats.ranked_by);
                CHECK(a.stats.counted_by == b.stats.counted_by);
                check_same(a, b, true);
                check_same(a, c, false);  // Xapian may order tied weights otherwise
            }
        }
    }

    TEST_CASE("an indexing run writes the files, a changed statement rewrites them") {
        r2p::test::TempDir dir;
        const fs::path corpus = dir / "corpus";
        write_statement(corpus, "netherlands-2021.txt",
                        "Prevention is the first responsibility of every State.");
        write_statement(corpus, "netherlands-2021-bis.txt",
                        "Accountability for atrocity crimes is part of prevention.");
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const fs::path db = dir / ("db" + std::to_string(shards));
            r2p::IndexRequest request;
            request.db = db;
            request.paths = {corpus.string()};
            request.shards = shards;
            request.threads = 1;
            r2p::index_corpus(request, r2p::test::source_taxonomy());
            for (const fs::path& shard : shard_dirs(db)) {
                CHECK(r2p::table_file_current(Xapian::Database(shard.string()), shard));
            }

            r2p::Searcher searcher({db.string()}, r2p::test::source_taxonomy());
            r2p::SearchRequest search;
            search.query = "responsibility";
            search.facets = {FacetField::Theme};
            const r2p::SearchResult before = searcher.run(search);
            CHECK(before.stats.tables == r2p::TableSource::File);
            CHECK(before.stats.ranked_by == r2p::RankedBy::PostingWalk);

            // Nothing changed: the files stay as they are.
            const auto written = fs::last_write_time(r2p::table_file_path(shard_dirs(db)[0]));
            r2p::index_corpus(request, r2p::test::source_taxonomy());
            CHECK(fs::last_write_time(r2p::table_file_path(shard_dirs(db)[0])) == written);

            write_statement(corpus, "netherlands-2021.txt",
                            "The responsibility to protect is a responsibility of every State "
                            "and of the international community.");
            r2p::index_corpus(request, r2p::test::source_taxonomy());
            for (const fs::path& shard : shard_dirs(db)) {
                CHECK(r2p::table_file_current(Xapian::Database(shard.string()), shard));
            }
            // The long-lived searcher moves to the new commit and reads the new files.
            const r2p::SearchResult after = searcher.run(search);
            CHECK(after.stats.tables == r2p::TableSource::File);
            CHECK(after.matches.lower == before.matches.lower);
            r2p::Searcher fresh({db.string()}, r2p::test::source_taxonomy());
            fresh.set_table_policy(r2p::TablePolicy::Never);
            check_same(after, fresh.run(search), false);
            write_statement(corpus, "netherlands-2021.txt",
                            "Prevention is the first responsibility of every State.");
        }
    }

    TEST_CASE("write_tables writes every local shard of a stub, and a dry run writes none") {
        r2p::test::TempDir dir;
        const fs::path corpus = dir / "corpus";
        write_statement(corpus, "netherlands-2021.txt", "We support early warning.");
        r2p::IndexRequest request;
        request.db = dir / "db";
        request.paths = {corpus.string()};
        request.shards = 2;
        request.threads = 1;
        request.dry_run = true;
        r2p::index_corpus(request, r2p::test::source_taxonomy());
        CHECK_FALSE(fs::exists(dir / "db"));
        request.dry_run = false;
        r2p::index_corpus(request, r2p::test::source_taxonomy());
        for (const fs::path& shard : shard_dirs(dir / "db"))
            fs::remove(r2p::table_file_path(shard));
        r2p::write_tables((dir / "db").string());
        for (const fs::path& shard : shard_dirs(dir / "db")) {
            CHECK(r2p::table_file_current(Xapian::Database(shard.string()), shard));
        }
        CHECK_THROWS_AS(r2p::write_tables((dir / "nowhere").string()), r2p::IndexError);
    }
}
