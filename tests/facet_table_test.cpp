#include "tables/facet_table.hpp"

#include <doctest/doctest.h>

#include <algorithm>
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

    TEST_CASE("a multi-valued table numbers its combinations, or keeps masks past the most") {
        for (const std::size_t values :
             {std::size_t{1}, std::size_t{31}, std::size_t{33}, r2p::FacetTable::kMaxValues}) {
            CAPTURE(values);
            Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
            // Passage i + 1 carries value i and value 0 (zero-padded: values sort as built);
            // the last passage none.
            for (std::size_t i = 0; i < values; ++i) {
                Xapian::Document doc;
                doc.add_boolean_term("XR" + std::string(i < 10 ? "0" : "") + std::to_string(i));
                doc.add_boolean_term("XR00");
                db.add_document(doc);
            }
            db.add_document(Xapian::Document());
            // `values` distinct combinations: numbered when allowed, else masks.
            for (const std::size_t most : {values, values - 1}) {
                CAPTURE(most);
                const auto table = r2p::FacetTable::build(db, "XR", false, most);
                REQUIRE(table.has_value());
                CHECK_FALSE(table->single_valued());
                const bool numbered = most == values;
                CHECK(table->by_combination() == numbered);
                CHECK(table->bits_by_docid().empty() == numbered);
                CHECK(table->index_by_docid().empty() == !numbered);
                if (numbered) {
                    const auto combinations = table->combinations();
                    REQUIRE(combinations.size() == values);
                    CHECK(std::is_sorted(combinations.begin(), combinations.end()));
                }
                r2p::FacetIndexCounts by_index(*table);
                r2p::FacetBitCounts counts;
                for (Xapian::docid did = 1; did <= values + 2; ++did) {
                    counts.add(table->bits(did));
                    if (numbered) by_index.add(table->index(did));
                }
                for (std::size_t i = 0; i < values; ++i) {
                    CAPTURE(i);
                    const auto did = static_cast<Xapian::docid>(i + 1);
                    CHECK(table->bits(did) == ((std::uint64_t{1} << i) | 1U));
                    CHECK(counts.count(i) == (i == 0 ? values : 1));
                    if (numbered) {
                        CHECK(table->combinations()[table->index(did) - 1U] == table->bits(did));
                        CHECK(by_index.count(i) == 1);  // each combination once
                    }
                }
                CHECK(table->bits(static_cast<Xapian::docid>(values + 1)) == 0);  // none
                CHECK(table->index(static_cast<Xapian::docid>(values + 1)) == 0);
                CHECK(table->bits(99) == 0);  // past the last docid
            }
        }
    }

    TEST_CASE("bit counts are each bit's masks, across many masks, every bit included") {
        std::uint64_t state = 5;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return state;
        };
        for (const std::size_t masks :
             {std::size_t{0}, std::size_t{1}, std::size_t{62}, std::size_t{63}, std::size_t{64},
              std::size_t{1000}, std::size_t{100000}}) {
            CAPTURE(masks);
            r2p::FacetBitCounts counts;
            std::vector<Xapian::doccount> expected(64, 0);
            for (std::size_t i = 0; i < masks; ++i) {
                // Sparse masks mostly, dense and full ones too.
                std::uint64_t bits = next() & next() & next();
                if (i % 17 == 0) bits = next();
                if (i % 101 == 0) bits = ~std::uint64_t{0};
                counts.add(bits);
                for (std::size_t bit = 0; bit < 64; ++bit) expected[bit] += (bits >> bit) & 1U;
            }
            for (std::size_t bit = 0; bit < 64; ++bit) {
                CAPTURE(bit);
                CHECK(counts.count(bit) == expected[bit]);
            }
        }
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

    TEST_CASE("a single-valued field's table holds a value index per passage, past 64 values") {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        constexpr std::size_t kValues = 3 * r2p::FacetTable::kMaxValues;
        for (std::size_t i = 0; i < kValues; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term("XC" + std::to_string(1000 + i % (kValues / 2)));
            db.add_document(doc);
        }
        db.add_document(Xapian::Document());  // no value
        CHECK_FALSE(r2p::FacetTable::build(db, "XC").has_value());
        const auto table = r2p::FacetTable::build(db, "XC", true);
        REQUIRE(table.has_value());
        CHECK(table->single_valued());
        REQUIRE(table->values().size() == kValues / 2);
        CHECK(table->values()[0] == "1000");
        CHECK(table->index(1) == 1);
        CHECK(table->index(2) == 2);
        CHECK(table->index(kValues / 2 + 1) == 1);
        CHECK(table->index(static_cast<Xapian::docid>(kValues + 1)) == 0);  // no value
        CHECK(table->index(9999) == 0);  // never read out of bounds

        r2p::FacetIndexCounts counts(*table);
        for (Xapian::docid did = 1; did <= kValues + 1; ++did) counts.add(table->index(did));
        for (std::size_t i = 0; i < table->values().size(); ++i) CHECK(counts.count(i) == 2);
    }
}
