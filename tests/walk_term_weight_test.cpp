// LazyMatchWeight: a match's weight to the bit, as term_part sums it, with an indexed
// phrase's words read strongest first and only while the match could still enter.
#include "search/walk_term_weight.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "search/posting_walk.hpp"
#include "test_support.hpp"

TEST_SUITE("walk_term_weight") {
    namespace {

    using Q = Xapian::Query;

    // "rare" stands in 1 passage in 10, "the" in every one; the phrase "rare the" (indexed)
    // where they stand in a row, which is in every 10th passage from the 5th; "other" in
    // every 3rd.
    void write_corpus(const std::string& dir) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        for (int p = 0; p < 200; ++p) {
            Xapian::Document doc;
            doc.add_term("the", 1 + static_cast<Xapian::termcount>(p % 4));
            if (p % 10 == 4) {
                doc.add_term("rare", 1 + static_cast<Xapian::termcount>(p % 3));
                doc.add_boolean_term(r2p::IndexedPhrases::term_of({"rare", "the"}));
            }
            if (p % 3 == 0) doc.add_term("other", 2);
            doc.add_term("filler", 3 + static_cast<Xapian::termcount>(p % 7));
            db.add_document(doc);
        }
        db.commit();
    }

    // The walk of `other OR "rare the"`, its terms on their first docids.
    r2p::detail::PostingWalk open_walk(const Xapian::Database& db) {
        const Q phrase(Q::OP_FILTER, Q(Q::OP_AND, Q("rare"), Q("the")),
                       Q(r2p::IndexedPhrases::term_of({"rare", "the"})));
        auto walk = r2p::detail::PostingWalk::open(db, Q(Q::OP_OR, Q("other"), phrase));
        REQUIRE(walk);
        REQUIRE(walk->terms().size() == 2);
        REQUIRE(walk->terms()[1].parts.size() == 2);
        return std::move(*walk);
    }

    r2p::detail::OrWeights weights_of(const Xapian::Database& db,
                                      const r2p::detail::PostingWalk& walk) {
        r2p::detail::OrWeights w;
        for (const auto& t : walk.terms()) {
            w.termweights.push_back(
                r2p::detail::bm25_term_weight(db.get_doccount(), db.get_termfreq(t.term)));
        }
        w.word_weights = r2p::detail::word_weights_of(db, walk);
        w.word_wdf_uppers = r2p::detail::word_wdf_uppers_of(db, walk);
        w.len_factor = 1 / db.get_avlength();
        return w;
    }

    }  // namespace

    TEST_CASE("weighs each match as term_part sums it, to the bit") {
        r2p::test::TempDir dir;
        write_corpus(dir.path().string());
        const Xapian::Database db(dir.path().string());
        auto walk = open_walk(db);
        auto expected_walk = open_walk(db);
        const auto weights = weights_of(db, walk);
        r2p::detail::LazyMatchWeight weigher(walk.terms(), weights);
        auto& terms = walk.terms();
        auto& expected_terms = expected_walk.terms();
        int weighed = 0;
        // Every docid either term holds, ascending, both walks moved alike.
        for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
            std::vector<std::size_t> held;
            for (std::size_t i = 0; i < terms.size(); ++i) {
                if (terms[i].it != terms[i].end && *terms[i].it < did) {
                    terms[i].it.skip_to(did);
                    expected_terms[i].it.skip_to(did);
                }
                if (terms[i].at(did)) held.push_back(i);
            }
            if (held.empty()) continue;
            const Xapian::termcount length = db.get_doclength(did);
            double expected = 0;
            for (const std::size_t i : held) {
                expected += r2p::detail::term_part(
                    expected_terms[i], weights.termweights[i], weights.word_weights[i],
                    expected_terms[i].it.get_wdf(), length, weights.len_factor);
            }
            weigher.start(length);
            const auto weight = weigher.weigh(held, [](double) { return true; });
            REQUIRE(weight);
            CHECK(*weight == expected);  // bitwise: the same sums in the same order
            ++weighed;
        }
        CHECK(weighed > 60);
    }

    TEST_CASE("reads a phrase's words strongest first, and none once the match cannot enter") {
        r2p::test::TempDir dir;
        write_corpus(dir.path().string());
        const Xapian::Database db(dir.path().string());
        auto walk = open_walk(db);
        const auto weights = weights_of(db, walk);
        r2p::detail::LazyMatchWeight weigher(walk.terms(), weights);
        auto& phrase = walk.terms()[1];
        const Xapian::docid match = *phrase.it;  // the phrase's first match, docid 5
        REQUIRE(match == 5);
        auto& rare = phrase.parts[0];
        auto& the = phrase.parts[1];
        REQUIRE(*rare.it == 5);  // "rare" first stands where the phrase does
        REQUIRE(*the.it == 1);   // "the" stands in every passage
        const std::size_t held[] = {1};
        const Xapian::termcount length = db.get_doclength(match);

        // Cannot enter even at its bound: no word is read.
        weigher.start(length);
        CHECK_FALSE(weigher.weigh(held, [](double) { return false; }));
        CHECK(*the.it == 1);

        // Could enter at its bound only: "rare" (the strong word) is read, then the bound
        // no longer lets it in, and "the" stays unread.
        const double bound = weigher.bound(1);
        weigher.start(length);
        CHECK_FALSE(weigher.weigh(held, [&](double upper) { return upper >= bound; }));
        CHECK(*the.it == 1);

        // Always could enter: both words are read, "the" moved to the match.
        weigher.start(length);
        const auto weight = weigher.weigh(held, [](double) { return true; });
        REQUIRE(weight);
        CHECK(*the.it == match);
        CHECK(*weight <= bound);
        CHECK(*weight > 0);
    }
}
