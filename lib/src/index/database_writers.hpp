// The databases an indexing run writes: one plain database, or one per shard and a stub.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "index/index_writer.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// The databases of a run: one per shard, or one plain database. Existing ones are opened at
/// construction (a locked database is reported before any work); new ones only when the
/// first document is written, so a run that writes nothing creates nothing; a dry run opens
/// existing ones read-only, to read what they hold, and never writes. Every database opened
/// for writing records `taxonomy`, which must outlive this object.
class DatabaseWriters {
  public:
    /// `requested_shards` as IndexRequest::shards. Throws UsageError when it does not fit the
    /// database already at `db`, DatabaseLockedError / IndexError when one cannot be opened.
    /// `sentence_signatures` and `bulk_part_passages` as IndexRequest's (each IndexWriter
    /// marks its database; a new one is built in parts).
    DatabaseWriters(const std::filesystem::path& db, unsigned requested_shards, std::size_t batch,
                    bool dry_run, const Taxonomy& taxonomy, bool sentence_signatures = true,
                    std::size_t bulk_part_passages = 0);
    ~DatabaseWriters();

    /// What the databases held when the run began, by document id.
    const std::map<std::string, StoredDocument>& stored() const { return stored_; }

    /// Which writer takes `doc_id`.
    std::size_t index_for(const std::string& doc_id) const;
    /// The writer of `index`, opening (creating) every database on first use. Thread-safe.
    IndexWriter& at(std::size_t index);
    IndexWriter& for_doc(const std::string& doc_id) { return at(index_for(doc_id)); }
    /// How many writers (databases) the run has.
    std::size_t size() const { return writers_.size(); }
    /// Commits every database opened (in parallel: a bulk build merges its parts here);
    /// nothing when none was.
    void commit();
    /// Writes every database's table file for its last commit (after commit()); nothing
    /// when none was opened.
    void write_tables();
    /// Shard databases (0: one plain database).
    std::size_t shard_count() const { return shards_.size(); }
    /// The phrases every passage of the run gets terms of (PassageTermOptions::phrases): all
    /// the databases' indexed phrases; for new databases, the taxonomy's.
    const IndexedPhrases& phrases() const { return phrases_; }

  private:
    std::vector<std::filesystem::path> databases() const;
    void merge(std::map<std::string, StoredDocument> documents);
    void open_all();
    void check_phrases() const;
    void for_each_writer(void (IndexWriter::*step)());

    std::filesystem::path db_;
    std::size_t batch_;
    bool sentence_signatures_;
    std::size_t bulk_part_passages_;
    std::vector<std::filesystem::path> shards_;
    std::vector<std::unique_ptr<IndexWriter>> writers_;
    std::once_flag opened_;
    std::map<std::string, StoredDocument> stored_;
    const Taxonomy& taxonomy_;         // recorded in every database opened for writing
    IndexedPhrases taxonomy_phrases_;  // what a new database indexes
    IndexedPhrases phrases_;
    bool phrases_before_opening_ = false;  // phrases_ was settled before any database opened
};

}  // namespace r2p
