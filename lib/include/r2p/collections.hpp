// Finding collection profiles (corpus/collections/*.conf) by name, for the tools' options.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace r2p {

/// The profile file `name_or_file` means: a path when it ends in ".conf" or holds a '/',
/// else `collections_dir`/NAME.conf. Does not check that the file exists.
std::filesystem::path collection_profile_path(const std::string& name_or_file,
                                              const std::filesystem::path& collections_dir);

/// The names of the profiles in `collections_dir` (stems of its *.conf files), sorted;
/// empty when the folder cannot be read.
std::vector<std::string> known_collection_profiles(const std::filesystem::path& collections_dir);

}  // namespace r2p
