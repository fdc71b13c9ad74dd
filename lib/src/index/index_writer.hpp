// Passages -> Xapian database: terms, values, stored data; replace by id; batched commits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "index/indexed_phrases.hpp"
#include "parse/document.hpp"
#include "parse/passage.hpp"
#include "r2p/taxonomy.hpp"

namespace r2p {

/// The terms a passage gets beyond its words and fields, as its database asks.
struct PassageTermOptions {
    /// A paragraph gets the anchors of its sentences (sentences/sentence_signature.hpp); a
    /// quote's sentences are its paragraph's and get none.
    bool sentence_signatures = true;
    /// The phrase terms of these phrases (index/indexed_phrases.hpp); none when null. Must
    /// include every phrase the database written to indexes (IndexWriter::phrases()).
    const IndexedPhrases* phrases = nullptr;
};

/// Builds the Xapian document of one passage: folded, stemmed text with positions, boolean
/// filter terms, facet and sort values, stored data, and what `options` ask. `doc` is the
/// passage's document. Terms longer than schema::kMaxTermBytes or holding NUL are never
/// added. Its stored data holds the statement's fields only when the statement cannot have a
/// record (statement_record): whoever writes the passage writes the record too.
Xapian::Document make_passage_document(const Document& doc, const Passage& passage,
                                       Xapian::TermGenerator& terms,
                                       const PassageTermOptions& options = {});

/// A document's passages turned into Xapian documents, ready for IndexWriter::write.
struct PreparedDocument {
    std::string doc_id;
    std::string path;
    std::vector<Xapian::Document> passages;
    /// Folded body words with their frequency, for the spelling dictionary.
    std::vector<std::pair<std::string, Xapian::termcount>> spellings;
    /// Facet labels of the values its passages carry, as metadata (key, label): see
    /// facet_labels.
    std::vector<std::pair<std::string, std::string>> labels;
    /// Its statement record, as metadata (key, record): see statement_record.
    std::pair<std::string, std::string> statement;
    /// The phrases its passages got terms of (PassageTermOptions::phrases).
    const IndexedPhrases* phrases = nullptr;
};

/// `doc`'s statement record: its fields stored once for all its passages, as metadata
/// (schema::statement_key, encode_statement_fields). The key is "" when the statement cannot
/// have one (id empty or too long): its passages then carry the fields themselves.
std::pair<std::string, std::string> statement_record(const Document& doc);

/// The labels of the facet values `doc`'s passages carry, as (schema::label_key, label)
/// pairs, each key once: the country's name for its code, each speaker's name as written
/// for its folded form. Values without a label, or too long for a key, are left out.
std::vector<std::pair<std::string, std::string>> facet_labels(const Document& doc,
                                                              const std::vector<Passage>& passages);

/// Builds every passage's Xapian document of `doc` (make_passage_document with this thread's
/// own TermGenerator). Thread-safe: loader threads call it so the writer only writes.
PreparedDocument prepare_document(const Document& doc, const std::vector<Passage>& passages,
                                  const PassageTermOptions& options = {});

/// The "YYYYMMDD" sort value for a "YYYY[-MM[-DD]]" date (missing parts as 00), "" if none.
std::string date_sort_value(const std::string& date);

/// What a database records about one indexed document.
struct StoredDocument {
    std::string fingerprint;  ///< see content_fingerprint
    /// Absolute path of its file ("" when neither recorded nor found in a passage).
    std::filesystem::path location;
};

/// Every document `db` records, by document id. A document written before locations were
/// recorded gets the path stored in one of its passages, made absolute against the current
/// folder. Throws IndexError when the database cannot be read.
std::map<std::string, StoredDocument> read_stored_documents(const Xapian::Database& db,
                                                            const std::filesystem::path& dir);

/// Writes documents' passages into one Xapian database. One writer per database at a time.
class IndexWriter {
  public:
    /// Opens or creates the database in `dir`. Throws DatabaseLockedError when another
    /// writer holds it, IndexError when it cannot be opened or created. With
    /// `sentence_signatures`, write_document signs paragraphs and the database is marked
    /// (schema::kSignatureSchemeKey) when it is new or already marked with this scheme; a
    /// database holding passages without them stays unmarked (--like asks to re-index).
    /// Without, the mark is removed. With `bulk_part_passages` > 0 and a new (or empty)
    /// database (bulk_build_applies), the passages go into part databases of about that many
    /// passages, merged into `dir` by commit() (index/bulk_build.hpp): until then `dir`
    /// stays empty and what the writer reads (stored_documents, stored_fingerprint) is the
    /// current part's only. A database without passages or indexed phrases (a new one)
    /// indexes `new_database_phrases` from now on (none when null); any other keeps its own
    /// (phrases()).
    explicit IndexWriter(const std::filesystem::path& dir, std::size_t batch_documents = 2000,
                         bool sentence_signatures = true, std::size_t bulk_part_passages = 0,
                         const IndexedPhrases* new_database_phrases = nullptr);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// The phrases the database indexes (schema::kIndexedPhrasesKey): what a prepared
    /// document written to it must have been given terms of.
    const IndexedPhrases& phrases() const;

    /// The fingerprint recorded with `doc_id` by write_document, or "" when not indexed.
    std::string stored_fingerprint(const std::string& doc_id) const;

    /// read_stored_documents of this database (pending changes included).
    std::map<std::string, StoredDocument> stored_documents() const;

    /// Records `location` (an absolute path) as the file of `doc_id`. Throws IndexError.
    void record_location(const std::string& doc_id, const std::filesystem::path& location);

    /// Removes every passage, the fingerprint and the location of `doc_id`. Throws IndexError.
    void remove(const std::string& doc_id);

    /// Replaces every passage of the document (all its old passages go, even ids no longer
    /// made) and records `fingerprint`. Commits when the batch is full. Throws IndexError,
    /// also when `prepared` lacks terms of a phrase the database indexes.
    void write(const PreparedDocument& prepared, const std::string& fingerprint);

    /// What write does, building each passage's Xapian document just before adding it, so
    /// memory does not grow with the document (large statements). Calls `written` with the
    /// passages written so far every kWrittenTick passages and at the end. May commit inside
    /// the document (the fingerprint, set last, stays old until it is whole). Throws
    /// IndexError.
    void write_document(const Document& doc, const std::vector<Passage>& passages,
                        const std::string& fingerprint,
                        const std::function<void(std::size_t)>& written = {});

    /// How often write_document reports progress, in passages.
    static constexpr std::size_t kWrittenTick = 1000;

    /// Records the taxonomy the passages are tagged with (store_taxonomy), for searches to
    /// use; committed with the next commit. Throws IndexError.
    void record_taxonomy(const Taxonomy& taxonomy);

    /// Removes the passages of every indexed document whose id is not in `keep`; returns
    /// how many documents were removed.
    std::size_t prune(const std::set<std::string>& keep);

    /// Commits what is pending, spelling entries included; a bulk build is merged and
    /// published, and the writer goes on with the database at `dir`. Throws IndexError (e.g.
    /// disk full); the database stays at its last commit (a bulk build's: empty).
    void commit();

    /// Whether the writer is building a new database in parts (see the constructor).
    bool bulk_building() const;

    /// Writes the database's table file (tables/table_file.hpp) for its last commit, unless
    /// the file there is already that commit's. Call after commit(): the writer still holds
    /// the lock, so no commit comes in between. Throws IndexError.
    void write_tables();

  private:
    void commit_batch(bool with_spellings);

    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace r2p
