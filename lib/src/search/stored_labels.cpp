#include "search/stored_labels.hpp"

#include "r2p/schema.hpp"

namespace r2p {

const std::map<std::string, std::string>& StoredLabels::labels_of(FacetField field) {
    const auto found = by_field_.find(field);
    if (found != by_field_.end()) return found->second;
    // One scan of the field's keys per shard: a speaker facet over UNGDC has thousands of
    // entries, and a lookup each (a round trip each on a remote shard) would cost more.
    std::map<std::string, std::string>& labels = by_field_[field];
    const std::string prefix = schema::label_key(facet_spec(field), "");
    for (const Xapian::Database& shard : shards_) {
        for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix);
             ++key) {
            // The first shard's label wins; shards indexed from one corpus agree anyway.
            labels.emplace((*key).substr(prefix.size()), shard.get_metadata(*key));
        }
    }
    return labels;
}

void StoredLabels::label(std::vector<Facet>& facets) {
    for (Facet& facet : facets) {
        if (!facet_spec(facet.field).stored_labels) continue;
        const std::map<std::string, std::string>& labels = labels_of(facet.field);
        for (FacetEntry& entry : facet.entries) {
            const auto label = labels.find(entry.value);
            if (label != labels.end() && !label->second.empty()) entry.label = label->second;
        }
    }
}

}  // namespace r2p
