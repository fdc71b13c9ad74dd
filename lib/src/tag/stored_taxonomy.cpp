#include "r2p/stored_taxonomy.hpp"

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace {

// Only a change is written: a run that changes nothing commits nothing, so the database keeps
// its revision and its table files stay current.
void set_if_changed(Xapian::WritableDatabase& db, std::string_view key, const std::string& value) {
    const std::string k(key);
    if (db.get_metadata(k) != value) db.set_metadata(k, value);
}

}  // namespace

void store_taxonomy(Xapian::WritableDatabase& db, const Taxonomy& taxonomy) {
    const TaxonomyTexts texts = format_taxonomy(taxonomy);
    set_if_changed(db, schema::kThemesKey, texts.themes.text);
    set_if_changed(db, schema::kRolesKey, texts.roles.text);
    // Xapian deletes a key set to "": no synonyms reads back as an absent key.
    set_if_changed(db, schema::kSynonymsKey, texts.synonyms.text);
}

std::optional<TaxonomyTexts> read_stored_taxonomy(const Xapian::Database& db,
                                                  const std::string& name) {
    std::string themes = db.get_metadata(std::string(schema::kThemesKey));
    if (themes.empty()) return std::nullopt;
    const std::string stored = name + ": stored ";
    return TaxonomyTexts{
        {stored + "themes.conf", std::move(themes)},
        {stored + "roles.conf", db.get_metadata(std::string(schema::kRolesKey))},
        {stored + "synonyms.conf", db.get_metadata(std::string(schema::kSynonymsKey))},
    };
}

std::optional<TaxonomyTexts> stored_taxonomy(const std::vector<OpenedShard>& shards) {
    std::optional<TaxonomyTexts> found;
    std::string found_in;
    for (const OpenedShard& shard : shards) {
        std::optional<TaxonomyTexts> texts;
        try {
            texts = read_stored_taxonomy(shard.db, shard.name);
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot read the taxonomy stored in " + shard.name + ": " +
                             e.get_msg());
        }
        if (!texts) continue;
        if (!found) {
            found = std::move(texts);
            found_in = shard.name;
        } else if (!(*texts == *found)) {
            // Facet labels and --theme ids would depend on which shard was asked.
            throw IndexError(shard.name + " was indexed with another taxonomy than " + found_in +
                             " (re-index them with the same files, or give --themes, --roles "
                             "and --synonyms)");
        }
    }
    return found;
}

}  // namespace r2p
