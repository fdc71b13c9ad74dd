#include "index/database_writers.hpp"

#include <xapian.h>

#include <exception>
#include <future>

#include "index/shards.hpp"
#include "r2p/error.hpp"
#include "r2p/search_copy.hpp"

namespace r2p {

namespace fs = std::filesystem;

namespace {

// The shard folders to write: those the database's stub names, or `requested` new ones, or
// none (an empty list: one plain database).
std::vector<fs::path> shard_layout(const fs::path& db, unsigned requested) {
    std::error_code ec;
    const fs::path stub = db / kStubFileName;
    if (fs::exists(stub, ec)) {
        std::vector<fs::path> shards;
        for (const StubEntry& entry : read_stub(stub)) {
            if (entry.remote) {
                throw UsageError(stub.string() + " names remote shard " + entry.display +
                                 ": index it on its own machine");
            }
            shards.emplace_back(entry.path);
        }
        if (requested != 0 && requested != shards.size()) {
            throw UsageError(db.string() + " has " + std::to_string(shards.size()) +
                             " shards, not " + std::to_string(requested) +
                             " (re-index into a new --db to change the shard count)");
        }
        return shards;
    }
    if (requested == 0) return {};
    if (fs::exists(db / "iamglass", ec)) {
        throw UsageError(db.string() +
                         " holds one database, not shards (choose a new --db for --shards)");
    }
    std::vector<fs::path> shards;
    for (std::size_t i = 0; i < requested; ++i) shards.push_back(shard_path(db, i));
    return shards;
}

}  // namespace

DatabaseWriters::DatabaseWriters(const fs::path& db, unsigned requested_shards, std::size_t batch,
                                 bool dry_run, const Taxonomy& taxonomy, bool sentence_signatures,
                                 std::size_t bulk_part_passages)
    : db_(db),
      batch_(batch),
      sentence_signatures_(sentence_signatures),
      bulk_part_passages_(bulk_part_passages),
      shards_(shard_layout(db, requested_shards)),
      taxonomy_(taxonomy),
      taxonomy_phrases_(IndexedPhrases::of_taxonomy(taxonomy)) {
    writers_.resize(shards_.empty() ? 1 : shards_.size());
    std::error_code ec;
    const bool exists =
        shards_.empty() ? fs::exists(db / "iamglass", ec) : fs::exists(db / kStubFileName, ec);
    if (!exists) {
        phrases_ = taxonomy_phrases_;  // what the databases will list when first opened
        phrases_before_opening_ = true;
        return;
    }
    // Xapian cannot replace or delete a document of a copy without termlists: refuse before
    // anything is opened for writing rather than fail midway.
    for (const auto& dir : databases()) {
        if (is_search_only(dir)) {
            throw UsageError(dir.string() +
                             " is a search-only copy (no termlist table): index into the "
                             "database it was copied from, then copy it again");
        }
    }
    if (dry_run) {
        for (const auto& dir : databases()) {
            try {
                const Xapian::Database read(dir.string());
                merge(read_stored_documents(read, dir));
                phrases_ = phrases_.joined_with(IndexedPhrases::of_database(read));
            } catch (const Xapian::Error& e) {
                throw IndexError("cannot open database " + dir.string() + ": " +
                                 e.get_description());
            }
        }
        return;
    }
    std::call_once(opened_, [this] { open_all(); });
    for (const auto& writer : writers_) {
        merge(writer->stored_documents());
        phrases_ = phrases_.joined_with(writer->phrases());
    }
}

DatabaseWriters::~DatabaseWriters() = default;

std::size_t DatabaseWriters::index_for(const std::string& doc_id) const {
    return shards_.empty() ? 0 : shard_of(doc_id, writers_.size());
}

IndexWriter& DatabaseWriters::at(std::size_t index) {
    std::call_once(opened_, [this] { open_all(); });
    return *writers_[index];
}

void DatabaseWriters::commit() {
    if (!writers_[0]) return;  // nothing was opened: nothing to commit
    for_each_writer(&IndexWriter::commit);
}

void DatabaseWriters::write_tables() {
    if (!writers_[0]) return;
    for_each_writer(&IndexWriter::write_tables);
}

void DatabaseWriters::for_each_writer(void (IndexWriter::*step)()) {
    // One thread per shard: each reads and writes only its own database.
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < writers_.size(); ++i) {
        others.push_back(
            std::async(std::launch::async, [&writer = *writers_[i], step] { (writer.*step)(); }));
    }
    std::exception_ptr failed;
    try {
        (writers_[0].get()->*step)();
    } catch (...) {
        failed = std::current_exception();
    }
    for (auto& other : others) {
        try {
            other.get();
        } catch (...) {
            if (!failed) failed = std::current_exception();
        }
    }
    if (failed) std::rethrow_exception(failed);
}

void DatabaseWriters::check_phrases() const {
    // Opened at the first write when the run began without databases: one that another run
    // created meanwhile may index other phrases than the passages being prepared get.
    if (!phrases_before_opening_) return;
    for (const auto& writer : writers_) {
        if (!phrases_.includes(writer->phrases())) {
            throw IndexError("database " + db_.string() +
                             " was created by another run meanwhile; run r2p-index again");
        }
    }
}

std::vector<fs::path> DatabaseWriters::databases() const {
    return shards_.empty() ? std::vector<fs::path>{db_} : shards_;
}

void DatabaseWriters::merge(std::map<std::string, StoredDocument> documents) {
    stored_.merge(std::move(documents));
}

void DatabaseWriters::open_all() {
    if (shards_.empty()) {
        // Xapian makes the database folder but not its parents (out/r2p.db).
        std::error_code ec;
        if (db_.has_parent_path()) fs::create_directories(db_.parent_path(), ec);
        writers_[0] = std::make_unique<IndexWriter>(db_, batch_, sentence_signatures_,
                                                    bulk_part_passages_, &taxonomy_phrases_);
        writers_[0]->record_taxonomy(taxonomy_);
        check_phrases();
        return;
    }
    std::error_code ec;
    fs::create_directories(db_, ec);
    if (ec) throw IndexError("cannot create " + db_.string() + ": " + ec.message());
    for (std::size_t i = 0; i < shards_.size(); ++i)
        writers_[i] = std::make_unique<IndexWriter>(shards_[i], batch_, sentence_signatures_,
                                                    bulk_part_passages_, &taxonomy_phrases_);
    // Every shard records the taxonomy: searches over any of them agree.
    for (auto& writer : writers_) writer->record_taxonomy(taxonomy_);
    check_phrases();
    if (!fs::exists(db_ / kStubFileName, ec)) write_stub(db_, shards_.size());
}

}  // namespace r2p
