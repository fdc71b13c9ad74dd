#include "convert/zip_members.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace r2p {

namespace {

struct ArchiveFree {
    void operator()(archive* a) const { archive_read_free(a); }
};

std::string message_of(archive* a) {
    const char* text = archive_error_string(a);
    return text ? text : "unknown error";
}

std::string too_large(const std::string& name, std::size_t max_bytes) {
    const std::string limit = max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MB"
                                                      : std::to_string(max_bytes) + " bytes";
    return name + ": larger than " + limit + " uncompressed (refused: a zip bomb?)";
}

}  // namespace

std::map<std::string, std::string> read_zip_members(std::string_view bytes,
                                                    const std::set<std::string>& wanted,
                                                    std::size_t max_member_bytes) {
    const std::unique_ptr<archive, ArchiveFree> reader(archive_read_new());
    if (!reader) throw ZipError("out of memory", false);
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
        throw ZipError(message_of(reader.get()), true);
    std::map<std::string, std::string> members;
    for (std::size_t entries = 0; members.size() < wanted.size(); ++entries) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (status < ARCHIVE_WARN) {
            if (entries == 0) throw ZipError(message_of(reader.get()), true);
            throw ZipError(message_of(reader.get()), false);
        }
        const char* raw_name = archive_entry_pathname(entry);
        const std::string name = raw_name ? raw_name : "";
        if (!wanted.count(name) || members.count(name)) continue;
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) >= 0 &&
            static_cast<std::size_t>(archive_entry_size(entry)) > max_member_bytes) {
            throw ZipError(too_large(name, max_member_bytes), false);
        }
        std::string data;
        char buffer[64 * 1024];
        for (;;) {
            const la_ssize_t n = archive_read_data(reader.get(), buffer, sizeof buffer);
            if (n == 0) break;
            if (n < 0) throw ZipError(name + ": " + message_of(reader.get()), false);
            // The size in the header may lie: the bytes themselves are counted too.
            if (data.size() + static_cast<std::size_t>(n) > max_member_bytes)
                throw ZipError(too_large(name, max_member_bytes), false);
            data.append(buffer, static_cast<std::size_t>(n));
        }
        members.emplace(name, std::move(data));
    }
    return members;
}

}  // namespace r2p
