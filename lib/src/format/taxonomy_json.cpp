#include "r2p/taxonomy_json.hpp"

#include <string>

#include "r2p/facets.hpp"

namespace r2p {

namespace {

template <typename Entries>
nlohmann::json id_labels(const Entries& entries) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : entries) list.push_back({{"id", entry.id}, {"label", entry.label}});
    return list;
}

}  // namespace

nlohmann::json taxonomy_json(const Taxonomy& taxonomy) {
    nlohmann::json facets = nlohmann::json::array();
    for (auto field = FacetField::Theme;;) {
        facets.push_back(std::string(facet_name(field)));
        if (field == FacetField::Speaker) break;
        field = static_cast<FacetField>(static_cast<int>(field) + 1);
    }
    return {{"themes", id_labels(taxonomy.themes)},
            {"roles", id_labels(taxonomy.roles)},
            {"facets", facets}};
}

}  // namespace r2p
