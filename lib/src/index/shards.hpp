// Sharded databases: which shard a document lives in, and the stub file that lists shards.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

/// Name of the stub file r2p-index --shards writes in the database folder.
inline constexpr std::string_view kStubFileName = "r2p.stub";

/// The shard (0..shard_count-1) holding `doc_id`: a stable hash, so a re-indexed document
/// replaces itself in the same shard. `shard_count` must be at least 1.
std::size_t shard_of(std::string_view doc_id, std::size_t shard_count);

/// Folder of shard `index` under the database folder `db`: db/shardN.
std::filesystem::path shard_path(const std::filesystem::path& db, std::size_t index);

/// Writes db/r2p.stub naming shard0..shard_count-1 (Xapian's stub format, relative paths, so
/// the folder can be moved and Xapian's own tools open it too). Throws IndexError.
void write_stub(const std::filesystem::path& db, std::size_t shard_count);

/// One database a stub file names.
struct StubEntry {
    bool remote = false;
    std::string path;  ///< local shard folder (resolved against the stub's folder)
    std::string host;  ///< remote shard served by xapian-tcpsrv
    unsigned port = 0;
    std::string display;  ///< how the shard is named in messages ("shard0", "host:port")
};

/// Reads a stub file: lines "auto PATH" or "glass PATH" (local shards) and "remote HOST:PORT"
/// (a TCP shard); blank lines and '#' comments are skipped. Never runs anything: a
/// "remote :PROGRAM" line and every other backend are refused. Throws IndexError
/// "STUB:LINE: reason" for a line it cannot take.
std::vector<StubEntry> read_stub(const std::filesystem::path& stub);

/// The databases `database` stands for: the entries of its stub (a folder holding
/// kStubFileName, or a stub file itself), else the one local folder it names. Throws
/// IndexError as read_stub does.
std::vector<StubEntry> databases_named_by(const std::filesystem::path& database);

/// Splits "HOST:PORT" (as in tcp://HOST:PORT). Throws UsageError naming `spec` when the
/// port is missing or not 1..65535.
StubEntry parse_host_port(std::string_view host_port, const std::string& spec);

}  // namespace r2p
