// write_tables: the table files of an existing database's local shards.
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <system_error>

#include "index/shards.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/search_copy.hpp"
#include "tables/table_file.hpp"
#include "tables/table_file_writer.hpp"
#include "util/file_bytes.hpp"

namespace r2p {

namespace fs = std::filesystem;

namespace {

// The local shard folders `database` stands for.
std::vector<fs::path> local_shards(const fs::path& database) {
    std::vector<fs::path> shards;
    for (const StubEntry& entry : databases_named_by(database)) {
        if (!entry.remote) shards.emplace_back(entry.path);
    }
    return shards;
}

}  // namespace

TablesReport write_tables(const std::string& database) {
    const auto start = std::chrono::steady_clock::now();
    TablesReport report;
    report.database = database;
    for (const fs::path& shard : local_shards(database)) {
        std::error_code ec;
        if (!fs::exists(shard / "iamglass", ec)) {
            throw IndexError("no database at " + shard.string() + " (run r2p-index first)");
        }
        // Writable only for its lock: no indexing run commits while the file is written.
        Xapian::WritableDatabase db;
        try {
            // A search-only copy has no termlist file: without DB_NO_TERMLIST Xapian would
            // refuse to open it for writing (nothing here writes a document).
            const int flags =
                Xapian::DB_OPEN | (is_search_only(shard) ? Xapian::DB_NO_TERMLIST : 0);
            db = Xapian::WritableDatabase(shard.string(), flags);
        } catch (const Xapian::DatabaseLockError&) {
            throw DatabaseLockedError("database " + shard.string() +
                                      " is locked by another writer (is r2p-index running?)");
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open database " + shard.string() + ": " + e.get_description());
        }
        ShardTables done;
        done.shard = shard.string();
        done.passages = db.get_doccount();
        done.revision = db.get_revision();
        done.written = !table_file_current(db, shard);
        if (done.written) write_table_file(db, shard);
        done.bytes = file_bytes(table_file_path(shard));
        report.shards.push_back(std::move(done));
    }
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return report;
}

}  // namespace r2p
