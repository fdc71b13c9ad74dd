#include "index/corpus_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "convert/source_format.hpp"
#include "index/document_ids.hpp"
#include "r2p/error.hpp"

namespace fs = std::filesystem;

namespace r2p {

bool is_statement_name(const fs::path& path) { return is_readable_format(source_format_of(path)); }

std::string unread_format_reason(const fs::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return ext + " files are not read (save it as .docx, .pdf or .txt)";
}

bool is_ignored_name(const fs::path& path) {
    const std::string name = path.filename().string();
    const std::string sidecar = ".meta.json";
    const bool is_sidecar =
        name.size() > sidecar.size() &&
        name.compare(name.size() - sidecar.size(), sidecar.size(), sidecar) == 0;
    return !name.empty() && name.front() != '.' && !is_sidecar &&
           source_format_of(path) == SourceFormat::Other && !is_archive_name(path);
}

fs::path corpus_location(const CorpusFile& file) {
    return file.member ? member_location(*file.member) : normal_location(file.path);
}

namespace {

// Where a listed file sorts: an archive's members together, at the archive's path.
const fs::path& sort_path(const CorpusFile& file) {
    return file.member ? file.member->archive : file.path;
}

// What stat() says a path is; dangling links and FIFOs must be named, not opened.
std::string unusable_reason(const fs::path& path) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec || link.type() == fs::file_type::not_found) return "no such file or folder";
    const fs::file_status target = fs::status(path, ec);
    if (fs::is_symlink(link) && (ec || target.type() == fs::file_type::not_found)) {
        return "dangling symbolic link";
    }
    if (ec) return "cannot stat: " + ec.message();
    switch (target.type()) {
        case fs::file_type::regular:
        case fs::file_type::directory:
            return {};
        case fs::file_type::fifo:
            return "not a regular file (FIFO)";
        case fs::file_type::socket:
            return "not a regular file (socket)";
        case fs::file_type::block:
        case fs::file_type::character:
            return "not a regular file (device)";
        default:
            return "not a regular file";
    }
}

class Walker {
  public:
    void add_given(const std::string& given) {
        const fs::path path(given);
        if (std::string reason = unusable_reason(path); !reason.empty()) {
            skip(given, reason);
            unread(path, reason);
            return;
        }
        listing_.scope.read.push_back(normal_location(path));
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            walk(path);
        } else if (is_statement_name(path)) {
            add_file(path);
        } else if (is_archive_name(path)) {
            add_archive(path);
        } else if (source_format_of(path) == SourceFormat::Unread) {
            skip_unread(path);
        } else {
            skip(given, "not a statement (.txt, .md, .pdf, .html, .docx) or archive file");
        }
    }

    CorpusListing finish() {
        // Stable: an archive's members stay in archive order, the order its stream reads.
        std::stable_sort(
            listing_.files.begin(), listing_.files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return sort_path(a) < sort_path(b); });
        return std::move(listing_);
    }

  private:
    void walk(const fs::path& root) {
        std::error_code ec;
        const fs::path real_root = fs::canonical(root, ec);
        if (ec) {
            unreadable_folder(root, ec);
            return;
        }
        if (!seen_dirs_.insert(real_root).second) return;  // a loop back to a seen folder
        // No skip_permission_denied: a folder we may not read hides statements, so it is
        // named in the report like an unreadable file.
        auto it = fs::directory_iterator(root, ec);
        if (ec) {
            unreadable_folder(root, ec);
            return;
        }
        std::vector<fs::path> entries;
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            if (ec) break;
            entries.push_back(it->path());
        }
        if (ec) unreadable_folder(root, ec);
        std::sort(entries.begin(), entries.end());
        for (const fs::path& entry : entries) {
            const bool named_like_statement = is_statement_name(entry);
            const std::string reason = unusable_reason(entry);
            if (!reason.empty()) {
                // Only report what looks like a statement; a stray socket is not ours to name.
                if (named_like_statement) skip(entry.string(), reason);
                // An entry we cannot even stat may be a folder of statements.
                if (reason.rfind("cannot stat", 0) == 0) unread(entry, reason);
                continue;
            }
            if (fs::is_directory(entry, ec)) {
                walk(entry);
            } else if (named_like_statement) {
                add_file(entry);
            } else if (is_archive_name(entry)) {
                add_archive(entry);
            } else if (source_format_of(entry) == SourceFormat::Unread) {
                skip_unread(entry);
            } else if (is_ignored_name(entry)) {
                listing_.ignored.push_back(entry.string());
            }
        }
    }

    void add_file(const fs::path& path) {
        std::error_code ec;
        const fs::path real = fs::canonical(path, ec);
        if (!seen_files_.insert(ec ? path : real).second) return;  // same file by another way
        listing_.files.push_back({path, {}});                      // ids once every file is known
    }

    void add_archive(const fs::path& path) {
        std::error_code ec;
        const fs::path real = fs::canonical(path, ec);
        if (!seen_files_.insert(ec ? path : real).second) return;
        ArchiveListing archive = list_archive(path);
        for (ArchiveMember& member : archive.statements) {
            fs::path shown = member_display_path(path, member.name);
            listing_.files.emplace_back(std::move(shown), std::string(), std::move(member));
        }
        for (SkippedFile& skipped : archive.skipped) listing_.skipped.push_back(std::move(skipped));
        for (std::string& ignored : archive.ignored) listing_.ignored.push_back(std::move(ignored));
        // Members past the damage are unknown: none of the archive's documents may be pruned.
        if (!archive.unread_reason.empty()) unread(path, archive.unread_reason);
    }

    // A file we do not read, given and also found, is named once.
    void skip_unread(const fs::path& path) {
        std::error_code ec;
        const fs::path real = fs::canonical(path, ec);
        if (!seen_files_.insert(ec ? path : real).second) return;
        skip(path.string(), unread_format_reason(path), " (file skipped)");
    }

    void unreadable_folder(const fs::path& folder, const std::error_code& ec) {
        const std::string reason = "cannot read folder: " + ec.message();
        skip(folder.string(), reason);
        unread(folder, reason);
    }

    void unread(const fs::path& path, const std::string& reason) {
        listing_.scope.unread.push_back({normal_location(path), path.string(), reason});
    }

    void skip(const std::string& path, const std::string& why, const char* tail = " (skipped)") {
        listing_.skipped.push_back({path, path + ": " + why + tail});
    }

    CorpusListing listing_;
    std::set<fs::path> seen_dirs_;
    std::set<fs::path> seen_files_;
};

}  // namespace

CorpusListing list_corpus_files(const std::vector<std::string>& paths,
                                const KnownDocuments& known) {
    Walker walker;
    for (const auto& given : paths) walker.add_given(given);
    CorpusListing listing = walker.finish();
    assign_document_ids(listing, known);
    return listing;
}

std::string slugify(std::string_view stem) {
    std::string slug;
    for (const char raw : stem) {
        const auto c = static_cast<unsigned char>(raw);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            slug += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            slug += static_cast<char>(c - 'A' + 'a');
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
        if (slug.size() >= 100) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "doc" : slug;
}

std::string read_file_bytes(const fs::path& path) {
    const std::string name = path.string();
    // O_NONBLOCK: a FIFO that slipped past the listing (a race) must not hang the run.
    const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        throw CorpusError(name + ": cannot open: " + std::strerror(errno) + " (file skipped)");
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        throw CorpusError(name + ": not a regular file (file skipped)");
    }
    if (static_cast<std::size_t>(info.st_size) > kMaxFileBytes) {
        throw CorpusError(name + ": larger than " + std::to_string(kMaxFileBytes >> 20) +
                          " MB (file skipped)");
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            throw CorpusError(name + ": read error: " + std::strerror(errno) + " (file skipped)");
        }
        if (n == 0) break;  // the file shrank while we read it
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

fs::path sidecar_path(const fs::path& statement) {
    fs::path sidecar = statement;
    sidecar.replace_extension(".meta.json");
    return sidecar;
}

std::string read_sidecar_bytes(const fs::path& statement) {
    std::error_code ec;
    const fs::path sidecar = sidecar_path(statement);
    return fs::exists(sidecar, ec) ? read_file_bytes(sidecar) : std::string();
}

}  // namespace r2p
