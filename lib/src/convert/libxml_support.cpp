#include "convert/libxml_support.hpp"

#include <libxml/parser.h>

namespace r2p {

void init_libxml() {
    static const bool initialised = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialised;
}

namespace {

std::string_view as_view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

const xmlAttr* find_attribute(const xmlNode* node, std::string_view name) {
    if (!node || node->type != XML_ELEMENT_NODE) return nullptr;
    for (const xmlAttr* attr = node->properties; attr; attr = attr->next) {
        if (as_view(attr->name) == name) return attr;
    }
    return nullptr;
}

}  // namespace

std::string_view node_name(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    return as_view(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return node_name(node) == name; }

std::string attribute(const xmlNode* node, std::string_view name) {
    const xmlAttr* attr = find_attribute(node, name);
    if (!attr) return {};
    std::string value;
    for (const xmlNode* child = attr->children; child; child = child->next) {
        value += node_text(child);
    }
    return value;
}

bool has_attribute(const xmlNode* node, std::string_view name) {
    return find_attribute(node, name) != nullptr;
}

std::string_view node_text(const xmlNode* node) {
    if (!node || (node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE)) return {};
    return as_view(node->content);
}

}  // namespace r2p
