#include "search/phrase_rewrite.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "generated_db_fixture.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "search/query_builder.hpp"
#include "taxonomy_fixture.hpp"

TEST_SUITE("phrase_rewrite") {
    namespace {

    using Q = Xapian::Query;
    using r2p::IndexedPhrases;

    Q parse(const std::string& text) {
        Xapian::QueryParser parser;
        parser.set_stemmer(r2p::schema::make_stemmer());
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.add_boolean_prefix("theme", "XT");
        return parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
    }

    const IndexedPhrases& phrases() {
        static const IndexedPhrases p(
            std::vector<r2p::PhraseTerms>{{"ethnic", "cleansing"}, {"to", "protect"}});
        return p;
    }

    std::string rewritten(const std::string& text) {
        return r2p::rewrite_indexed_phrases(parse(text), phrases()).get_description();
    }

    struct Ranked {
        std::vector<Xapian::docid> docids;
        std::vector<double> weights;
        Xapian::doccount matches = 0;
    };

    // Xapian's own ranking of `q`, every match checked.
    Ranked enquire(const Xapian::Database& db, const Q& q, Xapian::doccount limit) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        const Xapian::MSet mset = enquire.get_mset(0, limit, db.get_doccount());
        Ranked out;
        out.matches = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            out.docids.push_back(*it);
            out.weights.push_back(it.get_weight());
        }
        return out;
    }

    std::string text_of(const r2p::PhraseTerms& terms) {
        std::string text;
        for (const auto& t : terms) text += (text.empty() ? "" : " ") + t;
        return text;
    }

    }  // namespace

    TEST_CASE("an indexed phrase becomes the AND of its words filtered by its term") {
        CHECK(rewritten("\"ethnic cleansing\"") ==
              "Query(((ethnic@1 AND cleansing@2) FILTER XQethnic cleansing))");
        // Inside other operators, as long as their weights are sums or maxima.
        CHECK(rewritten("genocide OR \"ethnic cleansing\"") ==
              "Query((Zgenocid@1 OR ((ethnic@2 AND cleansing@3) FILTER XQethnic cleansing)))");
        CHECK(rewritten("genocide -\"ethnic cleansing\"") ==
              "Query((Zgenocid@1 AND_NOT ((ethnic@2 AND cleansing@3) FILTER XQethnic "
              "cleansing)))");
        CHECK(rewritten("\"ethnic cleansing\" theme:prevention") ==
              "Query((((ethnic@1 AND cleansing@2) FILTER XQethnic cleansing) FILTER "
              "XTprevention))");
    }

    TEST_CASE("phrases not indexed, looser phrases and other shapes stay as they are") {
        for (const char* text :
             {"\"ethnic violence\"", "ethnic ADJ cleansing", "ethnic NEAR cleansing",
              "ethnic cleansing", "\"cleansing ethnic\"", "\"the ethnic cleansing\""}) {
            CAPTURE(text);
            CHECK(rewritten(text) == parse(text).get_description());
        }
        const Q synonym(Q::OP_SYNONYM, parse("\"ethnic cleansing\""), Q("genocide"));
        CHECK(r2p::rewrite_indexed_phrases(synonym, phrases()).get_description() ==
              synonym.get_description());
        CHECK(r2p::rewrite_indexed_phrases(parse("\"ethnic cleansing\""), IndexedPhrases())
                  .get_description() == parse("\"ethnic cleansing\"").get_description());
    }

    TEST_CASE("the builder asks for the indexed phrases only of a query holding a phrase") {
        const std::string path = r2p::test::generated_db(1000, 11, 0);
        const Xapian::Database db(path);
        const r2p::QueryBuilder builder(r2p::test::source_taxonomy());
        int asked = 0;
        const r2p::PhraseSource source = [&]() -> const IndexedPhrases& {
            ++asked;
            return phrases();
        };
        const std::string term = IndexedPhrases::term_of({"ethnic", "cleansing"});
        auto holds_term = [&](const Q& q) {
            for (auto it = q.get_terms_begin(); it != q.get_terms_end(); ++it) {
                if (*it == term) return true;
            }
            return false;
        };
        for (const char* text :
             {"genocide", "genocide OR atrocities", "prevent*", "theme:prevention"}) {
            CAPTURE(text);
            CHECK_FALSE(holds_term(builder.build(text, r2p::MatchMode::All, {}, db, source).query));
        }
        CHECK(asked == 0);
        CHECK(holds_term(
            builder.build("\"ethnic cleansing\"", r2p::MatchMode::All, {}, db, source).query));
        CHECK(asked == 1);
        CHECK(holds_term(
            builder.build("ethnic-cleansing OR genocide", r2p::MatchMode::All, {}, db, source)
                .query));
        CHECK(asked == 2);
    }

    TEST_CASE("a filter joins the query's own filter") {
        const Q q = r2p::filtered(parse("\"ethnic cleansing\" theme:a"), Q("XTb"));
        CHECK(q.get_description() ==
              "Query(((ethnic@1 PHRASE 2 cleansing@2) FILTER (XTa AND XTb)))");
        CHECK(r2p::filtered(Q("x"), Q("XTb")).get_description() == "Query((x FILTER XTb))");
    }

    TEST_CASE(
        "on a generated corpus: every indexed phrase's term marks exactly Xapian's "
        "phrase matches, and the rewritten queries rank as the phrases do") {
        const std::string path = r2p::test::generated_db(1000, 11, 0);
        const Xapian::Database db(path);
        const IndexedPhrases indexed = IndexedPhrases::of_database(db);
        REQUIRE(indexed.size() > 200);
        const r2p::QueryBuilder builder(r2p::test::source_taxonomy());
        std::size_t matched = 0;
        for (const r2p::PhraseTerms& terms : indexed.phrases()) {
            std::vector<Q> leaves(terms.begin(), terms.end());
            const Q phrase(Q::OP_PHRASE, leaves.begin(), leaves.end(),
                           static_cast<Xapian::termcount>(leaves.size()));
            const std::string term = IndexedPhrases::term_of(terms);
            CAPTURE(term);
            CHECK(db.get_termfreq(term) == enquire(db, phrase, 0).matches);
            if (db.get_termfreq(term) != 0) ++matched;
            // A query as a user types it: quoted, alone and beside a word.
            for (const std::string& text :
                 {'"' + text_of(terms) + '"', '"' + text_of(terms) + "\" OR genocide"}) {
                const Q before = builder.build(text, r2p::MatchMode::All, {}, db).query;
                const Q after = builder
                                    .build(text, r2p::MatchMode::All, {}, db,
                                           [&]() -> const IndexedPhrases& { return indexed; })
                                    .query;
                CAPTURE(text);
                const Ranked a = enquire(db, before, 20);
                const Ranked b = enquire(db, after, 20);
                CHECK(a.matches == b.matches);
                CHECK(a.docids == b.docids);
                CHECK(a.weights == b.weights);  // the same sums, to the last bit
            }
        }
        CHECK(matched > 50);  // the generator plants taxonomy phrases
    }

    TEST_CASE(
        "searches over an index with phrase terms give what Xapian gives the phrase, "
        "on one database and on shards") {
        for (const unsigned shards : {0U, 2U}) {
            CAPTURE(shards);
            const std::string path = r2p::test::generated_db(1000, 11, shards);
            r2p::Searcher searcher({path}, r2p::test::source_taxonomy());
            const Xapian::Database& db = searcher.database();
            const r2p::QueryBuilder builder(r2p::test::source_taxonomy());
            for (const char* text : {"\"responsibility to protect\"", "\"security council\"",
                                     "\"ethnic cleansing\" OR genocide", "\"risk factors\""}) {
                CAPTURE(text);
                r2p::SearchRequest request;
                request.query = text;
                request.limit = 10;
                request.facets = {r2p::FacetField::Theme, r2p::FacetField::Role};
                const r2p::SearchResult result = searcher.run(request);
                const Ranked expected =
                    enquire(db, builder.build(text, r2p::MatchMode::All, {}, db).query, 10);
                CHECK(result.matches.estimated == expected.matches);
                REQUIRE(result.hits.size() == expected.docids.size());
                for (std::size_t i = 0; i < result.hits.size(); ++i) {
                    CHECK(result.hits[i].score == doctest::Approx(expected.weights[i]));
                }
            }
        }
    }
}
