// ASCII case for markup, file names and keyword tests: the one lower-casing every stage uses
// where Unicode folding (text/unicode) is not wanted.
#pragma once

#include <string>
#include <string_view>

namespace r2p::detail {

/// ASCII lower-case copy (other bytes unchanged).
std::string ascii_lower(std::string_view s);

}  // namespace r2p::detail
