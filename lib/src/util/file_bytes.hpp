// A file's size for a report, where a file that cannot be measured counts as empty.
#pragma once

#include <cstddef>
#include <filesystem>
#include <system_error>

namespace r2p {

/// The size of `file` in bytes; 0 when it is missing or cannot be read (std::filesystem
/// reports those as the largest size).
inline std::size_t file_bytes(const std::filesystem::path& file) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    return ec ? 0 : static_cast<std::size_t>(bytes);
}

}  // namespace r2p
