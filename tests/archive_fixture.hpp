// Writing small archives (tar.gz, tar.xz, zip, ...) in a test with libarchive's write API,
// from hand-written members: the inputs of the archive suites.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace r2p::test {

/// One entry of an archive to write.
struct ArchiveEntrySpec {
    std::string name;
    std::string bytes;
    enum class Type { File, Folder, Symlink } type = Type::File;
    std::string link_target = {};  ///< for a Symlink
};

/// How write_archive writes.
enum class ArchiveKind { Tar, TarGz, TarXz, Zip, EncryptedZip };

/// Writes `entries` in order as an archive of `kind` at `path`. Throws std::runtime_error
/// when libarchive cannot.
inline void write_archive(const std::filesystem::path& path, ArchiveKind kind,
                          const std::vector<ArchiveEntrySpec>& entries) {
    ::archive* out = archive_write_new();
    const auto check = [&](int status) {
        if (status < ARCHIVE_WARN) {
            const std::string why = archive_error_string(out) ? archive_error_string(out) : "?";
            archive_write_free(out);
            throw std::runtime_error("write_archive " + path.string() + ": " + why);
        }
    };
    switch (kind) {
        case ArchiveKind::Tar:
            check(archive_write_set_format_ustar(out));
            break;
        case ArchiveKind::TarGz:
            check(archive_write_set_format_ustar(out));
            check(archive_write_add_filter_gzip(out));
            break;
        case ArchiveKind::TarXz:
            check(archive_write_set_format_ustar(out));
            check(archive_write_add_filter_xz(out));
            break;
        case ArchiveKind::Zip:
            check(archive_write_set_format_zip(out));
            break;
        case ArchiveKind::EncryptedZip:
            check(archive_write_set_format_zip(out));
            check(archive_write_set_options(out, "zip:encryption=zipcrypt"));
            check(archive_write_set_passphrase(out, "secret"));
            break;
    }
    check(archive_write_open_filename(out, path.c_str()));
    for (const ArchiveEntrySpec& spec : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, spec.name.c_str());
        archive_entry_set_mtime(entry, 1700000000, 0);
        switch (spec.type) {
            case ArchiveEntrySpec::Type::File:
                archive_entry_set_filetype(entry, AE_IFREG);
                archive_entry_set_perm(entry, 0644);
                archive_entry_set_size(entry, static_cast<la_int64_t>(spec.bytes.size()));
                break;
            case ArchiveEntrySpec::Type::Folder:
                archive_entry_set_filetype(entry, AE_IFDIR);
                archive_entry_set_perm(entry, 0755);
                break;
            case ArchiveEntrySpec::Type::Symlink:
                archive_entry_set_filetype(entry, AE_IFLNK);
                archive_entry_set_perm(entry, 0777);
                archive_entry_set_symlink(entry, spec.link_target.c_str());
                break;
        }
        const int status = archive_write_header(out, entry);
        archive_entry_free(entry);
        check(status);
        if (spec.type == ArchiveEntrySpec::Type::File && !spec.bytes.empty()) {
            if (archive_write_data(out, spec.bytes.data(), spec.bytes.size()) < 0) check(-30);
        }
    }
    check(archive_write_close(out));
    archive_write_free(out);
}

/// A plain .tar at `path` whose one member `name` claims `size` bytes: its data is a hole
/// in a sparse file, so a huge member costs no disk. For the size limit.
inline void write_sparse_tar(const std::filesystem::path& path, const std::string& name,
                             std::size_t size) {
    ::archive* out = archive_write_new();
    archive_write_set_format_ustar(out);
    archive_write_set_bytes_per_block(out, 0);  // unbuffered: the header is written at once
    std::string buffer(4096, '\0');
    std::size_t used = 0;
    archive_write_open_memory(out, buffer.data(), buffer.size(), &used);
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(size));
    archive_write_header(out, entry);
    archive_entry_free(entry);
    const std::string header = buffer.substr(0, used);
    archive_write_free(out);  // fails to pad the member into 4 KB: only the header is kept
    if (header.size() != 512) throw std::runtime_error("write_sparse_tar: no ustar header");
    {
        std::FILE* file = std::fopen(path.c_str(), "wb");
        if (!file) throw std::runtime_error("write_sparse_tar: cannot write " + path.string());
        std::fwrite(header.data(), 1, header.size(), file);
        std::fclose(file);
    }
    // The member's data rounded up to 512-byte records, then the two zero records that end
    // a tar archive: all zeros, so a hole.
    const std::size_t padded = (size + 511) / 512 * 512;
    std::filesystem::resize_file(path, 512 + padded + 1024);
}

}  // namespace r2p::test
