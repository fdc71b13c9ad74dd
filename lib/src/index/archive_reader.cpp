#include "index/archive_reader.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdio>

#include "convert/source_format.hpp"
#include "index/corpus_files.hpp"
#include "index/prune_scope.hpp"
#include "r2p/error.hpp"
#include "text/unicode_utf8.hpp"

namespace fs = std::filesystem;

namespace r2p {

namespace {

// A sidecar is a few fields of JSON; a larger one is not ours.
constexpr std::size_t kMaxSidecarBytes = 1u << 20;
constexpr std::size_t kReadBlockBytes = 64u << 10;

struct ArchiveCloser {
    void operator()(::archive* reader) const { archive_read_free(reader); }
};
using ArchiveHandle = std::unique_ptr<::archive, ArchiveCloser>;

std::string archive_message(::archive* reader) {
    const char* message = archive_error_string(reader);
    return message ? message : "unknown libarchive error";
}

// A reader of the formats we open, over every compression libarchive knows. Only tar, zip
// and 7-Zip: "all formats" would take a gzipped text file for an mtree or raw archive.
// Null with `why` set ("not a readable archive: reason") when it cannot be opened.
ArchiveHandle open_archive(const fs::path& archive, std::string& why) {
    ArchiveHandle reader(archive_read_new());
    if (!reader) throw std::bad_alloc();
    archive_read_support_filter_all(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_gnutar(reader.get());
    archive_read_support_format_zip(reader.get());
    archive_read_support_format_empty(reader.get());
    if (archive_read_open_filename(reader.get(), archive.c_str(), kReadBlockBytes) != ARCHIVE_OK) {
        why = "not a readable archive: " + archive_message(reader.get());
        reader.reset();
    }
    return reader;
}

// The member's name as both passes see it: UTF-8 when libarchive can give it so (zip names
// in a legacy code page), else the bytes as stored (tar names are bytes).
std::string entry_name(archive_entry* entry) {
    if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
    const char* raw = archive_entry_pathname(entry);
    return raw ? raw : "";
}

bool is_sidecar_name(const std::string& name) {
    const std::string suffix = ".meta.json";
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The member's path relative to the archive's root, or empty when it leaves it.
fs::path member_path(const std::string& name) {
    const fs::path path = fs::path(name).lexically_normal().relative_path();
    if (path.empty() || *path.begin() == "..") return {};
    return path;
}

// The current entry's data, or why it cannot be had.
struct EntryData {
    std::string bytes;
    std::string error;    // "" when read whole
    bool broken = false;  // the stream cannot go on past this entry
};

// Reads the current entry's data, at most `limit` bytes (a larger entry is not read whole).
EntryData read_entry_data(::archive* reader, std::size_t limit) {
    EntryData data;
    char block[kReadBlockBytes];
    for (;;) {
        const la_ssize_t n = archive_read_data(reader, block, sizeof block);
        if (n == 0) return data;
        if (n < 0) {
            data.error = "cannot read: " + archive_message(reader);
            data.broken = true;
            return data;
        }
        if (data.bytes.size() + static_cast<std::size_t>(n) > limit) {
            data.error = "larger than " + std::to_string(limit >> 20) + " MB";
            data.bytes.clear();
            return data;
        }
        data.bytes.append(block, static_cast<std::size_t>(n));
    }
}

bool header_read(int status) { return status == ARCHIVE_OK || status == ARCHIVE_WARN; }

}  // namespace

bool is_archive_name(const fs::path& path) {
    std::string name = path.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    for (const char* suffix :
         {".tar", ".tgz", ".tar.gz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst", ".zip"}) {
        const std::string ending(suffix);
        if (name.size() > ending.size() &&
            name.compare(name.size() - ending.size(), ending.size(), ending) == 0)
            return true;
    }
    return false;
}

std::string member_display_path(const fs::path& archive, const std::string& member) {
    std::string shown;
    std::string_view rest = member;
    while (!rest.empty()) {
        const std::size_t bad = detail::first_invalid_utf8(rest);
        shown += rest.substr(0, bad);
        if (bad == std::string_view::npos) break;
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(rest[bad]));
        shown += hex;
        rest.remove_prefix(bad + 1);
    }
    return archive.string() + "!/" + shown;
}

fs::path member_location(const ArchiveMember& member) {
    return normal_location(member.archive) / member_path(member.name);
}

ArchiveListing list_archive(const fs::path& archive) {
    ArchiveListing listing;
    const auto skip = [&](const std::string& display, const std::string& why) {
        listing.skipped.push_back({display, display + ": " + why + " (skipped)"});
    };
    const ArchiveHandle reader = open_archive(archive, listing.unread_reason);
    if (!reader) {
        listing.skipped.push_back(
            {archive.string(), archive.string() + ": " + listing.unread_reason + " (skipped)"});
        return listing;
    }
    std::map<std::string, std::string> sidecars;        // member name -> bytes
    std::map<std::string, std::string> sidecar_errors;  // member name -> why unusable
    for (std::size_t ordinal = 0;; ++ordinal) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader.get(), &entry);
        if (status == ARCHIVE_EOF) break;
        if (!header_read(status)) {
            // Damage: nothing after this point can be trusted or reached.
            listing.unread_reason =
                (ordinal == 0 ? "not a readable archive: "
                              : "damaged after " + std::to_string(ordinal) + " entries: ") +
                archive_message(reader.get());
            listing.skipped.push_back(
                {archive.string(), archive.string() + ": " + listing.unread_reason +
                                       (ordinal == 0 ? " (skipped)" : " (rest skipped)")});
            break;
        }
        // Links inside the archive are ignored like other non-statements: a hard link's
        // target is listed in its own right.
        if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry)) continue;
        const std::string name = entry_name(entry);
        const std::string display = member_display_path(archive, name);
        const bool sidecar = is_sidecar_name(name);
        if (!sidecar && !is_statement_name(fs::path(name))) {
            // Named in the report, never silently dropped: an unread format is skipped, any
            // other file counted as ignored.
            if (source_format_of(fs::path(name)) == SourceFormat::Unread) {
                listing.skipped.push_back(
                    {display,
                     display + ": " + unread_format_reason(fs::path(name)) + " (file skipped)"});
            } else if (is_ignored_name(fs::path(name))) {
                listing.ignored.push_back(display);
            }
            continue;
        }
        if (detail::first_invalid_utf8(name) != std::string_view::npos) {
            skip(display, "member name is not UTF-8");
            continue;
        }
        if (member_path(name).empty()) {
            skip(display, "member path leaves the archive");
            continue;
        }
        std::string problem;
        if (archive_entry_is_encrypted(entry)) {
            problem = "encrypted member";
        } else if (archive_entry_size_is_set(entry) &&
                   static_cast<std::size_t>(archive_entry_size(entry)) >
                       (sidecar ? kMaxSidecarBytes : kMaxFileBytes)) {
            problem = "larger than " +
                      std::to_string((sidecar ? kMaxSidecarBytes : kMaxFileBytes) >> 20) + " MB";
        }
        if (sidecar) {
            const std::string key = member_path(name).string();
            if (problem.empty()) {
                EntryData data = read_entry_data(reader.get(), kMaxSidecarBytes);
                problem = std::move(data.error);
                if (problem.empty()) sidecars[key] = std::move(data.bytes);
            }
            if (!problem.empty()) sidecar_errors[key] = "sidecar " + display + ": " + problem;
            continue;
        }
        if (!problem.empty()) {
            skip(display, problem);
            continue;
        }
        listing.statements.push_back({archive, name, ordinal, {}});
    }
    // Sidecars may come before or after their statements: matched once all are known.
    std::vector<ArchiveMember> kept;
    for (ArchiveMember& member : listing.statements) {
        const std::string key = sidecar_path(member_path(member.name)).string();
        if (const auto error = sidecar_errors.find(key); error != sidecar_errors.end()) {
            skip(member_display_path(archive, member.name), error->second);
            continue;
        }
        if (const auto found = sidecars.find(key); found != sidecars.end()) {
            member.sidecar = found->second;
        }
        kept.push_back(std::move(member));
    }
    listing.statements = std::move(kept);
    return listing;
}

ArchiveStream::ArchiveStream(fs::path archive, std::map<std::size_t, std::string> wanted)
    : archive_(std::move(archive)), names_(std::move(wanted)) {
    for (const auto& [ordinal, name] : names_) pending_.insert(ordinal);
}

ArchiveStream::~ArchiveStream() { close(); }

void ArchiveStream::open(const std::string& display) {
    close();
    std::string why;
    reader_ = open_archive(archive_, why).release();
    if (!reader_) throw CorpusError(display + ": " + why + " (file skipped)");
    next_ordinal_ = 0;
}

void ArchiveStream::close() {
    if (reader_) archive_read_free(reader_);
    reader_ = nullptr;
}

void ArchiveStream::fail(std::size_t ordinal, const std::string& why) {
    failure_ = why;
    failed_at_ = std::min(failed_at_, ordinal);
    close();
}

std::string ArchiveStream::read(const ArchiveMember& member) {
    const std::string display = member_display_path(archive_, member.name);
    const auto skipped = [&](const std::string& why) {
        return CorpusError(display + ": " + why + " (file skipped)");
    };
    std::lock_guard lock(mutex_);
    pending_.erase(member.ordinal);
    if (const auto kept = kept_.find(member.ordinal); kept != kept_.end()) {
        auto [bytes, error] = std::move(kept->second);
        kept_.erase(kept);
        if (pending_.empty()) close();
        if (!error.empty()) throw skipped(error);
        return std::move(bytes);
    }
    if (member.ordinal >= failed_at_) throw skipped(failure_);
    if (!reader_ || member.ordinal < next_ordinal_) open(display);
    for (;;) {
        archive_entry* entry = nullptr;
        const int status = archive_read_next_header(reader_, &entry);
        if (!header_read(status)) {
            fail(next_ordinal_, status == ARCHIVE_EOF
                                    ? "member gone: the archive changed while indexing"
                                    : "damaged archive: " + archive_message(reader_));
            throw skipped(failure_);
        }
        const std::size_t ordinal = next_ordinal_++;
        if (ordinal != member.ordinal && !pending_.count(ordinal)) continue;
        const auto name = names_.find(ordinal);
        if (entry_name(entry) != (name == names_.end() ? member.name : name->second)) {
            fail(ordinal, "member gone: the archive changed while indexing");
            throw skipped(failure_);
        }
        EntryData data = read_entry_data(reader_, kMaxFileBytes);
        if (data.broken) {
            fail(ordinal, "damaged archive: " + data.error);
            throw skipped(failure_);
        }
        if (ordinal != member.ordinal) {
            // Asked for by a loader that has not reached the lock yet.
            kept_.emplace(ordinal, std::make_pair(std::move(data.bytes), std::move(data.error)));
            continue;
        }
        if (pending_.empty()) close();
        if (!data.error.empty()) throw skipped(data.error);
        return std::move(data.bytes);
    }
}

}  // namespace r2p
