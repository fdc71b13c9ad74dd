#include "bench/serve_bench.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <thread>

#include "bench/real_query_data.hpp"
#include "bench/run_info.hpp"
#include "bench/serve_requests.hpp"
#include "bench/server_process.hpp"
#include "bench/spawn_to_file.hpp"
#include "bench/stopwatch.hpp"
#include "bench/workspace.hpp"
#include "bench/wrk_runner.hpp"
#include "cli/percentile.hpp"
#include "r2p/error.hpp"
#include "r2p/search.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace r2p::bench {

namespace {

// r2p-index as a child process, its output into `log_file`.
class IndexProcess {
  public:
    IndexProcess(const fs::path& tool, const fs::path& db, const std::vector<std::string>& inputs,
                 const fs::path& log_file) {
        std::vector<std::string> args = {tool.string(), "--quiet", "--db", db.string()};
        args.insert(args.end(), inputs.begin(), inputs.end());
        pid_ = spawn_to_file(args, log_file, SpawnOutput::StdoutAndStderr);
    }
    ~IndexProcess() {
        if (pid_ > 0) stop();
    }
    IndexProcess(const IndexProcess&) = delete;
    IndexProcess& operator=(const IndexProcess&) = delete;

    bool running() {
        if (pid_ <= 0) return false;
        if (::waitpid(pid_, &status_, WNOHANG) != pid_) return true;
        pid_ = -1;
        return false;
    }
    /// Waits for the end; true when it exited 0.
    bool wait() {
        if (pid_ > 0) {
            while (::waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
            }
            pid_ = -1;
        }
        return WIFEXITED(status_) && WEXITSTATUS(status_) == 0;
    }
    /// Stops a run still going (the database keeps its last commit, as after any kill).
    void stop() {
        if (running()) ::kill(pid_, SIGTERM);
        wait();
    }

  private:
    pid_t pid_ = -1;
    int status_ = 0;
};

// Indexes `inputs` into `db` with r2p-index unless `db` was built from the same inputs
// before (a marker beside it names them).
fs::path marker_of(const fs::path& db) { return db.string() + ".inputs"; }

std::string inputs_key(const std::vector<std::string>& inputs) {
    std::string key;
    for (const std::string& input : inputs) key += input + '\n';
    return key;
}

void index_once(const ServeOptions& options, const fs::path& db,
                const std::vector<std::string>& inputs, std::ostream& log) {
    const fs::path marker = marker_of(db);
    const std::string key = inputs_key(inputs);
    {
        std::ifstream in(marker);
        std::stringstream was;
        was << in.rdbuf();
        if (in && was.str() == key && fs::exists(db)) {
            log << "serve: reusing " << db.string() << '\n';
            return;
        }
    }
    std::error_code ec;
    fs::remove_all(db, ec);
    fs::remove(marker, ec);
    log << "serve: indexing into " << db.string() << " ...\n";
    const auto start = Clock::now();
    IndexProcess index(options.bin_dir / "r2p-index", db, inputs, db.string() + ".log");
    if (!index.wait()) throw Error("r2p-index failed: see " + db.string() + ".log");
    log << "serve: indexed in " << std::fixed << std::setprecision(1) << seconds_since(start)
        << " s\n";
    std::ofstream(marker) << key;
}

// Copies `from` (a database of `inputs` indexed before) to `db`, marked as built from
// `inputs` so that index_once keeps it; the writer run rewrites the copy, never `from`.
void copy_database(const fs::path& from, const fs::path& db, const std::vector<std::string>& inputs,
                   std::ostream& log) {
    if (!fs::is_directory(from)) throw Error(from.string() + ": no database folder");
    {
        std::ifstream in(marker_of(db));
        std::stringstream was;
        was << in.rdbuf();
        if (in && was.str() == inputs_key(inputs) && fs::exists(db)) return;  // copied before
    }
    std::error_code ec;
    fs::remove_all(db, ec);
    log << "serve: copying " << from.string() << " to " << db.string() << " ...\n";
    fs::copy(from, db, fs::copy_options::recursive);
    std::ofstream(marker_of(db)) << inputs_key(inputs);
}

// The library's latency for `requests` in-process, one thread, after a warm pass: what the
// server adds is read against this.
json library_latency(const fs::path& db, const std::vector<ServeRequest>& requests,
                     const Taxonomy& taxonomy) {
    Searcher searcher({db.string()}, taxonomy);
    std::vector<SearchRequest> parsed;
    for (const ServeRequest& request : requests) parsed.push_back(parse_request(request));
    for (const SearchRequest& request : parsed) searcher.run(request);  // warm
    std::vector<double> ms;
    constexpr int kRounds = 3;
    const auto start = Clock::now();
    for (int round = 0; round < kRounds; ++round) {
        for (const SearchRequest& request : parsed) {
            const auto one = Clock::now();
            searcher.run(request);
            ms.push_back(ms_since(one));
        }
    }
    const double seconds = seconds_since(start);
    return {{"queries", ms.size()},
            {"p50_ms", cli::percentile(ms, 50)},
            {"p95_ms", cli::percentile(ms, 95)},
            {"p99_ms", cli::percentile(ms, 99)},
            {"queries_per_second_1_thread", static_cast<double>(ms.size()) / seconds}};
}

WrkFigures load_level(const fs::path& wrk, const WrkRun& base, unsigned connections,
                      unsigned repeats, json& runs) {
    std::vector<WrkFigures> figures;
    WrkRun run = base;
    run.connections = connections;
    for (unsigned i = 0; i < repeats; ++i) {
        figures.push_back(run_wrk(wrk, run));
        runs.push_back(figures_json(figures.back()));
    }
    return median_figures(figures);
}

// Copies of up to kWriterFiles statement files under `source` (a folder) into `to`, each
// with a last paragraph naming this moment, so that r2p-index finds them all changed.
fs::path changed_copies(const fs::path& source, const fs::path& to) {
    constexpr std::size_t kWriterFiles = 2000;
    std::error_code ec;
    fs::remove_all(to, ec);
    fs::create_directories(to);
    if (!fs::is_directory(source)) throw Error(source.string() + ": the writer run needs a folder");
    const auto stamp = std::chrono::system_clock::now().time_since_epoch().count();
    std::size_t copied = 0;
    for (auto it = fs::recursive_directory_iterator(source);
         it != fs::recursive_directory_iterator() && copied < kWriterFiles; ++it) {
        if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
        const fs::path target = to / fs::relative(it->path(), source);
        fs::create_directories(target.parent_path());
        fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing);
        std::ofstream(target, std::ios::app) << "\n\nRewritten while served (" << stamp << ").\n";
        ++copied;
    }
    return to;
}

// One corpus: its database served// One corpus: its database served, driven at every connection
// count, then once more while r2p-index rewrites it.
json measure_corpus(const ServeOptions& options, const std::string& name, const fs::path& db,
                    const std::vector<std::string>& inputs,
                    const std::vector<ServeRequest>& requests, const Taxonomy& taxonomy,
                    const fs::path& wrk, std::ostream& log) {
    const fs::path dir = options.work / ("serve-" + name);
    fs::create_directories(dir);
    const fs::path paths_file = dir / "requests.txt";
    {
        std::ofstream out(paths_file);
        for (const ServeRequest& request : requests) out << api_path(request) << '\n';
        if (!out.flush()) throw Error("cannot write " + paths_file.string());
    }
    json result = {{"database", db.string()},
                   {"requests_file", paths_file.string()},
                   {"distinct_requests", requests.size()}};
    log << "serve: " << name << ": the library in-process ...\n";
    result["library"] = library_latency(db, requests, taxonomy);

    ServerProcess server(options.bin_dir / "r2p-serve", {db}, options.server_threads,
                         dir / "server.log");
    WrkRun base;
    base.url = server.url();
    base.script = options.lua_script;
    base.paths_file = paths_file;
    base.threads = options.wrk_threads;
    base.seconds = 1;
    json warmup = json::array();
    load_level(wrk, base, 1, 1, warmup);  // caches and tables, as a server that has run a while
    base.seconds = options.seconds;
    json levels = json::array();
    for (const unsigned connections : options.connections) {
        log << "serve: " << name << ": " << connections << " connections x " << options.repeats
            << " ...\n";
        json runs = json::array();
        json level = figures_json(load_level(wrk, base, connections, options.repeats, runs));
        level["connections"] = connections;
        level["runs"] = runs;
        levels.push_back(level);
    }
    result["levels"] = levels;
    if (options.writer) {
        const unsigned connections = std::min(16U, options.connections.back());
        log << "serve: " << name << ": " << connections
            << " connections while r2p-index writes ...\n";
        // r2p-index skips files it has indexed unchanged: the writer gets copies that differ
        // from every earlier run's, so it really rewrites passages while the server answers.
        std::vector<std::string> writer_inputs(inputs.begin(), inputs.end() - 1);
        writer_inputs.push_back(changed_copies(inputs.back(), dir / "writes").string());
        IndexProcess writer(options.bin_dir / "r2p-index", db, writer_inputs, dir / "writer.log");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // past opening the db
        json runs = json::array();
        json level = figures_json(load_level(wrk, base, connections, 1, runs));
        level["connections"] = connections;
        level["writer_running_throughout"] = writer.running();
        writer.stop();
        result["while_indexing"] = level;
    }
    result["server_peak_rss_bytes"] = server.peak_rss_bytes();
    const double library_p50 = result["library"]["p50_ms"].get<double>();
    for (const json& level : levels) {
        if (level["connections"] == 1) {
            result["server_adds_to_p50_ms"] = level["p50_ms"].get<double>() - library_p50;
        }
    }
    return result;
}

// The UN General Debate speeches: indexed (or copied from --ungdc-db) once, driven with the
// phrases users type.
json measure_ungdc(const ServeOptions& options, const Taxonomy& taxonomy, const fs::path& wrk,
                   std::ostream& log) {
    const fs::path db = options.work / "serve-ungdc.db";
    std::vector<std::string> inputs = {"--collection", "ungdc"};
    if (!options.ungdc_speakers.empty()) {
        inputs.push_back("--speakers");
        inputs.push_back(options.ungdc_speakers.string());
    }
    inputs.push_back(options.ungdc.string());
    if (!options.ungdc_db.empty()) copy_database(options.ungdc_db, db, inputs, log);
    index_once(options, db, inputs, log);
    const auto data = load_real_query_data(default_real_query_file());
    const auto requests = phrase_requests(data.user_phrases, taxonomy);
    json measured = measure_corpus(options, "ungdc", db, inputs, requests, taxonomy, wrk, log);
    measured["source"] = options.ungdc.string();
    measured["passages"] = Searcher({db.string()}, taxonomy).database().get_doccount();
    return measured;
}

}  // namespace

fs::path find_ungdc(const fs::path& shared, fs::path& speakers) {
    std::error_code ec;
    const fs::path archive_dir = shared / "corpora" / "ungdc";
    speakers = fs::exists(archive_dir / "speakers.csv", ec) ? archive_dir / "speakers.csv" : "";
    if (fs::is_directory("/tmp/ungdc/TXT", ec)) return "/tmp/ungdc/TXT";
    if (fs::exists(archive_dir / "ungdc-1946-2024.tar.xz", ec))
        return archive_dir / "ungdc-1946-2024.tar.xz";
    return {};
}

json run_serve_benchmark(const ServeOptions& options, const CorpusGenerator& generator,
                         const Taxonomy& taxonomy, std::ostream& log) {
    const fs::path wrk = find_wrk();
    if (wrk.empty()) throw Error("wrk is not installed (Debian package wrk; scripts/setup.sh)");
    for (const char* tool : {"r2p-serve", "r2p-index"}) {
        if (::access((options.bin_dir / tool).c_str(), X_OK) != 0)
            throw Error(std::string(tool) + " is not built beside r2p-bench (" +
                        options.bin_dir.string() + ")");
    }
    fs::create_directories(options.work);
    json result = {{"date", utc_now_text()},
                   {"cores", std::thread::hardware_concurrency()},
                   {"server_threads", options.server_threads},
                   {"wrk_threads", options.wrk_threads},
                   {"seconds_per_run", options.seconds},
                   {"repeats", options.repeats}};
    json corpora = json::object();
    if (options.passages > 0) {
        const CorpusInfo corpus = prepare_corpus(generator, options.work, options.passages,
                                                 options.queries_per_class, log);
        const fs::path db = options.work / "serve.db";
        const std::vector<std::string> inputs = {corpus.statements.string()};
        index_once(options, db, inputs, log);
        const auto requests = faceted_requests(
            generator.query_set(options.passages, options.queries_per_class), taxonomy);
        json measured =
            measure_corpus(options, "generated", db, inputs, requests, taxonomy, wrk, log);
        measured["passages_requested"] = options.passages;
        measured["passages"] = Searcher({db.string()}, taxonomy).database().get_doccount();
        corpora["generated"] = measured;
    }
    // The generated corpus's figures are kept when the UNGDC one fails (a database of
    // another schema given with --ungdc-db, a missing speakers table): reported, not thrown.
    if (!options.ungdc.empty()) {
        try {
            corpora["ungdc"] = measure_ungdc(options, taxonomy, wrk, log);
        } catch (const Error& e) {
            result["ungdc_error"] = e.what();
            log << "serve: ungdc failed: " << e.what() << '\n';
        }
    } else {
        result["ungdc_skipped"] = options.ungdc_skipped;
        log << "serve: ungdc skipped: " << options.ungdc_skipped << '\n';
    }
    result["corpora"] = corpora;
    const fs::path results = options.work / "results";
    fs::create_directories(results);
    std::ofstream(results / "serve.json") << result.dump(2) << '\n';
    result["json_file"] = (results / "serve.json").string();
    return result;
}

void print_serve_table(const json& result, std::ostream& out) {
    out << std::fixed;
    for (const auto& [name, c] : result["corpora"].items()) {
        out << name << ": " << c["passages"] << " passages, " << c["distinct_requests"]
            << " distinct faceted requests, r2p-serve --threads " << result["server_threads"]
            << ", medians of " << result["repeats"] << " runs of " << result["seconds_per_run"]
            << " s\n";
        out << std::setprecision(2) << "  library in-process: p50 "
            << c["library"]["p50_ms"].get<double>() << " ms, p99 "
            << c["library"]["p99_ms"].get<double>() << " ms\n";
        out << "  connections  requests/s    p50 ms    p99 ms  non-2xx  socket errors\n";
        const auto row = [&](const json& level, const std::string& label) {
            out << "  " << std::setw(11) << label << std::setprecision(0) << std::setw(12)
                << level["requests_per_second"].get<double>() << std::setprecision(2)
                << std::setw(10) << level["p50_ms"].get<double>() << std::setw(10)
                << level["p99_ms"].get<double>() << std::setw(9)
                << level["status_errors"].get<std::size_t>() << std::setw(15)
                << level["socket_errors"].get<std::size_t>() << '\n';
        };
        for (const json& level : c["levels"])
            row(level, std::to_string(level["connections"].get<unsigned>()));
        if (c.contains("while_indexing"))
            row(c["while_indexing"],
                std::to_string(c["while_indexing"]["connections"].get<unsigned>()) + "+index");
        if (c.contains("server_adds_to_p50_ms"))
            out << std::setprecision(2) << "  the server adds "
                << c["server_adds_to_p50_ms"].get<double>()
                << " ms to the library's p50 (1 connection)\n";
    }
    if (result.contains("ungdc_skipped"))
        out << "ungdc: skipped: " << result["ungdc_skipped"].get<std::string>() << '\n';
}

}  // namespace r2p::bench
