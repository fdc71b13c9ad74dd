// Counting a ranked OR: by one scan of up to four terms (ranked_pass.cpp), else from what
// MaxScore read (search/or_union_count.*). rank_bm25 with a
// visitor must visit exactly the matches Xapian's matcher finds, in ascending docid order,
// count them exactly, and rank exactly as without a visitor, whatever the page (k = 0
// included), the number of terms, filters, shards and terms absent from a shard.
#include "search/or_union_count.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "matcher_docids.hpp"
#include "search/match_visitor.hpp"
#include "search/ranked_pass.hpp"
#include "test_support.hpp"

TEST_SUITE("or_union_count") {
    namespace {

    using Q = Xapian::Query;

    // Passages of terms w0..w39 whose frequencies fall with their number (w0 in most, w39
    // in few), wdfs 1-4, filler for varied lengths, filters Fa (a third) and Fb (a half);
    // `only` is added to every 7th passage (a term the other shard lacks).
    void write_corpus(const std::string& dir, std::uint64_t seed, int passages,
                      const std::string& only) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        std::uint64_t state = seed;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<unsigned>(state >> 33);
        };
        for (int p = 0; p < passages; ++p) {
            Xapian::Document doc;
            const unsigned words = 1 + next() % 8;
            for (unsigned w = 0; w < words; ++w) {
                const unsigned r = next() % 200;
                doc.add_term("w" + std::to_string(r * r / 1000), 1 + next() % 4);
            }
            doc.add_term("filler", 1 + next() % 60);
            if (p % 7 == 0) doc.add_term(only, 1 + next() % 3);
            if (next() % 3 == 0) doc.add_boolean_term("Fa");
            if (next() % 2 == 0) doc.add_boolean_term("Fb");
            db.add_document(doc);
        }
        db.commit();
    }

    Q or_of(const std::vector<std::string>& terms) {
        std::vector<Q> subs;
        for (const auto& t : terms) subs.emplace_back(t);
        return Q(Q::OP_OR, subs.begin(), subs.end());
    }

    std::vector<Q> or_queries() {
        return {
            or_of({"w0", "w1"}),                      // two frequent terms
            or_of({"w0", "w30"}),                     // very different frequencies
            or_of({"w2", "w5", "w9"}),                // three
            or_of({"w0", "w3", "w12", "w20"}),        // four
            or_of({"w1", "w4", "w8", "w16", "w39"}),  // five
            or_of({"w6", "onlya", "onlyb"}),          // terms each absent from a shard
            or_of({"w7", "nosuchterm"}),              // a term with no postings at all
            Q(Q::OP_FILTER, or_of({"w0", "w1"}), Q("Fa")),
            Q(Q::OP_FILTER, or_of({"w3", "w10", "onlyb"}), Q(Q::OP_OR, Q("Fa"), Q("Fb"))),
        };
    }

    // Records what a ranked pass hands it.
    class Recorder final : public r2p::MatchVisitor {
      public:
        void visit(Xapian::docid did) override { visited.push_back(did); }
        void visited_all() override { ++completed; }
        std::vector<Xapian::docid> visited;
        int completed = 0;
    };

    // `shards`: db's shards one by one, each then walked on its own (none: db walked whole);
    // the visits then come in docid order shard by shard.
    void check_counted_union(const Xapian::Database& db,
                             const std::vector<Xapian::Database>& shards = {}) {
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        for (const Q& q : or_queries()) {
            CAPTURE(q.get_description());
            const std::vector<Xapian::docid> expected = r2p::test::matcher_docids(db, q);
            REQUIRE(!expected.empty());
            for (const std::size_t offset : {std::size_t{0}, std::size_t{4}}) {
                for (const std::size_t limit : std::vector<std::size_t>{0, 1, 3, 10, 100}) {
                    CAPTURE(offset);
                    CAPTURE(limit);
                    const auto plain =
                        r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::BoundsOnly,
                                       nullptr, nullptr, shards);
                    Recorder recorder;
                    const auto visited =
                        r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::BoundsOnly,
                                       nullptr, &recorder, shards);
                    REQUIRE(plain.has_value());
                    REQUIRE(visited.has_value());
                    CHECK(recorder.completed == 1);
                    if (!shards.empty())
                        std::sort(recorder.visited.begin(), recorder.visited.end());
                    CHECK(recorder.visited == expected);
                    CHECK(visited->matches.exact());
                    CHECK(visited->matches.lower == expected.size());
                    REQUIRE(visited->hits.size() == plain->hits.size());
                    for (std::size_t i = 0; i < plain->hits.size(); ++i) {
                        CAPTURE(i);
                        CHECK(visited->hits[i].did == plain->hits[i].did);
                        CHECK(visited->hits[i].weight == plain->hits[i].weight);
                    }
                    // The exact count asked without a visitor comes the same way.
                    const auto counted =
                        r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::Exact,
                                       nullptr, nullptr, shards);
                    REQUIRE(counted.has_value());
                    CHECK(counted->matches.exact());
                    CHECK(counted->matches.lower == expected.size());
                }
            }
        }
    }

    }  // namespace

    TEST_CASE("a ranked OR's visits are the matcher's matches, in one database") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 21, 3000, "onlya");
        check_counted_union(Xapian::Database((dir / "one").string()));
    }

    TEST_CASE("and over shards, each lacking a term the other has") {
        r2p::test::TempDir dir;
        write_corpus((dir / "a").string(), 22, 1800, "onlya");
        write_corpus((dir / "b").string(), 23, 900, "onlyb");
        const Xapian::Database a((dir / "a").string());
        const Xapian::Database b((dir / "b").string());
        Xapian::Database both(a);
        both.add_database(b);
        check_counted_union(both);
        check_counted_union(both, {a, b});  // each shard walked on its own
    }

    TEST_CASE("a docid set keeps its members in ascending order, none out of its bounds") {
        r2p::detail::DocidBits bits(130);
        for (const Xapian::docid did : {130U, 64U, 1U, 63U, 64U, 192U, 5000U}) bits.insert(did);
        std::vector<Xapian::docid> members;
        bits.for_each([&](Xapian::docid did) { members.push_back(did); });
        CHECK(members == std::vector<Xapian::docid>{1, 63, 64, 130});
    }
}
