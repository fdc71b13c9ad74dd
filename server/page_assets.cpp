#include "server/page_assets.hpp"

#include <array>

#include "server/page_data.hpp"

namespace r2p::serve {

const PageAsset* find_page_asset(std::string_view path) {
    // The generated page_data.cpp holds the bytes of server/page/ as built.
    static const std::array<PageAsset, 3> kAssets{{
        {"/", "text/html; charset=utf-8", page_data::kIndexHtml},
        {"/app.js", "text/javascript; charset=utf-8", page_data::kAppJs},
        {"/style.css", "text/css; charset=utf-8", page_data::kStyleCss},
    }};
    for (const auto& asset : kAssets) {
        if (asset.path == path) return &asset;
    }
    return nullptr;
}

}  // namespace r2p::serve
