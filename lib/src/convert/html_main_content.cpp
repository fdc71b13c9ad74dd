#include "convert/html_main_content.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "convert/libxml_support.hpp"
#include "text/ascii_case.hpp"

namespace r2p {

namespace {

// Elements whose content is never read as text.
constexpr std::array<std::string_view, 22> kNeverText = {
    "script", "style", "noscript", "form",   "iframe", "template", "svg",    "math",
    "nav",    "aside", "button",   "select", "input",  "textarea", "object", "embed",
    "canvas", "video", "audio",    "map",    "dialog", "head",
};

// ARIA landmark roles of page furniture.
constexpr std::array<std::string_view, 12> kFurnitureRoles = {
    "navigation", "banner", "contentinfo", "complementary", "search",       "menu",
    "menubar",    "dialog", "doc-noteref", "doc-endnotes",  "doc-footnote", "doc-endnote",
};

// Words of a class or id (split at '-', '_' and spaces) that name page furniture.
constexpr std::array<std::string_view, 29> kFurnitureWords = {
    "footnote",   "footnotes",   "endnotes",   "nav",     "navbar",   "navigation",
    "breadcrumb", "breadcrumbs", "menu",       "cookie",  "cookies",  "consent",
    "gdpr",       "share",       "sharing",    "social",  "related",  "sidebar",
    "skip",       "pager",       "pagination", "toolbar", "topbar",   "newsletter",
    "footer",     "copyright",   "sharethis",  "addthis", "masthead",
};

// Words of a class or id that name a page's header block, which is furniture unless it
// holds a headline (Drupal's "page-header" holds the page's <h1>).
constexpr std::array<std::string_view, 2> kHeaderWords = {"header", "banner"};

// Endings of run-together words ("mainmenu", "sitenav", "leftsidebar").
constexpr std::array<std::string_view, 5> kFurnitureEndings = {"menu", "nav", "navigation",
                                                               "sidebar", "breadcrumb"};

// Beginnings of run-together words ("cookieNotice", "breadcrumbTrail").
constexpr std::array<std::string_view, 4> kFurnitureBeginnings = {"cookie", "breadcrumb", "sidebar",
                                                                  "social"};

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool names_furniture_word(std::string_view word) {
    for (std::string_view furniture : kFurnitureWords) {
        if (word == furniture) return true;
    }
    for (std::string_view ending : kFurnitureEndings) {
        if (ends_with(word, ending)) return true;
    }
    for (std::string_view beginning : kFurnitureBeginnings) {
        if (word.substr(0, beginning.size()) == beginning) return true;
    }
    return false;
}

// True when a class or id value names furniture by one of its words ("site-nav", "menu") or
// by its words run together ("top-bar" as "topbar").
bool names_furniture(std::string_view value) {
    const std::string lower = detail::ascii_lower(value);
    std::string joined;
    for (char c : lower) {
        if (c == ' ' || c == '\t') {
            if (names_furniture_word(joined)) return true;
            joined.clear();
        } else if (c != '-' && c != '_') {
            joined += c;
        }
    }
    if (names_furniture_word(joined)) return true;
    std::size_t begin = 0;
    while (begin <= lower.size()) {
        std::size_t end = lower.find_first_of("-_ \t", begin);
        if (end == std::string::npos) end = lower.size();
        const std::string_view word = std::string_view(lower).substr(begin, end - begin);
        if (!word.empty() && names_furniture_word(word)) return true;
        begin = end + 1;
    }
    return false;
}

bool names_header(std::string_view value) {
    const std::string lower = detail::ascii_lower(value);
    std::size_t begin = 0;
    while (begin <= lower.size()) {
        std::size_t end = lower.find_first_of("-_ \t", begin);
        if (end == std::string::npos) end = lower.size();
        const std::string_view word = std::string_view(lower).substr(begin, end - begin);
        for (std::string_view header : kHeaderWords) {
            if (word == header) return true;
        }
        begin = end + 1;
    }
    return false;
}

bool holds_headline(const xmlNode* node) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (is_element(child, "h1") || is_element(child, "h2") || holds_headline(child))
            return true;
    }
    return false;
}

// A footnote mark: <sup><a href="#fn3">3</a></sup>, a few characters linking within the page.
bool is_note_mark(const xmlNode* element) {
    if (!is_element(element, "sup")) return false;
    std::string text;
    bool links_within = false;
    for (const xmlNode* child = element->children; child; child = child->next) {
        text += node_text(child);
        if (is_element(child, "a")) {
            links_within = attribute(child, "href").rfind('#', 0) == 0;
            for (const xmlNode* t = child->children; t; t = t->next) text += node_text(t);
        }
    }
    return links_within && text.size() <= 6;
}

bool is_hidden(const xmlNode* element) {
    if (has_attribute(element, "hidden")) return true;
    if (detail::ascii_lower(attribute(element, "aria-hidden")) == "true") return true;
    std::string style = detail::ascii_lower(attribute(element, "style"));
    std::erase(style, ' ');
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

bool in_article_or_main(const xmlNode* element) {
    for (const xmlNode* up = element->parent; up; up = up->parent) {
        if (is_element(up, "article") || is_element(up, "main") ||
            attribute(up, "role") == "main") {
            return true;
        }
    }
    return false;
}

// Bytes of text under `node`, scripts and styles included: a rough measure, enough to tell a
// wrapper holding the statement from a sidebar.
std::size_t text_bytes(const xmlNode* node) {
    std::size_t bytes = node_text(node).size();
    if (is_element(node, "script") || is_element(node, "style")) return 0;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE || child->type == XML_TEXT_NODE ||
            child->type == XML_CDATA_SECTION_NODE) {
            bytes += text_bytes(child);
        }
    }
    return bytes;
}

bool is_ancestor_or_self(const xmlNode* node, const xmlNode* of) {
    for (const xmlNode* up = of; up; up = up->parent) {
        if (up == node) return true;
    }
    return false;
}

xmlNode* find_first(xmlNode* node, bool (*wanted)(const xmlNode*)) {
    for (xmlNode* child = node ? node->children : nullptr; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (wanted(child)) return child;
        if (xmlNode* found = find_first(child, wanted)) return found;
    }
    return nullptr;
}

void largest_article(xmlNode* node, xmlNode*& best, std::size_t& best_bytes) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || is_hidden(child)) continue;
        if (is_element(child, "article")) {
            const std::size_t bytes = text_bytes(child);
            if (bytes > best_bytes) {
                best = child;
                best_bytes = bytes;
            }
            continue;  // an article inside an article is part of it
        }
        largest_article(child, best, best_bytes);
    }
}

}  // namespace

xmlNode* html_main_content(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (!root) return nullptr;
    xmlNode* main = find_first(root, [](const xmlNode* n) {
        return (is_element(n, "main") || attribute(n, "role") == "main") && !is_hidden(n);
    });
    if (main && text_bytes(main) > 0) return main;
    xmlNode* article = nullptr;
    std::size_t article_bytes = 0;
    largest_article(root, article, article_bytes);
    if (article) return article;
    xmlNode* body = find_first(root, [](const xmlNode* n) { return is_element(n, "body"); });
    return body ? body : root;
}

PageFurniture::PageFurniture(const xmlNode* root) : root_(root), root_bytes_(text_bytes(root)) {}

bool PageFurniture::contains(const xmlNode* element) const {
    if (!element || element->type != XML_ELEMENT_NODE) return false;
    if (is_ancestor_or_self(element, root_)) return false;
    const std::string_view name = node_name(element);
    for (std::string_view never : kNeverText) {
        if (name == never) return true;
    }
    if (is_hidden(element) || is_note_mark(element)) return true;
    if ((name == "header" || name == "footer") && !in_article_or_main(element)) return true;
    if (name == "main" || name == "article") return false;
    const std::string role = detail::ascii_lower(attribute(element, "role"));
    bool furniture = false;
    for (std::string_view r : kFurnitureRoles) {
        if (role == r) furniture = true;
    }
    if (!furniture) {
        furniture = names_furniture(attribute(element, "class")) ||
                    names_furniture(attribute(element, "id"));
    }
    if (!furniture &&
        (names_header(attribute(element, "class")) || names_header(attribute(element, "id")))) {
        furniture = !holds_headline(element);
    }
    // A wrapper named for a layout ("content-with-sidebar") holding most of the statement
    // is not furniture.
    return furniture && text_bytes(element) * 2 < root_bytes_;
}

}  // namespace r2p
