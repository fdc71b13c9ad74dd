#include "search/ranked_pass.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "r2p/schema.hpp"
#include "search/match_visitor.hpp"
#include "table_file_bytes.hpp"
#include "tables/table_file.hpp"
#include "tables/table_file_format.hpp"
#include "tables/table_file_writer.hpp"
#include "test_support.hpp"
#include "two_shards_fixture.hpp"
#include "util/worker_pool.hpp"

TEST_SUITE("ranked_pass") {
    namespace {

    using Q = Xapian::Query;

    // Word pairs the corpus indexes as phrases (index/indexed_phrases.hpp), as r2p-index
    // indexes the taxonomy's: a passage holds a pair's term where the two stand in a row.
    const std::vector<r2p::PhraseTerms> kPhrases = {{"w1", "w2"}, {"w0", "w3"}, {"w5", "w0"}};

    // An indexed phrase as phrase_rewrite.cpp rewrites the quoted phrase "a b".
    Xapian::Query indexed_phrase(const std::string& a, const std::string& b) {
        return Xapian::Query(
            Xapian::Query::OP_FILTER,
            Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(a), Xapian::Query(b)),
            Xapian::Query(r2p::IndexedPhrases::term_of({a, b})));
    }

    // A deterministic corpus: passages of 5-120 words drawn with a skew from 300 words, some
    // with filter terms and indexed phrases, indexed as r2p-index indexes text (English
    // stems, STEM_SOME).
    void write_corpus(const std::string& dir, unsigned seed, int passages) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        Xapian::TermGenerator terms;
        terms.set_stemmer(r2p::schema::make_stemmer());
        terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        std::uint64_t state = seed;
        auto next = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<unsigned>(state >> 33);
        };
        for (int p = 0; p < passages; ++p) {
            std::string text;
            const unsigned words = 5 + next() % 116;
            std::string before;
            std::set<std::string> phrases;  // indexed phrases standing in the text
            for (unsigned w = 0; w < words; ++w) {
                const unsigned r = next() % 1000;
                const std::string word = "w" + std::to_string(r * r / 3334);  // skewed low
                text += word + " ";
                for (const auto& phrase : kPhrases) {
                    if (phrase[0] == before && phrase[1] == word)
                        phrases.insert(r2p::IndexedPhrases::term_of(phrase));
                }
                before = word;
            }
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(text);
            for (const auto& phrase : phrases) doc.add_boolean_term(phrase);
            if (next() % 3 == 0) doc.add_boolean_term("XTa");
            if (next() % 4 == 0) doc.add_boolean_term("XTb");
            if (next() % 2 == 0) doc.add_boolean_term("Kquote");
            db.add_document(doc);
        }
        db.commit();
    }

    // What Xapian::Enquire ranks, with exact counts.
    r2p::RankedMatches xapian(const Xapian::Database& db, const Q& q, std::size_t offset,
                              std::size_t limit) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        const Xapian::MSet mset =
            enquire.get_mset(static_cast<Xapian::doccount>(offset),
                             static_cast<Xapian::doccount>(limit), db.get_doccount());
        r2p::RankedMatches out;
        const Xapian::doccount n = mset.get_matches_estimated();
        out.matches = {n, n, n};
        for (auto it = mset.begin(); it != mset.end(); ++it)
            out.hits.push_back({*it, it.get_weight()});
        return out;
    }

    std::vector<Q> queries() {
        const Q frequent("Zw0");
        const Q mid("Zw30");
        const Q rare("Zw280");
        const Q filter_a("XTa");
        const Q filter_ab(Q::OP_OR, Q("XTa"), Q("XTb"));
        const Q filter_deep(Q::OP_AND, Q("Kquote"), filter_ab);
        const std::vector<Q> three = {frequent, mid, Q("Zw7")};
        // More terms than the walk scans: a wildcard's expansion, merged through a heap.
        const std::vector<Q> seven = {Q("Zw3"),   rare,      Q("Zw11"), mid,
                                      Q("Zw200"), Q("Zw60"), Q("Zw1")};
        // Indexed phrases under an OR (as a query's synonyms give them), nested ORs.
        const Q w1_w2 = indexed_phrase("w1", "w2");
        const Q w0_w3 = indexed_phrase("w0", "w3");
        std::vector<Q> seven_and_phrase = seven;
        seven_and_phrase.push_back(indexed_phrase("w5", "w0"));
        return {Q(Q::OP_OR, mid, w1_w2),
                Q(Q::OP_OR, Q(Q::OP_OR, Q(Q::OP_OR, rare, w0_w3), Q("Zw7")), w1_w2),
                Q(Q::OP_OR, w1_w2, w0_w3),
                // A word of a phrase also alone, and in another phrase.
                Q(Q::OP_OR, Q(Q::OP_OR, Q("w1"), w1_w2),
                  Q(Q::OP_OR, indexed_phrase("w5", "w0"), w0_w3)),
                Q(Q::OP_OR, seven_and_phrase.begin(), seven_and_phrase.end()),
                Q(Q::OP_FILTER, Q(Q::OP_OR, frequent, w0_w3), filter_ab),
                // A lone indexed phrase (walked by its term), also filtered.
                w1_w2, w0_w3, Q(Q::OP_FILTER, w1_w2, filter_ab),
                Q(Q::OP_OR, Q("Zw5"), Q(Q::OP_OR, mid, rare)), frequent, mid, rare,
                Q(Q::OP_AND, mid, Q("Zw5")), Q(Q::OP_AND, Q("Zw5"), rare), Q(Q::OP_OR, mid, rare),
                Q(Q::OP_OR, three.begin(), three.end()), Q(Q::OP_OR, seven.begin(), seven.end()),
                Q(Q::OP_FILTER, Q(Q::OP_OR, seven.begin(), seven.end()), filter_deep),
                Q(Q::OP_FILTER, mid, filter_a), Q(Q::OP_FILTER, Q(Q::OP_OR, mid, rare), filter_ab),
                Q(Q::OP_FILTER, Q(Q::OP_AND, frequent, mid), filter_deep),
                Q("Zw999"),  // no such term
                Q(Q::OP_FILTER, mid, Q("XTnone"))};
    }

    // Weights this close are a tie: summing three or more terms' weights in another order
    // than Xapian's changes the last bits, so tied documents may come in either order.
    constexpr double kTie = 1e-9;

    // Why `ours` is not Xapian's `page` modulo ties, or "" when it is: the same weight at
    // every rank, each document's own weight (in `all`, Xapian's whole ranking) at its rank,
    // no document twice. Tied documents may then swap, and a tie across an edge of the page
    // may bring in either document.
    std::string ranking_difference(const std::vector<r2p::RankedMatch>& ours,
                                   const std::vector<r2p::RankedMatch>& page,
                                   const std::vector<r2p::RankedMatch>& all) {
        if (ours.size() != page.size()) return "a page of another size";
        std::map<Xapian::docid, double> weight_of;
        for (const auto& hit : all) weight_of[hit.did] = hit.weight;
        std::set<Xapian::docid> seen;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            const std::string at =
                "rank " + std::to_string(i) + ", doc " + std::to_string(ours[i].did) + ": ";
            if (std::fabs(ours[i].weight - page[i].weight) >= kTie)
                return at + "weight " + std::to_string(ours[i].weight) + ", Xapian's " +
                       std::to_string(page[i].weight);
            const auto own = weight_of.find(ours[i].did);
            if (own == weight_of.end()) return at + "not a match";
            if (std::fabs(own->second - ours[i].weight) >= kTie)
                return at + "weighs " + std::to_string(own->second) + " in Xapian";
            if (!seen.insert(ours[i].did).second) return at + "twice";
        }
        return "";
    }

    // `shards`: db's shards one by one, each then walked on its own (none: db walked whole),
    // at once with `pool`, their phrases' words read from `files` (if any).
    void check_same_ranking(const Xapian::Database& db,
                            const std::vector<Xapian::Database>& shards = {},
                            r2p::WorkerPool* pool = nullptr,
                            const std::vector<const r2p::TableFile*>& files = {},
                            const Xapian::Database* second_half = nullptr) {
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        for (const Q& q : queries()) {
            CAPTURE(q.get_description());
            const auto all = xapian(db, q, 0, db.get_doccount());
            for (const auto& page :
                 {std::pair<std::size_t, std::size_t>{0, 20}, {7, 10}, {0, 0}, {0, 100000}}) {
                // Not a structured binding: clang 14 cannot capture one (CAPTURE is a lambda).
                const std::size_t offset = page.first;
                const std::size_t limit = page.second;
                CAPTURE(offset);
                CAPTURE(limit);
                const auto ours =
                    r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::Exact, nullptr,
                                   nullptr, shards, {pool, 0, second_half}, files);
                REQUIRE(ours.has_value());
                const auto expected = xapian(db, q, offset, limit);
                CHECK(ours->matches.exact());
                CHECK(ours->matches.lower == expected.matches.lower);
                CHECK(ranking_difference(ours->hits, expected.hits, all.hits) == "");
                // No count asked: an OR is pruned by MaxScore, to the same page.
                const auto pruned =
                    r2p::rank_bm25(db, lengths, q, offset, limit, r2p::RankCounts::BoundsOnly,
                                   nullptr, nullptr, shards, {pool, 0, second_half}, files);
                REQUIRE(pruned.has_value());
                CHECK(ranking_difference(pruned->hits, expected.hits, all.hits) == "");
            }
        }
    }

    // Passages built term by term so that many tie: "alpha" once in most (short passages
    // all weigh the same, BM25's normalised length has a floor), twice in some, 40 times (a
    // wdf beyond WdfBounds' table) in a few; "beta" in every third. Lengths 3 to 300.
    void write_ties_corpus(const std::string& dir, Xapian::docid first, Xapian::docid last) {
        Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        for (Xapian::docid i = first; i <= last; ++i) {
            Xapian::Document doc;
            Xapian::termcount alpha = i % 13 == 0 ? 2u : 1u;
            if (i % 101 == 0) alpha = 40;
            if (i % 7 != 3) doc.add_term("alpha", alpha);
            if (i % 3 == 0) doc.add_term("beta", i % 9 == 0 ? 3u : 1u);
            const Xapian::termcount filler = i % 4 == 0 ? 3 + i % 298 : 2u;
            doc.add_term("filler" + std::to_string(i % 5), filler);
            db.add_document(doc);
        }
        db.commit();
    }

    // Sees every match of a walked ranked pass.
    class CountingVisitor : public r2p::MatchVisitor {
      public:
        void visit(Xapian::docid) override { ++visits; }
        void visited_all() override { all = true; }
        Xapian::doccount visits = 0;
        bool all = false;
    };

    // A CountingVisitor with parts (what a walk at once hands each shard, or each half of
    // one database), each noting the combined docids it saw that are not its own.
    class PartsCountingVisitor : public CountingVisitor {
      public:
        using Owns = std::function<bool(Xapian::docid)>;
        explicit PartsCountingVisitor(const std::vector<Owns>& owners) {
            for (const Owns& owns : owners) parts_.emplace_back(owns);
        }
        // A part per shard of `shards` interleaved.
        static PartsCountingVisitor of_shards(Xapian::docid shards) {
            std::vector<Owns> owners;
            for (Xapian::docid s = 0; s < shards; ++s) {
                owners.push_back([=](Xapian::docid did) { return (did - 1) % shards == s; });
            }
            return PartsCountingVisitor(owners);
        }
        // A part for docids [1, middle], another for those after.
        static PartsCountingVisitor of_halves(Xapian::docid middle) {
            return PartsCountingVisitor({[=](Xapian::docid did) { return did <= middle; },
                                         [=](Xapian::docid did) { return did > middle; }});
        }
        r2p::MatchVisitor* shard_part(std::size_t part) override {
            return part < parts_.size() ? &parts_[part] : nullptr;
        }
        // Every visit, here and in the parts.
        Xapian::doccount all_visits() const {
            Xapian::doccount n = visits;
            for (const Part& part : parts_) n += part.visits;
            return n;
        }
        Xapian::doccount part_visits(std::size_t part) const { return parts_.at(part).visits; }
        Xapian::doccount strays() const {
            Xapian::doccount n = 0;
            for (const Part& part : parts_) n += part.strays;
            return n;
        }

      private:
        struct Part : r2p::MatchVisitor {
            explicit Part(Owns o) : owns(std::move(o)) {}
            void visit(Xapian::docid did) override {
                ++visits;
                if (!owns(did)) ++strays;
            }
            void visited_all() override { ++strays; }  // only the whole visitor is told
            Owns owns;
            Xapian::doccount visits = 0;
            Xapian::doccount strays = 0;
        };
        std::vector<Part> parts_;
    };

    // rank_bm25 against Enquire with no tolerance: a term, or two terms (whose sum does not
    // depend on the order), weigh the same to the bit and ties come in docid order.
    void check_exact_ranking(const Xapian::Database& db,
                             const std::vector<Xapian::Database>& shards = {}) {
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        for (const Q& q : {Q("alpha"), Q("beta"), Q(Q::OP_AND, Q("alpha"), Q("beta")),
                           Q(Q::OP_AND, Q("beta"), Q("alpha"))}) {
            CAPTURE(q.get_description());
            for (const auto& page : {std::pair<std::size_t, std::size_t>{0, 10},
                                     {0, 1},
                                     {3, 5},
                                     {40, 10},
                                     {0, 0},
                                     {0, 3000}}) {
                const std::size_t offset = page.first;
                const std::size_t limit = page.second;
                CAPTURE(offset);
                CAPTURE(limit);
                CountingVisitor visitor;
                const auto ours = r2p::rank_bm25(db, lengths, q, offset, limit,
                                                 r2p::RankCounts::Exact, nullptr, &visitor, shards);
                REQUIRE(ours.has_value());
                const auto expected = xapian(db, q, offset, limit);
                CHECK(ours->matches.lower == expected.matches.lower);
                CHECK(visitor.visits == expected.matches.lower);
                CHECK(visitor.all);
                REQUIRE(ours->hits.size() == expected.hits.size());
                for (std::size_t i = 0; i < ours->hits.size(); ++i) {
                    CAPTURE(i);
                    CHECK(ours->hits[i].did == expected.hits[i].did);
                    CHECK(ours->hits[i].weight == expected.hits[i].weight);
                }
            }
        }
    }

    }  // namespace

    TEST_CASE("rankings are compared modulo ties within 1e-9, never beyond") {
        using M = r2p::RankedMatch;
        // Xapian's whole ranking: 2 and 3 tie up to rounding, so do 4 and 5.
        const std::vector<M> all = {{1, 3.0}, {2, 2.0}, {3, 2.0 + 1e-12}, {4, 1.0}, {5, 1.0}};
        const std::vector<M> page = {{1, 3.0}, {2, 2.0}, {3, 2.0 + 1e-12}, {4, 1.0}};
        struct Case {
            const char* what;
            std::vector<M> ours;
            bool same;
        };
        const Case cases[] = {
            {"the same", page, true},
            {"a tie within 1e-9 swapped", {{1, 3.0}, {3, 2.0 + 1e-12}, {2, 2.0}, {4, 1.0}}, true},
            {"the other document of a tie across the page's edge",
             {{1, 3.0}, {2, 2.0}, {3, 2.0}, {5, 1.0}},
             true},
            {"two ranks out of order", {{2, 2.0}, {1, 3.0}, {3, 2.0}, {4, 1.0}}, false},
            {"a document at a weight it does not have",
             {{1, 3.0}, {2, 2.0}, {4, 2.0}, {3, 1.0}},
             false},
            {"a weight off by more than 1e-9",
             {{1, 3.0}, {2, 2.0}, {3, 2.0}, {4, 1.0 + 1e-6}},
             false},
            {"a document twice", {{1, 3.0}, {2, 2.0}, {2, 2.0}, {4, 1.0}}, false},
            {"a document that does not match", {{1, 3.0}, {2, 2.0}, {3, 2.0}, {9, 1.0}}, false},
            {"a shorter page", {{1, 3.0}, {2, 2.0}, {3, 2.0}}, false},
        };
        for (const Case& c : cases) {
            CAPTURE(c.what);
            CHECK(ranking_difference(c.ours, page, all).empty() == c.same);
        }
    }

    TEST_CASE("ranks (modulo ties), weighs and counts as Xapian's BM25 over one database") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 1, 3000);
        const Xapian::Database db((dir / "one").string());
        for (const auto& phrase : kPhrases) {  // the phrase queries have matches to rank
            CAPTURE(phrase[0] + " " + phrase[1]);
            CHECK(db.get_termfreq(r2p::IndexedPhrases::term_of(phrase)) > 20);
        }
        check_same_ranking(db);
    }

    TEST_CASE("and over shards opened as one database") {
        const r2p::test::TwoShards shards(write_corpus, 2, 1500, 3, 900);
        check_same_ranking(shards.both);
        check_same_ranking(shards.both, {shards.a, shards.b});  // each shard walked on its own
        r2p::WorkerPool pool(1);
        check_same_ranking(shards.both, {shards.a, shards.b}, &pool);  // the shards at once
    }

    TEST_CASE("an indexed phrase's words weigh alike read from the table files") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 1, 3000);
        const Xapian::Database db((dir / "one").string());
        r2p::write_table_file(db, dir / "one");
        const auto file = r2p::TableFile::open(dir / "one", db);
        REQUIRE(file != nullptr);
        for (const auto& phrase : kPhrases) {
            CHECK(file->phrase_words(r2p::IndexedPhrases::term_of(phrase)).has_value());
        }
        check_same_ranking(db, {db}, nullptr, {file.get()});  // one database: its own file

        const r2p::test::TwoShards shards(write_corpus, 2, 1500, 3, 900);
        r2p::write_table_file(shards.a, shards.dir / "a");
        r2p::write_table_file(shards.b, shards.dir / "b");
        const auto file_a = r2p::TableFile::open(shards.dir / "a", shards.a);
        const auto file_b = r2p::TableFile::open(shards.dir / "b", shards.b);
        REQUIRE(file_a != nullptr);
        REQUIRE(file_b != nullptr);
        check_same_ranking(shards.both, {shards.a, shards.b}, nullptr,
                           {file_a.get(), file_b.get()});
        r2p::WorkerPool pool(1);
        check_same_ranking(shards.both, {shards.a, shards.b}, &pool, {file_a.get(), file_b.get()});
    }

    TEST_CASE("the table's rows are what weighs a phrase, but for wdfs past a byte") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 1, 3000);
        const Xapian::Database db((dir / "one").string());
        r2p::write_table_file(db, dir / "one");
        const std::filesystem::path path = r2p::table_file_path(dir / "one");
        const std::string good = r2p::test::read_file(path);
        // "XQw0 w3", the first phrase by term: its first passage's "w0".
        const std::size_t first_wdf =
            r2p::test::find_section(good, r2p::table_file::SectionKind::PhraseWordWdfs).offset;
        REQUIRE(first_wdf != 0);
        REQUIRE(good[first_wdf] != 0);
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        const Q q = indexed_phrase("w0", "w3");
        const auto all = xapian(db, q, 0, db.get_doccount());
        const auto expected = xapian(db, q, 0, 10);
        auto ranking_from = [&](char wdf) {
            std::string bytes = good;
            bytes[first_wdf] = wdf;
            r2p::test::write_file(path, bytes);
            const auto file = r2p::TableFile::open(dir / "one", db);
            REQUIRE(file != nullptr);
            const auto ours = r2p::rank_bm25(db, lengths, q, 0, 10, r2p::RankCounts::Exact, nullptr,
                                             nullptr, {db}, {}, {file.get()});
            REQUIRE(ours.has_value());
            return ranking_difference(ours->hits, expected.hits, all.hits);
        };
        CHECK(ranking_from(good[first_wdf]) == "");
        CHECK(ranking_from(static_cast<char>(200)) != "");  // a row that lies is believed
        CHECK(ranking_from(static_cast<char>(r2p::kPhraseWdfUnknown)) == "");  // read instead
    }

    TEST_CASE("one database is walked in two halves at once, with Xapian's ranking") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 1, 3000);
        const Xapian::Database db((dir / "one").string());
        const Xapian::Database other((dir / "one").string());  // the upper half's handle
        r2p::WorkerPool pool(1);
        check_same_ranking(db, {db}, &pool, {}, &other);
        r2p::write_table_file(db, dir / "one");
        const auto file = r2p::TableFile::open(dir / "one", db);
        REQUIRE(file != nullptr);
        check_same_ranking(db, {db}, &pool, {file.get()}, &other);

        // Each half's matches go to that half's part of the visitor.
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        const Xapian::docid middle = db.get_lastdocid() / 2;
        int split = 0;
        for (const Q& q : queries()) {
            CAPTURE(q.get_description());
            const auto expected = xapian(db, q, 0, 10);
            PartsCountingVisitor halves = PartsCountingVisitor::of_halves(middle);
            const auto ours = r2p::rank_bm25(db, lengths, q, 0, 10, r2p::RankCounts::BoundsOnly,
                                             nullptr, &halves, {db}, {&pool, 2000, &other});
            REQUIRE(ours.has_value());
            CHECK(halves.all);
            CHECK(halves.all_visits() == expected.matches.lower);
            CHECK(halves.strays() == 0);
            if (halves.visits == 0 && expected.matches.lower > 0) ++split;
        }
        CHECK(split > 5);
    }

    TEST_CASE("leaves every other query to Xapian") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 4, 50);
        const Xapian::Database db((dir / "one").string());
        const r2p::LengthTable lengths = r2p::LengthTable::build(db);
        const std::vector<Q> others = {
            Q::MatchAll,
            Q(Q::OP_PHRASE, Q("w1"), Q("w2")),
            Q(Q::OP_SYNONYM, Q("Zw1"), Q("Zw2")),
            Q(Q::OP_AND, Q("Zw1"), Q("Zw1")),  // a repeated term
            Q(Q::OP_AND_NOT, Q("Zw1"), Q("Zw2")),
            Q(Q::OP_FILTER, Q("Zw1"), Q(Q::OP_VALUE_RANGE, 0, "a", "b")),
            Q(Q::OP_SCALE_WEIGHT, Q("Zw1"), 2.0),
            Q(Q::OP_AND, Q("Zw1"), Q(Q::OP_OR, Q("Zw2"), Q("Zw3"))),
            Q(Q::OP_AND, Q("Zw9"), indexed_phrase("w1", "w2")),  // a phrase under AND
            // A FILTER whose term is not the words' phrase term (a field's).
            Q(Q::OP_OR, Q("Zw1"), Q(Q::OP_FILTER, Q(Q::OP_AND, Q("w1"), Q("w2")), Q("XTa"))),
        };
        for (const Q& q : others) {
            CAPTURE(q.get_description());
            CHECK_FALSE(r2p::rank_bm25(db, lengths, q, 0, 10).has_value());
        }
    }

    TEST_CASE("passes over matches that cannot enter the top k, with Xapian's exact ranking") {
        r2p::test::TempDir dir;
        write_ties_corpus((dir / "one").string(), 1, 2000);
        check_exact_ranking(Xapian::Database((dir / "one").string()));
        // Shards opened as one: the shortest passage is the shorter shard's.
        write_ties_corpus((dir / "a").string(), 1, 1200);
        write_ties_corpus((dir / "b").string(), 5000, 5700);
        const Xapian::Database a((dir / "a").string());
        const Xapian::Database b((dir / "b").string());
        Xapian::Database both(a);
        both.add_database(b);
        check_exact_ranking(both);
        check_exact_ranking(both, {a, b});  // each shard walked on its own
    }

    TEST_CASE("shards walked at once give each shard's matches to that shard's visitor") {
        const r2p::test::TwoShards shards(write_corpus, 2, 1500, 3, 900);
        const r2p::LengthTable lengths = r2p::LengthTable::build(shards.both);
        const r2p::LengthTable first_lengths = r2p::LengthTable::build(shards.a);
        r2p::WorkerPool pool(1);
        int walked = 0;
        int in_turn = 0;
        for (const Q& q : queries()) {
            CAPTURE(q.get_description());
            const auto expected = xapian(shards.both, q, 0, 10);
            PartsCountingVisitor parts = PartsCountingVisitor::of_shards(2);
            // From 2,000 postings: a few queries are walked in turn.
            const auto ours =
                r2p::rank_bm25(shards.both, lengths, q, 0, 10, r2p::RankCounts::BoundsOnly, nullptr,
                               &parts, {shards.a, shards.b}, {&pool, 2000});
            REQUIRE(ours.has_value());
            CHECK(parts.all);
            CHECK(parts.all_visits() == expected.matches.lower);
            CHECK(parts.strays() == 0);
            REQUIRE(ours->hits.size() == expected.hits.size());
            for (std::size_t i = 0; i < ours->hits.size(); ++i) {
                CHECK(ours->hits[i].weight ==
                      doctest::Approx(expected.hits[i].weight).epsilon(1e-9));
            }
            // Few postings are walked in turn, by the whole visitor.
            if (parts.visits != 0) {
                CHECK(parts.visits == expected.matches.lower);
                ++in_turn;
                continue;
            }
            // Else each shard's part saw that shard's matches, as a walk of it alone counts them.
            CountingVisitor alone;
            const auto first = r2p::rank_bm25(shards.a, first_lengths, q, 0, 10,
                                              r2p::RankCounts::BoundsOnly, nullptr, &alone);
            REQUIRE(first.has_value());
            CHECK(parts.part_visits(0) == alone.visits);
            CHECK(parts.part_visits(1) == expected.matches.lower - alone.visits);
            ++walked;
        }
        CHECK(walked > 5);
        CHECK(in_turn > 0);
    }
}
