// r2p-serve as a child process of the bench: started on a free loopback port, ready once
// /healthz answers, stopped on destruction.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace r2p::bench {

/// The HTTP status of GET `path` on 127.0.0.1:`port` (HTTP/1.0, one connection), or 0 when
/// nothing answers within `timeout`.
int http_status(int port, const std::string& path,
                std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));

class ServerProcess {
  public:
    /// Starts `binary` (r2p-serve) with --db for each of `databases`, --threads `threads`
    /// and --listen 127.0.0.1:PORT on a free port, its output into `log_file`, and waits
    /// until GET /healthz answers 200. Throws r2p::Error (with the log's end) when it cannot
    /// start, exits or is not ready within `ready_within`.
    ServerProcess(const std::filesystem::path& binary,
                  const std::vector<std::filesystem::path>& databases, unsigned threads,
                  const std::filesystem::path& log_file,
                  std::chrono::seconds ready_within = std::chrono::seconds(120));
    /// SIGTERM, then SIGKILL when it has not ended within 10 seconds.
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    /// The server's peak resident set so far, from /proc (0 when unreadable).
    std::size_t peak_rss_bytes() const;

  private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace r2p::bench
