// rank_by_date and the date ranges of the posting walk against Xapian's matcher: the same
// hits in the same order (equal dates, missing dates, partial dates, offsets, filters), the
// same weights and exact counts; also over two shards seen through one date table.
#include "search/date_ranked_pass.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "r2p/schema.hpp"
#include "r2p/search_request.hpp"
#include "search/date_walk_top_k.hpp"
#include "search/posting_walk.hpp"
#include "search/query_filters.hpp"
#include "search/top_k_pass.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"
#include "two_shards_fixture.hpp"

TEST_SUITE("date_ranked_pass") {
    namespace {

    using Q = Xapian::Query;
    const Xapian::valueno kDateSlot = r2p::schema::slot(r2p::schema::Slot::Date);

    struct Lcg {
        std::uint64_t state;
        unsigned next() {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<unsigned>(state >> 33);
        }
    };

    // A passage's date as the index stores it: a few dates shared by many passages, partial
    // dates (20130000, 20130500), and passages without one.
    std::string date_value(Lcg& rng) {
        switch (rng.next() % 8) {
            case 0:
                return {};
            case 1:
                return "20130000";
            case 2:
                return "20130500";
            case 3:
                return "20120928";
            default:
                return std::to_string(2005 + rng.next() % 15) + "0" +
                       std::to_string(1 + rng.next() % 9) + std::to_string(10 + rng.next() % 18);
        }
    }

    // Passages of 3-60 words drawn with a skew from 60 words (so weights tie too: short
    // passages of one word), with filter terms, indexed as r2p-index indexes text.
    void write_corpus(const std::string& dir, unsigned seed, int passages) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        Xapian::TermGenerator terms;
        terms.set_stemmer(r2p::schema::make_stemmer());
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        Lcg rng{seed};
        for (int p = 0; p < passages; ++p) {
            std::string text;
            const unsigned words = 3 + rng.next() % 58;
            for (unsigned w = 0; w < words; ++w) {
                const unsigned r = rng.next() % 100;
                text += "w" + std::to_string(r * r / 170) + " ";  // skewed to low numbers
            }
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(text);
            const std::string date = date_value(rng);
            if (!date.empty()) doc.add_value(kDateSlot, date);
            if (rng.next() % 3 == 0) doc.add_boolean_term("XTa");
            if (rng.next() % 4 == 0) doc.add_boolean_term("XTb");
            doc.set_data("passage " + std::to_string(p));
            db.add_document(doc);
        }
        db.commit();
    }

    Q term(const std::string& word) { return Q("Z" + word); }  // a stemmed word, as parsed

    // The date range filter_query builds for from / to (either may be empty).
    Q date_range(const std::string& from, const std::string& to) {
        r2p::SearchFilters filters;
        filters.from = from;
        filters.to = to;
        return r2p::filter_query(filters, r2p::test::source_taxonomy());
    }

    // Queries of every shape the walk takes, with and without filters and date ranges.
    std::vector<Q> queries() {
        const Q one = term("w3");
        const Q rare = term("w40");
        const Q both(Q::OP_AND, term("w1"), term("w7"));
        const Q either(Q::OP_OR, term("w12"), term("w30"));
        const std::vector<Q> five{term("w20"), term("w25"), term("w31"), term("w45"), term("w50")};
        const Q many(Q::OP_OR, five.begin(), five.end());
        const Q theme_a("XTa");
        const Q a_or_b(Q::OP_OR, Q("XTa"), Q("XTb"));
        return {one,
                rare,
                both,
                either,
                many,
                Q(Q::OP_FILTER, one, theme_a),
                Q(Q::OP_FILTER, either, a_or_b),
                Q(Q::OP_FILTER, one, date_range("2010", "2014-06")),
                Q(Q::OP_FILTER, both, date_range("2013", "")),
                Q(Q::OP_FILTER, many, date_range("", "2012-09-28")),
                Q(Q::OP_FILTER, either, date_range("2013-05", "2013-05")),
                Q(Q::OP_FILTER, one, Q(Q::OP_AND, theme_a, date_range("2008", "2016")))};
    }

    struct Corpus {
        r2p::test::TempDir dir;
        Xapian::Database db;
        r2p::LengthTable lengths;
        r2p::DateTable dates;
        explicit Corpus(int passages) {
            write_corpus((dir / "db").string(), 16, passages);
            db = Xapian::Database((dir / "db").string());
            lengths = r2p::LengthTable::build(db);
            dates = r2p::DateTable::build(db);
        }
    };

    void check_same(const std::optional<r2p::TopK>& ours, const std::optional<r2p::TopK>& theirs) {
        REQUIRE(ours.has_value());
        REQUIRE(theirs.has_value());
        CHECK(ours->matches.exact());
        CHECK(ours->matches.lower == theirs->matches.lower);
        REQUIRE(ours->hits.size() == theirs->hits.size());
        for (std::size_t i = 0; i < ours->hits.size(); ++i) {
            CAPTURE(i);
            CHECK(ours->hits[i].data == theirs->hits[i].data);
            CHECK(ours->hits[i].weight == doctest::Approx(theirs->hits[i].weight));
        }
    }

    }  // namespace

    TEST_CASE("date order: the same hits, weights and counts as Xapian's sort by value") {
        const Corpus c(1500);
        const r2p::XapianTopK xapian(c.db);
        const r2p::DateWalkTopK walk(c.db, c.lengths, c.dates);
        CHECK(walk.kind() == r2p::RankedBy::PostingWalk);
        for (const Q& q : queries()) {
            for (const auto& page : {std::pair<std::size_t, std::size_t>{0, 10},
                                     {0, 1},
                                     {7, 20},
                                     {95, 40},
                                     {0, 5000}}) {
                // Named copies: clang cannot capture structured bindings (CAPTURE's lambda).
                const std::size_t offset = page.first;
                const std::size_t limit = page.second;
                CAPTURE(q.get_description());
                CAPTURE(offset);
                check_same(walk.run(q, offset, limit, r2p::SortOrder::Date),
                           xapian.run(q, offset, limit, r2p::SortOrder::Date));
            }
        }
    }

    TEST_CASE("date order puts undated passages last and breaks ties by weight, then docid") {
        const Corpus c(600);
        const std::vector<Q> common{term("w0"), term("w1"), term("w2"), term("w3")};
        const Q most(Q::OP_OR, common.begin(), common.end());
        const auto ranked = r2p::rank_by_date(c.db, c.lengths, c.dates, most, 0, 600);
        REQUIRE(ranked.has_value());
        REQUIRE(ranked->hits.size() == ranked->matches.lower);
        CHECK(ranked->matches.lower > 500);
        bool undated = false;
        std::size_t equal_dates = 0;
        for (std::size_t i = 1; i < ranked->hits.size(); ++i) {
            const auto& a = ranked->hits[i - 1];
            const auto& b = ranked->hits[i];
            const std::uint32_t da = c.dates.at(a.did);
            const std::uint32_t db = c.dates.at(b.did);
            CHECK(da >= db);
            if (da == db) {
                ++equal_dates;
                CHECK((a.weight > b.weight || (a.weight == b.weight && a.did < b.did)));
            }
            undated = undated || db == 0;
        }
        CHECK(undated);
        CHECK(equal_dates > 100);
        CHECK(c.dates.at(ranked->hits.back().did) == 0);
    }

    TEST_CASE("the walk declines relevance order, and shapes it does not take") {
        const Corpus c(200);
        const r2p::DateWalkTopK walk(c.db, c.lengths, c.dates);
        CHECK_FALSE(walk.run(term("w3"), 0, 10, r2p::SortOrder::Relevance).has_value());
        const Q near(Q::OP_NEAR, term("w1"), term("w2"));
        CHECK_FALSE(walk.run(near, 0, 10, r2p::SortOrder::Date).has_value());
        const Q other_slot(Q::OP_FILTER, term("w3"), Q(Q::OP_VALUE_GE, kDateSlot + 1, "2"));
        CHECK_FALSE(walk.run(other_slot, 0, 10, r2p::SortOrder::Date).has_value());
        // No words, only filters: every passage weighs 0 for Xapian; not walked (yet).
        const Q browse(Q::OP_FILTER, Q(std::string()), Q("XTa"));
        CHECK_FALSE(walk.run(browse, 0, 10, r2p::SortOrder::Date).has_value());
    }

    TEST_CASE("date ranges on the relevance walk: Xapian's hits, only with a date table") {
        const Corpus c(1500);
        const r2p::XapianTopK xapian(c.db);
        const r2p::PostingWalkTopK with_dates(c.db, c.lengths, r2p::RankCounts::Exact, &c.dates);
        const r2p::PostingWalkTopK without(c.db, c.lengths);
        const Q ranged(Q::OP_FILTER, term("w3"), date_range("2010", "2014-06"));
        CHECK_FALSE(without.run(ranged, 0, 10, r2p::SortOrder::Relevance).has_value());
        for (const Q& q : queries()) {
            CAPTURE(q.get_description());
            check_same(with_dates.run(q, 3, 25, r2p::SortOrder::Relevance),
                       xapian.run(q, 3, 25, r2p::SortOrder::Relevance));
        }
    }

    TEST_CASE("date ranges walked on each of two shards through the combined date table") {
        const r2p::test::TwoShards corpus(write_corpus, 3, 700, 5, 450);
        const Xapian::Database& a = corpus.a;
        const Xapian::Database& b = corpus.b;
        const Xapian::Database& both = corpus.both;
        const r2p::DateTable dates = r2p::DateTable::build(both);
        for (const Q& q : queries()) {
            CAPTURE(q.get_description());
            Xapian::doccount walked = 0;
            const std::vector<const Xapian::Database*> shards{&a, &b};
            for (std::size_t i = 0; i < shards.size(); ++i) {
                const r2p::detail::WalkDates seen{&dates, 2, static_cast<Xapian::docid>(i)};
                auto walk = r2p::detail::PostingWalk::open(*shards[i], q, &seen);
                REQUIRE(walk.has_value());
                walk->for_each([&](Xapian::docid) { ++walked; });
            }
            Xapian::Enquire enquire(both);
            enquire.set_query(q);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            CHECK(walked == enquire.get_mset(0, 0, both.get_doccount()).get_matches_estimated());
        }
    }

    TEST_CASE("date order over two shards walked one by one: Xapian's on the combined database") {
        const r2p::test::TwoShards corpus(write_corpus, 3, 700, 5, 450);
        const Xapian::Database& a = corpus.a;
        const Xapian::Database& b = corpus.b;
        const Xapian::Database& both = corpus.both;
        const r2p::LengthTable lengths = r2p::LengthTable::build(both);
        const r2p::DateTable dates = r2p::DateTable::build(both);
        const r2p::XapianTopK xapian(both);

        // Every match seen once, by its combined docid.
        struct Seen final : r2p::MatchVisitor {
            std::set<Xapian::docid> dids;
            std::size_t visits = 0;
            bool all = false;
            void visit(Xapian::docid did) override {
                dids.insert(did);
                ++visits;
            }
            void visited_all() override { all = true; }
        };
        for (const Q& q : queries()) {
            for (const auto& page :
                 {std::pair<std::size_t, std::size_t>{0, 10}, {0, 1}, {95, 40}, {0, 5000}}) {
                const std::size_t offset = page.first;
                const std::size_t limit = page.second;
                CAPTURE(q.get_description());
                CAPTURE(offset);
                Seen seen;
                const r2p::DateWalkTopK walk(both, lengths, dates, &seen, {a, b});
                const auto theirs = xapian.run(q, offset, limit, r2p::SortOrder::Date);
                check_same(walk.run(q, offset, limit, r2p::SortOrder::Date), theirs);
                CHECK(seen.all);
                CHECK(seen.visits == seen.dids.size());
                Xapian::Enquire enquire(both);
                enquire.set_query(q);
                std::set<Xapian::docid> matches;
                for (const Xapian::docid did : enquire.get_mset(0, both.get_doccount())) {
                    matches.insert(did);
                }
                CHECK(seen.dids == matches);
            }
        }
    }
}
