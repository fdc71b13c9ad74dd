// Tests for lib/src/index/passage_compression.cpp and compress_passages.cpp: passage data
// compressed with a trained dictionary reads back exactly, and nothing but the data changes.
#include "index/passage_compression.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <iterator>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "index/compress_passages.hpp"
#include "index/index_writer.hpp"
#include "index/stored_passage.hpp"
#include "index/stored_passage_reader.hpp"
#include "paragraph_passages.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kWords = {"the",
                                         "protection",
                                         "of",
                                         "civilians",
                                         "responsibility",
                                         "to",
                                         "prevent",
                                         "genocide",
                                         "and",
                                         "mass",
                                         "atrocities",
                                         "council",
                                         "Secretary-General",
                                         "Member",
                                         "States",
                                         "accountability",
                                         "impunity",
                                         "early",
                                         "warning",
                                         "in",
                                         "Syria",
                                         "Myanmar",
                                         "Côte d'Ivoire",
                                         "sovereignty",
                                         "crimes",
                                         "against",
                                         "humanity",
                                         "war",
                                         "ethnic",
                                         "cleansing",
                                         "we",
                                         "must",
                                         "act",
                                         "together",
                                         "now"};

// Statements of three paragraphs each, of words drawn from kWords (seeded).
std::vector<r2p::Document> statements(int count, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> word(0, kWords.size() - 1);
    std::uniform_int_distribution<int> length(8, 60);
    std::vector<r2p::Document> docs;
    for (int s = 0; s < count; ++s) {
        r2p::Document doc;
        doc.meta.id = "statement-" + std::to_string(seed) + "-" + std::to_string(s);
        doc.meta.title = "Statement " + std::to_string(s) + " on " + kWords[word(random)];
        doc.meta.date = "2012-09-" + std::to_string(10 + s % 19);
        doc.meta.path = "corpus/" + doc.meta.id + ".txt";
        for (int p = 0; p < 3; ++p) {
            r2p::Paragraph paragraph;
            const int words = length(random);
            for (int w = 0; w < words; ++w)
                paragraph.text += (w == 0 ? "" : " ") + kWords[word(random)];
            paragraph.text += ".";
            paragraph.line = static_cast<std::size_t>(1 + 2 * p);
            paragraph.label = std::to_string(p + 1);
            doc.paragraphs.push_back(paragraph);
        }
        docs.push_back(std::move(doc));
    }
    return docs;
}

void write(const fs::path& dir, const std::vector<r2p::Document>& docs) {
    r2p::IndexWriter writer(dir);
    for (const r2p::Document& doc : docs) {
        std::vector<r2p::Passage> passages = r2p::test::paragraph_passages(doc);
        passages.at(1).speaker = "Speaker " + doc.meta.id;
        writer.write(r2p::prepare_document(doc, passages), "fp-" + doc.meta.id);
    }
    writer.commit();
}

// Everything a passage reads back as, in one comparable value.
auto fields(const r2p::StoredPassage& p) {
    return std::make_tuple(p.id, p.kind, p.text, p.themes, p.roles, p.speaker, p.parent, p.section,
                           p.doc_id, p.doc_title, p.doc_date, p.doc_path, p.line, p.label);
}

// Every document's terms with their wdf and positions, and its values.
std::vector<std::string> index_of(const Xapian::Database& db) {
    std::vector<std::string> out;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
        const Xapian::Document doc = db.get_document(*d);
        std::string line = std::to_string(*d) + ":";
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            line += " " + *t + "/" + std::to_string(t.get_wdf());
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                line += "@" + std::to_string(*p);
        }
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
            line += " v" + std::to_string(v.get_valueno()) + "=" + *v;
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> samples_of(const Xapian::Database& db) {
    std::vector<std::string> samples;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d)
        samples.push_back(db.get_document(*d).get_data());
    return samples;
}

}  // namespace

TEST_SUITE("passage_compression") {
    TEST_CASE("data round-trips through a trained dictionary, no stored layout looks compressed") {
        r2p::test::TempDir dir;
        write(dir.path(), statements(400, 1));
        const Xapian::Database db(dir.path().string());
        const std::vector<std::string> samples = samples_of(db);
        for (const std::string& data : samples) REQUIRE_FALSE(r2p::is_compressed_passage(data));
        r2p::StoredPassage whole;
        whole.id = "x/p1";
        whole.text = "text";
        CHECK_FALSE(r2p::is_compressed_passage(r2p::encode_stored_passage(whole)));

        const std::string dictionary = r2p::train_passage_dictionary(samples, 16 * 1024);
        REQUIRE_FALSE(dictionary.empty());
        CHECK(dictionary.size() <= 16 * 1024);
        r2p::PassageCompressor compressor(dictionary, 9);
        const r2p::PassageExpander expander(dictionary);
        std::size_t before = 0, after = 0;
        for (const std::string& data : samples) {
            const std::string packed = compressor.compress(data);
            CHECK(r2p::is_compressed_passage(packed));
            CHECK(expander.expand(packed) == data);
            before += data.size();
            after += packed.size();
        }
        CHECK(after * 2 < before);  // the words are a small vocabulary: at least 2x
        // Data that would not get smaller is given back as it is.
        CHECK(compressor.compress("ab") == "ab");
    }

    TEST_CASE("a dictionary is stored in pieces and read back whole") {
        r2p::test::TempDir dir;
        std::string dictionary;
        for (int i = 0; dictionary.size() < 40000; ++i) dictionary += std::to_string(i) + ",";
        {
            Xapian::WritableDatabase db(dir.path().string(), Xapian::DB_CREATE);
            CHECK(r2p::read_passage_dictionary(db).empty());
            r2p::store_passage_dictionary(db, dictionary);
            db.commit();
        }
        const Xapian::Database db(dir.path().string());
        CHECK(r2p::read_passage_dictionary(db) == dictionary);
        const std::string prefix(r2p::kPassageDictionaryKey);
        CHECK(std::distance(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix)) == 3);
    }

    TEST_CASE("damaged data or another dictionary is a clear IndexError, never a crash") {
        r2p::test::TempDir dir;
        write(dir.path(), statements(400, 2));
        const std::vector<std::string> samples = samples_of(Xapian::Database(dir.path().string()));
        const std::string dictionary = r2p::train_passage_dictionary(samples, 16 * 1024);
        REQUIRE_FALSE(dictionary.empty());
        std::vector<std::string> others(samples.begin(), samples.begin() + 600);
        for (std::string& other : others) other += " other";
        const std::string other = r2p::train_passage_dictionary(others, 8 * 1024);
        REQUIRE_FALSE(other.empty());
        REQUIRE(other != dictionary);

        r2p::PassageCompressor compressor(dictionary, 9);
        const std::string packed = compressor.compress(samples.front());
        REQUIRE(r2p::is_compressed_passage(packed));
        CHECK_THROWS_AS(r2p::PassageExpander(other).expand(packed), r2p::IndexError);
        const r2p::PassageExpander expander(dictionary);
        for (std::size_t cut = 0; cut < packed.size(); ++cut) {
            CAPTURE(cut);
            CHECK_THROWS_AS(expander.expand(packed.substr(0, cut)), r2p::IndexError);
        }
        std::string flipped = packed;
        flipped[packed.size() / 2] = static_cast<char>(flipped[packed.size() / 2] ^ 0x5a);
        // A flipped byte either fails or expands to other bytes; it never crashes.
        bool threw = false;
        std::string expanded;
        try {
            expanded = expander.expand(flipped);
        } catch (const r2p::IndexError&) {
            threw = true;
        }
        CHECK((threw || expanded != samples.front()));
        CHECK_THROWS_AS(r2p::PassageExpander(std::string("not a dictionary")), r2p::IndexError);
        CHECK(r2p::train_passage_dictionary({"too", "few"}, 16 * 1024).empty());
    }

    TEST_CASE("compress_passages rewrites only the data, every passage reads back the same") {
        r2p::test::TempDir dir;
        write(dir.path(), statements(500, 3));  // 1,500 passages
        std::vector<decltype(fields(r2p::StoredPassage{}))> before;
        std::vector<std::string> index_before;
        {
            const Xapian::Database db(dir.path().string());
            r2p::StoredPassageReader reader(db);
            for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d)
                before.push_back(fields(reader.read(*d)));
            index_before = index_of(db);
        }

        const r2p::PassageCompression result = r2p::compress_passages(dir.path().string());
        CHECK(result.passages == 1500);
        CHECK(result.dictionary_bytes > 0);
        CHECK(result.bytes_after * 2 < result.bytes_before);

        const Xapian::Database db(dir.path().string());
        CHECK(db.get_doccount() == 1500);
        CHECK(r2p::read_passage_dictionary(db).size() == result.dictionary_bytes);
        CHECK(index_of(db) == index_before);
        r2p::StoredPassageReader reader(db);
        std::size_t i = 0;
        for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d, ++i) {
            CAPTURE(*d);
            CHECK(r2p::is_compressed_passage(db.get_document(*d).get_data()));
            CHECK(fields(reader.read(*d)) == before[i]);
        }

        // A database with a dictionary already is left as it is.
        CHECK(r2p::compress_passages(dir.path().string()).passages == 0);
    }

    TEST_CASE("too few passages are left uncompressed") {
        r2p::test::TempDir dir;
        write(dir.path(), statements(100, 4));  // 300 passages
        const r2p::PassageCompression result = r2p::compress_passages(dir.path().string());
        CHECK(result.passages == 0);
        CHECK(result.dictionary_bytes == 0);
        const Xapian::Database db(dir.path().string());
        CHECK(r2p::read_passage_dictionary(db).empty());
        for (const std::string& data : samples_of(db))
            CHECK_FALSE(r2p::is_compressed_passage(data));
    }

    TEST_CASE("shards combined: each passage is expanded with its own shard's dictionary") {
        r2p::test::TempDir dir;
        const auto a = statements(400, 5);
        const auto b = statements(400, 6);
        write(dir.path() / "shard0", a);
        write(dir.path() / "shard1", b);
        REQUIRE(r2p::compress_passages((dir.path() / "shard0").string()).passages == 1200);
        REQUIRE(r2p::compress_passages((dir.path() / "shard1").string()).passages == 1200);
        Xapian::Database db((dir.path() / "shard0").string());
        db.add_database(Xapian::Database((dir.path() / "shard1").string()));
        r2p::StoredPassageReader reader(db);
        // Docids interleave: odd ones are shard0's, even ones shard1's; a shard's statements
        // are read in order, three passages each.
        for (Xapian::docid docid = 1; docid <= 12; ++docid) {
            CAPTURE(docid);
            const auto& docs = docid % 2 == 1 ? a : b;
            const std::size_t local = (docid - 1) / 2;
            const r2p::StoredPassage p = reader.read(docid);
            CHECK(p.doc_id == docs[local / 3].meta.id);
            CHECK(p.text == docs[local / 3].paragraphs[local % 3].text);
            CHECK(p.doc_title == docs[local / 3].meta.title);
        }
    }

    TEST_CASE("compressed data whose dictionary is gone is a clear IndexError") {
        r2p::test::TempDir dir;
        write(dir.path(), statements(400, 7));
        REQUIRE(r2p::compress_passages(dir.path().string()).passages == 1200);
        {
            Xapian::WritableDatabase db(dir.path().string());
            const std::string prefix(r2p::kPassageDictionaryKey);
            std::vector<std::string> keys(db.metadata_keys_begin(prefix),
                                          db.metadata_keys_end(prefix));
            REQUIRE_FALSE(keys.empty());
            for (const std::string& key : keys) db.set_metadata(key, "");
            db.commit();
        }
        const Xapian::Database db(dir.path().string());
        CHECK_THROWS_WITH_AS(r2p::StoredPassageReader(db).read(1),
                             doctest::Contains("lacks its dictionary"), r2p::IndexError);
    }
}
