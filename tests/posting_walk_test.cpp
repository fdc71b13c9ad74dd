// The posting walk's AND: the matches Xapian's matcher finds, in docid order, with every
// term positioned on each match.
#include "search/posting_walk.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "matcher_docids.hpp"
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
}
