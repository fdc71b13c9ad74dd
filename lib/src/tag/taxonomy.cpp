#include "r2p/taxonomy.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/error.hpp"
#include "util/ini_reader.hpp"

namespace r2p {
namespace {

// The data files are a small INI dialect (docs/taxonomy.md):
//   # comment
//   [kind id]            or  [attribution]
//   key = value | value  (repeated keys accumulate)
// Every error names the file and line so a taxonomy author can fix it without reading code.

bool valid_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// A phrase must hold a word: punctuation alone could never match and hides a typo.
bool has_word(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) != 0;
    });
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A reader of one taxonomy file: errors are TaxonomyErrors, and values reach fold() and the
// JSON output, which both need valid UTF-8.
IniReader taxonomy_reader(const TaxonomyText& file) {
    return IniReader(file.name, file.text, &raise_as<TaxonomyError>,
                     "taxonomy files are UTF-8 text");
}

/// "a | b | c" -> {"a", "b", "c"}; an empty item is an error (a stray or doubled bar).
std::vector<std::string> split_values(std::string_view value, const IniReader& reader) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t bar = value.find('|', start);
        const std::string_view item =
            ini_trim(value.substr(start, bar == std::string_view::npos ? value.npos : bar - start));
        if (item.empty()) reader.fail("empty value");
        if (!has_word(item)) reader.fail("value '" + std::string(item) + "' has no word");
        out.emplace_back(item);
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return out;
}

struct Header {
    std::string kind;
    std::string id;  // empty for [attribution]
};

Header parse_header(std::string_view line, const IniReader& reader) {
    const std::string_view inside = reader.section(line);
    const std::size_t space = inside.find_first_of(" \t");
    Header h;
    h.kind = std::string(inside.substr(0, space));
    if (space != std::string_view::npos) h.id = std::string(ini_trim(inside.substr(space)));
    return h;
}

/// Checks what a [kind id] header must satisfy, whatever the kind.
void check_entry_id(const Header& h, std::set<std::string>& seen, std::size_t first_line,
                    const IniReader& reader) {
    if (h.id.empty()) reader.fail_at(first_line, "[" + h.kind + "] needs an id");
    if (!valid_id(h.id)) reader.fail_at(first_line, "id '" + h.id + "' must match [a-z0-9-]+");
    if (!seen.insert(h.id).second)
        reader.fail_at(first_line, "duplicate " + h.kind + " id '" + h.id + "'");
}

void set_label(std::string& label, std::string_view value, const IniReader& reader) {
    if (!label.empty()) reader.fail("label given twice");
    label = std::string(value);
}

/// `weak-min = N`: one digit, 1 to 9. More would never be reached by a paragraph; 1 makes
/// every weak cue a cue, which is allowed but is better written as `cue`.
std::size_t parse_weak_min(std::string_view value, const IniReader& reader) {
    if (value.size() != 1 || value[0] < '1' || value[0] > '9')
        reader.fail("weak-min must be a whole number from 1 to 9, not '" + std::string(value) +
                    "'");
    return static_cast<std::size_t>(value[0] - '0');
}

void parse_themes(const TaxonomyText& file, Taxonomy& tax) {
    IniReader reader = taxonomy_reader(file);
    std::set<std::string> ids;
    std::size_t entry_line = 0;
    bool weak_min_given = false;
    const auto finish = [&] {
        weak_min_given = false;
        if (!tax.themes.empty() && tax.themes.back().label.empty())
            reader.fail_at(entry_line, "theme '" + tax.themes.back().id + "' has no label");
    };
    while (auto line = reader.next()) {
        if (line->front() == '[') {
            finish();
            const Header h = parse_header(*line, reader);
            if (h.kind != "theme")
                reader.fail("unknown section kind '" + h.kind + "' (themes file holds [theme ID])");
            entry_line = reader.line();
            check_entry_id(h, ids, entry_line, reader);
            Theme theme;
            theme.id = h.id;
            tax.themes.push_back(std::move(theme));
            continue;
        }
        if (tax.themes.empty()) reader.fail("key outside a [theme ID] section");
        const IniReader::KeyValue kv = reader.key_value(*line);
        Theme& theme = tax.themes.back();
        if (kv.key == "label") {
            set_label(theme.label, kv.value, reader);
        } else if (kv.key == "heading") {
            for (auto& v : split_values(kv.value, reader)) theme.headings.push_back(std::move(v));
        } else if (kv.key == "cue") {
            for (auto& v : split_values(kv.value, reader)) theme.cues.push_back(std::move(v));
        } else if (kv.key == "weak") {
            for (auto& v : split_values(kv.value, reader)) theme.weak.push_back(std::move(v));
        } else if (kv.key == "weak-min") {
            if (weak_min_given) reader.fail("weak-min given twice");
            weak_min_given = true;
            theme.weak_min = parse_weak_min(kv.value, reader);
        } else {
            reader.fail("unknown key '" + kv.key +
                        "' (theme keys: label, heading, cue, weak, weak-min)");
        }
    }
    finish();
    if (tax.themes.empty()) throw TaxonomyError(file.name + ": no [theme ID] section");
}

void parse_roles(const TaxonomyText& file, Taxonomy& tax) {
    IniReader reader = taxonomy_reader(file);
    std::set<std::string> ids;
    // An alias naming two roles would make attribution depend on file order.
    std::map<std::string, std::string> alias_owner;
    enum class In { Nothing, Role, Attribution } in = In::Nothing;
    bool seen_attribution = false;
    std::size_t entry_line = 0;
    const auto finish = [&] {
        if (in == In::Role && tax.roles.back().label.empty())
            reader.fail_at(entry_line, "role '" + tax.roles.back().id + "' has no label");
    };
    while (auto line = reader.next()) {
        if (line->front() == '[') {
            finish();
            const Header h = parse_header(*line, reader);
            entry_line = reader.line();
            if (h.kind == "role") {
                check_entry_id(h, ids, entry_line, reader);
                tax.roles.push_back(Role{h.id, {}, {}});
                in = In::Role;
            } else if (h.kind == "attribution") {
                if (!h.id.empty()) reader.fail("[attribution] takes no id");
                if (seen_attribution) reader.fail("duplicate [attribution] section");
                seen_attribution = true;
                in = In::Attribution;
            } else {
                reader.fail("unknown section kind '" + h.kind +
                            "' (roles file holds [role ID] and [attribution])");
            }
            continue;
        }
        if (in == In::Nothing) reader.fail("key outside a [role ID] or [attribution] section");
        const IniReader::KeyValue kv = reader.key_value(*line);
        if (in == In::Role) {
            Role& role = tax.roles.back();
            if (kv.key == "label") {
                set_label(role.label, kv.value, reader);
            } else if (kv.key == "alias") {
                for (auto& v : split_values(kv.value, reader)) {
                    const auto [it, fresh] = alias_owner.emplace(lower_ascii(v), role.id);
                    if (!fresh && it->second != role.id)
                        reader.fail("alias '" + v + "' already names role '" + it->second + "'");
                    role.aliases.push_back(std::move(v));
                }
            } else {
                reader.fail("unknown key '" + kv.key + "' (role keys: label, alias)");
            }
            continue;
        }
        std::vector<std::string>* list = nullptr;
        AttributionRules& rules = tax.attribution;
        if (kv.key == "speech-verbs")
            list = &rules.speech_verbs;
        else if (kv.key == "honorifics")
            list = &rules.honorifics;
        else if (kv.key == "indefinites")
            list = &rules.indefinites;
        else if (kv.key == "lead-ins")
            list = &rules.lead_ins;
        else
            reader.fail("unknown key '" + kv.key +
                        "' (attribution keys: speech-verbs, honorifics, indefinites, lead-ins)");
        for (auto& v : split_values(kv.value, reader)) list->push_back(std::move(v));
    }
    finish();
    if (tax.roles.empty()) throw TaxonomyError(file.name + ": no [role ID] section");
}

void parse_synonyms(const TaxonomyText& file, Taxonomy& tax) {
    IniReader reader = taxonomy_reader(file);
    std::map<std::string, std::size_t> phrase_line;
    while (auto line = reader.next()) {
        if (line->front() == '[' || line->find('=') != std::string_view::npos)
            reader.fail("expected 'phrase | phrase | ...'");
        SynonymGroup group{split_values(*line, reader)};
        if (group.phrases.size() < 2) reader.fail("a synonym group needs at least two phrases");
        for (const auto& p : group.phrases) {
            const auto [it, fresh] = phrase_line.emplace(lower_ascii(p), reader.line());
            if (!fresh)
                reader.fail("'" + p + "' is already in the group on line " +
                            std::to_string(it->second));
        }
        tax.synonyms.push_back(std::move(group));
    }
}

}  // namespace

const Theme* Taxonomy::find_theme(const std::string& id) const {
    const auto it =
        std::find_if(themes.begin(), themes.end(), [&](const Theme& t) { return t.id == id; });
    return it == themes.end() ? nullptr : &*it;
}

const Role* Taxonomy::find_role(const std::string& id) const {
    const auto it =
        std::find_if(roles.begin(), roles.end(), [&](const Role& r) { return r.id == id; });
    return it == roles.end() ? nullptr : &*it;
}

TaxonomyFiles default_taxonomy_files(const std::filesystem::path& dir) {
    return TaxonomyFiles{dir / "themes.conf", dir / "roles.conf", dir / "synonyms.conf", true};
}

TaxonomyText read_taxonomy_text(const std::filesystem::path& path) {
    std::error_code ec;
    // A folder opens like a file and reads as nothing: it would pass for an empty file.
    if (std::filesystem::is_directory(path, ec)) {
        throw TaxonomyError(path.string() + ": cannot read taxonomy file: it is a folder");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TaxonomyError(path.string() + ": cannot open taxonomy file");
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw TaxonomyError(path.string() + ": cannot read taxonomy file");
    return TaxonomyText{path.string(), std::move(text)};
}

TaxonomyText read_optional_taxonomy_text(const std::filesystem::path& path) {
    std::error_code ec;
    // Only absence is allowed: a file that is there but unreadable is still an error.
    if (std::filesystem::symlink_status(path, ec).type() == std::filesystem::file_type::not_found) {
        return TaxonomyText{path.string(), ""};
    }
    return read_taxonomy_text(path);
}

TaxonomyTexts read_taxonomy_texts(const TaxonomyFiles& files) {
    // Empty members mean "the default": the contract in taxonomy.hpp.
    const TaxonomyFiles defaults = default_taxonomy_files("corpus/taxonomy");
    const auto pick = [](const std::filesystem::path& given,
                         const std::filesystem::path& fallback) {
        return given.empty() ? fallback : given;
    };
    TaxonomyTexts texts;
    texts.themes = read_taxonomy_text(pick(files.themes, defaults.themes));
    texts.roles = read_taxonomy_text(pick(files.roles, defaults.roles));
    const std::filesystem::path synonyms = pick(files.synonyms, defaults.synonyms);
    const bool optional = files.synonyms.empty() || files.synonyms_optional;
    texts.synonyms =
        optional ? read_optional_taxonomy_text(synonyms) : read_taxonomy_text(synonyms);
    return texts;
}

Taxonomy parse_taxonomy(const TaxonomyTexts& texts) {
    Taxonomy tax;
    parse_themes(texts.themes, tax);
    parse_roles(texts.roles, tax);
    parse_synonyms(texts.synonyms, tax);
    return tax;
}

Taxonomy load_taxonomy(const TaxonomyFiles& files) {
    return parse_taxonomy(read_taxonomy_texts(files));
}

}  // namespace r2p
