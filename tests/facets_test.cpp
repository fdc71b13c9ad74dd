#include "r2p/facets.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "r2p/error.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "search/facet_counter.hpp"
#include "search_fixture.hpp"
#include "tables/facet_table.hpp"
#include "test_support.hpp"

TEST_SUITE("facets") {
    using r2p::FacetField;

    namespace {

    std::string ids(std::initializer_list<const char*> list) {
        std::string out;
        for (const char* id : list) {
            if (!out.empty()) out += r2p::schema::kListSeparator;
            out += id;
        }
        return out;
    }

    }  // namespace

    TEST_CASE("facet names round-trip and unknown ones are usage errors") {
        for (const auto f : {FacetField::Theme, FacetField::Role, FacetField::Kind, FacetField::Doc,
                             FacetField::Year, FacetField::Country, FacetField::Speaker}) {
            CHECK(r2p::parse_facet_field(r2p::facet_name(f)) == f);
        }
        CHECK_THROWS_WITH_AS(r2p::parse_facet_field("colour"), doctest::Contains("theme"),
                             r2p::UsageError);
    }

    TEST_CASE("multi-valued combinations are split into per-id totals") {
        const std::map<std::string, Xapian::doccount> counts = {
            {ids({"accountability", "prevention"}), 3},
            {ids({"prevention"}), 2},
            {ids({"focal-points", "prevention", "response"}), 1},
        };
        const auto facet =
            r2p::facet_from_value_counts(FacetField::Theme, counts, r2p::test::source_taxonomy());
        REQUIRE(facet.entries.size() == 4);
        CHECK(facet.entries[0].value == "prevention");
        CHECK(facet.entries[0].count == 6);
        CHECK(facet.entries[1].value == "accountability");
        CHECK(facet.entries[1].count == 3);
        // Ties are ordered by value.
        CHECK(facet.entries[2].value == "focal-points");
        CHECK(facet.entries[3].value == "response");
        CHECK(facet.entries[1].label ==
              r2p::test::source_taxonomy().find_theme("accountability")->label);
    }

    TEST_CASE("single-valued facets keep the value as label") {
        const std::map<std::string, Xapian::doccount> counts = {{"2012", 4}, {"2014", 4}, {"", 2}};
        const auto facet =
            r2p::facet_from_value_counts(FacetField::Year, counts, r2p::test::source_taxonomy());
        REQUIRE(facet.entries.size() == 2);
        CHECK(facet.entries[0].value == "2012");
        CHECK(facet.entries[0].label == "2012");
        CHECK(facet.entries[1].value == "2014");
    }

    TEST_CASE("every facet count equals the match count of the query filtered by that value") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        // Facets counted from stored values and from facet tables; the filtered match counts
        // they are checked against never count facets from tables.
        r2p::Searcher checker({(dir / "db").string()}, r2p::test::source_taxonomy());
        checker.set_table_policy(r2p::TablePolicy::Never);
        for (const auto policy : {r2p::TablePolicy::Never, r2p::TablePolicy::Always}) {
            for (const Xapian::doccount threads_from : {0U, 1000000U}) {
                r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy(), false,
                                       {.counting_threads_from = threads_from});
                searcher.set_table_policy(policy);
                CAPTURE(policy == r2p::TablePolicy::Always);
                CAPTURE(threads_from);

                const char* queries[] = {"", "prevention", "impunity OR accountability", "minister",
                                         "kind:paragraph"};
                for (const char* q : queries) {
                    {
                        CAPTURE(q);
                        r2p::SearchRequest request;
                        request.query = q;
                        request.limit = 1;
                        request.facets = {FacetField::Theme, FacetField::Role, FacetField::Kind,
                                          FacetField::Doc, FacetField::Year};
                        const auto result = searcher.run(request);
                        CHECK(result.matches.lower == result.matches.upper);
                        CHECK(result.facets.size() == 5);
                        // Without doc (no table), tables count everything: for a query of
                        // terms the counting pass then walks posting lists, no matcher.
                        r2p::SearchRequest tabled = request;
                        tabled.facets = {FacetField::Theme, FacetField::Role, FacetField::Kind,
                                         FacetField::Year};
                        const auto tabled_result = searcher.run(tabled);
                        CHECK(tabled_result.matches.lower == result.matches.lower);
                        REQUIRE(tabled_result.facets.size() == 4);
                        for (std::size_t f = 0; f < 4; ++f) {
                            const auto& a = tabled_result.facets[f].entries;
                            const auto& b = result.facets[f < 2 ? f : f == 2 ? 2 : 4].entries;
                            REQUIRE(a.size() == b.size());
                            for (std::size_t e = 0; e < a.size(); ++e) {
                                CHECK(a[e].value == b[e].value);
                                CHECK(a[e].count == b[e].count);
                            }
                        }
                        for (const auto& facet : result.facets) {
                            for (const auto& entry : facet.entries) {
                                r2p::SearchRequest filtered;
                                filtered.limit = 0;
                                filtered.facets = {facet.field};  // exact counts
                                std::string query = q;
                                switch (facet.field) {
                                    case FacetField::Theme:
                                        filtered.filters.themes = {entry.value};
                                        break;
                                    case FacetField::Role:
                                        filtered.filters.roles = {entry.value};
                                        break;
                                    case FacetField::Kind:
                                        filtered.filters.kinds = {entry.value};
                                        break;
                                    case FacetField::Doc:
                                        filtered.filters.docs = {entry.value};
                                        break;
                                    case FacetField::Year:
                                        filtered.filters.from = entry.value;
                                        filtered.filters.to = entry.value;
                                        break;
                                    case FacetField::Country:
                                        filtered.filters.countries = {entry.value};
                                        break;
                                    case FacetField::Speaker:
                                        filtered.filters.speakers = {entry.value};
                                        break;
                                }
                                filtered.query = query;
                                INFO(r2p::facet_name(facet.field), "=", entry.value);
                                CHECK(checker.run(filtered).matches.estimated == entry.count);
                                CHECK(entry.count > 0);
                            }
                        }
                    }
                }
            }
        }
    }

    TEST_CASE("two databases count as the sum of each, on threads or not, tables or not") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "a");
        r2p::test::write_search_fixture(dir / "b");
        r2p::SearchRequest request;
        request.query = "prevention OR minister";
        request.facets = {FacetField::Theme, FacetField::Role, FacetField::Doc};
        r2p::Searcher one({(dir / "a").string()}, r2p::test::source_taxonomy());
        one.set_table_policy(r2p::TablePolicy::Never);
        const auto single = one.run(request);
        REQUIRE(single.matches.lower > 0);
        for (const auto policy : {r2p::TablePolicy::Never, r2p::TablePolicy::Always}) {
            for (const Xapian::doccount threads_from : {0U, 1000000U}) {
                CAPTURE(policy == r2p::TablePolicy::Always);
                CAPTURE(threads_from);
                r2p::Searcher both({(dir / "a").string(), (dir / "b").string()},
                                   r2p::test::source_taxonomy(), false,
                                   {.counting_threads_from = threads_from});
                both.set_table_policy(policy);
                const auto result = both.run(request);
                CHECK(result.matches.lower == 2 * single.matches.lower);
                CHECK(result.matches.upper == 2 * single.matches.upper);
                REQUIRE(result.facets.size() == single.facets.size());
                for (std::size_t f = 0; f < single.facets.size(); ++f) {
                    REQUIRE(result.facets[f].entries.size() == single.facets[f].entries.size());
                    for (std::size_t e = 0; e < single.facets[f].entries.size(); ++e) {
                        CHECK(result.facets[f].entries[e].value ==
                              single.facets[f].entries[e].value);
                        CHECK(result.facets[f].entries[e].count ==
                              2 * single.facets[f].entries[e].count);
                    }
                }
            }
        }
    }

    TEST_CASE("masks and combinations count what the stored values count, match by match") {
        // Themes take 40 values, roles 12: 1 to 4 values a passage. The themes' table keeps
        // masks, the roles' numbers their combinations.
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (std::size_t i = 0; i < 300; ++i) {
            Xapian::Document doc;
            doc.add_term(i % 3 == 0 ? "common" : "other");
            for (const auto& [prefix, slot, values] :
                 {std::tuple{"XT", r2p::schema::Slot::Themes, std::size_t{40}},
                  std::tuple{"XR", r2p::schema::Slot::Roles, std::size_t{12}}}) {
                std::set<std::string> ids;
                for (std::size_t k = 0; k <= (i / 3) % 4; ++k) {
                    ids.insert("v" + std::to_string(10 + (i / 3 + k * 7) % values));
                }
                std::string joined;
                for (const std::string& id : ids) {
                    doc.add_boolean_term(prefix + id);
                    if (!joined.empty()) joined += r2p::schema::kListSeparator;
                    joined += id;
                }
                doc.add_value(r2p::schema::slot(slot), joined);
            }
            db.add_document(doc);
        }
        const auto themes = r2p::FacetTable::build(db, "XT", false, 10);
        const auto roles = r2p::FacetTable::build(db, "XR");
        REQUIRE(themes.has_value());
        REQUIRE(roles.has_value());
        REQUIRE_FALSE(themes->by_combination());
        REQUIRE(roles->by_combination());
        CHECK(roles->combinations().size() >= 12);
        const std::vector<FacetField> fields = {FacetField::Theme, FacetField::Role};
        const std::map<FacetField, const r2p::FacetTable*> tables = {{FacetField::Theme, &*themes},
                                                                     {FacetField::Role, &*roles}};

        // Xapian's spies over the stored values, then the tables through Xapian's matcher,
        // match by match and in one batch.
        auto counted = [&](bool with_tables, int way) {
            r2p::FacetCounter counter(
                fields, with_tables ? tables : std::map<FacetField, const r2p::FacetTable*>{});
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query("common"));
            std::vector<Xapian::docid> dids;
            if (way == 0) {
                counter.attach(enquire);
                enquire.get_mset(0, 10, db.get_doccount());
            } else {
                for (const Xapian::docid did : enquire.get_mset(0, db.get_doccount()))
                    dids.push_back(did);
                std::sort(dids.begin(), dids.end());
                if (way == 1) {
                    for (const Xapian::docid did : dids) counter.add_match(did);
                } else {
                    counter.add_matches(dids);
                }
            }
            r2p::FacetTotals totals;
            counter.add_to(totals);
            return totals.facets(r2p::test::source_taxonomy());
        };
        const auto expected = counted(false, 0);
        REQUIRE(expected.size() == 2);
        CHECK(expected[0].entries.size() == 40);
        CHECK(expected[1].entries.size() == 12);
        for (const int way : {0, 1, 2}) {
            CAPTURE(way);
            const auto got = counted(true, way);
            REQUIRE(got.size() == expected.size());
            for (std::size_t f = 0; f < got.size(); ++f) {
                REQUIRE(got[f].entries.size() == expected[f].entries.size());
                for (std::size_t e = 0; e < got[f].entries.size(); ++e) {
                    CHECK(got[f].entries[e].value == expected[f].entries[e].value);
                    CHECK(got[f].entries[e].count == expected[f].entries[e].count);
                }
            }
        }
    }

    TEST_CASE("auto builds a facet table once value counting has cost about as much") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy());
        r2p::SearchRequest request;
        request.limit = 0;
        request.facets = {FacetField::Theme, FacetField::Doc};
        const auto first = searcher.run(request);
        CHECK_FALSE(r2p::test::has_facet_table(first.stats, FacetField::Theme));
        // Every query counts all 9 passages; the theme postings of the fixture are fewer
        // than 8 x 9, so the second query is counted from a table, with the same counts.
        const auto second = searcher.run(request);
        CHECK(r2p::test::has_facet_table(second.stats, FacetField::Theme));
        CHECK_FALSE(r2p::test::has_facet_table(second.stats, FacetField::Doc));  // never a table
        REQUIRE(second.facets.size() == 2);
        CHECK(second.facets[0].entries.size() == first.facets[0].entries.size());
        for (std::size_t i = 0; i < first.facets[0].entries.size(); ++i) {
            CHECK(second.facets[0].entries[i].value == first.facets[0].entries[i].value);
            CHECK(second.facets[0].entries[i].count == first.facets[0].entries[i].count);
        }
    }

    TEST_CASE("never keeps counting stored values") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::Searcher searcher({(dir / "db").string()}, r2p::test::source_taxonomy());
        searcher.set_table_policy(r2p::TablePolicy::Never);
        r2p::SearchRequest request;
        request.facets = {FacetField::Theme};
        r2p::SearchResult last;
        for (int i = 0; i < 5; ++i) last = searcher.run(request);
        CHECK_FALSE(r2p::test::has_facet_table(last.stats, FacetField::Theme));
        CHECK(r2p::parse_table_policy("--tables", "always") == r2p::TablePolicy::Always);
        CHECK_THROWS_WITH_AS(r2p::parse_table_policy("--tables", "sometimes"),
                             doctest::Contains("auto, always, never"), r2p::UsageError);
    }

    TEST_CASE("the facets of the fixture have the counts its tags give") {
        r2p::test::TempDir dir;
        r2p::test::write_search_fixture(dir / "db");
        r2p::SearchRequest request;
        request.databases = {(dir / "db").string()};
        request.facets = {FacetField::Theme, FacetField::Kind};
        const auto result = r2p::search(request, r2p::test::source_taxonomy());
        REQUIRE(result.facets.size() == 2);
        const auto& themes = result.facets[0];
        CHECK(themes.field == FacetField::Theme);
        REQUIRE(!themes.entries.empty());
        CHECK(themes.entries[0].value == "prevention");
        CHECK(themes.entries[0].count == 6);
        const auto& kinds = result.facets[1];
        REQUIRE(kinds.entries.size() == 2);
        CHECK(kinds.entries[0].value == "paragraph");
        CHECK(kinds.entries[0].count == 7);
        CHECK(kinds.entries[1].count == 2);
    }
}
