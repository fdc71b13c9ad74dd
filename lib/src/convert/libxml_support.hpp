// What the HTML and DOCX readers share of libxml2: one-time initialisation, owning handles and
// reading names, attributes and text of nodes as std::string.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace r2p {

/// Calls xmlInitParser once, from whichever thread comes first (libxml2 must be initialised
/// before threads parse concurrently).
void init_libxml();

struct XmlDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
/// A parsed document, freed with xmlFreeDoc.
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

/// The element's local name ("p", "pStyle"); "" for other nodes.
std::string_view node_name(const xmlNode* node);

/// True when `node` is an element named `name` (local name, any namespace).
bool is_element(const xmlNode* node, std::string_view name);

/// The value of attribute `name` (local name, any namespace); "" when absent.
std::string attribute(const xmlNode* node, std::string_view name);

/// True when `node` has attribute `name`, even empty.
bool has_attribute(const xmlNode* node, std::string_view name);

/// The text of a text or CDATA node; "" for others.
std::string_view node_text(const xmlNode* node);

}  // namespace r2p
