#include "convert/html_metadata.hpp"

#include <array>
#include <functional>

#include "convert/libxml_support.hpp"
#include "convert/structured_text_writer.hpp"
#include "text/ascii_case.hpp"

namespace r2p {

namespace {

void for_each_element(xmlNode* node, const std::function<bool(xmlNode*)>& visit) {
    for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (!visit(child)) continue;
        for_each_element(child, visit);
    }
}

std::string all_text(const xmlNode* node) {
    std::string text(node_text(node));
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (is_element(child, "script") || is_element(child, "style")) continue;
        text += all_text(child);
    }
    return text;
}

// The content of the first <meta> whose name or property is one of `keys`, in `keys` order.
template <std::size_t N>
std::string meta_content(xmlNode* root, const std::array<std::string_view, N>& keys) {
    std::array<std::string, N> found;
    for_each_element(root, [&](xmlNode* element) {
        if (!is_element(element, "meta")) return true;
        std::string key = detail::ascii_lower(attribute(element, "name"));
        if (key.empty()) key = detail::ascii_lower(attribute(element, "property"));
        for (std::size_t i = 0; i < N; ++i) {
            if (key == keys[i] && found[i].empty())
                found[i] = collapse_whitespace(attribute(element, "content"));
        }
        return false;
    });
    for (const std::string& value : found) {
        if (!value.empty()) return value;
    }
    return {};
}

xmlNode* first_element(xmlNode* root, std::string_view name) {
    xmlNode* found = nullptr;
    for_each_element(root, [&](xmlNode* element) {
        if (found) return false;
        if (is_element(element, name)) {
            found = element;
            return false;
        }
        return true;
    });
    return found;
}

// "Headline | Section | Site" -> "Headline"; "Headline - Site" -> "Headline" when the page
// names its site.
std::string without_site_name(std::string title, const std::string& site) {
    if (const std::size_t bar = title.find(" | "); bar != std::string::npos) title.resize(bar);
    if (!site.empty()) {
        for (std::string_view dash : {" - ", " \u2013 ", " \u2014 "}) {
            const std::string suffix = std::string(dash) + site;
            if (title.size() > suffix.size() &&
                title.compare(title.size() - suffix.size(), suffix.size(), suffix) == 0) {
                title.resize(title.size() - suffix.size());
            }
        }
    }
    return collapse_whitespace(title);
}

bool digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return !s.empty();
}

}  // namespace

std::string iso_date_prefix(std::string_view value) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (value.size() < 4 || !digits(value.substr(0, 4))) return {};
    const auto ends_at = [&](std::size_t n) {
        return value.size() == n || !(value[n] >= '0' && value[n] <= '9');
    };
    if (value.size() >= 10 && value[4] == '-' && digits(value.substr(5, 2)) && value[7] == '-' &&
        digits(value.substr(8, 2)) && ends_at(10)) {
        return std::string(value.substr(0, 10));
    }
    if (value.size() >= 7 && value[4] == '-' && digits(value.substr(5, 2)) && ends_at(7)) {
        return std::string(value.substr(0, 7));
    }
    return ends_at(4) ? std::string(value.substr(0, 4)) : std::string();
}

std::string html_title(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root) return {};
    const std::string site = meta_content(root, std::array<std::string_view, 1>{"og:site_name"});
    if (xmlNode* title = first_element(root, "title")) {
        std::string text = without_site_name(collapse_whitespace(all_text(title)), site);
        if (!text.empty()) return text;
    }
    std::string og = meta_content(root, std::array<std::string_view, 1>{"og:title"});
    if (!og.empty()) return without_site_name(og, site);
    if (xmlNode* h1 = first_element(root, "h1")) return collapse_whitespace(all_text(h1));
    return {};
}

std::string html_date(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root) return {};
    static constexpr std::array<std::string_view, 5> kDateKeys = {
        "date", "dcterms.date", "dc.date", "article:published_time", "dcterms.issued"};
    std::string date = iso_date_prefix(meta_content(root, kDateKeys));
    if (!date.empty()) return date;
    for_each_element(root, [&](xmlNode* element) {
        if (!date.empty()) return false;
        if (is_element(element, "time")) {
            date = iso_date_prefix(attribute(element, "datetime"));
            return false;
        }
        return true;
    });
    return date;
}

}  // namespace r2p
