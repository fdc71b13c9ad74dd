// The taxonomy a database was indexed with, kept in its metadata so that searches use it.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "r2p/databases.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// Records `taxonomy` in `db`'s metadata (schema::kThemesKey...), replacing what was there;
/// it is committed with the database's next commit. Throws Xapian::Error.
void store_taxonomy(Xapian::WritableDatabase& db, const Taxonomy& taxonomy);

/// The taxonomy texts store_taxonomy recorded in `db`, named "<name>: stored themes.conf"
/// (and roles, synonyms) for error messages; nullopt for a database written before
/// taxonomies were stored. Throws Xapian::Error.
std::optional<TaxonomyTexts> read_stored_taxonomy(const Xapian::Database& db,
                                                  const std::string& name);

/// The taxonomy the shards store: nullopt when none stores one. Shards that store none
/// (written before) go with the others. Throws IndexError naming two shards that store
/// different taxonomies, or a shard whose metadata cannot be read.
std::optional<TaxonomyTexts> stored_taxonomy(const std::vector<OpenedShard>& shards);

}  // namespace r2p
