// Finding statement files on disk and reading them (and their sidecars) safely.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "index/prune_scope.hpp"
#include "r2p/indexing.hpp"

namespace r2p {

/// A statement file to index.
struct CorpusFile {
    std::filesystem::path path;  ///< as found (given path joined with the walk)
    std::string doc_id;          ///< see assign_document_ids
};

/// What list_corpus_files found.
struct CorpusListing {
    std::vector<CorpusFile> files;     ///< sorted by path, each real file once
    std::vector<SkippedFile> skipped;  ///< given paths and found entries that cannot be used
    PruneScope scope;  ///< given paths read, and paths (given or found) that could not be read
};

/// Expands command-line PATHs: a file is taken as given (.txt or .md); a folder is searched
/// recursively for .txt and .md files (sidecars and other files ignored). Symlinks are
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
