#include "index/bulk_build.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <system_error>

#include "r2p/error.hpp"
#include "r2p/schema.hpp"

namespace r2p {

namespace fs = std::filesystem;

namespace {

// What a glass database folder holds (and our table file): anything else in the folder
// is someone's, and the folder is not ours to replace.
bool glass_file(const std::string& name) {
    const auto ends_with = [&](std::string_view tail) {
        return name.size() >= tail.size() &&
               name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    return name == "iamglass" || name == "flintlock" || name == "r2p-tables" ||
           ends_with(".glass") || ends_with(".tmp");
}

// fsync of a folder, so a rename in it survives a crash.
void sync_folder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

bool bulk_build_applies(const fs::path& dir, const Xapian::Database& db) {
    if (db.get_doccount() != 0) return false;
    for (const std::string_view prefix : {schema::kFileKeyPrefix, schema::kLocationKeyPrefix}) {
        const std::string key(prefix);
        if (db.metadata_keys_begin(key) != db.metadata_keys_end(key)) return false;
    }
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (!glass_file(entry.path().filename().string())) return false;
    }
    return !ec;
}

fs::path bulk_work_folder(const fs::path& dir) {
    fs::path work = dir.lexically_normal();
    if (!work.has_filename()) work = work.parent_path();
    work += ".bulk";
    return work;
}

BulkBuild::BulkBuild(const fs::path& dir, Xapian::WritableDatabase target,
                     std::size_t part_passages)
    : dir_(dir),
      work_(bulk_work_folder(dir)),
      target_(std::move(target)),
      part_passages_(part_passages) {
    std::error_code ec;
    fs::remove_all(work_, ec);  // a killed run's parts: this run builds them again
    if (!ec) fs::create_directories(work_, ec);
    if (ec) throw IndexError("cannot create " + work_.string() + ": " + ec.message());
}

BulkBuild::~BulkBuild() {
    if (published_) return;
    std::error_code ec;
    fs::remove_all(work_, ec);  // best effort: the next run removes them too
}

Xapian::WritableDatabase BulkBuild::next_part() {
    char name[16];
    std::snprintf(name, sizeof name, "part%04zu", parts_.size());
    const fs::path part = work_ / name;
    try {
        // No fsync: a part is only read by publish(), in this run.
        Xapian::WritableDatabase db(part.string(),
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        parts_.push_back(part);
        return db;
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot create " + part.string() + ": " + e.get_description());
    }
}

bool BulkBuild::full(const Xapian::WritableDatabase& part) const {
    return part.get_doccount() >= part_passages_;
}

Xapian::WritableDatabase BulkBuild::publish(Xapian::WritableDatabase& current) {
    const fs::path merged = work_ / "merged";
    try {
        current.commit();
        current.close();
        Xapian::Database parts;
        for (const fs::path& part : parts_) parts.add_database(Xapian::Database(part.string()));
        // Renumbered in order (each part after the last id of the one before): the ids
        // adding every passage to one database gives. Synced, unlike the parts.
        parts.compact(merged.string(), static_cast<unsigned>(Xapian::Compactor::STANDARD));
        parts.close();
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot merge the parts of " + dir_.string() + " in " + work_.string() +
                         ": " + e.get_description());
    }
    swap_into_place(merged);
    // The empty database, now in work_, goes with its lock: the merged one is in place.
    target_.close();
    sync_folder(dir_.parent_path().empty() ? fs::path(".") : dir_.parent_path());
    published_ = true;
    std::error_code ec;
    fs::remove_all(work_, ec);
    try {
        return Xapian::WritableDatabase(dir_.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError("database " + dir_.string() +
                                  " was built whole and then locked by another writer");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open database " + dir_.string() + ": " + e.get_description());
    }
}

void BulkBuild::swap_into_place(const fs::path& merged) {
    // Exchanged in one step while target_ still holds the empty database's lock: no writer
    // can start on the empty folder meanwhile, and dir_ is never absent. A file system
    // without RENAME_EXCHANGE takes two renames (dir_ absent between them).
    if (::renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) == 0) return;
    const int exchange_error = errno;
    std::error_code ec;
    if (exchange_error == EINVAL || exchange_error == ENOSYS || exchange_error == ENOTSUP) {
        const fs::path replaced = work_ / "replaced";
        fs::rename(dir_, replaced, ec);
        if (!ec) fs::rename(merged, dir_, ec);
    } else {
        ec.assign(exchange_error, std::generic_category());
    }
    if (ec) {
        throw IndexError("cannot move the merged database into " + dir_.string() + ": " +
                         ec.message() + " (re-run r2p-index)");
    }
}

}  // namespace r2p
