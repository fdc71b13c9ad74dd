#include "bench/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "bench/spawn_to_file.hpp"
#include "r2p/error.hpp"

namespace r2p::bench {

namespace {

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

// A port the kernel has just handed out for loopback, free again once the probe is closed.
// Another process may take it before the server binds it: the server then fails to start,
// which ServerProcess reports.
int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw Error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw Error(std::string("no free loopback port: ") + std::strerror(errno));
    return ntohs(address.sin_port);
}

std::string tail_of(const std::filesystem::path& file, std::size_t bytes = 2000) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str();
    return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

}  // namespace

int http_status(int port, const std::string& path, std::chrono::milliseconds timeout) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return 0;
    const sockaddr_in address = loopback(port);
    int status = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
        const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size())) {
            std::string reply;
            pollfd p{fd, POLLIN, 0};
            char buffer[512];
            // The status line is all we need: "HTTP/1.1 200 OK".
            while (reply.find("\r\n") == std::string::npos &&
                   ::poll(&p, 1, static_cast<int>(timeout.count())) > 0) {
                const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
                if (n <= 0) break;
                reply.append(buffer, static_cast<std::size_t>(n));
            }
            if (reply.rfind("HTTP/1.", 0) == 0 && reply.size() >= 12) {
                status = std::atoi(reply.substr(9, 3).c_str());
            }
        }
    }
    ::close(fd);
    return status;
}

ServerProcess::ServerProcess(const std::filesystem::path& binary,
                             const std::vector<std::filesystem::path>& databases, unsigned threads,
                             const std::filesystem::path& log_file,
                             std::chrono::seconds ready_within) {
    port_ = free_port();
    std::vector<std::string> args = {binary.string()};
    for (const auto& db : databases) {
        args.push_back("--db");
        args.push_back(db.string());
    }
    args.insert(args.end(), {"--listen", "127.0.0.1:" + std::to_string(port_), "--threads",
                             std::to_string(threads)});
    pid_ = spawn_to_file(args, log_file, SpawnOutput::StdoutAndStderr);
    const auto deadline = std::chrono::steady_clock::now() + ready_within;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw Error(binary.filename().string() + " exited before it was ready (status " +
                        std::to_string(status) + "): " + tail_of(log_file));
        }
        if (http_status(port_, "/healthz") == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw Error(binary.filename().string() + " did not answer /healthz within " +
                std::to_string(ready_within.count()) + " s: " + tail_of(log_file));
}

ServerProcess::~ServerProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 200; ++i) {
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
}

std::size_t ServerProcess::peak_rss_bytes() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
    }
    return 0;
}

}  // namespace r2p::bench
