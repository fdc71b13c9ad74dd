// The bytes of server/page/'s files; defined in page_data.cpp, which CMake generates from
// them at build time (server/embed_page.cmake).
#pragma once

#include <string_view>

namespace r2p::serve::page_data {

extern const std::string_view kIndexHtml;
extern const std::string_view kAppJs;
extern const std::string_view kStyleCss;

}  // namespace r2p::serve::page_data
