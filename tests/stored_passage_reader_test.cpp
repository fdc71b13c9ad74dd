#include "index/stored_passage_reader.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "index/stored_passage.hpp"
#include "paragraph_passages.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "search/passage_context.hpp"
#include "test_support.hpp"

TEST_SUITE("stored_passage_reader") {
    namespace {

    r2p::Document make_doc(const std::string& id, const std::string& title) {
        r2p::Document doc;
        doc.meta.id = id;
        doc.meta.title = title;
        doc.meta.date = "2012-09-28";
        doc.meta.path = "corpus/" + id + ".txt";
        doc.meta.event = "Debate of " + id;
        doc.meta.place = "New York";
        doc.meta.source_url = "https://example.org/" + id;
        doc.meta.country = "NOR";
        doc.meta.country_name = "Norway";
        doc.meta.session = "67";
        doc.meta.symbol = "A/67/" + id;
        for (std::size_t i = 0; i < 3; ++i) {
            r2p::Paragraph p;
            p.text = "Paragraph " + std::to_string(i) + " of " + id + " on prevention.";
            p.line = 3 + 2 * i;
            p.section = "Overview";
            p.label = std::to_string(i + 1);
            doc.paragraphs.push_back(p);
        }
        return doc;
    }

    std::vector<r2p::Passage> passages_of(const r2p::Document& doc) {
        std::vector<r2p::Passage> passages = r2p::test::paragraph_passages(doc);
        for (r2p::Passage& p : passages) p.speaker = "Speaker of " + doc.meta.id;
        return passages;
    }

    void write(const std::filesystem::path& dir, const std::vector<r2p::Document>& docs) {
        r2p::IndexWriter writer(dir);
        for (const r2p::Document& doc : docs)
            writer.write(r2p::prepare_document(doc, passages_of(doc)), "fp-" + doc.meta.title);
        writer.commit();
    }

    // The statement fields every passage of `doc` must read back.
    void check_statement(const r2p::StoredPassage& p, const r2p::Document& doc) {
        CHECK(p.doc_id == doc.meta.id);
        CHECK(p.doc_title == doc.meta.title);
        CHECK(p.doc_date == doc.meta.date);
        CHECK(p.doc_path == doc.meta.path);
        CHECK(p.doc_event == doc.meta.event);
        CHECK(p.doc_place == doc.meta.place);
        CHECK(p.doc_source_url == doc.meta.source_url);
        CHECK(p.doc_country == "nor");  // folded, as the country term
        CHECK(p.doc_country_name == doc.meta.country_name);
        CHECK(p.doc_session == doc.meta.session);
        CHECK(p.doc_symbol == doc.meta.symbol);
    }

    std::size_t statement_records(const Xapian::Database& db) {
        const std::string prefix(r2p::schema::kStatementKeyPrefix);
        std::size_t n = 0;
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
            ++n;
        return n;
    }

    }  // namespace

    TEST_CASE("passages read back whole, their data holds no statement field") {
        r2p::test::TempDir dir;
        const r2p::Document doc = make_doc("meeting", "Fifth ministerial meeting");
        write(dir.path(), {doc});
        Xapian::Database db(dir.path().string());
        REQUIRE(db.get_doccount() == 3);
        CHECK(statement_records(db) == 1);
        r2p::StoredPassageReader reader(db);
        for (Xapian::docid docid = 1; docid <= 3; ++docid) {
            CAPTURE(docid);
            const std::string data = db.get_document(docid).get_data();
            CHECK(data.find("ministerial") == std::string::npos);
            const r2p::StoredPassage p = reader.read(docid);
            check_statement(p, doc);
            CHECK(p.speaker == std::optional<std::string>("Speaker of meeting"));
            CHECK(p.label == std::to_string(docid));
            CHECK(p.line == 3 + 2 * (docid - 1));
            CHECK(p.section == "Overview");
        }
    }

    TEST_CASE("passages written in the older whole layout read back unchanged") {
        r2p::test::TempDir dir;
        const r2p::Document doc = make_doc("old", "Old statement");
        r2p::StoredPassage whole;
        {
            Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
            whole.id = "old/p1";
            whole.kind = "paragraph";
            whole.text = "An old passage.";
            whole.doc_id = "old";
            whole.doc_title = doc.meta.title;
            whole.doc_date = doc.meta.date;
            whole.doc_path = doc.meta.path;
            whole.doc_event = doc.meta.event;
            whole.doc_place = doc.meta.place;
            whole.doc_source_url = doc.meta.source_url;
            whole.doc_country = "nor";
            whole.doc_country_name = doc.meta.country_name;
            whole.doc_session = doc.meta.session;
            whole.doc_symbol = doc.meta.symbol;
            Xapian::Document xdoc;
            xdoc.set_data(r2p::encode_stored_passage(whole));
            db.add_document(xdoc);
            db.commit();
        }
        Xapian::Database db(dir.path().string());
        const r2p::StoredPassage p = r2p::StoredPassageReader(db).read(1);
        CHECK(p.id == whole.id);
        CHECK(p.text == whole.text);
        check_statement(p, doc);
    }

    TEST_CASE("over shards combined, each passage reads its own shard's record") {
        r2p::test::TempDir dir;
        const r2p::Document a = make_doc("a", "Statement A");
        const r2p::Document b = make_doc("b", "Statement B");
        write(dir.path() / "shard0", {a});
        write(dir.path() / "shard1", {b});
        Xapian::Database db((dir.path() / "shard0").string());
        db.add_database(Xapian::Database((dir.path() / "shard1").string()));
        // Docids interleave: odd ones are shard0's (a), even ones shard1's (b).
        r2p::StoredPassageReader reader(db);
        for (Xapian::docid docid = 1; docid <= 6; ++docid) {
            CAPTURE(docid);
            check_statement(reader.read(docid), docid % 2 == 1 ? a : b);
        }
    }

    TEST_CASE("re-indexing replaces the record, removing and pruning leave none") {
        r2p::test::TempDir dir;
        write(dir.path(), {make_doc("a", "First title"), make_doc("b", "B")});
        const r2p::Document renamed = make_doc("a", "Second title");
        write(dir.path(), {renamed});
        {
            Xapian::Database db(dir.path().string());
            CHECK(statement_records(db) == 2);
            r2p::StoredPassageReader reader(db);
            const auto a = db.postlist_begin("Qa/p1");
            REQUIRE(a != db.postlist_end("Qa/p1"));
            CHECK(reader.read(*a).doc_title == "Second title");
        }
        {
            r2p::IndexWriter writer(dir.path());
            CHECK(writer.prune({"b"}) == 1);
            writer.commit();
        }
        {
            Xapian::Database db(dir.path().string());
            CHECK(statement_records(db) == 1);
            CHECK(db.get_metadata(r2p::schema::statement_key("a")).empty());
        }
        {
            r2p::IndexWriter writer(dir.path());
            writer.remove("b");
            writer.commit();
        }
        CHECK(statement_records(Xapian::Database(dir.path().string())) == 0);
    }

    TEST_CASE("a compacted copy reads the same fields") {
        r2p::test::TempDir dir;
        const r2p::Document a = make_doc("a", "Statement A");
        const r2p::Document b = make_doc("b", "Statement B");
        write(dir.path() / "shard0", {a});
        write(dir.path() / "shard1", {b});
        Xapian::Database shards((dir.path() / "shard0").string());
        shards.add_database(Xapian::Database((dir.path() / "shard1").string()));
        shards.compact((dir.path() / "compact").string());
        Xapian::Database compact((dir.path() / "compact").string());
        CHECK(statement_records(compact) == 2);
        r2p::StoredPassageReader reader(compact);
        for (auto it = compact.postlist_begin(""); it != compact.postlist_end(""); ++it) {
            const r2p::StoredPassage p = reader.read(*it);
            CAPTURE(p.id);
            check_statement(p, p.doc_id == "a" ? a : b);
        }
    }

    TEST_CASE("a passage whose record is missing is a clear IndexError") {
        r2p::test::TempDir dir;
        write(dir.path(), {make_doc("a", "A")});
        {
            Xapian::WritableDatabase db(dir.path().string());
            db.set_metadata(r2p::schema::statement_key("a"), "");
            db.commit();
        }
        Xapian::Database db(dir.path().string());
        CHECK_THROWS_WITH_AS(r2p::StoredPassageReader(db).read(1), doctest::Contains("statement a"),
                             r2p::IndexError);
    }

    TEST_CASE("a passage in context reads the same from the older whole layout and the new") {
        r2p::test::TempDir dir;
        const r2p::Document doc = make_doc("a", "Statement A");
        write(dir.path() / "new", {doc});
        Xapian::Database fresh((dir.path() / "new").string());
        {
            // The same documents, their data rewritten whole (as r2p-index wrote it before).
            Xapian::WritableDatabase old((dir.path() / "old").string(), Xapian::DB_CREATE);
            r2p::StoredPassageReader reader(fresh);
            for (auto it = fresh.postlist_begin(""); it != fresh.postlist_end(""); ++it) {
                Xapian::Document xdoc = fresh.get_document(*it);
                xdoc.set_data(r2p::encode_stored_passage(reader.read(*it)));
                old.replace_document(*it, xdoc);
            }
            old.commit();
        }
        Xapian::Database old((dir.path() / "old").string());
        CHECK(r2p::has_statement_fields(old.get_document(1).get_data()));
        const auto same = [](const r2p::StoredPassage& x, const r2p::StoredPassage& y) {
            return r2p::encode_stored_passage(x) == r2p::encode_stored_passage(y);
        };
        const auto from_old = r2p::read_passage_context(old, "a/p2", 1);
        const auto from_new = r2p::read_passage_context(fresh, "a/p2", 1);
        REQUIRE(from_old);
        REQUIRE(from_new);
        CHECK(same(from_old->passage, from_new->passage));
        REQUIRE(from_old->before.size() == 1);
        REQUIRE(from_new->before.size() == 1);
        CHECK(same(from_old->before[0], from_new->before[0]));
        REQUIRE(from_new->after.size() == 1);
        CHECK(same(from_old->after[0], from_new->after[0]));
        check_statement(from_new->after[0], doc);
    }
}
