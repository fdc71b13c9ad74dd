// Which stored documents --prune may remove: files looked for under a path read completely,
// and really gone.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "r2p/indexing.hpp"  // UnreadPath: the report names the paths --prune could not read

namespace r2p {

/// Where a run looked for statement files, and where it could not look.
struct PruneScope {
    std::vector<std::filesystem::path> read;  ///< normal_location of each usable given path
    std::vector<UnreadPath> unread;
};

/// The absolute, lexically normal form of `path` without a trailing slash: how stored
/// locations and given paths are compared (symbolic links are not resolved).
std::filesystem::path normal_location(const std::filesystem::path& path);

/// True when `location` is `root` or lies under it, comparing path components only.
bool lies_under(const std::filesystem::path& location, const std::filesystem::path& root);

/// True when a document whose file was at `location` may be pruned: `location` lies under a
/// path of `scope.read`, under none of `scope.unread`, and nothing exists there any more
/// (a path that cannot be checked, e.g. for lack of permission, is not gone).
bool may_prune(const std::filesystem::path& location, const PruneScope& scope);

}  // namespace r2p
