// Tests for lib/src/index_writer.cpp: terms, values, replace-by-id, prune, refused terms.
#include "index/index_writer.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>

#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "paragraph_passages.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "test_support.hpp"

namespace {

using r2p::Document;
using r2p::Passage;
using r2p::PassageKind;

Document make_doc(const std::string& id, const std::vector<std::string>& paragraphs) {
    Document doc;
    doc.meta.id = id;
    doc.meta.title = "Title of " + id;
    doc.meta.date = "2012-09-28";
    doc.meta.path = "corpus/" + id + ".txt";
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        r2p::Paragraph p;
        p.text = paragraphs[i];
        p.line = 3 + 2 * i;
        p.section = "Overview";
        doc.paragraphs.push_back(p);
    }
    return doc;
}

using r2p::test::paragraph_passages;

bool has_term(const Xapian::Database& db, const std::string& term) { return db.term_exists(term); }

Xapian::termcount spelling_frequency(const Xapian::Database& db, const std::string& word) {
    auto it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

std::vector<std::string> ids_in(const Xapian::Database& db) {
    std::vector<std::string> ids;
    const std::string prefix(r2p::schema::kIdPrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        ids.push_back((*it).substr(prefix.size()));
    }
    return ids;
}

}  // namespace

TEST_SUITE("index_writer") {
    TEST_CASE("a passage gets folded stemmed terms, filter terms, values and stored data") {
        r2p::test::TempDir dir;
        Document doc = make_doc("meeting", {"Villy Søvndal spoke of preventing atrocities."});
        std::vector<Passage> passages = paragraph_passages(doc);
        passages[0].themes = {"accountability", "prevention"};
        passages[0].roles = {"minister"};
        passages[0].speaker = "Villy Søvndal";
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, passages, "fp1");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        REQUIRE(db.get_doccount() == 1);
        CHECK(has_term(db, "sovndal"));
        CHECK(has_term(db, "Zprevent"));
        CHECK(has_term(db, "XSsovndal"));
        CHECK(has_term(db, "Qmeeting/p1"));
        CHECK(has_term(db, "XTaccountability"));
        CHECK(has_term(db, "XTprevention"));
        CHECK(has_term(db, "XRminister"));
        CHECK(has_term(db, "Kparagraph"));
        CHECK(has_term(db, "XDmeeting"));
        CHECK(has_term(db, "Y2012"));
        CHECK_FALSE(has_term(db, "Søvndal"));

        const Xapian::Document xdoc = db.get_document(db.postlist_begin("Qmeeting/p1").operator*());
        using r2p::schema::Slot;
        CHECK(xdoc.get_value(r2p::schema::slot(Slot::Date)) == "20120928");
        CHECK(xdoc.get_value(r2p::schema::slot(Slot::Themes)) ==
              std::string("accountability") + r2p::schema::kListSeparator + "prevention");
        CHECK(xdoc.get_value(r2p::schema::slot(Slot::Kind)) == "paragraph");
        const r2p::StoredPassage stored =
            r2p::StoredPassageReader(db).read(*db.postlist_begin("Qmeeting/p1"));
        CHECK(stored.text == "Villy Søvndal spoke of preventing atrocities.");
        CHECK(stored.speaker == std::optional<std::string>("Villy Søvndal"));
        CHECK(stored.doc_title == "Title of meeting");
        CHECK(stored.line == 3);
        CHECK(db.spellings_begin() != db.spellings_end());
    }

    TEST_CASE("a paragraph's label and the document's symbol are stored, the symbol is a term") {
        r2p::test::TempDir dir;
        Document doc = make_doc("report", {"Prevention is a daily task.", "Unnumbered."});
        doc.meta.symbol = "A/73/898\u2013S/2019/463";  // an en dash, as reports print it
        doc.paragraphs[0].label = "12";
        doc.paragraphs[0].quotes.push_back(r2p::Quote{0, 10, "Prevention", true});
        std::vector<Passage> passages = paragraph_passages(doc);
        Passage quote;
        quote.id = "report/p1/q1";
        quote.kind = PassageKind::Quote;
        quote.text = "Prevention";
        quote.parent_id = "report/p1";
        quote.paragraph_index = 0;
        quote.quote_index = 0;
        passages.push_back(quote);
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, passages, "fp1");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        r2p::StoredPassageReader reader(db);
        const auto stored = [&](const std::string& id) {
            return reader.read(*db.postlist_begin("Q" + id));
        };
        CHECK(stored("report/p1").label == "12");
        CHECK(stored("report/p1/q1").label == "12");  // a quote shows its paragraph's number
        CHECK(stored("report/p2").label.empty());
        CHECK(stored("report/p2").doc_symbol == "A/73/898\u2013S/2019/463");
        // Folded whole, the dash made ASCII: symbol:a/73/898-s/2019/463 finds every passage.
        CHECK(db.get_termfreq("XUa/73/898-s/2019/463") == 3);
    }

    TEST_CASE("a document without a symbol gets no symbol term") {
        r2p::test::TempDir dir;
        const Document doc = make_doc("plain", {"Text."});
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, paragraph_passages(doc), "fp1");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        const std::string prefix(r2p::schema::kSymbolPrefix);
        CHECK(db.allterms_begin(prefix) == db.allterms_end(prefix));
    }

    TEST_CASE("a document written passage by passage reports progress and replaces itself") {
        r2p::test::TempDir dir;
        std::vector<std::string> paragraphs(2500, "A paragraph about prevention.");
        const Document doc = make_doc("big", paragraphs);
        std::vector<std::size_t> ticks;
        {
            r2p::IndexWriter writer(dir.path(), 5000);
            writer.write_document(doc, paragraph_passages(doc), "fp1");
            writer.write_document(doc, paragraph_passages(doc), "fp2",
                                  [&](std::size_t written) { ticks.push_back(written); });
            writer.commit();
            CHECK(writer.stored_fingerprint("big") == "fp2");
        }
        CHECK(ticks == std::vector<std::size_t>{1000, 2000, 2500});
        CHECK(Xapian::Database(dir.path().string()).get_doccount() == 2500);
    }

    TEST_CASE("spelling frequencies add up over every batch, whatever the batch size") {
        for (const std::size_t batch : {std::size_t{1}, std::size_t{3}, std::size_t{1000}}) {
            CAPTURE(batch);
            r2p::test::TempDir dir;
            {
                r2p::IndexWriter writer(dir.path(), batch);
                for (int d = 0; d < 4; ++d) {
                    const Document doc = make_doc("d" + std::to_string(d),
                                                  {"prevention and prevention", "early warning"});
                    writer.write_document(doc, paragraph_passages(doc), "fp");
                }
                writer.commit();
                const Xapian::Database db(dir.path().string());
                CHECK(spelling_frequency(db, "prevention") == 8);
                CHECK(spelling_frequency(db, "warning") == 4);
            }
            // Committed once, never again on close.
            CHECK(spelling_frequency(Xapian::Database(dir.path().string()), "prevention") == 8);
        }
    }

    TEST_CASE("re-writing a document replaces its passages, dropping ids it no longer has") {
        r2p::test::TempDir dir;
        {
            r2p::IndexWriter writer(dir.path());
            const Document doc = make_doc("d", {"one", "two", "three"});
            writer.write_document(doc, paragraph_passages(doc), "fp1");
            writer.write_document(doc, paragraph_passages(doc), "fp1");
            writer.commit();
        }
        CHECK(Xapian::Database(dir.path().string()).get_doccount() == 3);
        {
            r2p::IndexWriter writer(dir.path());
            CHECK(writer.stored_fingerprint("d") == "fp1");
            const Document doc = make_doc("d", {"uno", "dos"});
            writer.write_document(doc, paragraph_passages(doc), "fp2");
            writer.commit();
            CHECK(writer.stored_fingerprint("d") == "fp2");
        }
        Xapian::Database db(dir.path().string());
        CHECK(db.get_doccount() == 2);
        CHECK(ids_in(db) == std::vector<std::string>{"d/p1", "d/p2"});
        CHECK(has_term(db, "dos"));
        CHECK_FALSE(has_term(db, "three"));
    }

    TEST_CASE("prune removes documents not kept and forgets their fingerprints") {
        r2p::test::TempDir dir;
        r2p::IndexWriter writer(dir.path());
        for (const char* id : {"a", "b", "c"}) {
            const Document doc = make_doc(id, {"text"});
            writer.write_document(doc, paragraph_passages(doc), "fp");
        }
        CHECK(writer.prune({"a", "c"}) == 1);
        writer.commit();
        CHECK(writer.stored_fingerprint("b").empty());
        CHECK(writer.stored_fingerprint("a") == "fp");
        Xapian::Database db(dir.path().string());
        CHECK(ids_in(db) == std::vector<std::string>{"a/p1", "c/p1"});
    }

    TEST_CASE("terms Xapian would reject are never written") {
        r2p::test::TempDir dir;
        const std::string long_word(300, 'x');
        std::string nul_word = "abc";
        nul_word += '\0';
        nul_word += "def";
        Document doc = make_doc("d", {"fine words " + long_word + " " + nul_word});
        std::vector<Passage> passages = paragraph_passages(doc);
        passages[0].speaker = std::string(300, 'y');
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, passages, "fp");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        CHECK(db.get_doccount() == 1);
        CHECK(has_term(db, "fine"));
        for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
            CHECK((*it).size() <= r2p::schema::kMaxTermBytes);
            CHECK((*it).find('\0') == std::string::npos);
        }
    }

    TEST_CASE("a second writer gets a clear lock error") {
        r2p::test::TempDir dir;
        r2p::IndexWriter first(dir.path());
        CHECK_THROWS_AS(r2p::IndexWriter second(dir.path()), r2p::DatabaseLockedError);
        try {
            r2p::IndexWriter second(dir.path());
        } catch (const r2p::DatabaseLockedError& e) {
            CHECK(std::string(e.what()).find("locked by another writer") != std::string::npos);
        }
    }

    TEST_CASE("a database that r2p-index did not write is refused") {
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase foreign(dir.path().string(), Xapian::DB_CREATE);
            foreign.add_document(Xapian::Document());
            foreign.commit();
        }
        CHECK_THROWS_AS(r2p::IndexWriter(dir.path()), r2p::IndexError);
    }

    TEST_CASE("a database of the schema before possessives were dropped is refused, by name") {
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase old(dir.path().string(), Xapian::DB_CREATE);
            old.set_metadata(std::string(r2p::schema::kSchemaVersionKey), "2");
            old.add_document(Xapian::Document());
            old.commit();
        }
        CHECK_THROWS_WITH_AS(r2p::IndexWriter(dir.path()),
                             doctest::Contains("schema version 2, this r2p-index writes 5"),
                             r2p::IndexError);
        CHECK_THROWS_WITH_AS(r2p::open_databases({dir.path().string()}),
                             doctest::Contains("re-index"), r2p::IndexError);
    }

    TEST_CASE("possessive endings are not indexed: Ki-moon's is ki, moon in a row") {
        r2p::test::TempDir dir;
        Document doc = make_doc("poss", {"Ban Ki-moon's plan and the States’ duty, O'Sullivan."});
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, paragraph_passages(doc), "fp1");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        CHECK(has_term(db, "moon"));
        CHECK_FALSE(has_term(db, "moon's"));
        CHECK(has_term(db, "states"));
        CHECK(has_term(db, "o'sullivan"));
        const Xapian::docid did = *db.postlist_begin("moon");
        CHECK(*db.positionlist_begin(did, "moon") == *db.positionlist_begin(did, "ki") + 1);
    }

    TEST_CASE("dates become sortable values with missing parts as 00") {
        CHECK(r2p::date_sort_value("2012-09-28") == "20120928");
        CHECK(r2p::date_sort_value("2012-09") == "20120900");
        CHECK(r2p::date_sort_value("2012") == "20120000");
        CHECK(r2p::date_sort_value("") == "");
    }
    TEST_CASE("the document's title, event and place are searchable under the title prefix") {
        r2p::test::TempDir dir;
        Document doc = make_doc("meeting", {"Atrocities were discussed."});
        doc.meta.title = "Deepening our Commitment: the Secretary-General's Report";
        doc.meta.event = "5th Annual Ministerial Meeting";
        doc.meta.place = "Genève";
        doc.meta.source_url = "https://example.org/meeting";
        {
            r2p::IndexWriter writer(dir.path());
            writer.write_document(doc, paragraph_passages(doc), "fp");
            writer.commit();
        }
        Xapian::Database db(dir.path().string());
        const std::string title(r2p::schema::kTitlePrefix);
        // The possessive goes, as from the body and from queries (title:secretary-general).
        CHECK_FALSE(has_term(db, title + "general's"));
        for (const char* word : {"deepening", "commitment", "general", "ministerial", "geneve"}) {
            CAPTURE(word);
            CHECK(has_term(db, title + word));
            CHECK_FALSE(has_term(db, word));  // not body words: they would match every passage
        }
        // A phrase never runs from the title into the event.
        const auto phrase_matches = [&](const std::string& a, const std::string& b) {
            const std::vector<std::string> words = {title + a, title + b};
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end()));
            return enquire.get_mset(0, 10).size();
        };
        CHECK(phrase_matches("commitment", "5th") == 0);
        CHECK(phrase_matches("ministerial", "meeting") == 1);

        const r2p::StoredPassage stored =
            r2p::StoredPassageReader(db).read(*db.postlist_begin("Qmeeting/p1"));
        CHECK(stored.doc_event == "5th Annual Ministerial Meeting");
        CHECK(stored.doc_place == "Genève");
        CHECK(stored.doc_source_url == "https://example.org/meeting");
    }

    TEST_CASE("a new database indexes the phrases it is created with, and keeps them") {
        r2p::test::TempDir dir;
        const r2p::IndexedPhrases first(std::vector<r2p::PhraseTerms>{{"ethnic", "cleansing"}});
        const r2p::IndexedPhrases other(std::vector<r2p::PhraseTerms>{{"to", "protect"}});
        const Document doc = make_doc("d1", {"Ethnic cleansing is a crime.", "We protect."});
        {
            r2p::IndexWriter writer(dir.path(), 100, true, 0, &first);
            CHECK(writer.phrases().phrases() == first.phrases());
            writer.write(r2p::prepare_document(doc, paragraph_passages(doc), {true, &first}), "fp");
            // Passage by passage too: with the database's own list.
            const Document big = make_doc("d2", {"The ethnic cleansing of a town."});
            writer.write_document(big, paragraph_passages(big), "fp");
            writer.commit();
        }
        const Xapian::Database db(dir.path().string());
        CHECK(db.get_metadata(std::string(r2p::schema::kIndexedPhrasesKey)) == "ethnic cleansing");
        CHECK(db.get_termfreq("XQethnic cleansing") == 2);
        // A later run's taxonomy does not change what the database indexes.
        r2p::IndexWriter again(dir.path(), 100, true, 0, &other);
        CHECK(again.phrases().phrases() == first.phrases());
    }

    TEST_CASE("a database holding passages but no phrase list never gets one") {
        r2p::test::TempDir dir;
        const r2p::IndexedPhrases phrases(std::vector<r2p::PhraseTerms>{{"ethnic", "cleansing"}});
        const Document doc = make_doc("d1", {"Ethnic cleansing is a crime."});
        {
            r2p::IndexWriter writer(dir.path(), 100);
            CHECK(writer.phrases().empty());
            writer.write(r2p::prepare_document(doc, paragraph_passages(doc)), "fp");
            writer.commit();
        }
        {
            r2p::IndexWriter writer(dir.path(), 100, true, 0, &phrases);
            CHECK(writer.phrases().empty());  // its passages have no phrase terms
            writer.commit();
        }
        CHECK(Xapian::Database(dir.path().string())
                  .get_metadata(std::string(r2p::schema::kIndexedPhrasesKey))
                  .empty());
    }

    TEST_CASE("passages prepared without the database's phrases are refused, not written") {
        r2p::test::TempDir dir;
        const r2p::IndexedPhrases phrases(std::vector<r2p::PhraseTerms>{{"ethnic", "cleansing"}});
        const Document doc = make_doc("d1", {"Ethnic cleansing is a crime."});
        r2p::IndexWriter writer(dir.path(), 100, true, 0, &phrases);
        CHECK_THROWS_AS(writer.write(r2p::prepare_document(doc, paragraph_passages(doc)), "fp"),
                        r2p::IndexError);
        // A wider list is fine: every phrase the database indexes has its terms.
        const r2p::IndexedPhrases wider(
            std::vector<r2p::PhraseTerms>{{"ethnic", "cleansing"}, {"a", "crime"}});
        writer.write(r2p::prepare_document(doc, paragraph_passages(doc), {true, &wider}), "fp");
        writer.commit();
        CHECK(Xapian::Database(dir.path().string()).get_doccount() == 1);
    }
}
