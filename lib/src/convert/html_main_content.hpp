// Where a web page's statement is: the main content element, and the page furniture
// (navigation, banners, sidebars, scripts, hidden blocks) that is never statement text.
#pragma once

#include <libxml/tree.h>

#include <cstddef>

namespace r2p {

/// The element holding the page's main text: the first visible <main> or [role=main], else
/// the <article> with the most text, else <body> (else the root). Never null for a document
/// with a root element.
xmlNode* html_main_content(xmlDoc* doc);

/// Tells the page furniture inside a main content element.
class PageFurniture {
  public:
    /// `root` (from html_main_content) must outlive this.
    explicit PageFurniture(const xmlNode* root);

    /// True when `element` and everything in it is not statement text: scripts, styles,
    /// forms, embedded frames and images, <nav>, <aside>, the page's own <header> and
    /// <footer> (not those of an <article> or <main>), hidden elements, and blocks whose
    /// role, class or id marks them as navigation, breadcrumb, menu, cookie notice, share
    /// buttons, related links, sidebar or footnotes, and footnote marks (<sup><a
    /// href="#fn1">1</a></sup>). The root and its ancestors are never furniture,
    /// nor is a block holding most of the root's text (a layout wrapper named
    /// "with-sidebar").
    bool contains(const xmlNode* element) const;

  private:
    const xmlNode* root_;
    std::size_t root_bytes_;  // text under root_, measured once
};

}  // namespace r2p
