#include "r2p/search.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/request_text.hpp"
#include "search/snippets.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("search") {
    namespace {

    // Adds `count` one-paragraph documents about impunity, one commit each.
    void add_impunity_documents(const std::filesystem::path& db, int count) {
        for (int i = 0; i < count; ++i) {
            r2p::IndexWriter writer(db);
            const auto d = r2p::test::fixture_document("delta" + std::to_string(i), "2020", 1);
            writer.write_document(d,
                                  {r2p::test::fixture_passage("delta" + std::to_string(i) + "/p1",
                                                              r2p::PassageKind::Paragraph,
                                                              "impunity again", 0, {}, {})},
                                  "fp");
            writer.commit();
        }
    }

    }  // namespace

    namespace {

    r2p::SearchResult run(const std::string& query, r2p::SearchRequest request = {}) {
        request.databases = {r2p::test::search_fixture_db()};
        request.query = query;
        return r2p::search(request, r2p::test::source_taxonomy());
    }

    std::vector<std::string> ids(const r2p::SearchResult& result) {
        std::vector<std::string> out;
        for (const auto& hit : result.hits) out.push_back(hit.passage.id);
        return out;
    }

    bool has(const std::vector<std::string>& v, const std::string& id) {
        return std::find(v.begin(), v.end(), id) != v.end();
    }

    }  // namespace

    TEST_CASE("folded, accented and upper-case spellings find the same passages") {
        const auto expected = ids(run("sovndal"));
        CHECK(has(expected, "alpha/p2"));
        CHECK(ids(run("Søvndal")) == expected);
        CHECK(ids(run("SOVNDAL")) == expected);
        CHECK(has(ids(run("jansa")), "beta/p1"));
    }

    TEST_CASE("a word finds its other forms through the stem") {
        const auto found = ids(run("prevent"));
        CHECK(has(found, "alpha/p2"));  // preventing
        CHECK(has(found, "beta/p1"));   // preventive
        CHECK(has(found, "alpha/p3"));  // prevention
    }

    TEST_CASE("snippets mark what matched in the original text") {
        const auto result = run("sovndal");
        REQUIRE(!result.hits.empty());
        CHECK(r2p::render_snippet(result.hits[0].snippet, "<", ">").find("<Søvndal>") !=
              std::string::npos);
        const auto stems = run("prevent", [] {
            r2p::SearchRequest r;
            r.filters.docs = {"alpha"};
            r.filters.kinds = {"quote"};
            return r;
        }());
        REQUIRE(!stems.hits.empty());
        CHECK(r2p::render_snippet(stems.hits[0].snippet, "<", ">").find("<prevention>") !=
              std::string::npos);
    }

    TEST_CASE("a phrase finds only passages holding it") {
        const auto result = run("\"tool of prevention\"");
        REQUIRE(result.hits.size() == 2);
        for (const auto& hit : result.hits) {
            CHECK(hit.passage.text.find("tool of prevention") != std::string::npos);
            CHECK(r2p::render_snippet(hit.snippet, "<", ">").find("<tool of prevention>") !=
                  std::string::npos);
        }
    }

    TEST_CASE("synonyms find each other") {
        CHECK(has(ids(run("R2P")), "alpha/p2"));   // "Responsibility to Protect"
        CHECK(has(ids(run("R2P")), "gamma/p2"));   // "RtoP"
        CHECK(has(ids(run("rtop")), "alpha/p3"));  // "R2P"
        CHECK(has(ids(run("RwP")), "beta/p2"));    // "responsibility while protecting"
    }

    TEST_CASE("a wildcard expands over the index") {
        const auto result = run("atroc*");
        CHECK(has(ids(result), "alpha/p2"));
        CHECK(has(ids(result), "gamma/p1"));
    }

    TEST_CASE("field prefixes and filters restrict the matches") {
        const auto quote = run("kind:quote role:deputy-secretary-general");
        REQUIRE(quote.hits.size() == 1);
        CHECK(quote.hits[0].passage.speaker == std::optional<std::string>("Jan Eliasson"));
        CHECK(quote.hits[0].passage.parent == "alpha/p3");
        CHECK(ids(run("speaker:\"Jan Eliasson\"")) == std::vector<std::string>{"alpha/p3/q1"});
        CHECK(ids(run("speaker:sovndal")) == std::vector<std::string>{"alpha/p2"});
        // Titles are "Statement <id>": a title word finds every passage of its document.
        CHECK(ids(run("title:beta")).size() == 2);
        CHECK(run("beta").hits.empty());

        r2p::SearchRequest themes;
        themes.filters.themes = {"accountability", "response"};
        themes.limit = 100;
        CHECK(run("", themes).hits.size() == 5);  // alpha p1,q1; beta p1,p2; gamma p1
        themes.filters.kinds = {"quote"};
        CHECK(ids(run("", themes)) == std::vector<std::string>{"alpha/p1/q1"});

        r2p::SearchRequest dated;
        dated.filters.from = "2013";
        dated.limit = 100;
        CHECK(ids(run("", dated)) == std::vector<std::string>{"beta/p1", "beta/p2"});
        dated.filters.from = "2012-09-28";
        dated.filters.to = "2012-09";
        CHECK(run("", dated).hits.size() == 5);
    }

    TEST_CASE("sorting by date puts the newest first") {
        r2p::SearchRequest request;
        request.sort = r2p::SortOrder::Date;
        request.limit = 100;
        const auto result = run("prevention OR impunity OR accountability", request);
        REQUIRE(result.hits.size() >= 3);
        std::vector<std::string> dates;
        for (const auto& hit : result.hits) dates.push_back(hit.passage.doc_date);
        CHECK(dates.front() == "2014-01-15");
        CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
    }

    TEST_CASE("offset and limit page through the ranked list") {
        r2p::SearchRequest all;
        all.limit = 100;
        const auto everything = ids(run("prevention", all));
        REQUIRE(everything.size() >= 4);
        r2p::SearchRequest page;
        page.offset = 1;
        page.limit = 2;
        const auto second = run("prevention", page);
        CHECK(ids(second) == std::vector<std::string>{everything[1], everything[2]});
        CHECK(second.hits[0].rank == 2);
        page.offset = 1000;
        CHECK(run("prevention", page).hits.empty());
    }

    TEST_CASE("limits and offsets are validated") {
        CHECK(r2p::parse_count("--limit", "25", r2p::kMaxLimit) == 25);
        CHECK(r2p::parse_count("--offset", "0", r2p::kMaxOffset) == 0);
        const char* bad[] = {
            "-1", "", "ten", "1e3", "10001", "4294967295", "99999999999999999999999"};
        for (const char* b : bad) {
            SUBCASE(b) {
                CHECK_THROWS_WITH_AS(r2p::parse_count("--limit", b, r2p::kMaxLimit),
                                     doctest::Contains("--limit"), r2p::UsageError);
            }
        }
        CHECK_THROWS_AS(r2p::parse_count("--offset", "4294967295", r2p::kMaxOffset),
                        r2p::UsageError);
        r2p::SearchRequest huge;
        huge.limit = r2p::kMaxLimit + 1;
        CHECK_THROWS_AS(run("x", huge), r2p::UsageError);
    }

    TEST_CASE("an unknown word gets a spelling suggestion, a known one none") {
        CHECK(run("impunty").suggestion == std::optional<std::string>("impunity"));
        CHECK_FALSE(run("impunity").suggestion.has_value());
    }

    TEST_CASE("a query matching nothing runs its suggestion instead, unless correction is off") {
        r2p::SearchRequest faceted;
        faceted.facets = {r2p::FacetField::Theme, r2p::FacetField::Kind};
        const auto corrected = run("impunty", faceted);
        CHECK(corrected.query == "impunty");
        CHECK(corrected.corrected_query == std::optional<std::string>("impunity"));
        CHECK(corrected.suggestion == std::optional<std::string>("impunity"));
        const auto meant = run("impunity", faceted);
        CHECK(ids(corrected) == ids(meant));
        CHECK(corrected.matches.lower == meant.matches.lower);
        // Facets count the corrected query.
        REQUIRE(corrected.facets.size() == meant.facets.size());
        const auto counts = [](const r2p::Facet& facet) {
            std::map<std::string, Xapian::doccount> out;
            for (const auto& e : facet.entries) out[e.value] = e.count;
            return out;
        };
        for (std::size_t i = 0; i < meant.facets.size(); ++i) {
            CHECK(corrected.facets[i].field == meant.facets[i].field);
            CHECK(counts(corrected.facets[i]) == counts(meant.facets[i]));
            CHECK_FALSE(counts(meant.facets[i]).empty());
        }
        // Highlights mark what the corrected query matched.
        REQUIRE_FALSE(corrected.hits.empty());
        CHECK_FALSE(corrected.hits.front().snippet.marks.empty());

        r2p::SearchRequest off = faceted;
        off.correct = r2p::Correction::Off;
        const auto as_asked = run("impunty", off);
        CHECK(as_asked.hits.empty());
        CHECK(as_asked.matches.upper == 0);
        CHECK_FALSE(as_asked.corrected_query.has_value());
        CHECK(as_asked.suggestion == std::optional<std::string>("impunity"));

        // A query that matches is never corrected, nor one whose suggestion finds nothing
        // either (under the same filters).
        CHECK_FALSE(meant.corrected_query.has_value());
        r2p::SearchRequest filtered;
        filtered.filters.docs = {"beta"};
        const auto nowhere = run("impunty", filtered);
        CHECK(nowhere.hits.empty());
        CHECK_FALSE(nowhere.corrected_query.has_value());
        CHECK(nowhere.query == "impunty");
    }

    TEST_CASE("a missing database is an IndexError telling how to make one") {
        r2p::test::TempDir dir;
        CHECK_THROWS_WITH_AS(r2p::open_databases({(dir / "nothing").string()}),
                             doctest::Contains("run r2p-index first"), r2p::IndexError);
        CHECK_THROWS_AS(r2p::open_databases({}), r2p::UsageError);
    }

    TEST_CASE("a database rewritten between queries is reopened transparently") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy());
        r2p::SearchRequest request;
        request.query = "impunity";
        const auto before = searcher.run(request);
        CHECK(!before.hits.empty());
        // Rewrite everything several times so the searcher's revision is long gone.
        add_impunity_documents(dir / "db", 4);
        r2p::SearchResult after;
        CHECK_NOTHROW(after = searcher.run(request));
        CHECK(after.hits.size() >= before.hits.size());
    }

    TEST_CASE("tables of an old snapshot are dropped when the database is reopened") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy(), false,
                               {.counting_threads_from = 0});
        searcher.set_table_policy(r2p::TablePolicy::Always);
        r2p::SearchRequest request;
        request.query = "impunity";
        request.limit = 100;
        request.facets = {r2p::FacetField::Kind};
        const auto before = searcher.run(request);
        CHECK(before.stats.length_table);
        CHECK(r2p::test::has_facet_table(before.stats, r2p::FacetField::Kind));
        add_impunity_documents(dir / "db", 4);
        const auto after = searcher.run(request);
        CHECK(after.matches.lower == before.matches.lower + 4);
        CHECK(after.hits.size() == before.hits.size() + 4);
        REQUIRE(!after.facets.empty());
        Xapian::doccount paragraphs = 0;
        for (const auto& e : after.facets[0].entries) {
            if (e.value == "paragraph") paragraphs = e.count;
        }
        Xapian::doccount paragraphs_before = 0;
        for (const auto& e : before.facets[0].entries) {
            if (e.value == "paragraph") paragraphs_before = e.count;
        }
        CHECK(paragraphs == paragraphs_before + 4);
    }

    TEST_CASE("auto builds the length table once Xapian has ranked a twelfth of the database") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy());
        r2p::SearchRequest request;
        request.query = "prevention";
        const auto first = searcher.run(request);
        CHECK_FALSE(first.stats.length_table);
        const auto second = searcher.run(request);  // 6 matches x 12 >= 9 passages
        CHECK(second.stats.length_table);
        REQUIRE(second.hits.size() == first.hits.size());
        for (std::size_t i = 0; i < first.hits.size(); ++i) {
            CHECK(second.hits[i].passage.id == first.hits[i].passage.id);
            CHECK(second.hits[i].score == doctest::Approx(first.hits[i].score).epsilon(1e-12));
        }
        CHECK(second.matches.lower == first.matches.lower);
    }

    TEST_CASE("sort orders parse and unknown ones are usage errors") {
        CHECK(r2p::parse_sort_order("--sort", "date") == r2p::SortOrder::Date);
        CHECK(r2p::parse_sort_order("--sort", "relevance") == r2p::SortOrder::Relevance);
        CHECK_THROWS_AS(r2p::parse_sort_order("--sort", "random"), r2p::UsageError);
    }

    namespace {

    // corpus/ and tests/data/statements indexed once: a few hundred real passages, enough
    // for Xapian's matcher to estimate rather than count.
    const std::string& statements_db() {
        static r2p::test::TempDir dir;
        static const std::string path = [] {
            r2p::IndexRequest request;
            request.db = dir / "db";
            request.paths = {std::string(R2P_SOURCE_DIR) + "/corpus",
                             std::string(R2P_SOURCE_DIR) + "/tests/data/statements"};
            request.threads = 1;
            r2p::index_corpus(request, r2p::test::source_taxonomy());
            return request.db.string();
        }();
        return path;
    }

    }  // namespace

    TEST_CASE(
        "match counts are exact and the same under every table policy, before and after "
        "tables are built") {
        const std::vector<std::string> queries = {
            "the",
            "protection civilians",
            "protection OR genocide",
            "\"the international\"",
            "states -syria",
            "prevent*",
            "",
            "NOT the",
            "atrocity crimes prevention",
            "kind:quote",
        };
        struct Paging {
            std::size_t offset;
            std::size_t limit;
        };
        const Paging pagings[] = {{0, 10}, {0, 0}, {5, 3}, {0, 1}};
        auto request_for = [](const std::string& q, Paging p) {
            r2p::SearchRequest r;
            r.query = q;
            r.offset = p.offset;
            r.limit = p.limit;
            return r;
        };
        // The truth: a counting pass visits every match.
        r2p::Searcher truth({statements_db()}, r2p::test::source_taxonomy());
        truth.set_table_policy(r2p::TablePolicy::Never);
        std::map<std::string, Xapian::doccount> expected;
        for (const auto& q : queries) {
            r2p::SearchRequest r = request_for(q, {0, 0});
            r.facets = {r2p::FacetField::Kind};
            expected[q] = truth.run(r).matches.lower;
        }
        REQUIRE(truth.database().get_doccount() >= 100);
        CHECK(expected.at("protection OR genocide") > 10);

        for (const auto policy :
             {r2p::TablePolicy::Never, r2p::TablePolicy::Auto, r2p::TablePolicy::Always}) {
            r2p::Searcher searcher({statements_db()}, r2p::test::source_taxonomy());
            searcher.set_table_policy(policy);
            r2p::SearchResult last;
            // Three rounds: Auto builds its tables somewhere along the way.
            for (int round = 0; round < 3; ++round) {
                for (const auto& q : queries) {
                    for (const Paging p : pagings) {
                        CAPTURE(static_cast<int>(policy));
                        CAPTURE(round);
                        CAPTURE(q);
                        CAPTURE(p.offset);
                        CAPTURE(p.limit);
                        const auto result = searcher.run(request_for(q, p));
                        CHECK(result.matches.exact());
                        CHECK(result.matches.lower == expected.at(q));
                        CHECK(result.matches.estimated == expected.at(q));
                        CHECK(result.matches.upper == expected.at(q));
                        last = result;
                    }
                }
            }
            if (policy == r2p::TablePolicy::Auto) CHECK(last.stats.length_table);
        }
    }

    TEST_CASE("a count is never below the hits shown") {
        r2p::Searcher searcher({statements_db()}, r2p::test::source_taxonomy());
        searcher.set_table_policy(r2p::TablePolicy::Never);
        r2p::SearchRequest request;
        request.query = "protection civilians";
        request.limit = 100;
        const auto result = searcher.run(request);
        CHECK(result.matches.lower >= result.hits.size());
        CHECK(result.matches.estimated >= result.hits.size());
    }

    TEST_CASE("phrases and hyphenated words find their possessive forms, marked whole") {
        r2p::test::TempDir dir;
        {
            r2p::IndexWriter writer(dir / "db");
            const auto d = r2p::test::fixture_document("poss", "2012-09-05", 3);
            writer.write_document(
                d,
                {r2p::test::fixture_passage("poss/p1", r2p::PassageKind::Paragraph,
                                            "He recalled Secretary-General Ban Ki-moon's call.", 0,
                                            {}, {}),
                 r2p::test::fixture_passage("poss/p2", r2p::PassageKind::Paragraph,
                                            "The Secretary-General’s report and the States’ "
                                            "obligations.",
                                            1, {}, {}),
                 r2p::test::fixture_passage("poss/p3", r2p::PassageKind::Paragraph,
                                            "Ms. O'Sullivan spoke.", 2, {}, {})},
                "fp");
            writer.commit();
        }
        auto found = [&](const std::string& query) {
            r2p::SearchRequest request;
            request.databases = {(dir / "db").string()};
            request.query = query;
            return r2p::search(request, r2p::test::source_taxonomy());
        };
        CHECK(ids(found("\"ban ki-moon\"")) == std::vector<std::string>{"poss/p1"});
        CHECK(ids(found("ki-moon's")) == std::vector<std::string>{"poss/p1"});
        CHECK(ids(found("\"secretary-general report\"")) == std::vector<std::string>{"poss/p2"});
        CHECK(ids(found("secretary-general")).size() == 2);
        CHECK(ids(found("\"states obligations\"")) == std::vector<std::string>{"poss/p2"});
        CHECK(ids(found("o'sullivan")) == std::vector<std::string>{"poss/p3"});

        const auto phrase = found("\"ban ki-moon\"");
        REQUIRE(phrase.hits.size() == 1);
        CHECK(r2p::render_snippet(phrase.hits[0].snippet, "<", ">").find("<Ban Ki>-<moon's>") !=
              std::string::npos);
        const auto word = found("\"secretary-general report\"");
        REQUIRE(word.hits.size() == 1);
        CHECK(r2p::render_snippet(word.hits[0].snippet, "<", ">")
                  .find("<Secretary>-<General’s report>") != std::string::npos);
    }
}
