// Opens the databases a search runs over, behind one seam: local folders, stub files listing
// shards, and remote shards served by xapian-tcpsrv, in any mix.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace r2p {

/// One shard that answered, local or remote.
struct OpenedShard {
    std::string name;  ///< as messages name it ("shard0 of out/db", "host:port")
    Xapian::Database db;
};

/// What open_databases opened.
struct OpenedDatabases {
    Xapian::Database db;                  ///< every shard that answered, as one database
    std::vector<OpenedShard> shards;      ///< the same shards one by one, in order
    std::vector<std::string> missing;     ///< shards that did not (only with allow_partial)
    std::vector<Xapian::Database> parts;  ///< the shards in db one by one; empty if any is remote
    std::vector<std::string> part_paths;  ///< their folders, in the same order
};

/// Opens every database named in `specs` and combines them into one Xapian::Database, so a
/// search never knows how many there are or where they live. A spec is a database folder, a
/// folder holding r2p.stub (the shards r2p-index --shards wrote), a stub file, or
/// tcp://HOST:PORT for a shard served by xapian-tcpsrv. Local folders are opened as glass
/// databases only (never backend auto-detection, which could follow a stub to a program);
/// stub files are read by read_stub, which refuses "remote :PROGRAM".
/// Throws UsageError when `specs` is empty or malformed; IndexError "no database at X (run
/// r2p-index first)" when one is missing; IndexError naming the shard when one cannot be
/// opened or reached, unless `allow_partial`, which lists it in `missing` instead (an error
/// all the same when no shard at all answers).
OpenedDatabases open_databases(const std::vector<std::string>& specs, bool allow_partial);

/// open_databases(specs, false).db
Xapian::Database open_databases(const std::vector<std::string>& specs);

/// Seconds to wait for a remote shard to accept a connection / answer.
inline constexpr unsigned kRemoteConnectTimeoutMs = 5000;
inline constexpr unsigned kRemoteTimeoutMs = 30000;

}  // namespace r2p
