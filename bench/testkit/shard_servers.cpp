#include "bench/testkit/shard_servers.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <thread>

#include "r2p/error.hpp"

extern char** environ;

namespace r2p {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    return address;
}

// A port nobody listens on now: the kernel's pick for a socket bound to port 0.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        port = ntohs(address.sin_port);
    }
    ::close(fd);
    return port;
}

bool listening(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

void stop(pid_t pid) {
    ::kill(-pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
}

// Starts one server; -1 when it did not come up (a lost race for the port, a missing tool).
pid_t start_server(const std::string& dir, int port) {
    const std::string port_text = std::to_string(port);
    const char* argv[] = {"xapian-tcpsrv",   "--interface", "127.0.0.1", "--port",
                          port_text.c_str(), "--quiet",     dir.c_str(), nullptr};
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    // The server reports every client that hangs up as an exception: not ours to print.
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int spawned = ::posix_spawnp(&pid, "xapian-tcpsrv", &files, &attributes,
                                       const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) return -1;
    for (int wait = 0; wait < 100; ++wait) {
        if (listening(port)) return pid;
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stop(pid);
    return -1;
}

}  // namespace

ShardServers::ShardServers(const std::vector<std::filesystem::path>& shard_dirs) {
    for (const auto& dir : shard_dirs) {
        pid_t pid = -1;
        int port = -1;
        for (int attempt = 0; attempt < 5 && pid < 0; ++attempt) {
            port = free_port();
            pid = start_server(dir.string(), port);
        }
        if (pid < 0) {
            for (const pid_t started : pids_) stop(started);
            throw IndexError("cannot serve " + dir.string() +
                             " with xapian-tcpsrv (is xapian-tools installed?)");
        }
        pids_.push_back(pid);
        specs_.push_back("tcp://127.0.0.1:" + std::to_string(port));
    }
}

ShardServers::~ShardServers() {
    for (const pid_t pid : pids_) stop(pid);
}

}  // namespace r2p
