#include "search/phrase_pass.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("phrase_pass") {
    namespace {

    using Q = Xapian::Query;

    // Passages of 5-60 words drawn with a skew from 40 words (w0 in most passages, so it
    // stands for a stopword), indexed with positions as r2p-index indexes text; some carry
    // filter terms. Every passage with "qa" also has "qb" right after it, in equal number:
    // two terms with the same statistics.
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
            const unsigned words = 5 + next() % 56;
            for (unsigned w = 0; w < words; ++w) {
                const unsigned r = next() % 1000;
                text += "w" + std::to_string(r * r / 25000) + " ";  // skewed to low numbers
                if (next() % 97 == 0) text += "qa qb ";
            }
            Xapian::Document doc;
            terms.set_document(doc);
            terms.index_text(text);
            if (next() % 3 == 0) doc.add_boolean_term("XTa");
            if (next() % 4 == 0) doc.add_boolean_term("XTb");
            db.add_document(doc);
        }
        db.commit();
    }

    // What Xapian::Enquire ranks with BM25, every match checked.
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

    Q phrase(const std::vector<std::string>& words) {
        std::vector<Q> leaves;
        for (const auto& w : words) leaves.emplace_back(w);
        return Q(Q::OP_PHRASE, leaves.begin(), leaves.end(), static_cast<unsigned>(words.size()));
    }

    std::vector<Q> phrases() {
        return {phrase({"w1", "w2"}),
                phrase({"w0", "w1"}),  // with the stopword
                phrase({"w3", "w0", "w2"}),
                phrase({"w1", "w0", "w0x", "w4"}),  // no such word
                phrase({"w2", "w1", "w0", "w3"}),
                phrase({"qa", "qb"}),  // the same statistics: wdfs from the posting lists
                phrase({"w5", "qa", "qb"}),
                Q(Q::OP_FILTER, phrase({"w1", "w2"}), Q("XTa")),
                Q(Q::OP_FILTER, phrase({"w0", "w3", "w1"}), Q(Q::OP_OR, Q("XTa"), Q("XTb"))),
                Q(Q::OP_FILTER, phrase({"w1", "w2"}), Q("XTnone"))};
    }

    // Weights this close are a tie: summed in another order than Xapian's, they may differ
    // in the last bits, so tied documents may come in either order.
    constexpr double kTie = 1e-9;

    // Why `ours` is not Xapian's `page` modulo ties ("" when it is): each rank's weight is
    // the page's, and each document's own weight in Xapian's whole ranking `all`, once.
    std::string ranking_difference(const std::vector<r2p::RankedMatch>& ours,
                                   const std::vector<r2p::RankedMatch>& page,
                                   const std::vector<r2p::RankedMatch>& all) {
        if (ours.size() != page.size()) return "a page of another size";
        std::map<Xapian::docid, double> weight_of;
        for (const auto& hit : all) weight_of[hit.did] = hit.weight;
        std::set<Xapian::docid> seen;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            const std::string at = "rank " + std::to_string(i) + ": ";
            if (std::fabs(ours[i].weight - page[i].weight) >= kTie) return at + "another weight";
            const auto own = weight_of.find(ours[i].did);
            if (own == weight_of.end()) return at + "not a match";
            if (std::fabs(own->second - ours[i].weight) >= kTie) return at + "not its weight";
            if (!seen.insert(ours[i].did).second) return at + "twice";
        }
        return "";
    }

    void check_same_ranking(const Xapian::Database& combined,
                            const std::vector<r2p::PhraseShard>& shards, r2p::WorkerPool* pool) {
        const r2p::LengthTable lengths = r2p::LengthTable::build(combined);
        Xapian::doccount matched = 0;
        for (const Q& q : phrases()) {
            CAPTURE(q.get_description());
            const auto all = xapian(combined, q, 0, combined.get_doccount());
            matched += all.matches.lower;
            for (const auto& page :
                 {std::pair<std::size_t, std::size_t>{0, 10}, {5, 10}, {0, 0}, {0, 100000}}) {
                // Not a structured binding: clang 14 cannot capture one (CAPTURE is a lambda).
                const std::size_t offset = page.first;
                const std::size_t limit = page.second;
                CAPTURE(offset);
                CAPTURE(limit);
                const auto ours =
                    r2p::match_phrase(combined, shards, lengths, q, offset, limit, {}, pool);
                REQUIRE(ours.has_value());
                const auto expected = xapian(combined, q, offset, limit);
                CHECK(ours->ranked.matches.exact());
                CHECK(ours->ranked.matches.lower == expected.matches.lower);
                CHECK(ranking_difference(ours->ranked.hits, expected.hits, all.hits) == "");
            }
        }
        CHECK(matched > 100);  // the corpus has phrases to find
    }

    }  // namespace

    TEST_CASE("phrase_terms: the weighed words of a phrase, alone or filtered, nothing else") {
        const auto terms = r2p::phrase_terms(phrase({"a", "b", "c"}));
        REQUIRE(terms.has_value());
        CHECK(*terms == std::vector<std::string>{"a", "b", "c"});
        CHECK(r2p::phrase_terms(Q(Q::OP_FILTER, phrase({"a", "b"}), Q("XTa"))).has_value());
        const std::vector<Q> others = {
            Q("a"),
            Q(Q::OP_AND, Q("a"), Q("b")),
            phrase({"a", "b", "a"}),  // a repeated word
            Q(Q::OP_AND, phrase({"a", "b"}), Q("c")),
            Q(Q::OP_NEAR, Q("a"), Q("b")),
            Q(Q::OP_FILTER, Q("a"), phrase({"a", "b"})),
            Q(Q::OP_PHRASE, Q(Q::OP_OR, Q("a"), Q("b")), Q("c")),
        };
        for (const Q& q : others) {
            CAPTURE(q.get_description());
            CHECK_FALSE(r2p::phrase_terms(q).has_value());
            CHECK_FALSE(r2p::match_phrase(Xapian::Database(), {{Xapian::Database(), {}}},
                                          r2p::LengthTable(), q, 0, 10, {}, nullptr)
                            .has_value());
        }
    }

    TEST_CASE("ranks (modulo ties), weighs and counts as Xapian's BM25 over one database") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 1, 3000);
        const Xapian::Database db((dir / "one").string());
        check_same_ranking(db, {{db, {}}}, nullptr);
    }

    TEST_CASE("and over one database in two halves on a pool's threads") {
        r2p::test::TempDir dir;
        write_corpus((dir / "one").string(), 4, 2000);
        // Two handles on the same database: one a thread.
        const Xapian::Database shard((dir / "one").string());
        const Xapian::Database combined((dir / "one").string());
        r2p::WorkerPool pool(2);
        check_same_ranking(combined, {{shard, {}}}, &pool);
    }

    TEST_CASE("and over shards, one by one or on a pool's threads") {
        r2p::test::TempDir dir;
        write_corpus((dir / "a").string(), 2, 1500);
        write_corpus((dir / "b").string(), 3, 900);
        const Xapian::Database a((dir / "a").string());
        const Xapian::Database b((dir / "b").string());
        Xapian::Database both((dir / "a").string());
        both.add_database(b);
        check_same_ranking(both, {{a, {}}, {b, {}}}, nullptr);
        r2p::WorkerPool pool(2);
        check_same_ranking(both, {{a, {}}, {b, {}}}, &pool);
    }

    TEST_CASE("a searcher's phrases, filters, facets and pages: what Xapian's matcher gives") {
        // The generated corpus's phrases (bench query classes) and some with stopwords.
        const r2p::CorpusGenerator& generator = r2p::test::bench_generator(11);
        std::vector<std::string> texts = {
            "\"responsibility to protect\"",      "\"prevention of mass atrocities\"",
            "\"framework of analysis\"",          "\"root causes\"",
            "\"human rights up front\"",          "\"the responsibility\"",
            "\"early warning\" -\"risk factors\""};
        for (const r2p::BenchQuery& query : generator.query_set(1000, 3)) {
            if (query.cls == r2p::QueryClass::Phrase) texts.push_back(query.text());
        }
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const std::string db = r2p::test::generated_db(1000, 11, shards);
            // Threads from the first passage: the pool path too.
            r2p::Searcher walked({db}, r2p::test::source_taxonomy(), false,
                                 r2p::SearcherOptions{0});
            walked.set_table_policy(r2p::TablePolicy::Always);
            r2p::Searcher xapian({db}, r2p::test::source_taxonomy());
            xapian.set_table_policy(r2p::TablePolicy::Never);
            Xapian::doccount matched = 0;
            std::size_t by_phrase_pass = 0;
            for (const std::string& text : texts) {
                for (int variant = 0; variant < 6; ++variant) {
                    r2p::SearchRequest request;
                    request.query = text;
                    request.offset = variant % 2 == 1 ? 3 : 0;
                    if (variant >= 2)
                        request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
                    if (variant >= 4) request.filters.themes = {"prevention"};
                    if (variant == 5) request.sort = r2p::SortOrder::Date;
                    CAPTURE(text);
                    CAPTURE(variant);
                    const r2p::SearchResult ours = walked.run(request);
                    const r2p::SearchResult theirs = xapian.run(request);
                    matched += theirs.matches.lower;
                    if (ours.stats.ranked_by == r2p::RankedBy::PostingWalk) ++by_phrase_pass;
                    CHECK(ours.matches.lower == theirs.matches.lower);
                    CHECK(ours.matches.upper == theirs.matches.upper);
                    REQUIRE(ours.hits.size() == theirs.hits.size());
                    for (std::size_t i = 0; i < ours.hits.size(); ++i) {
                        CHECK(ours.hits[i].passage.id == theirs.hits[i].passage.id);
                        CHECK(ours.hits[i].score == doctest::Approx(theirs.hits[i].score));
                    }
                    REQUIRE(ours.facets.size() == theirs.facets.size());
                    for (std::size_t f = 0; f < ours.facets.size(); ++f) {
                        const auto& x = ours.facets[f].entries;
                        const auto& y = theirs.facets[f].entries;
                        REQUIRE(x.size() == y.size());
                        for (std::size_t v = 0; v < x.size(); ++v) {
                            CHECK(x[v].value == y[v].value);
                            CHECK(x[v].count == y[v].count);
                        }
                    }
                }
            }
            CHECK(matched > 0);
            CHECK(by_phrase_pass > 0);
        }
    }
}
