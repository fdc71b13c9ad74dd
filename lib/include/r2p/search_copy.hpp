// A database's serving copy: its shards merged and compacted into one new database, with
// its table files, and optionally without the termlist table (a search-only copy).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

namespace r2p {

/// Which database to copy where.
struct SearchCopyRequest {
    /// The database: a folder, a folder with a stub (its local shards are merged), or a stub.
    std::filesystem::path source;
    /// The new database folder; must not exist or be an empty folder.
    std::filesystem::path copy;
    /// Leave out the termlist table (a third of a compacted database): every search, trace
    /// and table file still works; indexing into the copy is refused (Xapian needs a stored
    /// document's terms to replace or delete it).
    bool search_only = false;
    /// Xapian's block size for the copy's tables in bytes (2048 to 65536, a power of two).
    unsigned block_size = 8192;
    /// Store the passages' data compressed with a dictionary trained on them (a copy of
    /// 1,000 passages or more): about a third of the stored data's size.
    bool compress_passages = true;
};

/// What a copy took and holds.
struct SearchCopyReport {
    std::filesystem::path copy;
    std::size_t shards_merged = 0;  ///< databases merged (1: a plain database)
    std::size_t passages = 0;
    bool search_only = false;
    std::size_t bytes = 0;  ///< every file of the copy, table files included
    /// Bytes of the termlist table left out (0 when kept): bytes + this is the size of the
    /// same copy with it.
    std::size_t termlist_bytes_left_out = 0;
    std::map<std::string, std::size_t> file_bytes;  ///< by file name in the copy
    /// Passages whose data is stored compressed, and the size of the dictionary they need
    /// (both 0 when none is).
    std::size_t passages_compressed = 0;
    std::size_t passage_dictionary_bytes = 0;
    /// Every passage's data bytes before and after compression (before Xapian's own).
    std::size_t passage_data_bytes_before = 0;
    std::size_t passage_data_bytes_after = 0;
    double compact_seconds = 0;  ///< merging, compacting and compressing
    double tables_seconds = 0;
};

/// Merges and compacts `request.source` into the new database `request.copy` and writes its
/// table files. The copy is made in a hidden sibling folder and renamed into place when
/// complete: a run that fails or is killed leaves no copy at `request.copy` (the sibling of
/// a killed run is removed by the next run). Throws UsageError for an existing non-empty
/// `copy`, a remote shard or a bad block size, IndexError when the source cannot be read or
/// the copy cannot be written.
SearchCopyReport make_search_copy(const SearchCopyRequest& request);

/// Whether the database folder `dir` is a search-only copy (a glass database without its
/// termlist table). Indexing into it must be refused.
bool is_search_only(const std::filesystem::path& dir);

}  // namespace r2p
