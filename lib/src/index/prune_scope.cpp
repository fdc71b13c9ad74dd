#include "index/prune_scope.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace r2p {

fs::path normal_location(const fs::path& path) {
    std::error_code ec;
    fs::path location = fs::absolute(path, ec).lexically_normal();
    if (ec) location = path.lexically_normal();
    // "corpus/" normalises to "/.../corpus/", whose last component is empty.
    if (location.has_relative_path() && !location.has_filename()) location = location.parent_path();
    return location;
}

bool lies_under(const fs::path& location, const fs::path& root) {
    auto at = location.begin();
    for (const fs::path& part : root) {
        if (at == location.end() || *at != part) return false;
        ++at;
    }
    return true;
}

bool may_prune(const fs::path& location, const PruneScope& scope) {
    if (location.empty()) return false;
    const auto under = [&](const fs::path& root) { return lies_under(location, root); };
    if (std::none_of(scope.read.begin(), scope.read.end(), under)) return false;
    for (const UnreadPath& unread : scope.unread) {
        if (under(unread.location)) return false;
    }
    std::error_code ec;
    return fs::symlink_status(location, ec).type() == fs::file_type::not_found;
}

}  // namespace r2p
