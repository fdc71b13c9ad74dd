#include "bench/large_file.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "bench/spawn_to_file.hpp"
#include "bench/stopwatch.hpp"
#include "r2p/error.hpp"

namespace fs = std::filesystem;

namespace r2p::bench {

void write_large_statement(const CorpusGenerator& generator, const fs::path& path,
                           std::size_t megabytes) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw Error("cannot write " + path.string());
    const std::size_t target = megabytes * 1'000'000;
    std::size_t written = 0;
    for (std::size_t index = 0; written < target; ++index) {
        const std::string text = generator.statement_text(index) + "\n\n";
        out << text;
        written += text.size();
    }
    if (!out.flush()) throw Error("cannot write " + path.string());
}

nlohmann::json measure_large_file(const CorpusGenerator& generator, const fs::path& work,
                                  std::size_t megabytes, const fs::path& index_tool,
                                  const std::vector<std::string>& index_options,
                                  std::ostream& log) {
    const fs::path dir = work / "large";
    const fs::path statement = dir / ("statement-" + std::to_string(megabytes) + ".txt");
    const fs::path db = dir / "db";
    const fs::path report = dir / "report.json";
    fs::create_directories(dir);
    if (!fs::exists(statement)) {
        log << "writing a " << megabytes << " MB statement to " << statement.string() << '\n';
        write_large_statement(generator, statement, megabytes);
    }
    fs::remove_all(db);

    std::vector<std::string> args = {index_tool.string(), "--quiet", "--json", "--db", db.string()};
    args.insert(args.end(), index_options.begin(), index_options.end());
    args.push_back(statement.string());
    log << "indexing it with " << index_tool.string() << '\n';
    const auto start = bench::Clock::now();
    const pid_t child = spawn_to_file(args, report, SpawnOutput::StdoutOnly);
    int status = 0;
    struct rusage usage {};
    // The child's own peak resident set, not this process's (ru_maxrss is in KiB on Linux).
    while (::wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) throw Error(std::string("wait4: ") + std::strerror(errno));
    }
    const double seconds = bench::seconds_since(start);
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (exit_code != 0) {
        throw Error(index_tool.string() + " exited " + std::to_string(exit_code) + " on " +
                    statement.string());
    }
    std::ifstream in(report);
    const nlohmann::json indexed = nlohmann::json::parse(in);
    const double file_megabytes = static_cast<double>(fs::file_size(statement)) / 1e6;
    const double peak = static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;
    return {{"megabytes", file_megabytes},
            {"seconds", seconds},
            {"peak_rss_megabytes", peak},
            {"peak_rss_per_file_size", peak / file_megabytes},
            {"passages", indexed["passages"]["total"]},
            {"exit_code", exit_code}};
}

}  // namespace r2p::bench
