#include "r2p/taxonomy.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace r2p {

// Writes what parse_taxonomy reads (docs/taxonomy.md): a database stores its taxonomy in this
// form, readable with xapian-metadata and loadable as --themes/--roles/--synonyms files.

namespace {

// "a | b | c"
std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += " | ";
        out += value;
    }
    return out;
}

void put_list(std::string& out, std::string_view key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out += key;
    out += " = ";
    out += joined(values);
    out += '\n';
}

void put_section(std::string& out, std::string_view kind, const std::string& id,
                 const std::string& label) {
    out += '[';
    out += kind;
    out += ' ';
    out += id;
    out += "]\nlabel = ";
    out += label;
    out += '\n';
}

}  // namespace

TaxonomyTexts format_taxonomy(const Taxonomy& taxonomy) {
    TaxonomyTexts texts{{"themes.conf", ""}, {"roles.conf", ""}, {"synonyms.conf", ""}};
    for (const Theme& theme : taxonomy.themes) {
        put_section(texts.themes.text, "theme", theme.id, theme.label);
        put_list(texts.themes.text, "heading", theme.headings);
        put_list(texts.themes.text, "cue", theme.cues);
        put_list(texts.themes.text, "weak", theme.weak);
        // Only when not the default: a taxonomy without weak cues writes what it always did.
        if (theme.weak_min != kDefaultWeakMin)
            texts.themes.text += "weak-min = " + std::to_string(theme.weak_min) + "\n";
    }
    for (const Role& role : taxonomy.roles) {
        put_section(texts.roles.text, "role", role.id, role.label);
        put_list(texts.roles.text, "alias", role.aliases);
    }
    const AttributionRules& rules = taxonomy.attribution;
    if (!(rules == AttributionRules{})) {
        texts.roles.text += "[attribution]\n";
        put_list(texts.roles.text, "speech-verbs", rules.speech_verbs);
        put_list(texts.roles.text, "honorifics", rules.honorifics);
        put_list(texts.roles.text, "indefinites", rules.indefinites);
        put_list(texts.roles.text, "lead-ins", rules.lead_ins);
    }
    for (const SynonymGroup& group : taxonomy.synonyms) {
        if (group.phrases.empty()) continue;
        texts.synonyms.text += joined(group.phrases);
        texts.synonyms.text += '\n';
    }
    return texts;
}

}  // namespace r2p
