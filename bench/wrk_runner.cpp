#include "bench/wrk_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string_view>

#include "r2p/error.hpp"

extern char** environ;

namespace r2p::bench {

namespace {

constexpr std::string_view kReportPrefix = "r2p-wrk ";

// Runs `argv` and returns its standard output; its standard error goes to ours. Throws
// Error when it cannot start or does not exit 0.
std::string output_of(const std::vector<std::string>& args) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw Error(std::string("pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned = ::posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (spawned != 0) {
        ::close(pipe_fds[0]);
        throw Error("cannot start " + args[0] + ": " + std::strerror(spawned));
    }
    std::string out;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (n > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0 || errno != EINTR) {
            break;
        }
    }
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw Error(args[0] + " failed (status " + std::to_string(status) + "): " + out);
    }
    return out;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

std::filesystem::path find_wrk() {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const std::filesystem::path candidate = std::filesystem::path(dir) / "wrk";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
}

WrkFigures run_wrk(const std::filesystem::path& wrk, const WrkRun& run) {
    const unsigned threads = std::max(1U, std::min(run.threads, run.connections));
    const std::string out = output_of(
        {wrk.string(), "-t", std::to_string(threads), "-c", std::to_string(run.connections), "-d",
         std::to_string(std::max(1, static_cast<int>(run.seconds + 0.5))) + "s", "--timeout", "10s",
         "-s", run.script.string(), run.url, "--", run.paths_file.string()});
    const std::size_t at = out.find(kReportPrefix);
    if (at == std::string::npos) throw Error("wrk printed no figures: " + out);
    const std::size_t end = out.find('\n', at);
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(
            out.substr(at + kReportPrefix.size(), end - at - kReportPrefix.size()));
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("wrk's figures are no JSON: ") + e.what());
    }
    WrkFigures figures;
    figures.requests = j.at("requests").get<std::size_t>();
    figures.seconds = j.at("duration_us").get<double>() / 1e6;
    figures.requests_per_second =
        figures.seconds > 0 ? static_cast<double>(figures.requests) / figures.seconds : 0;
    figures.p50_ms = j.at("p50_us").get<double>() / 1000;
    figures.p95_ms = j.at("p95_us").get<double>() / 1000;
    figures.p99_ms = j.at("p99_us").get<double>() / 1000;
    figures.status_errors = j.at("status").get<std::size_t>();
    figures.socket_errors = j.at("connect").get<std::size_t>() + j.at("read").get<std::size_t>() +
                            j.at("write").get<std::size_t>() + j.at("timeout").get<std::size_t>();
    return figures;
}

WrkFigures median_figures(const std::vector<WrkFigures>& runs) {
    if (runs.empty()) throw Error("median_figures: no runs");
    const auto field = [&](auto member) {
        std::vector<double> values;
        for (const WrkFigures& f : runs) values.push_back(static_cast<double>(f.*member));
        return median(values);
    };
    WrkFigures m;
    m.requests = static_cast<std::size_t>(field(&WrkFigures::requests));
    m.seconds = field(&WrkFigures::seconds);
    m.requests_per_second = field(&WrkFigures::requests_per_second);
    m.p50_ms = field(&WrkFigures::p50_ms);
    m.p95_ms = field(&WrkFigures::p95_ms);
    m.p99_ms = field(&WrkFigures::p99_ms);
    for (const WrkFigures& f : runs) {
        m.status_errors += f.status_errors;
        m.socket_errors += f.socket_errors;
    }
    return m;
}

nlohmann::json figures_json(const WrkFigures& figures) {
    return {{"requests", figures.requests},
            {"seconds", figures.seconds},
            {"requests_per_second", figures.requests_per_second},
            {"p50_ms", figures.p50_ms},
            {"p95_ms", figures.p95_ms},
            {"p99_ms", figures.p99_ms},
            {"status_errors", figures.status_errors},
            {"socket_errors", figures.socket_errors}};
}

}  // namespace r2p::bench
