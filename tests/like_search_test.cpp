#include "search/like_search.hpp"

#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "search_fixture.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("like_search") {
    namespace {

    const std::string kFormula =
        "Each individual State has the responsibility to protect its populations from "
        "genocide, war crimes, ethnic cleansing and crimes against humanity.";

    r2p::LikePassage like(const std::string& id, const std::string& date, double similarity) {
        r2p::LikePassage p;
        p.passage.id = id;
        p.passage.doc_date = date;
        p.match.similarity = similarity;
        return p;
    }

    std::vector<std::string> ids(const std::vector<r2p::LikePassage>& passages) {
        std::vector<std::string> out;
        for (const auto& p : passages) out.push_back(p.passage.id);
        return out;
    }

    // Two documents: the formula in 2005 and, changed, in 2010; a quote repeating it.
    void write_formula_db(const std::filesystem::path& dir, bool signatures) {
        using K = r2p::PassageKind;
        r2p::IndexWriter writer(dir, 100, signatures);
        writer.write_document(
            r2p::test::fixture_document("old", "2005-09-16", 1),
            {r2p::test::fixture_passage("old/p1", K::Paragraph, "Opening words. " + kFormula, 0, {},
                                        {}),
             r2p::test::fixture_passage("old/p1/q1", K::Quote, kFormula, 0, {}, {})},
            "f1");
        writer.write_document(
            r2p::test::fixture_document("new", "2010-01-02", 1),
            {r2p::test::fixture_passage("new/p1", K::Paragraph,
                                        "Each individual State has the responsibility to protect "
                                        "its citizens from genocide, war crimes, ethnic "
                                        "cleansing and crimes against humanity.",
                                        0, {}, {})},
            "f2");
        writer.commit();
    }

    }  // namespace

    TEST_CASE("relevance: by similarity, then oldest, then id, date: oldest first") {
        std::vector<r2p::LikePassage> found = {like("b", "2010-01-01", 0.9),
                                               like("a", "2012-01-01", 1.0), like("c", "", 1.0),
                                               like("d", "2005-01-01", 0.9)};
        r2p::sort_like_passages(found, r2p::SortOrder::Relevance);
        CHECK(ids(found) == std::vector<std::string>{"a", "c", "d", "b"});
        r2p::sort_like_passages(found, r2p::SortOrder::Date);
        CHECK(ids(found) == std::vector<std::string>{"d", "b", "a", "c"});
    }

    TEST_CASE("paragraphs are signed, quotes are not, the database is marked") {
        r2p::test::TempDir dir;
        write_formula_db(dir / "db", true);
        const Xapian::Database db((dir / "db").string());
        CHECK_NOTHROW(r2p::require_signatures({db}));
        const auto has_anchor = [&](const std::string& id) {
            const Xapian::docid docid = *db.postlist_begin("Q" + id);
            const Xapian::Document doc = db.get_document(docid);
            auto it = doc.termlist_begin();
            it.skip_to(std::string(r2p::schema::kSentencePrefix));
            return it != doc.termlist_end() && (*it).starts_with(r2p::schema::kSentencePrefix);
        };
        CHECK(has_anchor("old/p1"));
        CHECK_FALSE(has_anchor("old/p1/q1"));
    }

    TEST_CASE("a database without signatures, or mixed, is refused with 're-index'") {
        r2p::test::TempDir dir;
        write_formula_db(dir / "db", false);
        {
            const Xapian::Database db((dir / "db").string());
            CHECK_THROWS_WITH_AS(r2p::require_signatures({db}), doctest::Contains("re-index"),
                                 r2p::UsageError);
        }
        // Signed passages added to an unsigned database leave it unmarked.
        { r2p::IndexWriter writer(dir / "db", 100, true); }
        const Xapian::Database db((dir / "db").string());
        CHECK_THROWS_AS(r2p::require_signatures({db}), r2p::UsageError);
    }

    TEST_CASE("re-indexing a changed document replaces its anchors") {
        r2p::test::TempDir dir;
        write_formula_db(dir / "db", true);
        {
            r2p::IndexWriter writer(dir / "db", 100, true);
            writer.write_document(
                r2p::test::fixture_document("new", "2010-01-02", 1),
                {r2p::test::fixture_passage("new/p1", r2p::PassageKind::Paragraph,
                                            "Norway welcomes the report of the Secretary-General "
                                            "on climate finance and sustainable development.",
                                            0, {}, {})},
                "f3");
            writer.commit();
        }
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy());
        r2p::SearchRequest request;
        request.like_text = kFormula;
        const r2p::SearchResult result = searcher.run(request);
        REQUIRE(result.hits.size() == 1);
        CHECK(result.hits[0].passage.id == "old/p1");
        REQUIRE(result.hits[0].like);
        CHECK(result.hits[0].like->verbatim);
        // The sentence found, as offsets into the passage's text.
        CHECK(result.hits[0].passage.text.substr(result.hits[0].like->begin) == kFormula);
        CHECK(result.like_sentences == std::vector<std::string>{kFormula});
    }

    TEST_CASE("asked sentences: errors") {
        r2p::test::TempDir dir;
        write_formula_db(dir / "db", true);
        const Xapian::Database db((dir / "db").string());
        r2p::SearchRequest request;
        request.like = "old/p1";
        const r2p::AskedSentences asked = r2p::asked_sentences(db, request);
        // "Opening words." is too short to be looked for.
        CHECK(asked.texts() == std::vector<std::string>{kFormula});
        request.like = "missing/p1";
        CHECK_THROWS_AS(r2p::asked_sentences(db, request), r2p::UsageError);
        request.like = "old/p1";
        request.like_text = kFormula;
        CHECK_THROWS_AS(r2p::asked_sentences(db, request), r2p::UsageError);
        request.like.clear();
        request.like_text = "Too short to trace.";
        CHECK_THROWS_WITH_AS(r2p::asked_sentences(db, request),
                             doctest::Contains("at least 8 words"), r2p::UsageError);
        request.like_text = kFormula;
        request.min_similarity = 1.5;
        CHECK_THROWS_AS(r2p::asked_sentences(db, request), r2p::UsageError);
    }
}
