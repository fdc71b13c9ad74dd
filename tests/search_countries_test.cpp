// Tests for country and speaker as fields: what lib/src/index/index_writer.cpp writes for them,
// lib/src/search/ filters, query prefix and facets (with labels from
// lib/src/search/stored_labels.cpp), and how lib/src/format/ shows them.
#include <doctest/doctest.h>

#include <xapian.h>

#include <sstream>
#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/json_output.hpp"
#include "r2p/request_text.hpp"
#include "r2p/schema.hpp"
#include "r2p/search.hpp"
#include "r2p/table_output.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("search: country and speaker") {
    namespace {

    using r2p::FacetField;
    using r2p::PassageKind;

    struct Speech {
        std::string id;
        std::string country;
        std::string country_name;
        std::string session;
        std::string date;
        std::vector<std::pair<std::string, const char*>> paragraphs;  // text, speaker
    };

    void write_speeches(const std::filesystem::path& dir, const std::vector<Speech>& speeches) {
        r2p::IndexWriter writer(dir);
        for (const Speech& s : speeches) {
            r2p::Document d = r2p::test::fixture_document(s.id, s.date, s.paragraphs.size());
            d.meta.country = s.country;
            d.meta.country_name = s.country_name;
            d.meta.session = s.session;
            std::vector<r2p::Passage> passages;
            for (std::size_t i = 0; i < s.paragraphs.size(); ++i) {
                passages.push_back(r2p::test::fixture_passage(
                    s.id + "/p" + std::to_string(i + 1), PassageKind::Paragraph,
                    s.paragraphs[i].first, i, {"prevention"}, {}, s.paragraphs[i].second));
            }
            writer.write_document(d, passages, "fp-" + s.id);
        }
        writer.commit();
    }

    // Two databases as two shards of one collection: different countries and sessions, one
    // speaker in both.
    struct Fixture {
        r2p::test::TempDir dir;
        std::string first = (dir / "first").string();
        std::string second = (dir / "second").string();
        Fixture() {
            write_speeches(
                first, {{"usa_63_2008",
                         "usa",
                         "United States of America",
                         "63",
                         "2008-09-23",
                         {{"Prevention of atrocity crimes comes first.", "Villy Søvndal"},
                          {"Protection of populations is our duty.", "Villy Søvndal"}}},
                        {"fra_63_2008",
                         "fra",
                         "France",
                         "63",
                         "2008-09-24",
                         {{"Prevention is a shared duty of states.", "Jan Eliasson"}}},
                        {"untold", "", "", "", "", {{"Prevention without a country.", nullptr}}}});
            write_speeches(second, {{"swe_64_2009",
                                     "SWE",
                                     "Sweden",
                                     "64",
                                     "2009-09-25",
                                     {{"Prevention needs early warning.", "Jan Eliasson"}}}});
        }
    };

    const Fixture& fixture() {
        static const Fixture f;
        return f;
    }

    r2p::SearchResult run(r2p::SearchRequest request, std::vector<std::string> databases,
                          r2p::TablePolicy policy = r2p::TablePolicy::Auto) {
        r2p::Searcher searcher(databases, r2p::test::source_taxonomy());
        searcher.set_table_policy(policy);
        return searcher.run(request);
    }

    r2p::SearchResult run_first(r2p::SearchRequest request) {
        return run(std::move(request), {fixture().first});
    }

    const r2p::Facet& facet_of(const r2p::SearchResult& result, FacetField field) {
        for (const auto& facet : result.facets) {
            if (facet.field == field) return facet;
        }
        FAIL("no facet " << r2p::facet_name(field));
        return result.facets.front();
    }

    std::vector<std::string> ids(const r2p::SearchResult& result) {
        std::vector<std::string> out;
        for (const auto& hit : result.hits) out.push_back(hit.passage.id);
        std::sort(out.begin(), out.end());
        return out;
    }

    r2p::SearchRequest parsed(const std::vector<r2p::RequestField>& fields) {
        return r2p::parse_request(fields, "--");
    }

    }  // namespace

    TEST_CASE("the country facet counts codes and labels them with the country's name") {
        r2p::SearchRequest request;
        request.query = "prevention OR protection";
        request.facets = {FacetField::Country};
        const auto result = run_first(request);
        const auto& entries = facet_of(result, FacetField::Country).entries;
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].value == "usa");
        CHECK(entries[0].label == "United States of America");
        CHECK(entries[0].count == 2);
        CHECK(entries[1].value == "fra");
        CHECK(entries[1].label == "France");
        CHECK(entries[1].count == 1);
    }

    TEST_CASE("the speaker facet counts folded names and labels them as written") {
        r2p::SearchRequest request;
        request.facets = {FacetField::Speaker};
        const auto result = run_first(request);
        const auto& entries = facet_of(result, FacetField::Speaker).entries;
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].value == "villy sovndal");
        CHECK(entries[0].label == "Villy Søvndal");
        CHECK(entries[0].count == 2);
        CHECK(entries[1].value == "jan eliasson");
        CHECK(entries[1].label == "Jan Eliasson");
    }

    TEST_CASE("--country and --speaker match whatever the case and accents") {
        for (const char* code : {"usa", "USA", "Usa"}) {
            CAPTURE(code);
            const auto request = parsed({{"country", code}});
            CHECK(ids(run_first(request)) ==
                  std::vector<std::string>{"usa_63_2008/p1", "usa_63_2008/p2"});
        }
        for (const char* name : {"villy sovndal", "Villy Søvndal", "VILLY  SØVNDAL "}) {
            CAPTURE(name);
            const auto request = parsed({{"speaker", name}});
            CHECK(ids(run_first(request)) ==
                  std::vector<std::string>{"usa_63_2008/p1", "usa_63_2008/p2"});
        }
        // A facet value given back as a filter finds the passages it counted.
        const auto both =
            parsed({{"speaker", "jan eliasson"}, {"country", "fra"}, {"country", "swe"}});
        CHECK(ids(run(both, {fixture().first, fixture().second})) ==
              std::vector<std::string>{"fra_63_2008/p1", "swe_64_2009/p1"});
        // A part of a name is not the name.
        CHECK(run_first(parsed({{"speaker", "eliasson"}})).hits.empty());
    }

    TEST_CASE("a country that is not three letters is a usage error before any search") {
        for (const char* bad : {"us", "usa1", "", "u-s"}) {
            CAPTURE(bad);
            CHECK_THROWS_WITH_AS(parsed({{"country", bad}}), doctest::Contains("bad country"),
                                 r2p::UsageError);
        }
        r2p::SearchRequest request;
        request.query = "country:united";
        CHECK_THROWS_AS(run_first(request), r2p::UsageError);
    }

    TEST_CASE("country: in a query filters by code and speaker: still finds any word of a name") {
        r2p::SearchRequest request;
        request.query = "prevention country:FRA";
        CHECK(ids(run_first(request)) == std::vector<std::string>{"fra_63_2008/p1"});
        request.query = "speaker:eliasson";
        CHECK(ids(run_first(request)) == std::vector<std::string>{"fra_63_2008/p1"});
        request.query = "speaker:\"Villy Søvndal\" protection";
        CHECK(ids(run_first(request)) == std::vector<std::string>{"usa_63_2008/p2"});
    }

    TEST_CASE("country and speaker facets are the same counted from tables or stored values") {
        r2p::SearchRequest request;
        request.query = "prevention";
        request.facets = {FacetField::Country, FacetField::Speaker, FacetField::Year};
        const std::vector<std::string> dbs = {fixture().first, fixture().second};
        const auto tabled = run(request, dbs, r2p::TablePolicy::Always);
        const auto spied = run(request, dbs, r2p::TablePolicy::Never);
        CHECK(r2p::test::has_facet_table(tabled.stats, FacetField::Country));
        CHECK(r2p::test::has_facet_table(tabled.stats, FacetField::Speaker));
        CHECK(r2p::test::has_facet_table(tabled.stats, FacetField::Year));
        CHECK(spied.stats.facet_tables.empty());
        CHECK(r2p::format_json(tabled).find("\"facets\":") != std::string::npos);
        CHECK(r2p::search_result_json(tabled)["facets"] ==
              r2p::search_result_json(spied)["facets"]);
        CHECK(tabled.matches.estimated == 4);
    }

    TEST_CASE("more countries than a bit set holds are counted from a table all the same") {
        r2p::test::TempDir dir;
        std::vector<Speech> speeches;
        for (char a = 'a'; a <= 'c'; ++a) {
            for (char b = 'a'; b <= 'z'; ++b) {
                const std::string code = {a, b, 'x'};
                speeches.push_back({code + "_1_1946",
                                    code,
                                    "Land " + code,
                                    "1",
                                    "1946-10-24",
                                    {{"Prevention again.", nullptr}}});
            }
        }
        speeches.push_back(speeches.front());
        speeches.back().id = "twice";
        write_speeches(dir / "db", speeches);
        r2p::SearchRequest request;
        request.facets = {FacetField::Country};
        const auto tabled = run(request, {(dir / "db").string()}, r2p::TablePolicy::Always);
        const auto spied = run(request, {(dir / "db").string()}, r2p::TablePolicy::Never);
        CHECK(r2p::test::has_facet_table(tabled.stats, FacetField::Country));
        CHECK(tabled.stats.counted_by != r2p::CountedBy::Spies);
        CHECK(spied.stats.counted_by == r2p::CountedBy::Spies);
        const auto& entries = facet_of(tabled, FacetField::Country).entries;
        REQUIRE(entries.size() == 78);
        CHECK(entries[0].value == "aax");
        CHECK(entries[0].label == "Land aax");
        CHECK(entries[0].count == 2);
        CHECK(r2p::search_result_json(tabled)["facets"] ==
              r2p::search_result_json(spied)["facets"]);
    }

    TEST_CASE("facet labels come from every shard searched") {
        r2p::SearchRequest request;
        request.facets = {FacetField::Country, FacetField::Speaker};
        for (const auto& dbs : {std::vector{fixture().first, fixture().second},
                                std::vector{fixture().second, fixture().first}}) {
            const auto result = run(request, dbs);
            const auto& countries = facet_of(result, FacetField::Country).entries;
            REQUIRE(countries.size() == 3);
            for (const auto& entry : countries) {
                CAPTURE(entry.value);
                CHECK(entry.label != entry.value);
            }
            const auto swe = std::find_if(countries.begin(), countries.end(),
                                          [](const auto& e) { return e.value == "swe"; });
            REQUIRE(swe != countries.end());
            CHECK(swe->label == "Sweden");
            const auto& speakers = facet_of(result, FacetField::Speaker).entries;
            REQUIRE(speakers.size() == 2);
            CHECK(speakers[0].value == "jan eliasson");
            CHECK(speakers[0].count == 2);
        }
    }

    TEST_CASE("a result's document gives its country as code and name, and its session") {
        r2p::SearchRequest request;
        request.query = "prevention";
        request.limit = 10;
        const auto json = r2p::search_result_json(run_first(request));
        bool seen_country = false;
        bool seen_none = false;
        for (const auto& hit : json["results"]) {
            const auto& doc = hit["doc"];
            if (doc["id"] == "usa_63_2008") {
                CHECK(doc["country"] ==
                      nlohmann::json{{"code", "usa"}, {"name", "United States of America"}});
                CHECK(doc["session"] == "63");
                CHECK(doc["date"] == "2008-09-23");
                seen_country = true;
            } else if (doc["id"] == "untold") {
                CHECK(doc["country"].is_null());
                CHECK(doc["session"].is_null());
                seen_none = true;
            }
        }
        CHECK(seen_country);
        CHECK(seen_none);
    }

    TEST_CASE("the table shows each result's country beside its title and date") {
        r2p::SearchRequest request;
        request.filters.docs = {"usa_63_2008"};
        request.limit = 1;
        std::ostringstream out;
        r2p::print_table(out, run_first(request), r2p::TableStyle{false, 100});
        CHECK(out.str().find("Statement usa_63_2008 · 2008-09-23 · United States of America "
                             "(usa)\n") != std::string::npos);
    }

    TEST_CASE("the table lists the year facet in year order") {
        r2p::SearchRequest request;
        request.facets = {FacetField::Year};
        std::ostringstream out;
        r2p::print_table(out, run(request, {fixture().first, fixture().second}),
                         r2p::TableStyle{false, 100});
        const std::string text = out.str();
        CHECK(text.substr(text.find("year:")) ==
              "year:\n"
              "  2008          3\n"
              "  2009          1\n"
              "  no date       1\n");
    }

    TEST_CASE("a database of schema 4 is refused by the searcher and the index writer") {
        r2p::test::TempDir dir;
        {
            Xapian::WritableDatabase old((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
            old.set_metadata(std::string(r2p::schema::kSchemaVersionKey), "4");
            old.commit();
        }
        CHECK_THROWS_WITH_AS(r2p::open_databases({(dir / "db").string()}, false),
                             doctest::Contains("has schema version 4, expected 5 (re-index it)"),
                             r2p::IndexError);
        CHECK_THROWS_WITH_AS(r2p::IndexWriter(dir / "db"),
                             doctest::Contains("schema version 4, this r2p-index writes 5"),
                             r2p::IndexError);
    }
}
