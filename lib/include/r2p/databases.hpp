// Opens the databases a search runs over, behind one seam (local now; stubs and remotes later).
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace r2p {

/// Opens every database named in `specs` and combines them into one Xapian::Database, so a
/// search never knows how many there are or where they live. A spec is a database
/// directory today; stub files and tcp://HOST:PORT remotes are meant to fit behind the same
/// call. Throws UsageError when `specs` is empty, IndexError "no database at X (run
/// r2p-index first)" when one is missing, IndexError naming the spec when Xapian cannot
/// open it or its schema version is not ours.
Xapian::Database open_databases(const std::vector<std::string>& specs);

}  // namespace r2p
