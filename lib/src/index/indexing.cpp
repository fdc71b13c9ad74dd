#include "r2p/indexing.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <future>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "index/collection.hpp"
#include "index/corpus_files.hpp"
#include "index/database_writers.hpp"
#include "index/index_writer.hpp"
#include "index/report_builder.hpp"
#include "index/statement_loader.hpp"
#include "index/statement_reader.hpp"
#include "r2p/error.hpp"
#include "r2p/schema.hpp"
#include "tag/tagger.hpp"
#include "util/fnv1a.hpp"
#include "util/ordered_load_window.hpp"
#include "util/worker_pool.hpp"

namespace r2p {

namespace {

// Files larger than this are not prepared by a loader (a passage's Xapian document takes
// about ten times its text) but streamed by the writer one passage at a time.
constexpr std::size_t kStreamedFileBytes = 1u << 20;
// Loaders start no new file while the files loaded and not yet written hold this many
// bytes (unless none is waiting): a few large files never sit in memory together.
constexpr std::size_t kLoadAheadBytes = 32u << 20;
// Loaders stay at most this many files ahead of the writers, bounding memory.
constexpr std::size_t kLoadAheadFiles = 64;

// One file as a loader leaves it for its writer.
struct LoadedFile {
    bool unchanged = false;
    bool streamed = false;  // too large to prepare whole: the writer streams its passages
    std::optional<LoadedStatement> loaded;
    PreparedDocument prepared;
    std::string fingerprint;
    std::string error;
    std::size_t bytes = 0;
};

// The load stage: reads, fingerprints and (unless unchanged) loads and prepares one file.
// A bad file is a diagnostic in `error`, never an exception.
LoadedFile load_file(const CorpusFile& file, StatementReader& reader,
                     const std::string& old_fingerprint, const std::string& digest,
                     const Tagger& tagger, const Collection* collection,
                     const PassageTermOptions& options) {
    LoadedFile slot;
    try {
        const auto [bytes, sidecar] = reader.read(file);
        slot.bytes = bytes.size();
        std::optional<CollectionEntry> entry;
        if (collection) entry = collection_entry(*collection, file.path);
        slot.fingerprint = content_fingerprint(bytes, sidecar, file.path.string(), digest,
                                               entry ? entry->fingerprint : "");
        if (slot.fingerprint == old_fingerprint) {
            slot.unchanged = true;
            return slot;
        }
        slot.loaded = load_statement(file, bytes, sidecar, tagger, entry ? &*entry : nullptr);
        slot.streamed = bytes.size() > kStreamedFileBytes;
        if (!slot.streamed)
            slot.prepared = prepare_document(slot.loaded->doc, slot.loaded->passages, options);
    } catch (const CorpusError& e) {
        slot.error = e.what();
    } catch (const Xapian::Error& e) {
        slot.error = file.path.string() + ": " + e.get_description() + " (file skipped)";
    } catch (const std::bad_alloc&) {
        slot.error = file.path.string() + ": out of memory while loading (file skipped)";
    } catch (const std::exception& e) {
        slot.error = file.path.string() + ": " + e.what() + " (file skipped)";
    }
    return slot;
}

// The one-line reason of a run that found no statement file.
std::string nothing_to_index(const std::vector<std::string>& paths, const CorpusListing& listing) {
    std::string reason;
    const auto add = [&](const std::string& part) {
        reason += (reason.empty() ? "" : "; ") + part;
    };
    for (const SkippedFile& skipped : listing.skipped) {
        std::string why = skipped.reason;
        for (const std::string tail : {" (skipped)", " (file skipped)"}) {
            if (why.size() > tail.size() &&
                why.compare(why.size() - tail.size(), tail.size(), tail) == 0)
                why.resize(why.size() - tail.size());
        }
        add(why);
    }
    if (reason.empty()) {
        for (const std::string& path : paths)
            add(path + " holds no statements (.txt, .md, .pdf, .html, .docx)");
    }
    if (!listing.ignored.empty()) add(ignored_summary(listing.ignored));
    return reason;
}

// --prune: documents of this run stay; any other goes only when may_prune says so.
void prune(DatabaseWriters& writers, const std::vector<CorpusFile>& files, const PruneScope& scope,
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

// The write stage of one database: its files in file order, each taken from the load
// window when loaded. Throws what writing throws (a database problem ends the run).
void write_files_of(std::size_t writer, const IndexRequest& request,
                    const std::vector<CorpusFile>& files, const std::vector<std::size_t>& writer_of,
                    OrderedLoadWindow<LoadedFile>& window, DatabaseWriters& writers,
                    ReportBuilder& builder) {
    for (std::size_t index = 0; index < files.size(); ++index) {
        if (writer_of[index] != writer) continue;
        std::optional<LoadedFile> taken = window.take(index);
        if (!taken) return;  // stopped: another writer failed
        LoadedFile& slot = *taken;
        const CorpusFile& file = files[index];
        const auto stored = writers.stored().find(file.doc_id);
        const bool is_stored = stored != writers.stored().end();
        if (slot.error.empty() && !request.dry_run) {
            const std::filesystem::path location = corpus_location(file);
            if (!is_stored || stored->second.location != location) {
                writers.at(writer).record_location(file.doc_id, location);
            }
            if (slot.unchanged) {
                // nothing to write
            } else if (slot.streamed) {
                // The progress bar moves inside a large file too.
                const auto tick = [&](std::size_t passages) { builder.passages_written(passages); };
                writers.at(writer).write_document(slot.loaded->doc, slot.loaded->passages,
                                                  slot.fingerprint, tick);
            } else {
                writers.at(writer).write(slot.prepared, slot.fingerprint);
            }
        }
        if (!slot.error.empty()) {
            builder.skipped(file.path.string(), slot.error, slot.bytes);
        } else if (slot.unchanged) {
            builder.unchanged(file, slot.bytes);
        } else {
            builder.written(file, *slot.loaded, is_stored, slot.bytes);
        }
        window.done(index);
    }
}

// The pipeline: loaders on a worker pool run ahead of the writers (kLoadAheadFiles files,
// kLoadAheadBytes bytes) up to PreparedDocument; one writer per database writes its files
// in file order, writer 0 on this thread. The first writer failure stops every loader and
// writer and is rethrown once all have stopped.
void write_all(const IndexRequest& request, const Taxonomy& taxonomy, const Collection* collection,
               const std::vector<CorpusFile>& files, DatabaseWriters& writers,
               ReportBuilder& builder) {
    const Tagger tagger(taxonomy);
    const std::string digest = taxonomy_digest(taxonomy);
    // Xapian databases are not thread-safe: loaders get the old fingerprints up front.
    std::vector<std::string> old_fingerprints;
    std::vector<std::size_t> writer_of;
    old_fingerprints.reserve(files.size());
    writer_of.reserve(files.size());
    for (const CorpusFile& file : files) {
        const auto stored = writers.stored().find(file.doc_id);
        old_fingerprints.push_back(stored == writers.stored().end() ? ""
                                                                    : stored->second.fingerprint);
        writer_of.push_back(writers.index_for(file.doc_id));
    }
    unsigned loaders = request.threads ? request.threads : std::thread::hardware_concurrency();
    loaders = std::clamp(loaders, 1U, 64U);
    const PassageTermOptions term_options{request.sentence_signatures, &writers.phrases()};

    // Before the pool and the window: loads in flight read through it until they stop.
    StatementReader reader(files);
    // A thread for every loader and for every writer but this one: none waits for a thread.
    WorkerPool pool(loaders + static_cast<unsigned>(writers.size() - 1));
    const OrderedLoadWindow<LoadedFile>::Load load = [&](std::size_t index) {
        return load_file(files[index], reader, old_fingerprints[index], digest, tagger, collection,
                         term_options);
    };
    const OrderedLoadWindow<LoadedFile>::Weight weight = [](const LoadedFile& loaded) {
        return loaded.bytes;
    };
    OrderedLoadWindow<LoadedFile> window(pool, files.size(),
                                         {loaders, kLoadAheadFiles, kLoadAheadBytes}, load, weight);
    std::mutex failure_mutex;
    std::exception_ptr failure;
    const auto write_shard = [&](std::size_t writer) {
        try {
            write_files_of(writer, request, files, writer_of, window, writers, builder);
        } catch (...) {
            {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
            window.stop();
        }
    };
    std::vector<std::future<void>> others;
    try {
        for (std::size_t w = 1; w < writers.size(); ++w)
            others.push_back(pool.submit([&write_shard, w] { write_shard(w); }));
    } catch (...) {
        window.stop();  // the writers started return; they refer to the window
        for (auto& other : others) other.wait();
        throw;
    }
    write_shard(0);
    for (auto& other : others) other.wait();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace

double IndexReport::passages_per_second() const {
    return seconds > 0 ? static_cast<double>(passages()) / seconds : 0.0;
}

std::string ignored_summary(const std::vector<std::string>& ignored) {
    constexpr std::size_t kNamesShown = 3;
    if (ignored.empty()) return {};
    std::string line = "ignored " + std::to_string(ignored.size()) +
                       (ignored.size() == 1 ? " file that is not a statement: "
                                            : " files that are not statements: ");
    for (std::size_t i = 0; i < ignored.size() && i < kNamesShown; ++i) {
        // The name alone: "notes.csv" says what it is; an archive member keeps its member name.
        const std::string& path = ignored[i];
        const std::size_t bang = path.rfind("!/");
        line += (i > 0 ? ", " : "") + (bang != std::string::npos
                                           ? path.substr(bang + 2)
                                           : std::filesystem::path(path).filename().string());
    }
    if (ignored.size() > kNamesShown)
        line += " and " + std::to_string(ignored.size() - kNamesShown) + " more";
    return line;
}

std::string content_fingerprint(std::string_view bytes, std::string_view sidecar_bytes,
                                const std::string& path, const std::string& digest,
                                std::string_view collection_fingerprint) {
    detail::Fnv1a hash;
    hash.add(schema::kSchemaVersion);
    hash.add(digest);
    // Only when there is one: databases built without collections keep their fingerprints.
    if (!collection_fingerprint.empty()) hash.add(collection_fingerprint);
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
    // Read before the database is opened: a bad profile or table is a usage error.
    const std::optional<Collection> collection = load_request_collection(request);
    // Only an existing database is opened here (a locked one is reported before any work);
    // document ids depend on the files it holds.
    DatabaseWriters writers(request.db, request.shards, request.batch_documents, request.dry_run,
                            taxonomy, request.sentence_signatures, request.bulk_part_passages);
    std::map<std::string, std::filesystem::path> known;
    for (const auto& [doc_id, stored] : writers.stored()) known.emplace(doc_id, stored.location);
    CorpusListing listing = list_corpus_files(request.paths, known);
    if (listing.files.empty()) {
        // An emptied or mistyped folder changes nothing.
        report.nothing_to_index = nothing_to_index(request.paths, listing);
        report.ignored = std::move(listing.ignored);
        return report;
    }
    report.ignored = std::move(listing.ignored);
    report.files_found = listing.files.size();
    report.skipped = std::move(listing.skipped);
    report.shards = writers.shard_count();
    const std::vector<CorpusFile>& files = listing.files;
    ReportBuilder builder(report, files.size(), progress);
    write_all(request, taxonomy, collection ? &*collection : nullptr, files, writers, builder);
    if (request.prune) prune(writers, files, listing.scope, request.dry_run, report);
    if (!request.dry_run) {
        writers.commit();
        // While the writers still hold the locks: the files are stamped with these commits.
        writers.write_tables();
    }
    builder.sort_by_path();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace r2p
