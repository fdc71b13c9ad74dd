// A collection as one indexing run reads it (its profile and speakers table, loaded once), and
// what it says of one file: country, session, date, speaker and post.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "index/collection_profile.hpp"
#include "index/speakers_table.hpp"
#include "parse/document.hpp"
#include "r2p/indexing.hpp"

namespace r2p {

/// A profile and, when given, its speakers table. Read-only once loaded: loader threads share
/// it.
struct Collection {
    CollectionProfile profile;
    std::optional<SpeakersTable> speakers;
};

/// Loads the profile at `profile_path` and, unless `speakers_path` is empty, its table.
/// Throws UsageError as load_collection_profile and SpeakersTable::load do, and "PATH: the
/// speakers table needs a profile with a [speakers] section" when the profile has none.
Collection load_collection(const std::filesystem::path& profile_path,
                           const std::filesystem::path& speakers_path);

/// The collection `request` names (its `collection` resolved under corpus/collections/ when a
/// bare name, and its `speakers` table), or nullopt when it names none. Throws UsageError as
/// load_collection does, and when `speakers` is given without `collection`.
std::optional<Collection> load_request_collection(const IndexRequest& request);

/// What a collection says of one file.
struct CollectionEntry {
    bool matched = false;  ///< the file name matched the profile's pattern
    std::string date;      ///< from the profile's date template
    std::string country;   ///< lower case ("usa")
    std::string country_name;
    std::string session;
    std::string speaker;  ///< as the table gives it, white space made single
    std::string speaker_post;
    std::string title;  ///< from the profile's templates; empty: none
    std::string event;
    std::string place;
    /// "PATH: name does not match collection NAME's file pattern", "PATH: no row in TABLE for
    /// this file (no speaker)", "PATH: TABLE lines A and B both match this file (no speaker)".
    std::vector<std::string> warnings;

    /// What the file's passages depend on from the collection: the profile's digest and
    /// every value above; "" when the file is read under no collection.
    std::string fingerprint;
};

/// What `collection` says of the file at `path` (display path `path.string()`). Several
/// table rows naming the same speaker (ignoring case) count as one; naming different ones,
/// the file gets no speaker. A file without a row takes its country's name from another row
/// (SpeakersTable::country_name_of).
CollectionEntry collection_entry(const Collection& collection, const std::filesystem::path& path);

/// Copies the entry's values (those that are set) into `meta`: profile metadata wins over the
/// text's; a sidecar applied afterwards wins over both.
void apply_collection_entry(const CollectionEntry& entry, DocumentMeta& meta);

}  // namespace r2p
