#include "bench/one_shot.hpp"

#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bench/engines.hpp"
#include "bench/spawn_to_file.hpp"
#include "bench/stopwatch.hpp"
#include "bench/xapian_peer_query.hpp"
#include "cli/percentile.hpp"
#include "r2p/error.hpp"

namespace r2p::bench {

namespace {

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The command as one line, for messages.
std::string command_text(const std::vector<std::string>& args) {
    std::string text;
    for (const std::string& arg : args) {
        if (!text.empty()) text += ' ';
        text += arg.find_first_of(" \"'*") == std::string::npos ? arg : "'" + arg + "'";
    }
    return text;
}

double ms_of(const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
}

// Runs `args` to its end, output in `out_file`: wall and CPU milliseconds. Throws when it
// does not exit 0.
OneShotRun spawn_and_wait(const std::vector<std::string>& args,
                          const std::filesystem::path& out_file) {
    const auto start = Clock::now();
    const pid_t child = spawn_to_file(args, out_file, SpawnOutput::StdoutOnly);
    int status = 0;
    struct rusage usage {};
    while (::wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) throw Error(std::string("wait4: ") + std::strerror(errno));
    }
    OneShotRun run;
    run.ms = ms_since(start);
    run.cpu_ms = ms_of(usage.ru_utime) + ms_of(usage.ru_stime);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw Error("one-shot query failed (" +
                    (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                         : "exit " + std::to_string(WEXITSTATUS(status))) +
                    "): " + command_text(args));
    }
    return run;
}

// The JSON a tool printed; throws naming the tool when it is not JSON.
nlohmann::json parse_output(const std::string& output, const char* tool) {
    nlohmann::json j = nlohmann::json::parse(output, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        throw Error(std::string(tool) + " printed no JSON object: " + output.substr(0, 200));
    }
    return j;
}

}  // namespace

std::filesystem::path tool_beside_bench(const std::string& name) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw Error("cannot find " + name + ": /proc/self/exe: " + ec.message());
    const auto tool = self.parent_path() / name;
    if (!std::filesystem::exists(tool, ec)) {
        throw Error(tool.string() + " is missing: build it (cmake --build build --target " + name +
                    ")");
    }
    return tool;
}

OneShotTool r2p_search_tool(const std::filesystem::path& db) {
    OneShotTool tool;
    tool.program = tool_beside_bench("r2p-search");
    tool.args = [db](const BenchQuery& query, bool facets) {
        std::vector<std::string> args = {"--db", db.string(), "--json"};
        if (!query.theme.empty()) args.insert(args.end(), {"--theme", query.theme});
        if (facets || query.facets)
            args.insert(args.end(), {"--facet", "theme", "--facet", "role"});
        if (query.sort_date) args.insert(args.end(), {"--sort", "date"});
        args.insert(args.end(), {"--", query.text()});
        return args;
    };
    tool.matches = [](const std::string& output) {
        const nlohmann::json j = parse_output(output, "r2p-search");
        if (!j.contains("matches") || !j["matches"].contains("estimated"))
            throw Error("r2p-search printed no matches.estimated: " + output.substr(0, 200));
        return j["matches"]["estimated"].get<std::size_t>();
    };
    return tool;
}

OneShotTool xapian_peer_tool(const std::filesystem::path& db) {
    OneShotTool tool;
    tool.program = tool_beside_bench("r2p-bench-xapian-query");
    tool.args = [db](const BenchQuery& query, bool facets) {
        return xapian_peer_args(db.string(), xapian_peer_request(query, facets));
    };
    tool.matches = [](const std::string& output) {
        const nlohmann::json j = parse_output(output, "r2p-bench-xapian-query");
        if (!j.contains("matches"))
            throw Error("r2p-bench-xapian-query printed no matches: " + output.substr(0, 200));
        return j["matches"].get<std::size_t>();
    };
    return tool;
}

OneShotRun run_one_shot(const OneShotTool& tool, const BenchQuery& query, bool facets,
                        const std::filesystem::path& out_file) {
    std::vector<std::string> args = tool.args(query, facets);
    args.insert(args.begin(), tool.program.string());
    OneShotRun run = spawn_and_wait(args, out_file);
    run.matches = tool.matches(read_text(out_file));
    return run;
}

double process_start_ms(const std::filesystem::path& program, const std::filesystem::path& out_file,
                        int runs) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i)
        ms.push_back(spawn_and_wait({program.string(), "--version"}, out_file).ms);
    return cli::percentile(ms, 50);
}

}  // namespace r2p::bench
