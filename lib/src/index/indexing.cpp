#include "r2p/indexing.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "index/corpus_files.hpp"
#include "index/index_writer.hpp"
#include "index/shards.hpp"
#include "index/statement_loader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "tag/tagger.hpp"
#include "util/fnv1a.hpp"

namespace r2p {

namespace {

// Files larger than this are not prepared by a loader (a passage's Xapian document takes
// about ten times its text) but streamed by the writer one passage at a time.
constexpr std::size_t kStreamedFileBytes = 1u << 20;
// Loaders start no new file while the files loaded and not yet written hold this many
// bytes (unless none is waiting): a few large files never sit in memory together.
constexpr std::size_t kLoadAheadBytes = 32u << 20;

// One file's journey through the pipeline, filled by a loader thread, consumed in order by
// the writer.
struct Slot {
    bool ready = false;
    bool unchanged = false;
    bool streamed = false;  // too large to prepare whole: the writer streams its passages
    std::optional<LoadedStatement> loaded;
    PreparedDocument prepared;
    std::string fingerprint;
    std::string error;
    std::size_t bytes = 0;
};

void load_into(Slot& slot, const CorpusFile& file, const std::string& old_fingerprint,
               const std::string& digest, const Tagger& tagger) {
    try {
        const std::string bytes = read_file_bytes(file.path);
        slot.bytes = bytes.size();
        const std::string sidecar = read_sidecar_bytes(file.path);
        slot.fingerprint = content_fingerprint(bytes, sidecar, file.path.string(), digest);
        if (slot.fingerprint == old_fingerprint) {
            slot.unchanged = true;
            return;
        }
        slot.loaded = load_statement(file, bytes, sidecar, tagger);
        slot.streamed = bytes.size() > kStreamedFileBytes;
        if (!slot.streamed)
            slot.prepared = prepare_document(slot.loaded->doc, slot.loaded->passages);
    } catch (const CorpusError& e) {
        slot.error = e.what();
    } catch (const Xapian::Error& e) {
        slot.error = file.path.string() + ": " + e.get_description() + " (file skipped)";
    } catch (const std::bad_alloc&) {
        slot.error = file.path.string() + ": out of memory while loading (file skipped)";
    } catch (const std::exception& e) {
        slot.error = file.path.string() + ": " + e.what() + " (file skipped)";
    }
}

void count_passages(const LoadedStatement& loaded, IndexReport& report) {
    for (const Passage& passage : loaded.passages) {
        (passage.kind == PassageKind::Quote ? report.quotes : report.paragraphs) += 1;
        for (const auto& theme : passage.themes) ++report.passages_per_theme[theme];
        for (const auto& role : passage.roles) ++report.passages_per_role[role];
    }
}

// The shard folders to write: those the database's stub names, or `requested` new ones, or
// none (an empty list: one plain database).
std::vector<std::filesystem::path> shard_layout(const std::filesystem::path& db,
                                                unsigned requested) {
    namespace fs = std::filesystem;
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

// The databases of a run: one per shard, or one plain database. Existing ones are opened at
// once (a locked database is reported before any work); new ones only when the first
// document is written, so a run that writes nothing creates nothing; a dry run opens
// existing ones read-only, to read what they hold, and never writes.
class Writers {
  public:
    Writers(const std::filesystem::path& db, unsigned requested_shards, std::size_t batch,
            bool dry_run, const Taxonomy& taxonomy)
        : db_(db), batch_(batch), shards_(shard_layout(db, requested_shards)), taxonomy_(taxonomy) {
        namespace fs = std::filesystem;
        writers_.resize(shards_.empty() ? 1 : shards_.size());
        std::error_code ec;
        const bool exists =
            shards_.empty() ? fs::exists(db / "iamglass", ec) : fs::exists(db / kStubFileName, ec);
        if (!exists) return;
        if (dry_run) {
            for (const auto& dir : databases()) {
                try {
                    merge(read_stored_documents(Xapian::Database(dir.string()), dir));
                } catch (const Xapian::Error& e) {
                    throw IndexError("cannot open database " + dir.string() + ": " +
                                     e.get_description());
                }
            }
            return;
        }
        open();
        for (const auto& writer : writers_) merge(writer->stored_documents());
    }

    /// What the databases held when the run began, by document id.
    const std::map<std::string, StoredDocument>& stored() const { return stored_; }

    /// Which writer takes `doc_id`.
    std::size_t index_for(const std::string& doc_id) const {
        return shards_.empty() ? 0 : shard_of(doc_id, writers_.size());
    }
    /// The writer of `index`, opening (creating) every database on first use. Thread-safe.
    IndexWriter& at(std::size_t index) {
        std::call_once(opened_, [this] { open_all(); });
        return *writers_[index];
    }
    IndexWriter& for_doc(const std::string& doc_id) { return at(index_for(doc_id)); }
    std::size_t size() const { return writers_.size(); }
    void commit() {
        if (!writers_[0]) return;  // nothing was opened: nothing to commit
        for (auto& writer : writers_) writer->commit();
    }
    std::size_t shard_count() const { return shards_.size(); }

  private:
    std::vector<std::filesystem::path> databases() const {
        return shards_.empty() ? std::vector<std::filesystem::path>{db_} : shards_;
    }
    void merge(std::map<std::string, StoredDocument> documents) {
        stored_.merge(std::move(documents));
    }
    void open() {
        std::call_once(opened_, [this] { open_all(); });
    }
    void open_all() {
        if (shards_.empty()) {
            // Xapian makes the database folder but not its parents (out/r2p.db).
            std::error_code ec;
            if (db_.has_parent_path()) std::filesystem::create_directories(db_.parent_path(), ec);
            writers_[0] = std::make_unique<IndexWriter>(db_, batch_);
            writers_[0]->record_taxonomy(taxonomy_);
            return;
        }
        std::error_code ec;
        std::filesystem::create_directories(db_, ec);
        if (ec) throw IndexError("cannot create " + db_.string() + ": " + ec.message());
        for (std::size_t i = 0; i < shards_.size(); ++i)
            writers_[i] = std::make_unique<IndexWriter>(shards_[i], batch_);
        // Every shard records the taxonomy: searches over any of them agree.
        for (auto& writer : writers_) writer->record_taxonomy(taxonomy_);
        if (!std::filesystem::exists(db_ / kStubFileName, ec)) write_stub(db_, shards_.size());
    }

    std::filesystem::path db_;
    std::size_t batch_;
    std::vector<std::filesystem::path> shards_;
    std::vector<std::unique_ptr<IndexWriter>> writers_;
    std::once_flag opened_;
    std::map<std::string, StoredDocument> stored_;
    const Taxonomy& taxonomy_;  // recorded in every database opened for writing
};

// The one-line reason of a run that found no statement file.
std::string nothing_to_index(const std::vector<std::string>& paths, const CorpusListing& listing) {
    std::string reason;
    const auto add = [&](const std::string& part) {
        reason += (reason.empty() ? "" : "; ") + part;
    };
    for (const SkippedFile& skipped : listing.skipped) {
        std::string why = skipped.reason;
        const std::string tail = " (skipped)";
        if (why.size() > tail.size() &&
            why.compare(why.size() - tail.size(), tail.size(), tail) == 0)
            why.resize(why.size() - tail.size());
        add(why);
    }
    if (reason.empty()) {
        for (const std::string& path : paths) add(path + " holds no .txt or .md files");
    }
    return reason;
}

// --prune: documents of this run stay; any other goes only when may_prune says so.
void prune(Writers& writers, const std::vector<CorpusFile>& files, const PruneScope& scope,
           bool dry_run, IndexReport& report) {
    std::set<std::string> kept;
    for (const CorpusFile& file : files) kept.insert(file.doc_id);
    for (const auto& [doc_id, stored] : writers.stored()) {
        if (kept.count(doc_id) || !may_prune(stored.location, scope)) continue;
        if (!dry_run) writers.for_doc(doc_id).remove(doc_id);
        report.pruned.push_back({doc_id, stored.location.string()});
    }
    report.documents_pruned = report.pruned.size();
    report.prune_limited = scope.unread;
}

}  // namespace

double IndexReport::passages_per_second() const {
    return seconds > 0 ? static_cast<double>(passages()) / seconds : 0.0;
}

std::string content_fingerprint(std::string_view bytes, std::string_view sidecar_bytes,
                                const std::string& path, const std::string& digest) {
    detail::Fnv1a hash;
    hash.add(schema::kSchemaVersion);
    hash.add(digest);
    hash.add(path);
    hash.add(sidecar_bytes);
    hash.add(bytes);
    return hash.hex();
}

std::string taxonomy_digest(const Taxonomy& taxonomy) {
    detail::Fnv1a hash;
    auto add_all = [&](const std::vector<std::string>& items) {
        for (const auto& item : items) hash.add(item);
        hash.add("|");
    };
    for (const Theme& theme : taxonomy.themes) {
        hash.add(theme.id);
        hash.add(theme.label);
        add_all(theme.headings);
        add_all(theme.cues);
    }
    for (const Role& role : taxonomy.roles) {
        hash.add(role.id);
        hash.add(role.label);
        add_all(role.aliases);
    }
    add_all(taxonomy.attribution.speech_verbs);
    add_all(taxonomy.attribution.honorifics);
    add_all(taxonomy.attribution.indefinites);
    add_all(taxonomy.attribution.lead_ins);
    return hash.hex();
}

IndexReport index_corpus(const IndexRequest& request, const Taxonomy& taxonomy,
                         const ProgressCallback& progress) {
    const auto start = std::chrono::steady_clock::now();
    IndexReport report;
    report.dry_run = request.dry_run;
    // Only an existing database is opened here (a locked one is reported before any work);
    // document ids depend on the files it holds.
    Writers writers(request.db, request.shards, request.batch_documents, request.dry_run, taxonomy);
    std::map<std::string, std::filesystem::path> known;
    for (const auto& [doc_id, stored] : writers.stored()) known.emplace(doc_id, stored.location);
    CorpusListing listing = list_corpus_files(request.paths, known);
    if (listing.files.empty()) {
        // An emptied or mistyped folder changes nothing.
        report.nothing_to_index = nothing_to_index(request.paths, listing);
        return report;
    }
    report.files_found = listing.files.size();
    report.skipped = std::move(listing.skipped);
    const std::vector<CorpusFile>& files = listing.files;
    report.shards = writers.shard_count();
    const Tagger tagger(taxonomy);
    const std::string digest = taxonomy_digest(taxonomy);
    // Xapian databases are not thread-safe: loaders get the old fingerprints up front.
    std::vector<std::string> old_fingerprints;
    std::vector<std::filesystem::path> locations;
    old_fingerprints.reserve(files.size());
    locations.reserve(files.size());
    for (const CorpusFile& file : files) {
        const auto stored = writers.stored().find(file.doc_id);
        old_fingerprints.push_back(stored == writers.stored().end() ? ""
                                                                    : stored->second.fingerprint);
        locations.push_back(normal_location(file.path));
    }

    std::vector<Slot> slots(files.size());
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_to_load = 0;
    std::size_t written = 0;
    std::size_t loaded_bytes = 0;  // of slots loaded and not yet taken by a writer
    bool stopping = false;
    // Loaders stay at most this many files ahead of the writer, bounding memory.
    const std::size_t window = 64;

    auto loader = [&] {
        for (;;) {
            std::size_t index;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stopping || next_to_load >= files.size() ||
                           (next_to_load < written + window &&
                            (loaded_bytes == 0 || loaded_bytes < kLoadAheadBytes));
                });
                if (stopping || next_to_load >= files.size()) return;
                index = next_to_load++;
            }
            Slot local;
            load_into(local, files[index], old_fingerprints[index], digest, tagger);
            {
                std::lock_guard lock(mutex);
                loaded_bytes += local.bytes;
                slots[index] = std::move(local);
                slots[index].ready = true;
            }
            changed.notify_all();
        }
    };

    unsigned thread_count = request.threads ? request.threads : std::thread::hardware_concurrency();
    thread_count = std::clamp(thread_count, 1U, 64U);
    std::vector<std::thread> loaders;
    auto stop_loaders = [&] {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        changed.notify_all();
        for (auto& thread : loaders) thread.join();
        loaders.clear();
    };
    for (unsigned i = 0; i < thread_count; ++i) loaders.emplace_back(loader);

    // One writer thread per database: shards are written in parallel, each in file order.
    std::vector<std::size_t> writer_of(files.size());
    for (std::size_t i = 0; i < files.size(); ++i)
        writer_of[i] = writers.index_for(files[i].doc_id);
    std::vector<char> done(files.size(), 0);
    std::size_t files_done = 0;
    std::size_t passages_written = 0;
    std::exception_ptr failure;
    auto write_files_of = [&](std::size_t writer) {
        for (std::size_t index = 0; index < files.size(); ++index) {
            if (writer_of[index] != writer) continue;
            Slot slot;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stopping || slots[index].ready; });
                if (stopping) return;
                slot = std::move(slots[index]);
                loaded_bytes -= slot.bytes;
            }
            const CorpusFile& file = files[index];
            const auto stored = writers.stored().find(file.doc_id);
            const bool is_stored = stored != writers.stored().end();
            if (slot.error.empty() && !request.dry_run) {
                try {
                    if (!is_stored || stored->second.location != locations[index]) {
                        writers.at(writer).record_location(file.doc_id, locations[index]);
                    }
                    if (slot.unchanged) {
                        // nothing to write
                    } else if (slot.streamed) {
                        // The progress bar moves inside a large file too.
                        const auto tick = [&](std::size_t passages) {
                            std::lock_guard lock(mutex);
                            if (progress) {
                                progress(files_done, files.size(), passages_written + passages);
                            }
                        };
                        writers.at(writer).write_document(slot.loaded->doc, slot.loaded->passages,
                                                          slot.fingerprint, tick);
                    } else {
                        writers.at(writer).write(slot.prepared, slot.fingerprint);
                    }
                } catch (...) {
                    std::lock_guard lock(mutex);
                    if (!failure) failure = std::current_exception();
                    stopping = true;
                    changed.notify_all();
                    return;
                }
            }
            {
                std::lock_guard lock(mutex);
                report.bytes_read += slot.bytes;
                if (!slot.error.empty()) {
                    report.skipped.push_back({files[index].path.string(), slot.error});
                } else if (slot.unchanged) {
                    ++report.files_unchanged;
                    report.unchanged.push_back({file.doc_id, file.path.string()});
                } else {
                    const LoadedStatement& loaded = *slot.loaded;
                    ++report.files_indexed;
                    (is_stored ? report.replaced : report.added)
                        .push_back({file.doc_id, file.path.string()});
                    passages_written += loaded.passages.size();
                    count_passages(loaded, report);
                    if (loaded.converted) {
                        report.converted.push_back({files[index].path.string(), loaded.encoding});
                    }
                    report.warnings.insert(report.warnings.end(), loaded.warnings.begin(),
                                           loaded.warnings.end());
                }
                done[index] = 1;
                while (written < files.size() && done[written]) ++written;
                ++files_done;
                if (progress) progress(files_done, files.size(), passages_written);
            }
            changed.notify_all();
        }
    };

    std::vector<std::thread> writer_threads;
    try {
        for (std::size_t w = 1; w < writers.size(); ++w) {
            writer_threads.emplace_back(write_files_of, w);
        }
        write_files_of(0);
        for (auto& thread : writer_threads) thread.join();
        writer_threads.clear();
        if (failure) std::rethrow_exception(failure);
        stop_loaders();
        if (request.prune) prune(writers, files, listing.scope, request.dry_run, report);
        if (!request.dry_run) writers.commit();
    } catch (...) {
        stop_loaders();  // also tells writer threads to stop
        for (auto& thread : writer_threads) {
            if (thread.joinable()) thread.join();
        }
        throw;
    }
    // Writer threads finish in any order; reports list files by path.
    const auto by_path = [](const auto& a, const auto& b) { return a.path < b.path; };
    std::stable_sort(report.skipped.begin(), report.skipped.end(), by_path);
    std::stable_sort(report.converted.begin(), report.converted.end(), by_path);
    // Each file's lines stay in order: they start with the path and their byte offsets grow.
    std::stable_sort(report.warnings.begin(), report.warnings.end(),
                     [](const std::string& a, const std::string& b) {
                         return a.substr(0, a.find(':')) < b.substr(0, b.find(':'));
                     });
    for (auto* list : {&report.added, &report.replaced, &report.unchanged}) {
        std::stable_sort(list->begin(), list->end(), by_path);
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace r2p
