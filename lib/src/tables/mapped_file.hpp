// A whole file mapped read-only into memory, for reading tables in place.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>

namespace r2p {

/// A read-only, shared mapping of a file's bytes as they were when opened (a writer
/// replaces table files by rename, never in place, so the bytes do not change under it).
class MappedFile {
  public:
    /// The file at `path` mapped, or nullptr when it is absent, empty or cannot be read.
    static std::shared_ptr<const MappedFile> open(const std::filesystem::path& path);

    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::span<const std::byte> bytes() const { return {data_, size_}; }

  private:
    MappedFile(const std::byte* data, std::size_t size) : data_(data), size_(size) {}

    const std::byte* data_;
    std::size_t size_;
};

}  // namespace r2p
