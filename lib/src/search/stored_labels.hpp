// The facet labels r2p-index stores in a database's metadata (country names, speakers'
// names as written), read for the facet entries a search answers with.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "r2p/facets.hpp"

namespace r2p {

/// The stored labels (schema::label_key) of the searched shards, read once per field and
/// snapshot. Not thread-safe: one per Searcher.
class StoredLabels {
  public:
    /// Reads from `shards` (every shard searched, remote ones too), which share their
    /// revision with the searched database.
    explicit StoredLabels(std::vector<Xapian::Database> shards) : shards_(std::move(shards)) {}

    /// Gives every entry of a facet of a stored_labels field the label stored for its value
    /// by the first shard that stores one; an entry none labels keeps its label (the value).
    /// Other facets are left as they are. Throws Xapian::Error when a shard cannot be read.
    void label(std::vector<Facet>& facets);

    /// Forgets what was read: the databases moved to another revision.
    void clear() { by_field_.clear(); }

  private:
    // Every label of `field` the shards store, by value.
    const std::map<std::string, std::string>& labels_of(FacetField field);

    std::vector<Xapian::Database> shards_;
    std::map<FacetField, std::map<std::string, std::string>> by_field_;
};

}  // namespace r2p
