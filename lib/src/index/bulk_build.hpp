// Building a new database in parts: small unsynced part databases merged once at the end.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include <xapian.h>

namespace r2p {

/// Whether the database opened at `dir` may be built in parts: it holds no passage and no
/// document record, and its folder holds nothing but Xapian's glass files (and a stale
/// table file), since the whole folder is replaced when the parts are published.
bool bulk_build_applies(const std::filesystem::path& dir, const Xapian::Database& db);

/// The folder where the parts of `dir` are built: a sibling, "DIR.bulk".
std::filesystem::path bulk_work_folder(const std::filesystem::path& dir);

/// A new database built as parts. Every part is a fresh database committed without fsync
/// (small B-trees commit cheaply; they are thrown away if the run dies); publish() merges
/// them in order with Xapian's compactor, so documents keep the ids adding them one by one
/// gives, and replaces the target folder with the result. The target stays locked (and
/// empty) by the run until then: a killed run leaves it as it was, and the next run
/// starts the parts again from scratch.
class BulkBuild {
  public:
    /// Takes over `target`, the empty database opened at `dir`, to keep its lock. Removes
    /// parts a killed run left. Throws IndexError.
    BulkBuild(const std::filesystem::path& dir, Xapian::WritableDatabase target,
              std::size_t part_passages);
    /// Removes the parts when they were not published (an error ended the run).
    ~BulkBuild();
    BulkBuild(const BulkBuild&) = delete;
    BulkBuild& operator=(const BulkBuild&) = delete;

    /// Opens the next part (the first one at the start). Throws IndexError.
    Xapian::WritableDatabase next_part();
    /// Whether `part`, just committed, is full: the writer moves on to the next one.
    bool full(const Xapian::WritableDatabase& part) const;

    /// Merges every part (`current`, the last, is committed and closed here) into a new
    /// database, fsynced, that replaces the target folder, and returns it opened for
    /// writing. Metadata a later part wrote again (facet labels) wins, as it does when one
    /// database is overwritten. Throws IndexError; the target is then left as it was.
    Xapian::WritableDatabase publish(Xapian::WritableDatabase& current);

  private:
    // Puts the merged database at dir_ (the empty one moves into work_). Throws IndexError.
    void swap_into_place(const std::filesystem::path& merged);

    std::filesystem::path dir_;
    std::filesystem::path work_;
    Xapian::WritableDatabase target_;
    std::size_t part_passages_;
    std::vector<std::filesystem::path> parts_;
    bool published_ = false;
};

}  // namespace r2p
