// The posting walk's AND: the matches Xapian's matcher finds, in docid order, with every
// term positioned on each match.
#include "search/posting_walk.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "matcher_docids.hpp"
#include "search/union_walk.hpp"
#include "test_support.hpp"

TEST_SUITE("posting_walk") {
    TEST_CASE("an AND leapfrogs over gaps and ends with its shortest term, missing no match") {
        using Q = Xapian::Query;
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase db((dir / "db").string(),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            for (unsigned p = 1; p <= 3000; ++p) {
                Xapian::Document doc;
                if (p % 2 == 0) doc.add_term("even", 1 + p % 3);
                if (p % 7 == 0) doc.add_term("seventh");
                // Two stretches far apart: the lead must skip the others' long gaps.
                if ((p >= 100 && p < 130) || (p >= 2500 && p < 2520)) doc.add_term("block", 2);
                if (p <= 50) doc.add_term("early");  // ends long before the others
                if (p % 3 == 0) doc.add_boolean_term("Fthird");
                // Rarer than any term: a filter that guides the walk (an indexed phrase's).
                if (p % 91 == 0 || p == 2510) doc.add_boolean_term("Frare");
                db.add_document(doc);
            }
            db.commit();
        }
        const Xapian::Database db((dir / "db").string());
        const std::vector<Q> three = {Q("even"), Q("seventh"), Q("block")};
        for (const Q& q :
             {Q(Q::OP_AND, Q("even"), Q("block")), Q(Q::OP_AND, Q("block"), Q("even")),
              Q(Q::OP_AND, three.begin(), three.end()), Q(Q::OP_AND, Q("seventh"), Q("early")),
              Q(Q::OP_AND, Q("even"), Q("seventh")),
              Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("seventh")), Q("Fthird")),
              Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("seventh")), Q("Frare")),
              Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("block")), Q("Frare")),
              Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("seventh")),
                Q(Q::OP_AND, Q("Fthird"), Q("Frare"))),
              Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("seventh")),
                Q(Q::OP_OR, Q("Frare"), Q("Fthird"))),
              Q(Q::OP_AND, Q("block"), Q("early"))}) {
            CAPTURE(q.get_description());
            auto walk = r2p::detail::PostingWalk::open(db, q);
            REQUIRE(walk.has_value());
            std::vector<Xapian::docid> got;
            bool positioned = true;
            walk->for_each([&](Xapian::docid did) {
                got.push_back(did);
                for (const auto& t : walk->terms()) {
                    if (!t.at(did)) positioned = false;
                }
            });
            CHECK(got == r2p::test::matcher_docids(db, q));
            CHECK(positioned);
        }
    }

    TEST_CASE("a lone indexed phrase is walked by its term, its words kept to weigh it") {
        using Q = Xapian::Query;
        r2p::test::TempDir dir;
        const std::string phrase_term = r2p::IndexedPhrases::term_of({"war", "crimes"});
        {
            Xapian::WritableDatabase db((dir / "db").string(),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            for (unsigned p = 1; p <= 300; ++p) {
                Xapian::Document doc;
                doc.add_term("war");
                if (p % 2 == 0) doc.add_term("crimes");
                if (p % 10 == 0) doc.add_boolean_term(phrase_term);  // where they stand in a row
                if (p % 3 == 0) doc.add_boolean_term("Fthird");
                db.add_document(doc);
            }
            db.commit();
        }
        const Xapian::Database db((dir / "db").string());
        const Q phrase(Q::OP_FILTER, Q(Q::OP_AND, Q("war"), Q("crimes")), Q(phrase_term));
        for (const Q& q : {phrase, Q(Q::OP_FILTER, phrase, Q("Fthird"))}) {
            CAPTURE(q.get_description());
            auto walk = r2p::detail::PostingWalk::open(db, q);
            REQUIRE(walk.has_value());
            REQUIRE(walk->terms().size() == 1);
            CHECK_FALSE(walk->conjunctive());
            CHECK(walk->terms().front().term == phrase_term);
            CHECK(walk->terms().front().parts.size() == 2);
            std::vector<Xapian::docid> got;
            walk->for_each([&](Xapian::docid did) { got.push_back(did); });
            CHECK(got == r2p::test::matcher_docids(db, q));
        }
        // Another FILTER of those words is no phrase: the AND is walked, filtered.
        const Q other(Q::OP_FILTER, Q(Q::OP_AND, Q("war"), Q("crimes")), Q("Fthird"));
        auto walk = r2p::detail::PostingWalk::open(db, other);
        REQUIRE(walk.has_value());
        CHECK(walk->conjunctive());
        CHECK(walk->filtered());
    }

    TEST_CASE("a walk limited to a docid range visits exactly the matches in it, any shape") {
        using Q = Xapian::Query;
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase db((dir / "db").string(),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            for (unsigned p = 1; p <= 2000; ++p) {
                Xapian::Document doc;
                if (p % 2 == 0) doc.add_term("even");
                if (p % 7 == 0) doc.add_term("seventh");
                if (p % 11 == 0) doc.add_term("eleventh");
                if (p % 13 == 0) doc.add_term("thirteenth");
                if (p % 17 == 0) doc.add_term("seventeenth");
                if (p % 3 == 0) doc.add_boolean_term("Fthird");
                db.add_document(doc);
            }
            db.commit();
        }
        const Xapian::Database db((dir / "db").string());
        const std::vector<Q> five = {Q("seventh"), Q("eleventh"), Q("thirteenth"), Q("seventeenth"),
                                     Q("even")};  // more than a scan takes
        const std::vector<Q> queries = {
            Q("seventh"),
            Q(Q::OP_AND, Q("even"), Q("seventh")),
            Q(Q::OP_OR, Q("seventh"), Q("eleventh")),
            Q(Q::OP_OR, five.begin(), five.end()),
            Q(Q::OP_FILTER, Q(Q::OP_OR, Q("seventh"), Q("thirteenth")), Q("Fthird")),
            Q(Q::OP_FILTER, Q(Q::OP_AND, Q("even"), Q("eleventh")), Q("Fthird"))};
        const std::pair<Xapian::docid, Xapian::docid> ranges[] = {
            {1, 1000}, {1001, 2000}, {500, 501}, {14, 14}, {1999, 5000}, {3000, 4000}};
        for (const Q& q : queries) {
            CAPTURE(q.get_description());
            const std::vector<Xapian::docid> all = r2p::test::matcher_docids(db, q);
            for (const auto& range : ranges) {
                const Xapian::docid first = range.first;
                const Xapian::docid last = range.second;
                CAPTURE(first);
                CAPTURE(last);
                std::vector<Xapian::docid> expected;
                for (const Xapian::docid did : all) {
                    if (did >= first && did <= last) expected.push_back(did);
                }
                auto walk = r2p::detail::PostingWalk::open(db, q);
                REQUIRE(walk.has_value());
                walk->limit_to(first, last);
                CHECK(walk->last() == last);
                std::vector<Xapian::docid> got;
                walk->for_each([&](Xapian::docid did) { got.push_back(did); });
                CHECK(got == expected);
                // A counting pass's union over the same range.
                auto counted = r2p::detail::PostingWalk::open(db, q);
                REQUIRE(counted.has_value());
                counted->limit_to(first, last);
                std::vector<Xapian::docid> union_got;
                r2p::detail::for_each_match(*counted, db.get_lastdocid(),
                                            [&](Xapian::docid did) { union_got.push_back(did); });
                CHECK(union_got == expected);
            }
        }
    }
}
