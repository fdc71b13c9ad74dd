// "Did you mean": query words the index does not know, replaced by its spelling suggestions.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/taxonomy.hpp"

namespace r2p::detail {

/// `text` with each word that `db` does not know (neither as a word nor as a stem, nor a
/// word of `synonyms`, nor a number) replaced by `db`'s spelling suggestion; only plain
/// words and phrases are checked. nullopt when nothing was replaced. Throws what
/// Xapian::Database throws.
std::optional<std::string> spelling_suggestion(std::string_view text,
                                               const std::vector<SynonymGroup>& synonyms,
                                               const Xapian::Database& db);

}  // namespace r2p::detail
