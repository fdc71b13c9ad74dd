#include "bench/disk_files.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace r2p::bench {

namespace {

template <typename F>
void for_each_file(const std::filesystem::path& path, F f) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
        f(path);
        return;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) f(it->path());
    }
}

}  // namespace

void evict_from_page_cache(const std::filesystem::path& path) {
    for_each_file(path, [](const std::filesystem::path& file) {
        const int fd = ::open(file.c_str(), O_RDONLY);
        if (fd < 0) return;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    });
}

std::size_t disk_bytes(const std::filesystem::path& path) {
    std::size_t total = 0;
    for_each_file(path, [&](const std::filesystem::path& file) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    });
    return total;
}

}  // namespace r2p::bench
