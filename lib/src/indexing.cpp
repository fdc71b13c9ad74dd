#include "r2p/indexing.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "r2p/error.hpp"
#include "r2p/index_writer.hpp"
#include "r2p/schema.hpp"
#include "r2p/tagger.hpp"

namespace r2p {

namespace {

// FNV-1a: stable across runs and platforms (std::hash is not), and fast enough.
class Fnv1a {
public:
    void add(std::string_view bytes) {
        for (const char c : bytes) {
            hash_ ^= static_cast<unsigned char>(c);
            hash_ *= 1099511628211ULL;
        }
        // A field separator, so ("ab","c") and ("a","bc") differ.
        hash_ ^= 0xffU;
        hash_ *= 1099511628211ULL;
    }
    std::string hex() const {
        static constexpr char kDigits[] = "0123456789abcdef";
        std::string out(16, '0');
        for (int i = 0; i < 16; ++i) {
            out[static_cast<std::size_t>(15 - i)] = kDigits[(hash_ >> (4 * i)) & 0xfU];
        }
        return out;
    }

private:
    std::uint64_t hash_ = 14695981039346656037ULL;
};

// One file's journey through the pipeline, filled by a loader thread, consumed in order by
// the writer.
struct Slot {
    bool ready = false;
    bool unchanged = false;
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
        std::string sidecar;
        std::error_code ec;
        const auto sidecar_file = sidecar_path(file.path);
        if (std::filesystem::exists(sidecar_file, ec)) sidecar = read_file_bytes(sidecar_file);
        slot.fingerprint = content_fingerprint(bytes, sidecar, file.path.string(), digest);
        if (slot.fingerprint == old_fingerprint) {
            slot.unchanged = true;
            return;
        }
        slot.loaded = load_statement(file, bytes, sidecar, tagger);
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

}  // namespace

double IndexReport::passages_per_second() const {
    return seconds > 0 ? static_cast<double>(passages()) / seconds : 0.0;
}

std::string content_fingerprint(std::string_view bytes, std::string_view sidecar_bytes,
                                const std::string& path, const std::string& digest) {
    Fnv1a hash;
    hash.add(schema::kSchemaVersion);
    hash.add(digest);
    hash.add(path);
    hash.add(sidecar_bytes);
    hash.add(bytes);
    return hash.hex();
}

std::string taxonomy_digest(const Taxonomy& taxonomy) {
    Fnv1a hash;
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
    CorpusListing listing = list_corpus_files(request.paths);
    report.files_found = listing.files.size();
    report.skipped = std::move(listing.skipped);
    const std::vector<CorpusFile>& files = listing.files;

    // Open the database first: a locked database is reported before any work is done.
    IndexWriter writer(request.db, request.batch_documents);
    const Tagger tagger(taxonomy);
    const std::string digest = taxonomy_digest(taxonomy);
    // Xapian databases are not thread-safe: loaders get the old fingerprints up front.
    std::vector<std::string> old_fingerprints;
    old_fingerprints.reserve(files.size());
    for (const CorpusFile& file : files) old_fingerprints.push_back(writer.stored_fingerprint(file.doc_id));

    std::vector<Slot> slots(files.size());
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next_to_load = 0;
    std::size_t written = 0;
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
                           next_to_load < written + window;
                });
                if (stopping || next_to_load >= files.size()) return;
                index = next_to_load++;
            }
            Slot local;
            load_into(local, files[index], old_fingerprints[index], digest, tagger);
            {
                std::lock_guard lock(mutex);
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

    try {
        std::size_t passages_written = 0;
        for (std::size_t index = 0; index < files.size(); ++index) {
            Slot slot;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return slots[index].ready; });
                slot = std::move(slots[index]);
            }
            report.bytes_read += slot.bytes;
            if (!slot.error.empty()) {
                report.skipped.push_back({files[index].path.string(), slot.error});
            } else if (slot.unchanged) {
                ++report.files_unchanged;
            } else {
                const LoadedStatement& loaded = *slot.loaded;
                writer.write(slot.prepared, slot.fingerprint);
                ++report.files_indexed;
                passages_written += loaded.passages.size();
                count_passages(loaded, report);
                if (loaded.converted) {
                    report.converted.push_back({files[index].path.string(), loaded.encoding});
                }
            }
            {
                std::lock_guard lock(mutex);
                written = index + 1;
            }
            changed.notify_all();
            if (progress) progress(index + 1, files.size(), passages_written);
        }
        stop_loaders();
        if (request.prune) {
            std::set<std::string> keep;
            for (const CorpusFile& file : files) keep.insert(file.doc_id);
            report.documents_pruned = writer.prune(keep);
        }
        writer.commit();
    } catch (...) {
        stop_loaders();
        throw;
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace r2p
