// The indexing run: corpus paths -> loaded statements (in parallel) -> one index writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "r2p/taxonomy.hpp"

namespace r2p {

/// What to index where.
struct IndexRequest {
    std::filesystem::path db;
    std::vector<std::string> paths;
    /// Remove documents whose files lay under a path of `paths` that was read completely and
    /// are gone (see may_prune); never under a path that could not be read.
    bool prune = false;
    bool dry_run = false;  ///< decide and report everything, write (and create) nothing
    /// Write this many shard databases under `db` plus db/r2p.stub; 0 keeps the database's
    /// layout (the shards its stub names, else one database).
    unsigned shards = 0;
    unsigned threads = 0;  ///< loader threads; 0 = one per core
    /// Xapian documents per commit (measured: 5k beats 20k and 100k). 1k used less CPU on
    /// 20k-100k passages, but the 1M bench with it took 958 s with a third of the time in
    /// I/O wait (every commit rewrites each touched term's last posting block).
    std::size_t batch_documents = 5000;
    /// A database (shard) that starts empty is built as part databases of about this many
    /// passages, committed without fsync and merged into it at the end (index/bulk_build.hpp);
    /// 0: written in place like an existing one.
    std::size_t bulk_part_passages = 50000;
    /// A collection profile: a name under corpus/collections/ ("ungdc") or a .conf file;
    /// empty: none (metadata from sidecars and the text only).
    std::string collection;
    /// A speakers table (CSV year,session,iso3,country,speaker,post) for the profile; empty:
    /// none.
    std::filesystem::path speakers;
    /// Write near-duplicate sentence signatures (schema::kSentencePrefix terms) with every
    /// passage. Off only to measure what they cost (r2p-bench); --like and r2p-trace need them.
    bool sentence_signatures = true;
};

/// A path that was not indexed, and why.
struct SkippedFile {
    std::string path;
    std::string reason;  ///< the whole diagnostic line: "PATH[:LINE]: why (file skipped)"
};

/// A given path, or a folder under one, that could not be read: nothing under it is pruned.
struct UnreadPath {
    std::filesystem::path location;  ///< normal_location of the path
    std::string path;                ///< as given or found, for the report
    std::string reason;              ///< "no such file or folder", "cannot read folder: ..."
};

/// A file whose bytes were converted to UTF-8.
struct ConvertedFile {
    std::string path;
    std::string encoding;
};

/// A document a run added, replaced, left unchanged or pruned.
struct DocumentChange {
    std::string id;
    std::string path;  ///< its file: as given for files of this run, else the stored location
};

/// What an indexing run did.
struct IndexReport {
    /// Why nothing was indexed when no statement file was found (then no database was opened
    /// or created and every other field is empty); "" otherwise.
    std::string nothing_to_index;
    bool dry_run = false;             ///< nothing was written: the lists say what would have been
    std::size_t files_found = 0;      ///< statement files listed
    std::size_t files_indexed = 0;    ///< new or changed, written
    std::size_t files_unchanged = 0;  ///< already indexed with the same content
    std::vector<ConvertedFile> converted;
    std::vector<SkippedFile> skipped;
    /// Files found in folders and archives that are not statements (notes.csv, logo.png;
    /// not sidecars, not hidden), by path: counted, not indexed, the exit code unchanged.
    std::vector<std::string> ignored;
    /// Files kept with a repair, one line each ("PATH:LINE: byte N (0x92) is not UTF-8, read
    /// as Windows-1252"), in path order.
    std::vector<std::string> warnings;
    std::size_t documents_pruned = 0;
    std::vector<DocumentChange> added;      ///< new document ids
    std::vector<DocumentChange> replaced;   ///< documents whose content changed
    std::vector<DocumentChange> unchanged;  ///< documents already indexed as they are
    std::vector<DocumentChange> pruned;     ///< removed by --prune
    /// Paths that could not be read during a --prune run: nothing under them was pruned.
    std::vector<UnreadPath> prune_limited;
    std::size_t shards = 0;      ///< shard databases written (0: one plain database)
    std::size_t paragraphs = 0;  ///< of the files written in this run
    std::size_t quotes = 0;
    std::map<std::string, std::size_t> passages_per_theme;
    std::map<std::string, std::size_t> passages_per_role;
    std::size_t bytes_read = 0;
    double seconds = 0;

    std::size_t passages() const { return paragraphs + quotes; }
    double passages_per_second() const;
};

/// The one line a report gives its ignored files: "ignored 2 files that are not statements:
/// notes.csv, logo.png" (file or member names, at most three, then "and N more"); "" when
/// `ignored` is empty.
std::string ignored_summary(const std::vector<std::string>& ignored);

/// Called after each file is handled: files done, files in all, passages written so far.
using ProgressCallback = std::function<void(std::size_t, std::size_t, std::size_t)>;

/// A fingerprint of what a document's passages depend on: its bytes, its sidecar, its path,
/// the taxonomy and what its collection says of it (the profile and the file's speakers-table
/// row; "" when read under no collection). Equal fingerprints mean re-indexing would write
/// the same passages.
std::string content_fingerprint(std::string_view bytes, std::string_view sidecar_bytes,
                                const std::string& path, const std::string& taxonomy_digest,
                                std::string_view collection_fingerprint = {});

/// A digest of the taxonomy's content (changes when any id, alias or cue changes).
std::string taxonomy_digest(const Taxonomy& taxonomy);

/// Indexes `request.paths` into `request.db`. Bad files are reported in `skipped`, never
/// abort the run. When no statement file is found, returns at once with `nothing_to_index`
/// set. A database that does not exist yet is created only when a document is written.
/// Throws DatabaseLockedError / IndexError for database problems, UsageError when --shards
/// does not fit the database already there, when the collection profile or speakers table
/// cannot be read or is malformed ("FILE:LINE: reason"), or for `speakers` without
/// `collection`.
IndexReport index_corpus(const IndexRequest& request, const Taxonomy& taxonomy,
                         const ProgressCallback& progress = {});

/// What write_tables did to one local shard.
struct ShardTables {
    std::string shard;           ///< its folder
    std::uint64_t passages = 0;  ///< passages the file covers
    std::uint64_t revision = 0;  ///< the commit it is stamped with
    bool written = false;        ///< false: the file was already of this commit
    std::uint64_t bytes = 0;     ///< the file's size
};

/// What write_tables did, shard by shard, in stub order.
struct TablesReport {
    std::string database;
    std::vector<ShardTables> shards;
    double seconds = 0;
};

/// Writes the table file (passage lengths, dates, facet values by docid; searches read it
/// in place) of every local shard of `database` (a database folder, a folder with a stub,
/// or a stub file) for its current commit, holding each shard's write lock meanwhile;
/// remote shards are left to their machines. index_corpus writes them itself; this is for
/// a database made otherwise (xapian-compact) or indexed before table files existed.
/// Throws DatabaseLockedError when a writer holds a shard, IndexError when a shard cannot
/// be opened or its file cannot be written.
TablesReport write_tables(const std::string& database);

}  // namespace r2p
