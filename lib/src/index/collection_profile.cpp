#include "index/collection_profile.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "parse/dates.hpp"
#include "r2p/error.hpp"
#include "util/fnv1a.hpp"
#include "util/ini_reader.hpp"

namespace r2p {
namespace {

// The format (docs/taxonomy.md, "Collection profiles"):
//   [collection NAME]   label, file, date
//   [speakers]          match FIELD = COLUMN (repeated), country-name, speaker, post

bool is_field(std::string_view name) {
    return std::find(std::begin(kCollectionFields), std::end(kCollectionFields), name) !=
           std::end(kCollectionFields);
}

std::string field_list() {
    std::string list;
    for (std::string_view f : kCollectionFields)
        list += (list.empty() ? "" : ", ") + std::string(f);
    return list;
}

bool all_of_class(std::string_view s, bool (*in_class)(char)) {
    return !s.empty() && std::all_of(s.begin(), s.end(), in_class);
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether `value` is what `field` matches (kCollectionFields), so "ABC_70_x" is no match.
bool field_value_fits(std::string_view field, std::string_view value) {
    if (field == "country")
        return value.size() >= 2 && value.size() <= 3 && all_of_class(value, is_letter);
    if (field == "session") return all_of_class(value, is_digit);
    if (field == "year") return value.size() == 4 && all_of_class(value, is_digit);
    return value.size() == 2 && all_of_class(value, is_digit);  // month, day
}

// The one field a title, event or place template may use beyond the file name's: the
// country's name from the speakers table.
constexpr std::string_view kCountryNameField = "country_name";

// "{country}_{session}_{year}" -> parts; `what` names the key in errors; `country_name`
// also allows {country_name} (display templates).
std::vector<CollectionProfile::Part> parse_pattern(std::string_view pattern, const char* what,
                                                   const IniReader& reader,
                                                   bool country_name = false) {
    std::vector<CollectionProfile::Part> parts;
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const std::size_t open = pattern.find('{', pos);
        if (open != pos) {
            const std::string_view literal = pattern.substr(pos, open - pos);
            if (literal.find('}') != std::string_view::npos)
                reader.fail(std::string(what) + ": '}' without '{'");
            parts.push_back({false, std::string(literal)});
            if (open == std::string_view::npos) break;
        }
        const std::size_t close = pattern.find('}', open);
        if (close == std::string_view::npos) reader.fail(std::string(what) + ": '{' without '}'");
        const std::string name(pattern.substr(open + 1, close - open - 1));
        if (!is_field(name) && !(country_name && name == kCountryNameField)) {
            reader.fail(std::string(what) + ": unknown field '{" + name +
                        "}' (fields: " + field_list() + ")");
        }
        parts.push_back({true, name});
        pos = close + 1;
    }
    return parts;
}

bool pattern_has(const std::vector<CollectionProfile::Part>& parts, std::string_view field) {
    return std::any_of(parts.begin(), parts.end(), [&](const CollectionProfile::Part& p) {
        return p.field && p.text == field;
    });
}

std::string expand(const std::vector<CollectionProfile::Part>& parts, const FileFields& fields) {
    std::string out;
    for (const auto& part : parts) {
        if (!part.field) {
            out += part.text;
        } else if (const auto it = fields.find(part.text); it != fields.end()) {
            out += it->second;
        }
    }
    return out;
}

void set_once(std::string& slot, std::string_view value, const std::string& key,
              const IniReader& reader) {
    if (!slot.empty()) reader.fail("'" + key + "' given twice");
    slot = std::string(value);
}

}  // namespace

std::vector<std::string> CollectionProfile::table_columns() const {
    std::vector<std::string> columns;
    for (const auto& [field, column] : match) columns.push_back(column);
    for (const std::string* column : {&country_name_column, &speaker_column, &post_column})
        if (!column->empty()) columns.push_back(*column);
    return columns;
}

CollectionProfile parse_collection_profile(const std::string& name, std::string_view text) {
    IniReader reader(name, text, &raise_as<UsageError>, "collection profiles are UTF-8 text");
    CollectionProfile profile;
    enum class In { Nothing, Collection, Speakers } in = In::Nothing;
    bool seen_collection = false;
    bool seen_speakers = false;
    std::string file_pattern, date_template;
    std::size_t date_line = 0, speakers_line = 0;
    std::set<std::string> matched_fields;
    while (auto line = reader.next()) {
        if (IniReader::is_section(*line)) {
            const std::string_view inside = reader.section(*line);
            const std::size_t space = inside.find_first_of(" \t");
            const std::string_view kind = inside.substr(0, space);
            const std::string_view id =
                space == std::string_view::npos ? "" : ini_trim(inside.substr(space));
            if (kind == "collection") {
                if (seen_collection) reader.fail("duplicate [collection NAME] section");
                if (id.empty()) reader.fail("[collection] needs a name");
                seen_collection = true;
                profile.name = std::string(id);
                in = In::Collection;
            } else if (kind == "speakers") {
                if (!id.empty()) reader.fail("[speakers] takes no name");
                if (seen_speakers) reader.fail("duplicate [speakers] section");
                seen_speakers = true;
                speakers_line = reader.line();
                in = In::Speakers;
            } else {
                reader.fail("unknown section kind '" + std::string(kind) +
                            "' (a profile holds [collection NAME] and [speakers])");
            }
            continue;
        }
        if (in == In::Nothing) reader.fail("key outside a [collection NAME] or [speakers] section");
        const IniReader::KeyValue kv = reader.key_value(*line);
        if (in == In::Collection) {
            if (kv.key == "label") {
                set_once(profile.label, kv.value, kv.key, reader);
            } else if (kv.key == "file") {
                set_once(file_pattern, kv.value, kv.key, reader);
                profile.file = parse_pattern(kv.value, "file", reader);
                std::set<std::string> seen;
                for (std::size_t i = 0; i < profile.file.size(); ++i) {
                    const auto& part = profile.file[i];
                    if (!part.field) continue;
                    if (!seen.insert(part.text).second)
                        reader.fail("file: field '{" + part.text + "}' given twice");
                    if (i > 0 && profile.file[i - 1].field)
                        reader.fail("file: fields need text between them ('{" +
                                    profile.file[i - 1].text + "}{" + part.text + "}')");
                }
                if (seen.empty()) reader.fail("file: the pattern names no {field}");
            } else if (kv.key == "date") {
                set_once(date_template, kv.value, kv.key, reader);
                date_line = reader.line();
            } else if (kv.key == "title" || kv.key == "event" || kv.key == "place") {
                auto& parts = kv.key == "title"   ? profile.title
                              : kv.key == "event" ? profile.event
                                                  : profile.place;
                if (!parts.empty()) reader.fail("'" + kv.key + "' given twice");
                parts = parse_pattern(kv.value, kv.key.c_str(), reader, true);
                for (const auto& part : parts) {
                    if (part.field && part.text != kCountryNameField &&
                        !pattern_has(profile.file, part.text))
                        reader.fail(kv.key + ": field '{" + part.text +
                                    "}' is not in the file pattern (give 'file' first)");
                }
            } else {
                reader.fail("unknown key '" + kv.key +
                            "' (collection keys: label, file, date, title, event, place)");
            }
            continue;
        }
        if (kv.key.starts_with("match ") || kv.key == "match") {
            const std::string field(ini_trim(std::string_view(kv.key).substr(5)));
            if (field.empty()) reader.fail("'match' needs a field: 'match FIELD = COLUMN'");
            if (!is_field(field))
                reader.fail("match: unknown field '" + field + "' (fields: " + field_list() + ")");
            if (!matched_fields.insert(field).second)
                reader.fail("match: field '" + field + "' given twice");
            profile.match.emplace_back(field, std::string(kv.value));
            // Checked against the file pattern once the whole file is read (any key order).
        } else if (kv.key == "country-name") {
            set_once(profile.country_name_column, kv.value, kv.key, reader);
        } else if (kv.key == "speaker") {
            set_once(profile.speaker_column, kv.value, kv.key, reader);
        } else if (kv.key == "post") {
            set_once(profile.post_column, kv.value, kv.key, reader);
        } else {
            reader.fail("unknown key '" + kv.key +
                        "' (speakers keys: match FIELD, country-name, speaker, post)");
        }
    }
    if (!seen_collection) throw UsageError(name + ": no [collection NAME] section");
    if (profile.file.empty())
        throw UsageError(name + ": [collection " + profile.name +
                         "] has no file pattern ('file = ...')");
    if (!date_template.empty()) {
        const auto parts = parse_pattern(date_template, "date", reader);
        FileFields sample;
        for (const auto& part : parts) {
            if (!part.field) continue;
            if (!pattern_has(profile.file, part.text))
                reader.fail_at(date_line,
                               "date: field '{" + part.text + "}' is not in the file pattern");
            sample[part.text] = part.text == "year" ? "2000" : "01";
        }
        if (!is_calendar_date(expand(parts, sample)))
            reader.fail_at(date_line, "date: '" + date_template +
                                          "' does not give YYYY, YYYY-MM or YYYY-MM-DD");
        profile.date = parts;
    }
    if (seen_speakers) {
        if (profile.match.empty())
            reader.fail_at(speakers_line, "[speakers] needs at least one 'match FIELD = COLUMN'");
        for (const auto& [field, column] : profile.match) {
            if (!pattern_has(profile.file, field))
                reader.fail_at(speakers_line,
                               "match: field '" + field + "' is not in the file pattern");
        }
    }
    detail::Fnv1a hash;
    hash.add(text);
    profile.digest = hash.hex();
    return profile;
}

std::string read_collection_file(const std::filesystem::path& path, const std::string& what) {
    std::error_code ec;
    // A folder opens like a file and reads as nothing: it would pass for an empty file.
    if (std::filesystem::is_directory(path, ec))
        throw UsageError(path.string() + ": cannot read " + what + ": it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError(path.string() + ": cannot read " + what);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw UsageError(path.string() + ": cannot read " + what);
    return text;
}

CollectionProfile load_collection_profile(const std::filesystem::path& path) {
    return parse_collection_profile(path.string(),
                                    read_collection_file(path, "collection profile"));
}

std::filesystem::path collection_profile_path(const std::string& name_or_file,
                                              const std::filesystem::path& collections_dir) {
    if (name_or_file.ends_with(".conf") || name_or_file.find('/') != std::string::npos)
        return name_or_file;
    return collections_dir / (name_or_file + ".conf");
}

std::vector<std::string> known_collection_profiles(const std::filesystem::path& collections_dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(collections_dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->path().extension() == ".conf") names.push_back(it->path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<FileFields> match_file_name(const CollectionProfile& profile, std::string_view stem) {
    FileFields fields;
    std::size_t pos = 0;
    const auto& parts = profile.file;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const auto& part = parts[i];
        if (!part.field) {
            if (stem.substr(pos, part.text.size()) != part.text) return std::nullopt;
            pos += part.text.size();
            continue;
        }
        // A field runs to the next literal (fields never touch), or to the end.
        std::size_t end = stem.size();
        if (i + 1 < parts.size()) {
            end = stem.find(parts[i + 1].text, pos);
            if (end == std::string_view::npos) return std::nullopt;
        }
        std::string value(stem.substr(pos, end - pos));
        if (!field_value_fits(part.text, value)) return std::nullopt;
        if (part.text == "country")
            for (char& c : value) c = static_cast<char>(c | 0x20);
        fields[part.text] = std::move(value);
        pos = end;
    }
    if (pos != stem.size()) return std::nullopt;
    return fields;
}

std::string collection_date(const CollectionProfile& profile, const FileFields& fields) {
    return expand(profile.date, fields);
}

std::string expand_template(const std::vector<CollectionProfile::Part>& parts,
                            const FileFields& fields) {
    return expand(parts, fields);
}

}  // namespace r2p
