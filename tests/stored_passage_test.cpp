#include "index/stored_passage.hpp"

#include <doctest/doctest.h>

#include "r2p/error.hpp"

TEST_SUITE("stored_passage") {
    namespace {

    r2p::StoredPassage sample() {
        r2p::StoredPassage p;
        p.id = "meeting/p3/q1";
        p.kind = "quote";
        p.text = std::string("“The Hague is the final stop,” said Villy Søvndal.") +
                 std::string(300, 'x');  // a length past one varint byte
        p.themes = {"accountability", "prevention"};
        p.roles = {"minister"};
        p.speaker = "Villy Søvndal";
        p.parent = "meeting/p3";
        p.section = "Ending impunity";
        p.doc_id = "meeting";
        p.doc_title = "5th Ministerial Meeting";
        p.doc_date = "2012-09-28";
        p.doc_path = "corpus/meeting.txt";
        p.line = 1234567;
        p.doc_event = "5th Annual R2P Ministerial Meeting";
        p.doc_place = "New York";
        p.doc_source_url = "https://example.org/meeting";
        p.doc_country = "nor";
        p.doc_country_name = "Norway";
        p.doc_session = "67";
        p.label = "12";
        p.doc_symbol = "A/73/898-S/2019/463";
        return p;
    }

    void check_equal(const r2p::StoredPassage& a, const r2p::StoredPassage& b) {
        CHECK(a.id == b.id);
        CHECK(a.kind == b.kind);
        CHECK(a.text == b.text);
        CHECK(a.themes == b.themes);
        CHECK(a.roles == b.roles);
        CHECK(a.speaker == b.speaker);
        CHECK(a.parent == b.parent);
        CHECK(a.section == b.section);
        CHECK(a.doc_id == b.doc_id);
        CHECK(a.doc_title == b.doc_title);
        CHECK(a.doc_date == b.doc_date);
        CHECK(a.doc_path == b.doc_path);
        CHECK(a.line == b.line);
        CHECK(a.doc_event == b.doc_event);
        CHECK(a.doc_place == b.doc_place);
        CHECK(a.doc_source_url == b.doc_source_url);
        CHECK(a.doc_country == b.doc_country);
        CHECK(a.doc_country_name == b.doc_country_name);
        CHECK(a.doc_session == b.doc_session);
        CHECK(a.label == b.label);
        CHECK(a.doc_symbol == b.doc_symbol);
    }

    // The bytes the encoder wrote before labels and symbols were stored: the record up to
    // the session, which is where such data ends.
    std::string without_label_and_symbol(const r2p::StoredPassage& p) {
        const std::string data = r2p::encode_stored_passage(p);
        return data.substr(0, data.size() - (1 + p.label.size()) - (1 + p.doc_symbol.size()));
    }

    }  // namespace

    TEST_CASE("every field round-trips, with and without a speaker") {
        r2p::StoredPassage p = sample();
        check_equal(r2p::decode_stored_passage(r2p::encode_stored_passage(p)), p);
        p.speaker.reset();
        p.themes.clear();
        p.text.clear();
        check_equal(r2p::decode_stored_passage(r2p::encode_stored_passage(p)), p);
    }

    TEST_CASE("data written before labels and symbols reads them as empty") {
        r2p::StoredPassage p = sample();
        const r2p::StoredPassage old = r2p::decode_stored_passage(without_label_and_symbol(p));
        CHECK(old.label.empty());
        CHECK(old.doc_symbol.empty());
        p.label.clear();
        p.doc_symbol.clear();
        check_equal(old, p);
    }

    TEST_CASE("cut or padded data is an IndexError, never a crash") {
        const std::string data = r2p::encode_stored_passage(sample());
        const std::size_t older_end = without_label_and_symbol(sample()).size();
        for (std::size_t size = 0; size < data.size(); ++size) {
            CAPTURE(size);
            if (size == older_end) continue;  // a whole record of the older layout
            CHECK_THROWS_AS(r2p::decode_stored_passage(data.substr(0, size)), r2p::IndexError);
        }
        CHECK_THROWS_WITH_AS(r2p::decode_stored_passage(data + "!"), doctest::Contains("re-index"),
                             r2p::IndexError);
        CHECK_THROWS_AS(r2p::decode_stored_passage(std::string(12, '\xff')), r2p::IndexError);
        // A huge list count in a short record is refused before anything is allocated.
        CHECK_THROWS_AS(r2p::decode_stored_passage(std::string("\x01"
                                                               "a\x01"
                                                               "b\x00\xff\xff\xff\x0f",
                                                               9)),
                        r2p::IndexError);
    }

    TEST_CASE("a passage's own record and its statement record round-trip to the whole passage") {
        const r2p::StoredPassage p = sample();
        const std::string own = r2p::encode_passage_own(p);
        CHECK_FALSE(r2p::has_statement_fields(own));
        CHECK(r2p::has_statement_fields(r2p::encode_stored_passage(p)));
        CHECK(own.find("Ministerial") == std::string::npos);  // no statement field inside
        CHECK(r2p::stored_statement_id(own) == "meeting");
        CHECK(r2p::stored_statement_id(r2p::encode_stored_passage(p)) == "meeting");
        r2p::StoredPassage read = r2p::decode_stored_passage(own);
        CHECK(read.doc_title.empty());
        CHECK(read.doc_symbol.empty());
        CHECK(read.label == "12");
        r2p::apply_statement_fields(r2p::encode_statement_fields(p), read);
        check_equal(read, p);
        r2p::StoredPassage bare = p;
        bare.speaker.reset();
        CHECK_FALSE(r2p::decode_stored_passage(r2p::encode_passage_own(bare)).speaker.has_value());
    }

    TEST_CASE("a cut own or statement record is an IndexError") {
        const std::string own = r2p::encode_passage_own(sample());
        for (std::size_t size = 1; size < own.size(); ++size) {
            CAPTURE(size);
            CHECK_THROWS_AS(r2p::decode_stored_passage(own.substr(0, size)), r2p::IndexError);
        }
        const std::string record = r2p::encode_statement_fields(sample());
        r2p::StoredPassage p;
        for (std::size_t size = 0; size < record.size(); ++size) {
            CAPTURE(size);
            CHECK_THROWS_AS(r2p::apply_statement_fields(record.substr(0, size), p),
                            r2p::IndexError);
        }
        CHECK_THROWS_AS(r2p::apply_statement_fields(record + "!", p), r2p::IndexError);
    }
}
