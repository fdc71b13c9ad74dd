// The counting pass's bitset merge of an OR: the same matches, in the same order, as the
// posting walk's own merge.
#include "search/union_walk.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

TEST_SUITE("union_walk") {
    TEST_CASE("an OR's matches from the bitset are the walk's, filters applied") {
        using Q = Xapian::Query;
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase db((dir / "db").string(),
                                        Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
            for (unsigned p = 1; p <= 700; ++p) {
                Xapian::Document doc;
                // Term k in every k-th passage: docids 64 apart and word edges are crossed.
                for (unsigned k = 2; k <= 70; k += 4) {
                    if (p % k == 0) doc.add_term("k" + std::to_string(k));
                }
                if (p % 3 == 0) doc.add_boolean_term("Fthird");
                db.add_document(doc);
            }
            db.delete_document(64);  // a gap: the last docid stays 700
            db.commit();
        }
        const Xapian::Database db((dir / "db").string());
        std::vector<Q> terms;
        for (unsigned k = 2; k <= 70; k += 4) terms.emplace_back("k" + std::to_string(k));
        const Q broad(Q::OP_OR, terms.begin(), terms.end());
        for (const Q& q :
             {broad, Q(Q::OP_OR, Q("k62"), Q("k66")), Q(Q::OP_FILTER, broad, Q("Fthird")), Q("k2"),
              Q(Q::OP_AND, Q("k2"), Q("k6"))}) {
            CAPTURE(q.get_description());
            auto expected_walk = r2p::detail::PostingWalk::open(db, q);
            auto walk = r2p::detail::PostingWalk::open(db, q);
            REQUIRE(expected_walk.has_value());
            REQUIRE(walk.has_value());
            std::vector<Xapian::docid> expected;
            expected_walk->for_each([&](Xapian::docid did) { expected.push_back(did); });
            std::vector<Xapian::docid> got;
            r2p::detail::for_each_match(*walk, db.get_lastdocid(),
                                        [&](Xapian::docid did) { got.push_back(did); });
            CHECK(!expected.empty());
            CHECK(got == expected);
        }
    }
}
