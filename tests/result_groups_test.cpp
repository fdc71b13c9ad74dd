#include "search/result_groups.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("result_groups") {
    namespace {

    r2p::SearchResult run(const std::string& query, r2p::GroupBy group, std::size_t offset = 0,
                          std::size_t limit = 10,
                          const std::string& db = r2p::test::search_fixture_db()) {
        r2p::SearchRequest request;
        request.databases = {db};
        request.query = query;
        request.group = group;
        request.offset = offset;
        request.limit = limit;
        return r2p::search(request, r2p::test::source_taxonomy());
    }

    // id -> folded of every hit.
    std::map<std::string, std::size_t> folded(const r2p::SearchResult& result) {
        std::map<std::string, std::size_t> out;
        for (const auto& hit : result.hits) out[hit.passage.id] = hit.folded;
        return out;
    }

    }  // namespace

    TEST_CASE("the index writer stores each passage's paragraph id as its collapse key") {
        Xapian::Database db(r2p::test::search_fixture_db());
        const auto slot = r2p::schema::slot(r2p::schema::Slot::Paragraph);
        CHECK(db.get_value_freq(slot) == db.get_doccount());
        const auto key_of = [&](const std::string& id) {
            auto it = db.postlist_begin("Q" + id);
            REQUIRE(it != db.postlist_end("Q" + id));
            return db.get_document(*it).get_value(slot);
        };
        CHECK(key_of("alpha/p1") == "alpha/p1");
        CHECK(key_of("alpha/p1/q1") == "alpha/p1");
        CHECK(key_of("alpha/p3/q1") == "alpha/p3");
    }

    TEST_CASE("grouped by paragraph, a paragraph and its quote show once with folded 1") {
        const auto plain = run("impunity", r2p::GroupBy::None);
        REQUIRE(plain.hits.size() == 3);  // alpha/p1, its quote alpha/p1/q1, gamma/p1
        CHECK_FALSE(plain.groups.has_value());
        CHECK(folded(plain) == std::map<std::string, std::size_t>{
                                   {"alpha/p1", 0}, {"alpha/p1/q1", 0}, {"gamma/p1", 0}});

        const auto grouped = run("impunity", r2p::GroupBy::Paragraph);
        CHECK(grouped.group == r2p::GroupBy::Paragraph);
        REQUIRE(grouped.hits.size() == 2);
        const auto f = folded(grouped);
        CHECK(f.count("gamma/p1") == 1);
        CHECK(f.at("gamma/p1") == 0);
        // The paragraph or its quote, whichever ranks higher, stands for both.
        const std::size_t alpha = f.count("alpha/p1") + f.count("alpha/p1/q1");
        CHECK(alpha == 1);
        CHECK((f.count("alpha/p1") ? f.at("alpha/p1") : f.at("alpha/p1/q1")) == 1);
        // Matches still count passages; groups count paragraphs.
        CHECK(grouped.matches.lower == 3);
        CHECK(grouped.matches.exact());
        REQUIRE(grouped.groups.has_value());
        CHECK(grouped.groups->lower == 2);
        CHECK(grouped.groups->exact());
        CHECK(grouped.hits[0].rank == 1);
        CHECK(grouped.hits[1].rank == 2);
    }

    TEST_CASE("grouped by document, every passage of a document folds into its best") {
        const auto grouped = run("prevention", r2p::GroupBy::Doc);
        // prevention (stemmed prevent*): alpha p1, p1/q1, p2, p3, p3/q1; beta p1, p2.
        std::map<std::string, std::size_t> by_doc;
        for (const auto& hit : grouped.hits) by_doc[hit.passage.doc_id] = hit.folded;
        const auto plain = run("prevention", r2p::GroupBy::None);
        std::map<std::string, std::size_t> passages;
        for (const auto& hit : plain.hits) ++passages[hit.passage.doc_id];
        REQUIRE(by_doc.size() == passages.size());
        for (const auto& [doc, count] : passages) CHECK(by_doc.at(doc) == count - 1);
        REQUIRE(grouped.groups.has_value());
        CHECK(grouped.groups->lower == passages.size());
        CHECK(grouped.matches.lower == plain.matches.lower);
    }

    TEST_CASE("offset and limit page through groups, not passages") {
        const auto all = run("prevention", r2p::GroupBy::Paragraph);
        REQUIRE(all.groups.has_value());
        REQUIRE(all.hits.size() >= 3);
        std::vector<std::string> paged;
        for (std::size_t offset = 0; offset < all.hits.size(); offset += 2) {
            const auto page = run("prevention", r2p::GroupBy::Paragraph, offset, 2);
            REQUIRE(page.groups.has_value());
            CHECK(page.groups->lower == all.groups->lower);
            CHECK(page.matches.lower == all.matches.lower);
            for (const auto& hit : page.hits) {
                CHECK(hit.rank == offset + 1 + static_cast<std::size_t>(&hit - &page.hits[0]));
                paged.push_back(hit.passage.id);
            }
        }
        std::vector<std::string> whole;
        for (const auto& hit : all.hits) whole.push_back(hit.passage.id);
        CHECK(paged == whole);
        CHECK(whole.size() == all.groups->lower);
    }

    TEST_CASE("grouped by date order, the newest groups come first") {
        r2p::SearchRequest request;
        request.databases = {r2p::test::search_fixture_db()};
        request.query = "prevention";
        request.group = r2p::GroupBy::Paragraph;
        request.sort = r2p::SortOrder::Date;
        const auto result = r2p::search(request, r2p::test::source_taxonomy());
        REQUIRE_FALSE(result.hits.empty());
        CHECK(result.hits.front().passage.doc_id == "beta");
    }

    TEST_CASE("a database without paragraph keys refuses to group by paragraph, not by doc") {
        r2p::test::TempDir dir;
        const auto db = (dir / "old").string();
        r2p::test::write_search_fixture(db);
        {
            // As r2p-index wrote passages before Slot::Paragraph existed.
            Xapian::WritableDatabase writable(db);
            for (auto it = writable.postlist_begin(""); it != writable.postlist_end(""); ++it) {
                Xapian::Document doc = writable.get_document(*it);
                doc.remove_value(r2p::schema::slot(r2p::schema::Slot::Paragraph));
                writable.replace_document(*it, doc);
            }
            writable.commit();
        }
        CHECK_THROWS_WITH_AS(run("impunity", r2p::GroupBy::Paragraph, 0, 10, db),
                             doctest::Contains("re-index"), r2p::UsageError);
        CHECK(run("impunity", r2p::GroupBy::Doc, 0, 10, db).hits.size() == 2);
        CHECK(run("impunity", r2p::GroupBy::None, 0, 10, db).hits.size() == 3);
    }

    TEST_CASE("collapse slots: paragraph and doc, none without grouping") {
        CHECK(r2p::collapse_slot(r2p::GroupBy::None) == std::nullopt);
        CHECK(r2p::collapse_slot(r2p::GroupBy::Paragraph) ==
              r2p::schema::slot(r2p::schema::Slot::Paragraph));
        CHECK(r2p::collapse_slot(r2p::GroupBy::Doc) == r2p::schema::slot(r2p::schema::Slot::Doc));
    }

    TEST_CASE("groups are counted exactly and never above the passages, with filters too") {
        // Xapian's collapsed bounds alone gave 20 groups of 15 passages under a date range.
        for (const auto group : {r2p::GroupBy::Paragraph, r2p::GroupBy::Doc}) {
            for (const char* from : {"", "2012", "2014"}) {
                for (const std::string query : {"", "impunity", "prevention OR impunity"}) {
                    CAPTURE(from);
                    CAPTURE(query);
                    r2p::SearchRequest request;
                    request.databases = {r2p::test::search_fixture_db()};
                    request.query = query;
                    request.group = group;
                    request.limit = 2;
                    request.filters.from = from;
                    const auto paged = r2p::search(request, r2p::test::source_taxonomy());
                    request.limit = 100;
                    const auto all = r2p::search(request, r2p::test::source_taxonomy());
                    REQUIRE(paged.groups.has_value());
                    CHECK(paged.groups->exact());
                    CHECK(paged.groups->upper == all.hits.size());
                    CHECK(paged.groups->upper <= paged.matches.upper);
                    std::size_t passages = 0;
                    for (const auto& hit : all.hits) passages += 1 + hit.folded;
                    CHECK(passages == all.matches.upper);
                }
            }
        }
    }
}
