// Helpers of the reliability suites: generated corpora, child processes to kill, index contents.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "r2p/schema.hpp"
#include "test_support.hpp"

namespace r2p::test {

const std::string kIndexBin = std::string(R2P_BIN_DIR) + "/r2p-index";
const std::string kSearchBin = std::string(R2P_BIN_DIR) + "/r2p-search";
const std::string kCorpusDir = std::string(R2P_SOURCE_DIR) + "/corpus";

#ifdef R2P_SANITIZED
// Under ASan+UBSan every binary runs several times slower: fewer, smaller rounds.
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

/// Runs r2p-index with --quiet --json on `paths` (already shell-quoted), killed after
/// `seconds` so that a hang fails the test instead of the suite.
inline CommandResult run_index(const std::filesystem::path& db, const std::string& paths,
                               const std::string& extra = "", int seconds = 120) {
    return run_command("timeout -s KILL " + std::to_string(seconds) + " " + kIndexBin +
                       " --quiet --json --db " + shell_quote(db.string()) + " " + extra + " " +
                       paths);
}

/// Runs r2p-search on `db` with `args` (already shell-quoted), killed after `seconds`.
inline CommandResult run_search(const std::filesystem::path& db, const std::string& args,
                                int seconds = 30) {
    return run_command("timeout -s KILL " + std::to_string(seconds) + " " + kSearchBin + " --db " +
                       shell_quote(db.string()) + " " + args);
}

/// Lines of `text` (a trailing newline ends the last one).
inline std::size_t line_count(const std::string& text) {
    std::size_t lines = 0;
    for (const char c : text) lines += c == '\n';
    return lines;
}

/// Every value of terms starting with `prefix` (prefix stripped), in a multiset so that a
/// duplicate shows. Xapian stores a term once, so duplicates are counted by term frequency.
inline std::multiset<std::string> terms_with_prefix(const Xapian::Database& db,
                                                    std::string_view prefix) {
    std::multiset<std::string> values;
    const std::string p(prefix);
    for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
        const std::string value = (*it).substr(p.size());
        for (Xapian::doccount i = 0; i < it.get_termfreq(); ++i) values.insert(value);
    }
    return values;
}

/// The passage ids (Q terms) of the database at `dir`, one entry per document holding each.
inline std::multiset<std::string> passage_ids(const std::filesystem::path& dir) {
    return terms_with_prefix(Xapian::Database(dir.string()), schema::kIdPrefix);
}

/// The document ids (XD terms) of the database at `dir`.
inline std::set<std::string> document_ids(const std::filesystem::path& dir) {
    const auto all = terms_with_prefix(Xapian::Database(dir.string()), schema::kDocPrefix);
    return {all.begin(), all.end()};
}

/// Passages of document `doc_id` in the database at `dir`.
inline Xapian::doccount passages_of(const std::filesystem::path& dir, const std::string& doc_id) {
    return Xapian::Database(dir.string()).get_termfreq(std::string(schema::kDocPrefix) + doc_id);
}

/// Writes `files` statements into `dir` (STEM0000.txt ...): a title line, a date, three
/// paragraphs, one with a quote. `variant` changes every paragraph's words (a rewrite of
/// every passage) and, when odd, drops the third paragraph of every fifth file (passages
/// whose ids disappear). Each paragraph names its document and number, so a passage can be
/// checked against its id. Deterministic: the same arguments give the same bytes.
inline void write_statements(const std::filesystem::path& dir, std::size_t files, int variant,
                             const std::string& stem = "s") {
    static const char* const kWords[] = {
        "prevention", "atrocity",  "crimes",     "protect",    "populations", "genocide",
        "member",     "states",    "council",    "assembly",   "dialogue",    "accountability",
        "impunity",   "capacity",  "early",      "warning",    "regional",    "partners",
        "mediation",  "civilians", "commitment", "principle",  "sovereignty", "response",
        "timely",     "decisive",  "collective", "assistance", "pillar",      "focal"};
    constexpr std::size_t kWordCount = sizeof kWords / sizeof kWords[0];
    std::mt19937 random(static_cast<std::mt19937::result_type>(7919 * (variant + 1)));
    auto words = [&](std::size_t n) {
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            out += (i ? " " : "");
            out += kWords[random() % kWordCount];
        }
        return out;
    };
    std::filesystem::create_directories(dir);
    for (std::size_t f = 0; f < files; ++f) {
        char number[32];
        std::snprintf(number, sizeof number, "%04zu", f);
        const std::string name = stem + number;
        const std::string tag = name + "v" + std::to_string(variant);
        std::string text = "Statement " + name + " on the responsibility to protect\n";
        text += "28 September 2012\n\n";
        const std::size_t paragraphs = (variant % 2 == 1 && f % 5 == 0) ? 2 : 3;
        for (std::size_t p = 1; p <= paragraphs; ++p) {
            text += "Mark " + tag + "p" + std::to_string(p) + ". The Minister said " + words(12);
            if (p == 2) text += ", and the Secretary-General said \"" + words(8) + " today\"";
            text += ". " + words(20) + ".\n\n";
        }
        write_file(dir / (name + ".txt"), text);
    }
}

/// A child process running a tool, stdout and stderr sent to files; killed if still running
/// when destroyed.
class Child {
  public:
    Child(const std::vector<std::string>& argv, const std::filesystem::path& out,
          const std::filesystem::path& err) {
        pid_ = ::fork();
        if (pid_ == 0) {
            // dup2, not freopen: freopen would flush the parent's unwritten stdio buffers twice.
            const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (out_fd < 0 || err_fd < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) {
                ::_exit(127);
            }
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
    }
    ~Child() {
        if (running()) {
            ::kill(pid_, SIGKILL);
            wait();
        }
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    bool started() const { return pid_ > 0; }
    /// True while the process has not been waited for and has not exited.
    bool running() {
        if (pid_ <= 0 || status_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            status_ = status;
            return false;
        }
        return true;
    }
    void kill_hard() {
        if (running()) ::kill(pid_, SIGKILL);
    }
    /// Waits for the end; the exit code, or 128 + signal.
    int wait() {
        if (!status_ && pid_ > 0) {
            int status = 0;
            while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
            }
            status_ = status;
        }
        if (!status_) return -1;
        return WIFEXITED(*status_) ? WEXITSTATUS(*status_) : 128 + WTERMSIG(*status_);
    }

  private:
    pid_t pid_ = -1;
    std::optional<int> status_;
};

/// r2p-index argv for a child: --quiet --json --db DB PATHS...
inline std::vector<std::string> index_argv(const std::filesystem::path& db,
                                           const std::vector<std::string>& paths) {
    std::vector<std::string> argv = {kIndexBin, "--quiet", "--json", "--db", db.string()};
    argv.insert(argv.end(), paths.begin(), paths.end());
    return argv;
}

/// Seconds since `start`.
inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace r2p::test
