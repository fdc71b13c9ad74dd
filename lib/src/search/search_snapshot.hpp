// The searched databases at one revision and the in-memory tables built for it (passage
// lengths for the ranked pass, facet values for the counting pass): when to build them
// (TablePolicy, and the cost models Auto weighs), the shard handles the counting pass reads
// them with, and what a reopen does to them.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/indexed_phrases.hpp"
#include "r2p/facets.hpp"
#include "r2p/search_result.hpp"
#include "r2p/table_policy.hpp"
#include "search/ranked_pass.hpp"
#include "tables/date_table.hpp"
#include "tables/facet_table.hpp"
#include "tables/table_file.hpp"

namespace r2p {

/// Owns the tables of one database snapshot and decides when they are built. When every
/// local shard has a table file of the snapshot's commit (written by r2p-index), every
/// table is read from the files from the first query on (Auto and Always), none built. Not
/// thread-safe; the counting pass's threads only read counting_shards() and facet tables
/// between table_fields() and the caller's next refresh().
class SearchSnapshot {
  public:
    /// `db` is every shard as one database. `shards` lists the same shards one by one
    /// (sharing db's handles: their revisions are db's) and `shard_paths` their folders;
    /// both empty when some shard is remote: then no table is ever built.
    SearchSnapshot(Xapian::Database db, std::vector<Xapian::Database> shards,
                   std::vector<std::string> shard_paths);

    /// The combined database, at the snapshot's revision.
    const Xapian::Database& db() const { return db_; }

    void set_policy(TablePolicy policy) { policy_ = policy; }
    TablePolicy policy() const { return policy_; }

    /// Moves to the databases' latest commit (always when `force`: after Xapian reported the
    /// snapshot modified). When the revision moved, every table is dropped (docids may have
    /// changed) and counting_shards() reopened at the new one. Returns whether it moved.
    /// No counting pass may be running.
    bool refresh(bool force);

    /// The passage lengths for ranking by relevance: built now when the policy says so
    /// (Auto: once Xapian's ranked passes have cost about as much as building it); nullptr
    /// when Xapian is to rank (remote shards, Never, or not yet under Auto).
    const LengthTable* length_table();

    /// Xapian ranked `matches` matches by relevance: the cost a LengthTable would save.
    void ranked_by_xapian(Xapian::doccount matches) { ranked_by_xapian_ += matches; }

    bool has_length_table() const { return lengths_.has_value(); }

    /// The passage dates for `--sort date` and date ranges: built now when the policy says
    /// so (Auto: once Xapian's date-sorted passes have cost about as much as building it);
    /// nullptr when Xapian is to sort (remote shards, Never, or not yet under Auto).
    const DateTable* date_table();

    /// Xapian sorted `matches` matches by date: the cost a DateTable would save.
    void sorted_by_xapian(Xapian::doccount matches) { sorted_by_xapian_ += matches; }

    bool has_date_table() const { return dates_.has_value(); }

    /// The phrases every shard indexes (index/indexed_phrases.hpp), at the snapshot's
    /// revision: those a query may match through their phrase terms. Over remote shards,
    /// those of a single one; none over several. Read at the first call after each move
    /// to a new revision: a search without a phrase never reads them.
    const IndexedPhrases& indexed_phrases();

    /// One handle per local shard, at db()'s revision, for the counting pass (which may read
    /// them on other threads while the caller ranks on db()); empty when counting must run
    /// on db() itself (a remote shard, or a writer committed since db() was opened: then
    /// until the next refresh()). Opened at the first call after each refresh(), on the
    /// caller's thread: a search whose count rides on its ranked walk never opens them (a
    /// one-shot r2p-search opens each shard once, not twice).
    const std::vector<Xapian::Database>& counting_shards();

    /// Another handle of db() when it is a single local database (one shard), opened apart
    /// at its revision at the first call after each refresh(), for a ranked walk of the
    /// upper half of its docids on another thread (rank_bm25's ShardThreads::second_half);
    /// nullptr over several shards or a remote one, or when a writer has committed since.
    const Xapian::Database* second_handle();

    /// db()'s local shards one by one, sharing its handles (so at its revision), for walks
    /// on the caller's thread, which must not use them while counting_shards() count on
    /// others; empty when some shard is remote.
    const std::vector<Xapian::Database>& db_shards() const { return shards_; }

    /// The table file of each of db_shards(), in their order, for the phrases' words
    /// (tables/phrase_word_table.hpp), as length_table() or table_fields() opened them
    /// (never tried here: a refused file would be looked at again at every query); empty
    /// when they opened none.
    std::vector<const TableFile*> table_files() const;

    /// Of `fields`, those to count from facet tables now (tables by local shard, in
    /// db_shards() order), building tables when the policy says so (Auto: once counting
    /// stored values has cost about as much as the build). Empty when db_shards() is.
    std::vector<FacetField> table_fields(const std::vector<FacetField>& fields);

    /// The table of `field` for counting shard `shard`; `field` is one of table_fields().
    const FacetTable& facet_table(FacetField field, std::size_t shard) const {
        return *tables_.at(field).by_shard.at(shard);
    }

    /// `matches` matches were counted for `field` from stored values: the cost its table
    /// would save.
    void counted_by_value(FacetField field, Xapian::doccount matches);

    /// The fields counted from tables from now on, in FacetField order.
    std::vector<FacetField> facet_tables() const;

    /// Where the tables held now came from: Built when any was built in memory, File when
    /// every one was read from table files, None when none is held.
    TableSource table_source() const;

  private:
    struct FieldTables {
        std::vector<std::optional<FacetTable>> by_shard;  // empty: not built (yet)
        Xapian::doccount postings = 0;                    // the build's cost, read once
        Xapian::doccount counted_by_value = 0;            // matches counted from stored values

        // Built, and every shard has its table (none has too many values).
        bool usable() const {
            return !by_shard.empty() && std::all_of(by_shard.begin(), by_shard.end(),
                                                    [](const auto& t) { return t.has_value(); });
        }
    };

    // Whether every shard is local with its folder known (no table, file or counting handle
    // otherwise).
    bool local_shards() const {
        return !shard_paths_.empty() && shard_paths_.size() == shards_.size();
    }
    // Opens own_ at the revisions of shards_; own_ stays empty when that fails or a writer
    // has committed since shards_ were opened.
    void align();
    // Another handle of local shard `shard` at the revision of shards_[shard]; nullopt when
    // it cannot be opened or a writer has committed since.
    std::optional<Xapian::Database> open_at_revision(std::size_t shard) const;
    // The phrases at the snapshot's revision, as indexed_phrases() gives them.
    IndexedPhrases read_phrases() const;

    // The length or date table: the column of the table files, else (under Auto) none until
    // Xapian's passes have matched as many passages as building it reads, else built.
    template <typename Table>
    const Table* column_table(std::optional<Table>& table,
                              TableColumn<std::uint32_t> (TableFile::*column)() const,
                              Xapian::doccount matches_by_xapian);

    // Whether files_ holds the table file of every local shard at the snapshot's commit,
    // opening them when not yet tried or when a file changed since it was refused (a writer
    // renames its new file in just after committing).
    bool open_files();

    // A table file as stat() sees it: a new one (another inode, time or size) is tried.
    struct FileIdentity {
        bool exists = false;
        std::uint64_t inode = 0;
        std::int64_t modified_ns = 0;
        std::uint64_t size = 0;
        bool operator==(const FileIdentity&) const = default;
    };

    Xapian::Database db_;
    std::vector<Xapian::Database> shards_;  // db_'s handles, for their revisions
    std::vector<std::string> shard_paths_;
    std::vector<Xapian::Database> own_;       // ours, one per shard, for the counting pass
    std::optional<Xapian::Database> second_;  // a single shard's other handle, when had
    bool second_tried_ = false;               // second_ tried since the last refresh()
    bool aligned_ = false;                    // own_ opened (or found not to be had) since
                                              // the last move to a new revision
    std::optional<IndexedPhrases> phrases_;   // read at the first indexed_phrases()
    TablePolicy policy_ = TablePolicy::Auto;
    std::optional<LengthTable> lengths_;        // of db_'s revision
    Xapian::doccount ranked_by_xapian_ = 0;     // matches Xapian's ranked passes reported
    std::optional<DateTable> dates_;            // of db_'s revision
    Xapian::doccount sorted_by_xapian_ = 0;     // matches Xapian's date-sorted passes reported
    std::map<FacetField, FieldTables> tables_;  // of db_'s revision
    std::vector<std::shared_ptr<const TableFile>> files_;  // by shard; empty: not usable
    std::vector<FileIdentity> refused_;  // the files as they were when last refused
    bool read_files_ = false;            // a table held was read from files_
    bool built_ = false;                 // a table held was built in memory
};

}  // namespace r2p
