#include "search/query_fields.hpp"

#include <algorithm>
#include <iterator>

#include "r2p/error.hpp"
#include "text/names.hpp"
#include "text/unicode.hpp"

namespace r2p::detail {

namespace {

constexpr std::string_view kSpeakerField = schema::field_spec(schema::Field::SpeakerWords).name;
constexpr std::string_view kKinds[] = {"paragraph", "quote"};

std::string known_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

void check_theme(const Taxonomy& taxonomy, const std::string& id) {
    if (taxonomy.find_theme(id) != nullptr) return;
    std::vector<std::string> ids;
    for (const auto& t : taxonomy.themes) ids.push_back(t.id);
    throw UsageError("unknown theme '" + id + "' (known: " + known_list(ids) + ")");
}

void check_role(const Taxonomy& taxonomy, const std::string& id) {
    if (taxonomy.find_role(id) != nullptr) return;
    std::vector<std::string> ids;
    for (const auto& r : taxonomy.roles) ids.push_back(r.id);
    throw UsageError("unknown role '" + id + "' (known: " + known_list(ids) + ")");
}

void check_kind(const std::string& kind) {
    if (std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds)) return;
    throw UsageError("unknown kind '" + kind + "' (known: paragraph, quote)");
}

const schema::FieldSpec* find_boolean_field(std::string_view name) {
    const schema::FieldSpec* spec = schema::find_field(name);
    return spec != nullptr && spec->boolean ? spec : nullptr;
}

}  // namespace

std::string country_code(std::string_view value) {
    std::string folded = fold(value);
    const bool letters =
        folded.size() == 3 &&
        std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters) {
        throw UsageError("bad country '" + std::string(value) +
                         "' (expected an ISO 3166-1 alpha-3 code such as usa)");
    }
    return folded;
}

std::string boolean_value(const Taxonomy& taxonomy, schema::Field field, std::string_view value) {
    // A name is compared whole, as the index writer folds it.
    if (field == schema::Field::Speaker) return fold_name(value);
    if (field == schema::Field::Country) return country_code(value);
    std::string folded = fold(value);
    if (field == schema::Field::Theme) check_theme(taxonomy, folded);
    if (field == schema::Field::Role) check_role(taxonomy, folded);
    if (field == schema::Field::Kind) check_kind(folded);
    if (field == schema::Field::Year && (folded.size() != 4 || !is_digits(folded))) {
        throw UsageError("bad year '" + std::string(value) + "' (expected YYYY)");
    }
    return folded;
}

void normalize_fields(std::vector<QueryToken>& tokens, const Taxonomy& taxonomy) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        auto& t = tokens[i];
        if (t.kind != QueryToken::Word) continue;
        const auto field = field_of(t.text);
        if (field == kSpeakerField && t.text.front() != '+' && t.text.front() != '-' &&
            t.text.back() == ':' && i + 1 < tokens.size() &&
            tokens[i + 1].kind == QueryToken::Quoted) {
            // Speaker names are indexed without positions, so a phrase could never match:
            // every word of the name must be there instead.
            std::string all;
            for (const auto& word : folded_words(quoted_content(tokens[i + 1].text))) {
                all += (all.empty() ? "(" : " AND ") + std::string(kSpeakerField) + ":" + word;
            }
            t.text = all.empty() ? std::string() : all + ")";
            tokens[i + 1].text.clear();
            tokens[i + 1].kind = QueryToken::Space;
            ++i;
            continue;
        }
        const schema::FieldSpec* boolean = find_boolean_field(field);
        if (boolean == nullptr) continue;
        const auto colon = t.text.find(':');
        const std::string value = t.text.substr(colon + 1);
        if (!value.empty()) {
            t.text = t.text.substr(0, colon + 1) + boolean_value(taxonomy, boolean->field, value);
        } else if (i + 1 < tokens.size() && tokens[i + 1].kind == QueryToken::Quoted) {
            auto& quoted = tokens[i + 1];
            quoted.text =
                "\"" + boolean_value(taxonomy, boolean->field, quoted_content(quoted.text)) + "\"";
            ++i;
        }
    }
}

}  // namespace r2p::detail
