// Writes a database's table file (see table_file.hpp): every table read from the database
// in one pass each, laid out as table_file_format.hpp says, replacing the old file
// atomically (temp file, fsync, rename) so a reader maps either the old file or the new one.
#pragma once

#include <xapian.h>

#include <filesystem>

namespace r2p {

/// Writes the table file of `db`, the database in `dir` alone (one shard), stamped with its
/// current commit. Call it with no change pending and no other writer committing (an
/// indexing run holds the lock). Throws IndexError naming the file or the database.
void write_table_file(const Xapian::Database& db, const std::filesystem::path& dir);

/// Whether `dir` holds the table file of `db`'s current commit (reads the header only).
bool table_file_current(const Xapian::Database& db, const std::filesystem::path& dir);

}  // namespace r2p
