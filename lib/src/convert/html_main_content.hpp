// Where a web page's statement is: the main content element, and the page furniture
// (navigation, banners, sidebars, scripts, hidden blocks) that is never statement text.
#pragma once

#include <libxml/tree.h>

namespace r2p {

/// The element holding the page's main text: the first visible <main> or [role=main], else
/// the <article> with the most text, else <body> (else the root). Never null for a document
/// with a root element.
xmlNode* html_main_content(xmlDoc* doc);

/// True when `element` and everything in it is not statement text: scripts, styles, forms,
/// embedded frames and images, <nav>, <aside>, the page's own <header> and <footer> (not
/// those of an <article> or <main>), hidden elements, and blocks whose role, class or id
/// marks them as navigation, breadcrumb, menu, cookie notice, share buttons, related links
/// or sidebar. `root` is the main content element: it and its ancestors are never furniture,
/// nor is a block holding most of its text (a layout wrapper named "with-sidebar").
bool is_page_furniture(const xmlNode* element, const xmlNode* root);

}  // namespace r2p
