#include "bench/child_process.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

#include "r2p/error.hpp"

namespace r2p::bench {

namespace {

// Writes all of `text` to `fd`; false on an error.
bool write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

std::size_t current_rss_bytes() {
    std::ifstream in("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    if (!(in >> pages >> resident)) return 0;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

ChildOutcome run_in_child(const std::function<nlohmann::json()>& step) {
    ChildOutcome outcome;
    outcome.rss_at_fork_bytes = current_rss_bytes();
    int fds[2];
    if (::pipe(fds) != 0) throw Error(std::string("pipe: ") + std::strerror(errno));
    const pid_t child = ::fork();
    if (child < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(std::string("fork: ") + std::strerror(error));
    }
    if (child == 0) {
        ::close(fds[0]);
        nlohmann::json reply;
        int code = 0;
        try {
            reply = {{"value", step()}};
        } catch (const std::exception& e) {
            reply = {{"error", e.what()}};
            code = 1;
        }
        const bool sent = write_all(fds[1], reply.dump());
        // _exit: the parent's atexit handlers and stdio buffers are not the child's to run.
        ::_exit(sent ? code : 2);
    }
    ::close(fds[1]);
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    struct rusage usage {};
    while (::wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) throw Error(std::string("wait4: ") + std::strerror(errno));
    }
    // ru_maxrss is in KiB on Linux.
    outcome.peak_rss_bytes = static_cast<std::size_t>(usage.ru_maxrss) * 1024;
    nlohmann::json reply = nlohmann::json::parse(text, nullptr, false);
    if (reply.is_object() && reply.contains("error"))
        throw Error(reply["error"].get<std::string>());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !reply.is_object() ||
        !reply.contains("value")) {
        throw Error("a measured step died in its child process (" +
                    (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                         : "exit " + std::to_string(WEXITSTATUS(status))) +
                    ")");
    }
    outcome.value = std::move(reply["value"]);
    return outcome;
}

}  // namespace r2p::bench
