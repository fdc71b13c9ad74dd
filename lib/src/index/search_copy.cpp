// make_search_copy: shards merged into one compacted database, written beside its final
// place and renamed into it, then its table files.
#include "r2p/search_copy.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <string>
#include <system_error>
#include <vector>

#include "index/compress_passages.hpp"
#include "index/passage_compression.hpp"
#include "index/shards.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "util/file_bytes.hpp"

namespace r2p {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTermlistFile = "termlist.glass";

// The local shard folders `source` stands for; a remote shard cannot be copied from here.
std::vector<fs::path> source_databases(const fs::path& source) {
    std::vector<fs::path> shards;
    for (const StubEntry& entry : databases_named_by(source)) {
        if (entry.remote) {
            throw UsageError(source.string() + " names remote shard " + entry.display +
                             ": copy it on its own machine");
        }
        shards.emplace_back(entry.path);
    }
    if (shards.empty()) throw IndexError(source.string() + " names no shard");
    return shards;
}

// The hidden sibling a copy is written into: ".NAME.partial-PID" beside `copy`.
std::string partial_prefix(const fs::path& copy) {
    return "." + copy.filename().string() + ".partial-";
}

// The hidden sibling the passages are compressed in, before the last compaction:
// ".NAME.staged-PID".
std::string staged_prefix(const fs::path& copy) {
    return "." + copy.filename().string() + ".staged-";
}

// Removes the partial copies of runs that were killed (their process is gone), so a
// killed run costs no disk once the copy is made again.
void remove_stale_partials(const fs::path& copy) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(copy.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        std::string prefix = partial_prefix(copy);
        if (name.rfind(prefix, 0) != 0) prefix = staged_prefix(copy);
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        const long pid = std::stol(digits);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
}

// Makes the rename durable: the folder entry is on disk when the command returns.
void sync_folder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void check_request(const SearchCopyRequest& request) {
    const unsigned size = request.block_size;
    if (size < 2048 || size > 65536 || (size & (size - 1)) != 0) {
        throw UsageError("block size " + std::to_string(size) +
                         " is not a power of two from 2048 to 65536");
    }
    std::error_code ec;
    if (fs::exists(request.copy, ec) &&
        !(fs::is_directory(request.copy, ec) && fs::is_empty(request.copy, ec))) {
        throw UsageError(request.copy.string() +
                         " already exists and is not an empty folder (choose a new copy folder)");
    }
}

// Opens the source's databases as one, read-only.
Xapian::Database open_source(const std::vector<fs::path>& shards) {
    Xapian::Database merged;
    for (const fs::path& shard : shards) {
        std::error_code ec;
        if (!fs::exists(shard / "iamglass", ec))
            throw IndexError("no database at " + shard.string() + " (run r2p-index first)");
        try {
            merged.add_database(Xapian::Database(shard.string(), Xapian::DB_BACKEND_GLASS));
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open database " + shard.string() + ": " + e.get_description());
        }
    }
    return merged;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

bool is_search_only(const fs::path& dir) {
    std::error_code ec;
    return fs::exists(dir / "iamglass", ec) && !fs::exists(dir / kTermlistFile, ec);
}

SearchCopyReport make_search_copy(const SearchCopyRequest& request) {
    check_request(request);
    const std::vector<fs::path> shards = source_databases(request.source);
    Xapian::Database source = open_source(shards);

    // Each shard's compressed passages need its own dictionary, and a merged database holds
    // one: such shards cannot be merged.
    if (shards.size() > 1) {
        for (const fs::path& shard : shards) {
            if (!read_passage_dictionary(Xapian::Database(shard.string(), Xapian::DB_BACKEND_GLASS))
                     .empty()) {
                throw UsageError(shard.string() +
                                 " holds compressed passages (a copy made by --compact-to): "
                                 "merge the databases it was copied from instead");
            }
        }
    }

    SearchCopyReport report;
    report.copy = request.copy;
    report.shards_merged = shards.size();
    report.passages = source.get_doccount();

    // "out/" names the folder out: its parent holds the partial sibling.
    fs::path target = request.copy;
    if (!target.has_filename()) target = target.parent_path();
    fs::path parent = target.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw IndexError("cannot create " + parent.string() + ": " + ec.message());
    const fs::path copy = parent / target.filename();
    remove_stale_partials(copy);
    const fs::path partial = parent / (partial_prefix(copy) + std::to_string(::getpid()));
    fs::remove_all(partial, ec);

    const fs::path staged = parent / (staged_prefix(copy) + std::to_string(::getpid()));
    fs::remove_all(staged, ec);

    try {
        const auto start = std::chrono::steady_clock::now();
        const auto compact = [&](Xapian::Database& from, const std::string& from_name,
                                 const fs::path& into) {
            try {
                from.compact(into.string(), 0, static_cast<int>(request.block_size));
            } catch (const Xapian::Error& e) {
                throw IndexError("cannot compact " + from_name + " into " + into.string() + ": " +
                                 e.get_description());
            }
        };
        // A search-only source has no termlist table, without which Xapian replaces no
        // document: its passages stay as they are.
        if (request.compress_passages &&
            std::none_of(shards.begin(), shards.end(),
                         [](const fs::path& shard) { return is_search_only(shard); })) {
            // Compacted once to rewrite the passages in, then again: their old data's blocks
            // would otherwise stay in the copy as free space.
            compact(source, request.source.string(), staged);
            const PassageCompression compressed = compress_passages(staged.string());
            report.passages_compressed = compressed.passages;
            report.passage_dictionary_bytes = compressed.dictionary_bytes;
            report.passage_data_bytes_before = compressed.bytes_before;
            report.passage_data_bytes_after = compressed.bytes_after;
            Xapian::Database rewritten(staged.string(), Xapian::DB_BACKEND_GLASS);
            compact(rewritten, staged.string(), partial);
            rewritten.close();
            fs::remove_all(staged, ec);
        } else {
            compact(source, request.source.string(), partial);
        }
        if (request.search_only) {
            // Xapian reads a glass database whose termlist file is gone as one made without
            // it (DB_NO_TERMLIST); compact() has no option to leave it out while merging.
            const fs::path termlist = partial / kTermlistFile;
            report.termlist_bytes_left_out = file_bytes(termlist);
            fs::remove(termlist, ec);
            if (ec) throw IndexError("cannot remove " + termlist.string() + ": " + ec.message());
        }
        report.compact_seconds = seconds_since(start);
        // A search-only source makes a search-only copy whatever was asked.
        report.search_only = is_search_only(partial);

        const auto tables_start = std::chrono::steady_clock::now();
        write_tables(partial.string());
        report.tables_seconds = seconds_since(tables_start);

        // rename(2) replaces an empty folder; a non-empty one made meanwhile makes it fail.
        fs::rename(partial, copy, ec);
        if (ec) {
            throw IndexError("cannot rename " + partial.string() + " to " + copy.string() + ": " +
                             ec.message());
        }
        sync_folder(parent);
    } catch (...) {
        fs::remove_all(staged, ec);
        fs::remove_all(partial, ec);
        throw;
    }

    for (const auto& entry : fs::directory_iterator(copy, ec)) {
        if (!entry.is_regular_file(ec)) continue;
        const std::size_t bytes = file_bytes(entry.path());
        report.file_bytes[entry.path().filename().string()] = bytes;
        report.bytes += bytes;
    }
    return report;
}

}  // namespace r2p
