#include "convert/docx_styles.hpp"

#include <string_view>
#include <tuple>

#include "convert/libxml_support.hpp"
#include "text/ascii_case.hpp"

namespace r2p {

namespace {

const xmlNode* child_element(const xmlNode* node, std::string_view name) {
    for (const xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (is_element(child, name)) return child;
    }
    return nullptr;
}

long number_or(const std::string& value, long fallback) {
    if (value.empty() || value.size() > 6) return fallback;
    long n = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return fallback;
        n = n * 10 + (c - '0');
    }
    return n;
}

// The w:numPr of `properties` as (numId, ilvl); numId "" when none.
std::pair<std::string, long> numbering_of(const xmlNode* properties) {
    const xmlNode* num = child_element(properties, "numPr");
    if (!num) return {"", 0};
    return {attribute(child_element(num, "numId"), "val"),
            number_or(attribute(child_element(num, "ilvl"), "val"), 0)};
}

// 1 -> "a", 27 -> "aa".
std::string letters(long n) {
    std::string s;
    for (; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (n - 1) % 26));
    return s;
}

std::string roman(long n) {
    static constexpr std::pair<long, std::string_view> kDigits[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string s;
    for (const auto& [value, digits] : kDigits) {
        for (; n >= value; n -= value) s += digits;
    }
    return s;
}

std::string upper_copy(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

}  // namespace

DocxStyles::DocxStyles(xmlDoc* styles, xmlDoc* numbering) {
    if (const xmlNode* root = styles ? xmlDocGetRootElement(styles) : nullptr) {
        for (const xmlNode* style = root->children; style; style = style->next) {
            if (!is_element(style, "style")) continue;
            const std::string id = attribute(style, "styleId");
            style_names_[id] = detail::ascii_lower(attribute(child_element(style, "name"), "val"));
            auto numbered = numbering_of(child_element(style, "pPr"));
            if (!numbered.first.empty()) style_numbers_[id] = std::move(numbered);
        }
    }
    const xmlNode* root = numbering ? xmlDocGetRootElement(numbering) : nullptr;
    if (!root) return;
    std::map<std::string, std::map<long, Level>> abstract;
    for (const xmlNode* node = root->children; node; node = node->next) {
        if (!is_element(node, "abstractNum")) continue;
        auto& levels = abstract[attribute(node, "abstractNumId")];
        for (const xmlNode* lvl = node->children; lvl; lvl = lvl->next) {
            if (!is_element(lvl, "lvl")) continue;
            Level level;
            const std::string format = attribute(child_element(lvl, "numFmt"), "val");
            if (!format.empty()) level.format = format;
            level.start = number_or(attribute(child_element(lvl, "start"), "val"), 1);
            levels[number_or(attribute(lvl, "ilvl"), 0)] = level;
        }
    }
    for (const xmlNode* node = root->children; node; node = node->next) {
        if (!is_element(node, "num")) continue;
        const auto found = abstract.find(attribute(child_element(node, "abstractNumId"), "val"));
        if (found != abstract.end()) levels_[attribute(node, "numId")] = found->second;
    }
}

DocxBlock DocxStyles::block_of(const std::string& style_id) const {
    const auto named = style_names_.find(style_id);
    const std::string name = named != style_names_.end() && !named->second.empty()
                                 ? named->second
                                 : detail::ascii_lower(style_id);
    if (name == "title") return DocxBlock::Title;
    if (name == "subtitle") return DocxBlock::Heading;
    if (name.rfind("heading", 0) == 0) {
        std::string_view rest = std::string_view(name).substr(7);
        if (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return DocxBlock::Heading;
    }
    if (name == "quote" || name == "intense quote" || name == "intensequote" ||
        name == "block text" || name == "blocktext") {
        return DocxBlock::Quote;
    }
    return DocxBlock::Body;
}

std::string DocxStyles::list_mark(const xmlNode* paragraph_properties,
                                  const std::string& style_id) {
    auto [num_id, ilvl] = numbering_of(paragraph_properties);
    if (num_id.empty()) {
        const auto styled = style_numbers_.find(style_id);
        if (styled == style_numbers_.end()) return {};
        std::tie(num_id, ilvl) = styled->second;
    }
    if (num_id == "0") return {};  // numbering switched off for this paragraph
    Level level;
    if (const auto list = levels_.find(num_id); list != levels_.end()) {
        if (const auto found = list->second.find(ilvl); found != list->second.end())
            level = found->second;
    }
    auto& counters = counters_[num_id];
    // A shallower item restarts the deeper levels below it.
    counters.erase(counters.upper_bound(ilvl), counters.end());
    const auto [it, inserted] = counters.try_emplace(ilvl, level.start);
    const long n = it->second++;
    const std::string& format = level.format;
    if (format == "decimal" || format == "decimalZero") return std::to_string(n) + ". ";
    if (format == "lowerLetter") return "(" + letters(n) + ") ";
    if (format == "upperLetter") return "(" + upper_copy(letters(n)) + ") ";
    if (format == "lowerRoman") return "(" + roman(n) + ") ";
    if (format == "upperRoman") return "(" + upper_copy(roman(n)) + ") ";
    return "- ";
}

}  // namespace r2p
