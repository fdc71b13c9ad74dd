// What the bench does with files on disk around its measurements: sizes and the page cache.
#pragma once

#include <cstddef>
#include <filesystem>

namespace r2p::bench {

/// Drops `path`'s files (a file or every file under a folder) from the page cache, so the
/// next read comes from disk: the cold-query figure. Best effort, never throws.
void evict_from_page_cache(const std::filesystem::path& path);

/// Bytes of every regular file under `path` (or of the file).
std::size_t disk_bytes(const std::filesystem::path& path);

}  // namespace r2p::bench
