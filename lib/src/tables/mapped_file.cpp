#include "tables/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace r2p {

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* data = MAP_FAILED;
    std::size_t size = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        size = static_cast<std::size_t>(st.st_size);
        data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    }
    ::close(fd);  // the mapping stays valid without the descriptor
    if (data == MAP_FAILED) return nullptr;
    return std::shared_ptr<const MappedFile>(
        new MappedFile(static_cast<const std::byte*>(data), size));
}

MappedFile::~MappedFile() { ::munmap(const_cast<std::byte*>(data_), size_); }

}  // namespace r2p
