// The two ranked passes behind TopKPass: the same hits where both can rank a query, and the
// posting walk declining what it cannot rank so the caller falls back to Xapian's matcher.
#include "search/top_k_pass.hpp"

#include <doctest/doctest.h>

#include "r2p/databases.hpp"
#include "r2p/search_request.hpp"
#include "search/query_builder.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("top_k_pass") {
    namespace {

    Xapian::Query build(const std::string& text, const Xapian::Database& db) {
        const r2p::QueryBuilder builder(r2p::test::source_taxonomy());
        return builder.build(text, r2p::MatchMode::All, {}, db).query;
    }

    // The fixture index and both passes over it.
    struct Passes {
        r2p::test::TempDir dir;
        Xapian::Database db = [this] {
            r2p::test::write_search_fixture(dir / "db");
            return Xapian::Database((dir / "db").string());
        }();
        r2p::LengthTable lengths = r2p::LengthTable::build(db);
        r2p::XapianTopK xapian{db};
        r2p::PostingWalkTopK walk{db, lengths};
    };

    }  // namespace

    TEST_CASE("the posting walk ranks a query of terms as Xapian's matcher does") {
        const Passes p;
        CHECK(p.xapian.kind() == r2p::RankedBy::Xapian);
        CHECK(p.walk.kind() == r2p::RankedBy::PostingWalk);
        for (const char* text : {"prevention", "impunity OR minister", "prevention minister"}) {
            CAPTURE(text);
            const Xapian::Query q = build(text, p.db);
            const auto theirs = p.xapian.run(q, 1, 3, r2p::SortOrder::Relevance);
            const auto ours = p.walk.run(q, 1, 3, r2p::SortOrder::Relevance);
            REQUIRE(theirs.has_value());
            REQUIRE(ours.has_value());
            CHECK(ours->matches.exact());
            CHECK(ours->matches.lower == theirs->matches.lower);
            REQUIRE(ours->hits.size() == theirs->hits.size());
            for (std::size_t i = 0; i < ours->hits.size(); ++i) {
                CHECK(ours->hits[i].data == theirs->hits[i].data);
                CHECK(ours->hits[i].weight == doctest::Approx(theirs->hits[i].weight));
            }
        }
    }

    TEST_CASE("the posting walk declines phrases and date order, which Xapian ranks") {
        const Passes p;
        const Xapian::Query phrase = build("\"final link\"", p.db);
        CHECK_FALSE(p.walk.run(phrase, 0, 10, r2p::SortOrder::Relevance).has_value());
        const auto by_phrase = p.xapian.run(phrase, 0, 10, r2p::SortOrder::Relevance);
        REQUIRE(by_phrase.has_value());
        CHECK(by_phrase->hits.size() == 2);  // alpha/p1 and its quote
        const Xapian::Query term = build("prevention", p.db);
        CHECK_FALSE(p.walk.run(term, 0, 10, r2p::SortOrder::Date).has_value());
        const auto by_date = p.xapian.run(term, 0, 10, r2p::SortOrder::Date);
        REQUIRE(by_date.has_value());
        CHECK(by_date->hits.size() == by_date->matches.lower);
    }
}
