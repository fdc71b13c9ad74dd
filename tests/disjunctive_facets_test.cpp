#include "search/disjunctive_facets.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "r2p/search.hpp"
#include "search_fixture.hpp"
#include "test_support.hpp"

TEST_SUITE("disjunctive_facets") {
    namespace {

    r2p::SearchResult run(r2p::SearchRequest request) {
        request.databases = {r2p::test::search_fixture_db()};
        return r2p::search(request, r2p::test::source_taxonomy());
    }

    std::map<std::string, Xapian::doccount> counts(const r2p::SearchResult& result,
                                                   r2p::FacetField field) {
        std::map<std::string, Xapian::doccount> out;
        for (const auto& facet : result.facets) {
            if (facet.field != field) continue;
            for (const auto& e : facet.entries) out[e.value] = e.count;
        }
        return out;
    }

    }  // namespace

    TEST_CASE("a facet's own filter is the one it is counted without") {
        r2p::SearchFilters filters;
        filters.themes = {"prevention"};
        filters.roles = {"minister"};
        filters.from = "2012";
        CHECK(r2p::has_own_filter(filters, r2p::FacetField::Theme));
        CHECK(r2p::has_own_filter(filters, r2p::FacetField::Role));
        CHECK(r2p::has_own_filter(filters, r2p::FacetField::Year));
        CHECK_FALSE(r2p::has_own_filter(filters, r2p::FacetField::Kind));
        CHECK_FALSE(r2p::has_own_filter(filters, r2p::FacetField::Speaker));

        const auto no_theme = r2p::without_own_filter(filters, r2p::FacetField::Theme);
        CHECK(no_theme.themes.empty());
        CHECK(no_theme.roles == filters.roles);
        CHECK(no_theme.from == "2012");
        const auto no_year = r2p::without_own_filter(filters, r2p::FacetField::Year);
        CHECK(no_year.from.empty());
        CHECK(no_year.themes == filters.themes);

        using F = r2p::FacetField;
        CHECK(r2p::self_filtered_facets({F::Kind, F::Role, F::Theme, F::Role, F::Year}, filters) ==
              std::vector<F>{F::Role, F::Theme, F::Year});
    }

    TEST_CASE("two themes chosen: each facet counts as the query without its own filter") {
        using F = r2p::FacetField;
        r2p::SearchRequest request;
        request.query = "";
        request.filters.themes = {"accountability", "response"};
        request.filters.roles = {"minister", "civil-society"};
        request.facets = {F::Theme, F::Role, F::Kind, F::Year};
        request.facet_mode = r2p::FacetMode::Disjunctive;
        const auto disjunctive = run(request);

        auto filtered = request;
        filtered.facet_mode = r2p::FacetMode::Filtered;
        const auto drilled = run(filtered);
        // Matches, hits and facets without a filter of their own are as when drilling down.
        CHECK(disjunctive.matches.lower == drilled.matches.lower);
        CHECK(disjunctive.hits.size() == drilled.hits.size());
        CHECK(counts(disjunctive, F::Kind) == counts(drilled, F::Kind));
        CHECK(counts(disjunctive, F::Year) == counts(drilled, F::Year));

        // The theme facet: the query with the role filter only.
        auto themes_only = filtered;
        themes_only.filters.themes.clear();
        CHECK(counts(disjunctive, F::Theme) == counts(run(themes_only), F::Theme));
        // The role facet: with the theme filter only.
        auto roles_only = filtered;
        roles_only.filters.roles.clear();
        CHECK(counts(disjunctive, F::Role) == counts(run(roles_only), F::Role));
        // The other themes keep counts: prevention is not chosen, yet counted.
        CHECK(counts(disjunctive, F::Theme).count("prevention") == 1);
        CHECK(counts(drilled, F::Theme).at("prevention") <=
              counts(disjunctive, F::Theme).at("prevention"));

        // Facets come in the order asked.
        REQUIRE(disjunctive.facets.size() == 4);
        CHECK(disjunctive.facets[0].field == F::Theme);
        CHECK(disjunctive.facets[1].field == F::Role);
        CHECK(disjunctive.facets[2].field == F::Kind);
        CHECK(disjunctive.facets[3].field == F::Year);
    }

    TEST_CASE("the year facet is counted without from and to") {
        using F = r2p::FacetField;
        r2p::SearchRequest request;
        request.query = "prevention";
        request.filters.from = "2013";
        request.facets = {F::Year, F::Theme};
        request.facet_mode = r2p::FacetMode::Disjunctive;
        const auto disjunctive = run(request);
        auto undated = request;
        undated.filters.from.clear();
        undated.facet_mode = r2p::FacetMode::Filtered;
        CHECK(counts(disjunctive, F::Year) == counts(run(undated), F::Year));
        CHECK(counts(disjunctive, F::Year).count("2012") == 1);
        auto filtered = request;
        filtered.facet_mode = r2p::FacetMode::Filtered;
        const auto drilled = run(filtered);
        CHECK(counts(disjunctive, F::Theme) == counts(drilled, F::Theme));
        CHECK(counts(drilled, F::Year).count("2012") == 0);
        CHECK(disjunctive.matches.lower == drilled.matches.lower);
    }
}
