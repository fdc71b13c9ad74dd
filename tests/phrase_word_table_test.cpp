// The indexed phrases' word rows of a table file: written from the words' postings, read
// back by phrase term, found by a cursor in ascending docid order, and refused or left
// out (never read out of bounds) when the file lacks or damages them.
#include "tables/phrase_word_table.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "table_file_bytes.hpp"
#include "tables/table_file.hpp"
#include "tables/table_file_format.hpp"
#include "tables/table_file_writer.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_SUITE("phrase_word_table") {
    namespace {

    using Kind = r2p::table_file::SectionKind;

    // Passages of words "a".."f" with wdfs set term by term, and the phrase terms "XQa b"
    // and "XQc d e" where a passage is said to hold them. Passage 7 holds "a" 300 times
    // (past a row's byte), passage 10 holds "XQa b" but lacks "b" (a damaged database).
    void write_phrases_db(const fs::path& dir) {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        for (Xapian::docid did = 1; did <= 40; ++did) {
            Xapian::Document doc;
            doc.add_term("a", did == 7 ? 300 : 1 + did % 3);
            if (did != 10) doc.add_term("b", 1 + did % 2);
            if (did % 2 == 0) {
                doc.add_term("c", did);
                doc.add_term("d", 1);
                doc.add_term("e", 2);
                if (did % 4 == 0) doc.add_boolean_term("XQc d e");
            }
            doc.add_term("f", 1);
            if (did % 3 != 0) doc.add_boolean_term("XQa b");
            db.add_document(doc);
        }
        db.commit();
    }

    // That database with its table file written.
    struct PhrasesDb {
        r2p::test::TempDir dir;
        fs::path folder = dir / "db";
        Xapian::Database db;
        PhrasesDb() {
            write_phrases_db(folder);
            db = Xapian::Database(folder.string());
            r2p::write_table_file(db, folder);
        }
        // The file as it is in the folder now.
        std::shared_ptr<const r2p::TableFile> open() const {
            return r2p::TableFile::open(folder, db);
        }
    };

    // `bytes` with its header's section count set to `count` and its checksum redone: the
    // directory's first `count` entries (a file as a writer of fewer sections left it).
    std::string with_sections(std::string bytes, std::uint32_t count) {
        r2p::table_file::Header header{};
        std::memcpy(&header, bytes.data(), sizeof header);
        header.section_count = count;
        const auto* directory = reinterpret_cast<const std::byte*>(bytes.data()) + sizeof header;
        header.checksum = r2p::table_file::checksum(
            directory, count * sizeof(r2p::table_file::Section),
            r2p::table_file::checksum(reinterpret_cast<const std::byte*>(&header),
                                      offsetof(r2p::table_file::Header, checksum)));
        std::memcpy(bytes.data(), &header, sizeof header);
        return bytes;
    }

    // `bytes` with the directory entry of `kind` changed by `change` (checksum redone).
    template <class Change>
    std::string with_section_changed(std::string bytes, Kind kind, Change change) {
        r2p::table_file::Header header{};
        std::memcpy(&header, bytes.data(), sizeof header);
        for (std::uint32_t i = 0; i < header.section_count; ++i) {
            r2p::table_file::Section section{};
            char* at = bytes.data() + sizeof header + i * sizeof section;
            std::memcpy(&section, at, sizeof section);
            if (section.kind != static_cast<std::uint32_t>(kind)) continue;
            change(section);
            std::memcpy(at, &section, sizeof section);
        }
        return with_sections(std::move(bytes), header.section_count);
    }

    }  // namespace

    TEST_CASE("a phrase term's words split at its spaces, other terms have none") {
        CHECK(r2p::phrase_term_words("XQresponsibility to protect") ==
              std::vector<std::string>{"responsibility", "to", "protect"});
        CHECK(r2p::phrase_term_words("XQa").size() == 1);
        CHECK(r2p::phrase_term_words("XTprevention").empty());
        CHECK(r2p::phrase_term_words("XQ").empty());
    }

    TEST_CASE("every phrase's rows hold its words' wdfs as their postings give them") {
        const PhrasesDb fixture;
        const Xapian::Database& db = fixture.db;
        const auto file = fixture.open();
        REQUIRE(file != nullptr);
        for (const std::string term : {"XQa b", "XQc d e"}) {
            CAPTURE(term);
            const auto rows = file->phrase_words(term);
            REQUIRE(rows.has_value());
            const std::vector<std::string> words = r2p::phrase_term_words(term);
            REQUIRE(rows->words() == words.size());
            REQUIRE(rows->size() == db.get_termfreq(term));
            std::size_t i = 0;
            for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it, ++i) {
                const Xapian::docid did = *it;
                CAPTURE(did);
                REQUIRE(rows->docids()[i] == did);
                for (std::size_t j = 0; j < words.size(); ++j) {
                    Xapian::termcount wdf = 0;
                    auto word = db.postlist_begin(words[j]);
                    word.skip_to(did);
                    if (word != db.postlist_end(words[j]) && *word == did) wdf = word.get_wdf();
                    const unsigned expected = wdf >= 255 ? r2p::kPhraseWdfUnknown : wdf;
                    CHECK(rows->row(i)[j] == expected);
                }
            }
        }
        // Passage 7's "a" (300) is past a byte: to be read from the database; passage 10
        // lacks "b".
        r2p::PhraseWordCursor cursor(*file->phrase_words("XQa b"));
        REQUIRE(cursor.row_at(7) != nullptr);
        CHECK(cursor.row_at(7)[0] == r2p::kPhraseWdfUnknown);
        CHECK(cursor.row_at(9) == nullptr);  // 9 % 3 == 0: no phrase there
        REQUIRE(cursor.row_at(10) != nullptr);
        CHECK(cursor.row_at(10)[1] == 0);
        CHECK(file->phrase_words("XQb c") == std::nullopt);  // no such phrase
        CHECK(file->phrase_words("XQ") == std::nullopt);
        CHECK(file->phrase_words("a") == std::nullopt);
    }

    TEST_CASE("a cursor finds rows near and far in ascending order, and none between") {
        const PhrasesDb fixture;
        const auto file = fixture.open();
        REQUIRE(file != nullptr);
        const r2p::PhraseWordTable rows = *file->phrase_words("XQc d e");
        for (const std::vector<Xapian::docid>& asked :
             {std::vector<Xapian::docid>{4, 8, 12, 16, 20, 24, 28, 32, 36, 40},
              std::vector<Xapian::docid>{1, 2, 3, 4, 5, 40, 41}, std::vector<Xapian::docid>{36},
              std::vector<Xapian::docid>{8, 9, 10, 11, 28}}) {
            r2p::PhraseWordCursor cursor(rows);
            for (const Xapian::docid did : asked) {
                CAPTURE(did);
                const std::uint8_t* row = cursor.row_at(did);
                if (did % 4 != 0 || did > 40) {
                    CHECK(row == nullptr);
                    continue;
                }
                REQUIRE(row != nullptr);
                CHECK(row[0] == did);  // "c" occurs did times
                CHECK(row[1] == 1);
                CHECK(row[2] == 2);
            }
        }
    }

    TEST_CASE("a file without phrase rows opens with none, one with some of them is refused") {
        const PhrasesDb fixture;
        const fs::path path = r2p::table_file_path(fixture.folder);
        const std::string good = r2p::test::read_file(path);
        r2p::table_file::Header header{};
        std::memcpy(&header, good.data(), sizeof header);
        // The writer puts the four phrase sections last: a file of before them is the rest.
        REQUIRE(r2p::test::find_section(good, Kind::PhraseTerms).offset != 0);
        r2p::test::write_file(path, with_sections(good, header.section_count - 4));
        const auto file = fixture.open();
        REQUIRE(file != nullptr);
        CHECK(file->phrase_words("XQa b") == std::nullopt);
        CHECK(file->lengths().size() == fixture.db.get_lastdocid() + 1);
        for (const std::uint32_t dropped : {1U, 2U, 3U}) {
            CAPTURE(dropped);
            r2p::test::write_file(path, with_sections(good, header.section_count - dropped));
            CHECK(fixture.open() == nullptr);
        }
        // The same kind twice.
        r2p::test::write_file(
            path, with_section_changed(good, Kind::PhraseStarts, [](r2p::table_file::Section& s) {
                s.kind = static_cast<std::uint32_t>(Kind::PhraseDocids);
            }));
        CHECK(fixture.open() == nullptr);
        r2p::test::write_file(path, good);
        CHECK(fixture.open() != nullptr);
    }

    TEST_CASE("damaged phrase rows read as none, never out of bounds") {
        const PhrasesDb fixture;
        const fs::path path = r2p::table_file_path(fixture.folder);
        const std::string good = r2p::test::read_file(path);
        const auto starts = r2p::test::find_section(good, Kind::PhraseStarts);
        const auto terms = r2p::test::find_section(good, Kind::PhraseTerms);
        const auto refused = [&](const std::string& bytes, const std::string& term) {
            r2p::test::write_file(path, bytes);
            const auto file = fixture.open();
            REQUIRE(file != nullptr);  // damage past the directory is found at the lookup
            return !file->phrase_words(term).has_value();
        };
        // "XQa b" comes first: its end (the second phrase's start) past the docids, or
        // before its start, or rows of another width.
        for (const std::uint64_t bad_end : {std::uint64_t{1} << 40, std::uint64_t{0}}) {
            std::string bytes = good;
            std::memcpy(bytes.data() + starts.offset + 2 * sizeof bad_end, &bad_end,
                        sizeof bad_end);
            CHECK(refused(bytes, "XQa b"));
        }
        std::string wide = good;
        std::uint64_t wdf_end = 0;
        std::memcpy(&wdf_end, wide.data() + starts.offset + 3 * sizeof wdf_end, sizeof wdf_end);
        ++wdf_end;
        std::memcpy(wide.data() + starts.offset + 3 * sizeof wdf_end, &wdf_end, sizeof wdf_end);
        CHECK(refused(wide, "XQa b"));
        // A term count past the section, and a term's end past it.
        std::string many = good;
        const std::uint32_t count = 1U << 30;
        std::memcpy(many.data() + terms.offset, &count, sizeof count);
        CHECK(refused(many, "XQa b"));
        std::string far = good;
        const std::uint32_t end = 1U << 30;
        std::memcpy(far.data() + terms.offset + sizeof count, &end, sizeof end);
        CHECK(refused(far, "XQa b"));
        CHECK_FALSE(refused(good, "XQa b"));
        CHECK_FALSE(refused(good, "XQc d e"));
    }
}
