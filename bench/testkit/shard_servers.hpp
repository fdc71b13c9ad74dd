// Serving shard databases with xapian-tcpsrv on loopback: remote shards for benchmarks and tests.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace r2p {

/// One read-only xapian-tcpsrv per shard folder, on 127.0.0.1 and a free port, each in a
/// process group of its own (on SIGTERM the server signals its group). Stopped on
/// destruction. Throws IndexError when xapian-tcpsrv cannot be started or does not listen.
class ShardServers {
  public:
    explicit ShardServers(const std::vector<std::filesystem::path>& shard_dirs);
    ~ShardServers();
    ShardServers(const ShardServers&) = delete;
    ShardServers& operator=(const ShardServers&) = delete;

    /// "tcp://127.0.0.1:PORT" for each shard, in the order given.
    const std::vector<std::string>& specs() const { return specs_; }

  private:
    std::vector<pid_t> pids_;
    std::vector<std::string> specs_;
};

}  // namespace r2p
