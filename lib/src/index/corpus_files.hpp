// Finding statement files on disk and in archives, and reading files (and their sidecars)
// safely.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/archive_reader.hpp"
#include "index/prune_scope.hpp"
#include "r2p/indexing.hpp"

namespace r2p {

/// A statement file to index, on disk or inside an archive.
struct CorpusFile {
    CorpusFile() = default;
    CorpusFile(std::filesystem::path found, std::string id,
               std::optional<ArchiveMember> in_archive = std::nullopt)
        : path(std::move(found)), doc_id(std::move(id)), member(std::move(in_archive)) {}

    /// As found (given path joined with the walk); for an archive member its display path
    /// "ARCHIVE!/MEMBER" (member_display_path), which is no file: read it with
    /// StatementReader and locate it with corpus_location.
    std::filesystem::path path;
    std::string doc_id;                   ///< see assign_document_ids
    std::optional<ArchiveMember> member;  ///< set for a member of an archive
};

/// Where `file` lies for document ids and --prune: normal_location of a file on disk,
/// member_location of an archive member.
std::filesystem::path corpus_location(const CorpusFile& file);

/// True for a name r2p-index reads as a statement (convert/source_format: .txt, .md, .pdf,
/// .html, .docx, ...), not hidden.
bool is_statement_name(const std::filesystem::path& path);

/// Why a file of a kind we know and do not read (SourceFormat::Unread) is skipped: ".doc files
/// are not read (save it as .docx, .pdf or .txt)".
std::string unread_format_reason(const std::filesystem::path& path);

/// True for a file found in a folder or archive that is counted as ignored in the report: not
/// a statement, an archive or a format we do not read, not a sidecar (NAME.meta.json) and
/// not hidden.
bool is_ignored_name(const std::filesystem::path& path);

/// What list_corpus_files found.
struct CorpusListing {
    /// Sorted by path (an archive's members by the archive's path, then in archive order),
    /// each real file once.
    std::vector<CorpusFile> files;
    std::vector<SkippedFile> skipped;  ///< given paths and found entries that cannot be used
    /// Files found in folders and archives that are not statements (is_ignored_name), by
    /// path as found; in walk order.
    std::vector<std::string> ignored;
    PruneScope scope;  ///< given paths read, and paths (given or found) that could not be read
};

/// Expands command-line PATHs: a file is taken as given (a statement: .txt, .md, .pdf, .html,
/// .docx); a file named like an archive (is_archive_name) is listed by list_archive, its
/// statement members in archive order, its damage in `skipped` and, when it could not be read
/// to its end, in `scope.unread`; a folder is searched recursively for statements and
/// archives. A given or found file of a format we do not read (.doc, .rtf, ...) is in
/// `skipped` (unread_format_reason); other found files are in `ignored` (sidecars and hidden
/// files are neither). Symlinks are
/// followed, each real file is listed once, symlink loops end; FIFOs, devices, sockets,
/// dangling links, missing paths and a file no document id can be found for are reported
/// in `skipped`. Never blocks on a FIFO and never throws for one bad entry. Document ids
/// are given by assign_document_ids with `known`, the documents a database already holds.
/// `scope` names every given path that exists, and every given path, folder or entry that
/// could not be read (those may hide statements).
CorpusListing list_corpus_files(const std::vector<std::string>& paths,
                                const std::map<std::string, std::filesystem::path>& known = {});

/// Document id for a file name stem: lower-case ASCII letters, digits and single dashes
/// ("Ministerial Meeting 2012" -> "ministerial-meeting-2012"), at most 100 bytes; "doc" if
/// nothing is left.
std::string slugify(std::string_view stem);

/// The largest statement file read, in bytes; larger files are skipped with a reason.
constexpr std::size_t kMaxFileBytes = 256u << 20;

/// Reads a regular file's bytes without ever blocking on a FIFO. Throws CorpusError
/// "PATH: reason (file skipped)".
std::string read_file_bytes(const std::filesystem::path& path);

/// Path of the sidecar of a statement: NAME.meta.json beside NAME.txt.
std::filesystem::path sidecar_path(const std::filesystem::path& statement);

/// The bytes of `statement`'s sidecar (sidecar_path), empty when it has none. Throws
/// CorpusError as read_file_bytes when one exists and cannot be read.
std::string read_sidecar_bytes(const std::filesystem::path& statement);

}  // namespace r2p
