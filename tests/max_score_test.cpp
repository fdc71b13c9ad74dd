// MaxScore pruning in rank_bm25: a pruned page must be exactly the slice of the unpruned
// ranking (the same passages and weights, ties by ascending docid), whatever k, offset,
// term frequencies, ties at the threshold and filters; and counts stay exact or bounded.
#include "search/max_score.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "search/ranked_pass.hpp"
#include "test_support.hpp"

TEST_SUITE("max_score") {
    namespace {

    using Q = Xapian::Query;

    // Passages of terms t0..t199 whose frequencies fall steeply with their number, wdfs of
    // 1-3 with a few up to 12, lengths padded with filler words; every 5th passage repeats
    // the one before (equal weights, so ties at the k-th weight), and boolean filter terms
    // Fa (a third), Fb (a half) and Frare (2%).
    void write_corpus(const std::string& dir, std::uint64_t seed, int passages) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        std::uint64_t state = seed;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<unsigned>(state >> 33);
        };
        Xapian::Document previous;
        for (int p = 0; p < passages; ++p) {
            if (p % 5 == 4) {
                db.add_document(previous);
                continue;
            }
            Xapian::Document doc;
            const unsigned words = 2 + next() % 12;
            for (unsigned w = 0; w < words; ++w) {
                const unsigned r = next() % 1000;
                const unsigned term = r * r * r / 5'000'000;  // 0..199, skewed to 0
                const unsigned wdf = next() % 20 == 0 ? 4 + next() % 9 : 1 + next() % 3;
                doc.add_term("t" + std::to_string(term), wdf);
            }
            doc.add_term("filler", 1 + next() % 150);
            if (next() % 3 == 0) doc.add_boolean_term("Fa");
            if (next() % 2 == 0) doc.add_boolean_term("Fb");
            if (next() % 50 == 0) doc.add_boolean_term("Frare");
            db.add_document(doc);
            previous = doc;
        }
        db.commit();
    }

    Q or_of(const std::vector<std::string>& terms) {
        std::vector<Q> subs;
        for (const auto& t : terms) subs.emplace_back(t);
        return Q(Q::OP_OR, subs.begin(), subs.end());
    }

    std::vector<Q> pruned_queries() {
        // A wildcard-like expansion of terms from frequent to never seen.
        std::vector<std::string> many;
        for (int t = 0; t < 200; t += 7) many.push_back("t" + std::to_string(t));
        const Q broad = or_of(many);
        return {
            or_of({"t0", "t1"}),                 // two frequent terms
            or_of({"t0", "t150"}),               // very different frequencies
            or_of({"t190", "t2", "t40", "t0"}),  // scanned by the plain walk before
            broad,                               // merged through a heap before
            or_of({"t3", "Fa"}),                 // a boolean term: wdf 0, weight 0
            or_of({"t5", "t6", "nosuchterm"}),   // a term with no postings
            Q(Q::OP_FILTER, broad, Q("Frare")),  // a filter removing most candidates
            Q(Q::OP_FILTER, or_of({"t0", "t9"}), Q(Q::OP_AND, Q("Fa"), Q("Fb"))),
        };
    }

    // `shards`: db's shards one by one, each then walked on its own (none: db walked whole).
    void check_pruning_is_exact(const Xapian::Database& db,
                                const std::vector<Xapian::Database>& shards = {}) {
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        for (const Q& q : pruned_queries()) {
            CAPTURE(q.get_description());
            // k at least every match: nothing can be pruned, the whole ranking.
            const auto all = r2p::rank_bm25(db, lengths, q, 0, db.get_doccount(),
                                            r2p::RankCounts::Exact, nullptr, nullptr, shards);
            REQUIRE(all.has_value());
            REQUIRE(all->matches.exact());
            REQUIRE(all->hits.size() == all->matches.lower);
            for (const std::size_t offset : {std::size_t{0}, std::size_t{3}}) {
                for (const std::size_t limit : std::vector<std::size_t>{1, 2, 3, 5, 10, 20, 50}) {
                    CAPTURE(offset);
                    CAPTURE(limit);
                    const auto page =
                        r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::BoundsOnly,
                                       nullptr, nullptr, shards);
                    REQUIRE(page.has_value());
                    const std::size_t from = std::min(offset, all->hits.size());
                    const std::size_t to = std::min(offset + limit, all->hits.size());
                    REQUIRE(page->hits.size() == to - from);
                    for (std::size_t i = 0; i < page->hits.size(); ++i) {
                        CAPTURE(i);
                        CHECK(page->hits[i].did == all->hits[from + i].did);
                        CHECK(page->hits[i].weight == all->hits[from + i].weight);
                    }
                    // Bounds only: consistent, and around the true count.
                    const r2p::MatchCounts& c = page->matches;
                    CHECK(c.lower <= c.estimated);
                    CHECK(c.estimated <= c.upper);
                    CHECK(c.lower <= all->matches.lower);
                    CHECK(all->matches.lower <= c.upper);
                    // Counted: exact (far below kExactMatchesUpTo).
                    const auto counted =
                        r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::Exact,
                                       nullptr, nullptr, shards);
                    REQUIRE(counted.has_value());
                    CHECK(counted->matches.exact());
                    CHECK(counted->matches.lower == all->matches.lower);
                }
            }
        }
    }

    }  // namespace

    TEST_CASE("pruned pages are exact slices of the whole ranking, ties included") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 11, 4000);
        check_pruning_is_exact(Xapian::Database((dir / "one").string()));
    }

    TEST_CASE("and over shards, whose wdf and length bounds differ") {
        r2p::test::TempDir dir;
        write_corpus((dir / "a").string(), 12, 2500);
        write_corpus((dir / "b").string(), 13, 1200);
        const Xapian::Database a((dir / "a").string());
        const Xapian::Database b((dir / "b").string());
        Xapian::Database both(a);
        both.add_database(b);
        check_pruning_is_exact(both);
        check_pruning_is_exact(both, {a, b});  // each shard walked on its own
    }

    TEST_CASE("the same passages as Xapian's matcher, also with equal weights at the edge") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 14, 3000);
        const Xapian::Database db((dir / "one").string());
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        // Two terms: the sums are Xapian's to the bit, so even the docids of ties agree.
        for (const Q& q : {or_of({"t0", "t1"}), or_of({"t0", "t150"}), or_of({"t3", "Fa"})}) {
            CAPTURE(q.get_description());
            Xapian::Enquire enquire(db);
            enquire.set_query(q);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            for (const Xapian::doccount limit : {1u, 7u, 30u}) {
                const Xapian::MSet mset = enquire.get_mset(2, limit, db.get_doccount());
                const auto ours =
                    r2p::rank_bm25(db, lengths, q, 2, limit, r2p::RankCounts::BoundsOnly);
                REQUIRE(ours.has_value());
                REQUIRE(ours->hits.size() == mset.size());
                std::size_t i = 0;
                for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
                    CHECK(ours->hits[i].did == *it);
                    CHECK(ours->hits[i].weight == doctest::Approx(it.get_weight()).epsilon(1e-12));
                }
            }
        }
    }
}
