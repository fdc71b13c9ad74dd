#include "index/collection.hpp"

#include <algorithm>

#include "r2p/collections.hpp"
#include "r2p/error.hpp"
#include "util/fnv1a.hpp"

namespace r2p {
namespace {

bool same_ignoring_case(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return (x >= 'A' && x <= 'Z' ? x | 0x20 : x) == (y >= 'A' && y <= 'Z' ? y | 0x20 : y);
    });
}

std::string field_or_empty(const FileFields& fields, const char* name) {
    const auto it = fields.find(name);
    return it == fields.end() ? "" : it->second;
}

// Adds the speakers table's row (or why there is none) to `entry`.
void take_table_row(const SpeakersTable& table, const FileFields& fields,
                    const std::string& display, CollectionEntry& entry) {
    const std::vector<const SpeakerRow*> rows = table.rows_for(fields);
    if (rows.empty()) {
        entry.country_name = table.country_name_of(fields);
        entry.warnings.push_back(display + ": no row in " + table.name() +
                                 " for this file (no speaker)");
        return;
    }
    const SpeakerRow& first = *rows.front();
    entry.country_name = first.country_name;
    const bool one_speaker = std::all_of(rows.begin(), rows.end(), [&](const SpeakerRow* row) {
        return same_ignoring_case(row->speaker, first.speaker);
    });
    if (!one_speaker) {
        // Two delegates spoke in the same debate: the file may hold either or both.
        std::string lines;
        for (const SpeakerRow* row : rows)
            lines += (lines.empty() ? "" : " and ") + std::to_string(row->line);
        entry.warnings.push_back(display + ": " + table.name() + " lines " + lines +
                                 " name different speakers for this file (no speaker)");
        return;
    }
    entry.speaker = first.speaker;
    // The first row that gives a post: a repeated row may lack it.
    for (const SpeakerRow* row : rows) {
        if (!row->post.empty()) {
            entry.speaker_post = row->post;
            break;
        }
    }
}

}  // namespace

Collection load_collection(const std::filesystem::path& profile_path,
                           const std::filesystem::path& speakers_path) {
    Collection collection{load_collection_profile(profile_path), std::nullopt};
    if (!speakers_path.empty()) {
        if (collection.profile.match.empty()) {
            throw UsageError(profile_path.string() +
                             ": the speakers table needs a profile with a [speakers] section");
        }
        collection.speakers = SpeakersTable::load(collection.profile, speakers_path);
    }
    return collection;
}

std::optional<Collection> load_request_collection(const IndexRequest& request) {
    if (!request.speakers.empty() && request.collection.empty())
        throw UsageError("--speakers needs --collection (the profile says how rows join files)");
    if (request.collection.empty()) return std::nullopt;
    return load_collection(collection_profile_path(request.collection, "corpus/collections"),
                           request.speakers);
}

CollectionEntry collection_entry(const Collection& collection, const std::filesystem::path& path) {
    CollectionEntry entry;
    const std::string display = path.string();
    const auto fields = match_file_name(collection.profile, path.stem().string());
    if (fields) {
        entry.matched = true;
        entry.date = collection_date(collection.profile, *fields);
        entry.country = field_or_empty(*fields, "country");
        entry.session = field_or_empty(*fields, "session");
        if (collection.speakers) take_table_row(*collection.speakers, *fields, display, entry);
        FileFields display_fields = *fields;
        std::string country_name = entry.country_name;
        if (country_name.empty()) {  // no table, or no row: the code, as the file name has it
            for (const char c : entry.country)
                country_name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        display_fields["country_name"] = country_name;
        entry.title = expand_template(collection.profile.title, display_fields);
        entry.event = expand_template(collection.profile.event, display_fields);
        entry.place = expand_template(collection.profile.place, display_fields);
    } else {
        entry.warnings.push_back(display + ": name does not match collection " +
                                 collection.profile.name + "'s file pattern");
    }
    detail::Fnv1a hash;
    hash.add(collection.profile.digest);
    for (const std::string* value :
         {&entry.date, &entry.country, &entry.country_name, &entry.session, &entry.speaker,
          &entry.speaker_post, &entry.title, &entry.event, &entry.place})
        hash.add(*value);
    entry.fingerprint = hash.hex();
    return entry;
}

void apply_collection_entry(const CollectionEntry& entry, DocumentMeta& meta) {
    const auto take = [](const std::string& value, std::string& field) {
        if (!value.empty()) field = value;
    };
    take(entry.date, meta.date);
    take(entry.country, meta.country);
    take(entry.country_name, meta.country_name);
    take(entry.session, meta.session);
    take(entry.speaker, meta.speaker);
    take(entry.speaker_post, meta.speaker_post);
    take(entry.title, meta.title);
    take(entry.event, meta.event);
    take(entry.place, meta.place);
}

}  // namespace r2p
