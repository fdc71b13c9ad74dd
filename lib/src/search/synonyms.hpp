// The taxonomy's synonym groups applied to query text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "r2p/taxonomy.hpp"

namespace r2p {

/// Rewrites every synonym of `groups` standing in `query` outside quotes (or as a whole
/// quoted phrase) into the OR of the group's phrases: `R2P` -> `(R2P OR RtoP OR
/// "responsibility to protect")`. Words carrying a field prefix, +/-, a wildcard, or next
/// to NEAR/ADJ are left alone. Matching is case- and accent-insensitive.
std::string expand_synonyms(std::string_view query, const std::vector<SynonymGroup>& groups);

}  // namespace r2p
