// The taxonomy as JSON for clients that show themes and roles by label (the search page).
#pragma once

#include <nlohmann/json.hpp>

#include "r2p/taxonomy.hpp"

namespace r2p {

/// {"themes": [{"id", "label"}], "roles": [{"id", "label"}], "facets": ["theme", ...]}:
/// themes and roles in the taxonomy's order; `facets` names the fields a search can count
/// (the `facet` key's values), in schema order. Cues, aliases and rules are left out: they
/// are how passages are tagged, not what a client shows.
nlohmann::json taxonomy_json(const Taxonomy& taxonomy);

}  // namespace r2p
