// r2p-serve run as a child process for the end-to-end suite: started on a free port (read
// from its "listening on" line), stopped with a signal, its stderr kept.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "e2e_paths.hpp"

namespace r2p::test {

class ServeProcess {
  public:
    /// Starts `r2p-serve ARGS` (add --listen 127.0.0.1:0 yourself, or any other). port() is
    /// 0 when it exited, or printed no "listening on" line within 20 s.
    explicit ServeProcess(const std::vector<std::string>& args) {
        // Built before the fork: the child only calls what is safe in a threaded parent's child.
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(kServe.c_str()));
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        int pipe_fds[2];
        if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            ::dup2(pipe_fds[1], STDERR_FILENO);  // dup2 clears O_CLOEXEC on the copy
            ::execv(kServe.c_str(), argv.data());
            ::_exit(127);
        }
        ::close(pipe_fds[1]);
        err_fd_ = pipe_fds[0];
        reader_ = std::thread([this] { read_stderr(); });
        const std::string marker = "r2p-serve: listening on http://";
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            {
                std::lock_guard lock(mutex_);
                const auto at = err_.find(marker);
                const auto end = at == std::string::npos ? at : err_.find('\n', at);
                if (end != std::string::npos) {
                    const std::string address =
                        err_.substr(at + marker.size(), end - at - marker.size());
                    port_ = std::stoi(address.substr(address.rfind(':') + 1));
                    return;
                }
                if (eof_) return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    ~ServeProcess() { stop(SIGTERM); }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    int port() const { return port_; }

    /// Sends `signal_number`, waits for the exit and returns the exit code (128 + signal
    /// when killed by one; -1 when already stopped).
    int stop(int signal_number = SIGTERM) {
        if (pid_ <= 0) return -1;
        ::kill(pid_, signal_number);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        if (reader_.joinable()) reader_.join();
        ::close(err_fd_);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    /// What it printed on stderr so far.
    std::string err() const {
        std::lock_guard lock(mutex_);
        return err_;
    }

  private:
    void read_stderr() {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(err_fd_, buffer, sizeof buffer);
            std::lock_guard lock(mutex_);
            if (n <= 0) {
                eof_ = true;
                return;
            }
            err_.append(buffer, static_cast<std::size_t>(n));
        }
    }

    pid_t pid_ = -1;
    int err_fd_ = -1;
    int port_ = 0;
    std::thread reader_;
    mutable std::mutex mutex_;
    std::string err_;
    bool eof_ = false;
};

}  // namespace r2p::test
