// Statements inside archives (tar, tar.gz, tar.xz, tar.bz2, zip), read with libarchive
// without unpacking: a listing pass over the member names, then a streaming pass for bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "r2p/indexing.hpp"  // SkippedFile

struct archive;  // libarchive's reader handle

namespace r2p {

/// A statement member of an archive.
struct ArchiveMember {
    std::filesystem::path archive;  ///< the archive as found (given path joined with the walk)
    std::string name;               ///< the member's name as stored in the archive, UTF-8
    std::size_t ordinal = 0;        ///< its place among the archive's entries, 0 first
    std::string sidecar;            ///< bytes of NAME.meta.json beside it in the archive, or ""
};

/// True for a file named like an archive r2p-index opens: .tar, .tgz, .tar.gz, .tar.xz,
/// .txz, .tar.bz2, .tbz2, .tar.zst or .zip (by name: a folder so named is a folder).
bool is_archive_name(const std::filesystem::path& path);

/// How a member is shown in reports and diagnostics: "ARCHIVE!/MEMBER" (as in Java's jar
/// URLs: a '/' alone could be a folder, a ':' reads as FILE:LINE). Bytes of `member` that are
/// not UTF-8 are written as \xNN.
std::string member_display_path(const std::filesystem::path& archive, const std::string& member);

/// Where a member lies for document ids and --prune: the archive's normal_location joined with
/// the member's normal path, as if the archive were a folder (so it lies under the archive and
/// under every folder holding it).
std::filesystem::path member_location(const ArchiveMember& member);

/// What list_archive found.
struct ArchiveListing {
    std::vector<ArchiveMember> statements;  ///< regular .txt/.md members, in archive order
    std::vector<SkippedFile> skipped;       ///< statement members that cannot be used, damage
    /// Display paths of members that are not statements (is_ignored_name), in archive order.
    std::vector<std::string> ignored;
    /// Why the archive could not be read to its end ("" when it was): members after that
    /// point are unknown, so nothing inside it may be pruned.
    std::string unread_reason;
};

/// Reads the member names (and the small sidecars) of `archive`, skipping the statements'
/// bytes. Statements are regular members named like statements (is_statement_name);
/// NAME.meta.json members are their sidecars; members of a format we do not read (.doc) are
/// skipped with unread_format_reason; other regular members are listed in `ignored`;
/// directories, links and devices are passed over.
/// Skipped, each with a reason naming archive and member: an encrypted member, one larger
/// than kMaxFileBytes, one whose name is not UTF-8 or leaves the archive ("../x.txt"), one
/// whose sidecar cannot be read. A file that is not an archive, or damage part way, ends the
/// listing with `unread_reason` and a skipped line; the members listed before it stay.
/// Never throws for the archive's content (std::bad_alloc aside).
ArchiveListing list_archive(const std::filesystem::path& archive);

/// The bytes of an archive's statement members, read by one sequential stream (tar.xz can
/// only be read in order). Reads are thread-safe and serialised; members asked for out of
/// order are kept from the stream until asked for (only those of `wanted` not yet read), so
/// loaders that ask in about archive order never make it start over; a member before the
/// stream's position not kept reopens the archive.
class ArchiveStream {
  public:
    /// Opens nothing yet. `wanted`: ordinal -> name of the members that will be read, each
    /// once.
    ArchiveStream(std::filesystem::path archive, std::map<std::size_t, std::string> wanted);
    ~ArchiveStream();
    ArchiveStream(const ArchiveStream&) = delete;
    ArchiveStream& operator=(const ArchiveStream&) = delete;

    /// The bytes of `member` (at most kMaxFileBytes). Throws CorpusError
    /// "ARCHIVE!/MEMBER: reason (file skipped)" when it is larger, damaged, or gone.
    std::string read(const ArchiveMember& member);

  private:
    void open(const std::string& display);
    void close();
    void fail(std::size_t ordinal, const std::string& why);

    std::mutex mutex_;
    std::filesystem::path archive_;
    const std::map<std::size_t, std::string> names_;  // of the wanted members
    std::set<std::size_t> pending_;                   // wanted and not yet read
    /// Members read ahead for a loader still to come: bytes, or why they cannot be had.
    std::map<std::size_t, std::pair<std::string, std::string>> kept_;
    ::archive* reader_ = nullptr;
    std::size_t next_ordinal_ = 0;             // of the next header the reader returns
    std::size_t failed_at_ = std::size_t(-1);  // first ordinal the stream cannot reach
    std::string failure_;                      // why, once it cannot
};

}  // namespace r2p
