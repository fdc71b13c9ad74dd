#include "search/facet_table.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("facet_table") {
    TEST_CASE("each passage's bits are the values of its prefixed terms") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        const char* themes[][2] = {
            {"XTprevention", "XTresponse"}, {"XTresponse", nullptr}, {nullptr, nullptr}};
        for (const auto& terms : themes) {
            Xapian::Document doc;
            doc.add_boolean_term("Kparagraph");
            doc.add_term("xtprevention");  // a word, not the prefix
            for (const char* t : terms) {
                if (t != nullptr) doc.add_boolean_term(t);
            }
            db.add_document(doc);
        }
        CHECK(r2p::FacetTable::postings(db, "XT") == 3);
        const auto table = r2p::FacetTable::build(db, "XT");
        REQUIRE(table.has_value());
        REQUIRE(table->values() == std::vector<std::string>{"prevention", "response"});
        CHECK(table->bits(1) == 0b11);
        CHECK(table->bits(2) == 0b10);
        CHECK(table->bits(3) == 0);
        CHECK(table->bits(4) == 0);   // past the last docid
        CHECK(table->bits(99) == 0);  // never read out of bounds

        r2p::FacetBitCounts counts;
        for (Xapian::docid did = 1; did <= 3; ++did) counts.add(table->bits(did));
        CHECK(counts.count(0) == 1);
        CHECK(counts.count(1) == 2);
    }

    TEST_CASE("a field with more values than bits gets no table") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (std::size_t i = 0; i <= r2p::FacetTable::kMaxValues; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term("XD" + std::to_string(i));
            db.add_document(doc);
        }
        CHECK_FALSE(r2p::FacetTable::build(db, "XD").has_value());
        db.delete_document(1);
        const auto table = r2p::FacetTable::build(db, "XD");  // 64 values are left
        REQUIRE(table.has_value());
        CHECK(table->values().size() == r2p::FacetTable::kMaxValues);
    }
}
