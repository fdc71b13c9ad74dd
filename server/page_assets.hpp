// The search page's files, compiled into the binary: the server never reads a file to serve
// a request, so no request path can reach the file system.
#pragma once

#include <string_view>

namespace r2p::serve {

/// One file of the page.
struct PageAsset {
    std::string_view path;          ///< URL path: "/", "/app.js", "/style.css"
    std::string_view content_type;  ///< "text/html; charset=utf-8", ...
    std::string_view body;
};

/// The asset served at exactly `path`, or nullptr.
const PageAsset* find_page_asset(std::string_view path);

}  // namespace r2p::serve
