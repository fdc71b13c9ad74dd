#include "r2p/taxonomy_json.hpp"

#include <doctest/doctest.h>

#include "taxonomy_fixture.hpp"

TEST_SUITE("taxonomy_json") {
    TEST_CASE("themes and roles come with ids and labels, in the taxonomy's order") {
        r2p::Taxonomy taxonomy;
        taxonomy.themes = {{"accountability", "Ending impunity", {}, {"impunity"}},
                           {"prevention", "Prevention", {}, {"prevent"}}};
        taxonomy.roles = {{"minister", "Minister", {"Minister"}}};
        const nlohmann::json json = r2p::taxonomy_json(taxonomy);
        CHECK(json["themes"] == nlohmann::json::parse(
                                    R"([{"id":"accountability","label":"Ending impunity"},
                                        {"id":"prevention","label":"Prevention"}])"));
        CHECK(json["roles"] == nlohmann::json::parse(R"([{"id":"minister","label":"Minister"}])"));
        // How passages are tagged stays on the server.
        CHECK(json["themes"][0].size() == 2);
    }

    TEST_CASE("facets names every field a search can count, as the facet key takes them") {
        const nlohmann::json json = r2p::taxonomy_json(r2p::test::source_taxonomy());
        CHECK(json["facets"] ==
              nlohmann::json::parse(R"(["theme","role","kind","doc","year","country","speaker"])"));
        CHECK(json["themes"].size() == r2p::test::source_taxonomy().themes.size());
    }
}
