#include "bench/runner.hpp"

#include "bench/testkit/shard_servers.hpp"
#include "index/shards.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <thread>

#include <xapian.h>

#include "bench/child_process.hpp"
#include "bench/corpus_vocabulary.hpp"
#include "bench/disk_files.hpp"
#include "bench/engines.hpp"
#include "bench/latency_json.hpp"
#include "bench/levers.hpp"
#include "bench/one_shot.hpp"
#include "bench/real_query_set.hpp"
#include "bench/run_info.hpp"
#include "bench/stopwatch.hpp"
#include "bench/workspace.hpp"
#include "r2p/databases.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/search_copy.hpp"
#include "util/worker_pool.hpp"

namespace r2p::bench {

namespace {

using json = nlohmann::json;

double ratio(double ours, double peer) { return peer > 0 ? ours / peer : 0.0; }

// A peer's indexing figures as the result JSON holds them.
json peer_index_json(const PeerIndexFigures& figures, const std::filesystem::path& db) {
    return {{"passages", figures.passages},
            {"seconds", figures.seconds},
            {"passages_per_second", static_cast<double>(figures.passages) / figures.seconds},
            {"mb_per_second", static_cast<double>(figures.text_bytes) / 1e6 / figures.seconds},
            {"db_bytes", disk_bytes(db)}};
}

// The seed of a real corpus's query set: the same corpus gives the same queries.
constexpr std::uint64_t kRealQuerySeed = 2012;

/// One engine's queries run as commands, a fresh process each (one_shot.hpp).
struct OneShotFigures {
    std::string program;                                // the program's file name
    std::map<std::string, std::vector<double>> top10;   // per class, ms, warm page cache
    std::map<std::string, std::vector<double>> facets;  // per class, ms, facets forced
    std::map<std::string, std::vector<double>> top10_cpu, facets_cpu;  // the same, CPU ms
    std::map<std::string, double> cold;         // per class, first query after eviction
    std::map<std::string, double> cold_facets;  // the same with facets forced
    double start_ms = 0;                        // `program --version`, median
    std::size_t checked = 0;                    // faceted match counts compared in process
    std::vector<std::string> mismatches;        // those that differed
};

/// Everything measured about one engine's queries.
struct QueryFigures {
    std::map<std::string, std::vector<double>> top10;   // per class, warm ms
    std::map<std::string, std::vector<double>> facets;  // per class, warm ms, facets forced
    std::map<std::string, double> cold;                 // per class, first query after eviction
    std::map<std::string, double> matches;              // per class, mean match count
    double qps = 0;         // the queries as they are (top-10; the facets class faceted)
    double qps_facets = 0;  // every query with theme and role facets
    std::optional<OneShotFigures> one_shot;
};

using Opener = std::function<std::unique_ptr<Engine>()>;

// The queries/s of `threads` threads, each with its own engine, running `queries` in turn
// (each thread from its own place in the list) for `seconds`.
double queries_per_second(const Opener& open, const std::vector<BenchQuery>& queries,
                          unsigned threads, double seconds, bool facets) {
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<Engine>> engines;
    for (unsigned t = 0; t < threads; ++t) engines.push_back(open());
    const auto start = Clock::now();
    WorkerPool pool(threads);
    std::vector<std::future<void>> clients;
    for (unsigned t = 0; t < threads; ++t) {
        clients.push_back(pool.submit([&, t] {
            // Each thread starts at its own place in the list: not the same query at once.
            std::size_t i = t * queries.size() / threads;
            while (!stop) {
                engines[t]->run(queries[i % queries.size()], facets);
                ++i;
                ++done;
            }
        }));
    }
    while (seconds_since(start) < seconds) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    stop = true;
    for (auto& client : clients) client.get();
    return static_cast<double>(done) / seconds_since(start);
}

// Cold one-shot: per class, its first query in a fresh process after `files` were dropped
// from the page cache, top-10 then with facets (each after its own eviction).
void measure_cold_one_shot(const OneShotTool& tool, const std::filesystem::path& files,
                           const std::vector<BenchQuery>& queries,
                           const std::filesystem::path& out_file, OneShotFigures& figures) {
    for (const QueryClass cls : query_classes_in(queries)) {
        const auto first = std::find_if(queries.begin(), queries.end(),
                                        [&](const BenchQuery& q) { return q.cls == cls; });
        if (first == queries.end()) continue;
        const std::string name = query_class_name(cls);
        evict_from_page_cache(files);
        figures.cold[name] = run_one_shot(tool, *first, false, out_file).ms;
        evict_from_page_cache(files);
        figures.cold_facets[name] = run_one_shot(tool, *first, true, out_file).ms;
    }
}

// Warm one-shot: every query in a fresh process, top-10 and with facets, in the query set's
// order; the faceted match counts checked against `in_process` (the engine's own, exact).
void measure_warm_one_shot(const OneShotTool& tool, const std::vector<BenchQuery>& queries,
                           const std::vector<std::size_t>& in_process, std::size_t per_class,
                           const std::filesystem::path& out_file, OneShotFigures& figures) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const BenchQuery& q = queries[i];
        const std::string cls = query_class_name(q.cls);
        if (figures.top10[cls].size() >= per_class) continue;
        const OneShotRun top10 = run_one_shot(tool, q, false, out_file);
        figures.top10[cls].push_back(top10.ms);
        figures.top10_cpu[cls].push_back(top10.cpu_ms);
        const OneShotRun faceted = run_one_shot(tool, q, true, out_file);
        figures.facets[cls].push_back(faceted.ms);
        figures.facets_cpu[cls].push_back(faceted.cpu_ms);
        ++figures.checked;
        if (faceted.matches != in_process[i]) {
            figures.mismatches.push_back(q.line() + ": " + std::to_string(faceted.matches) +
                                         " one-shot, " + std::to_string(in_process[i]) +
                                         " in process");
        }
    }
}

QueryFigures measure_queries(const std::string& name, const Opener& open,
                             const std::filesystem::path& files,
                             const std::vector<BenchQuery>& queries, const RunOptions& options,
                             const OneShotTool* one_shot, std::ostream& log) {
    QueryFigures figures;
    const auto out_file = options.work / "one-shot-output.json";
    if (one_shot) {
        figures.one_shot.emplace();
        figures.one_shot->program = one_shot->program.filename().string();
        log << "queries: " << name << " one-shot cold (" << figures.one_shot->program << ") ...\n";
        measure_cold_one_shot(*one_shot, files, queries, out_file, *figures.one_shot);
    }
    log << "queries: " << name << " cold ...\n";
    for (const QueryClass cls : query_classes_in(queries)) {
        const auto first = std::find_if(queries.begin(), queries.end(),
                                        [&](const BenchQuery& q) { return q.cls == cls; });
        if (first == queries.end()) continue;
        evict_from_page_cache(files);
        const auto start = Clock::now();
        auto engine = open();
        engine->run(*first, false);
        figures.cold[query_class_name(cls)] = ms_since(start);
    }

    log << "queries: " << name << " warm ...\n";
    auto engine = open();
    for (const BenchQuery& q : queries) {  // untimed pass: caches as a busy server has them
        engine->run(q, false);
        engine->run(q, true);
    }
    std::map<std::string, double> match_sum;
    std::vector<std::size_t> faceted_matches;  // per query, exact
    for (const BenchQuery& q : queries) {
        const std::string cls = query_class_name(q.cls);
        auto start = Clock::now();
        const QueryOutcome outcome = engine->run(q, false);
        figures.top10[cls].push_back(ms_since(start));
        start = Clock::now();
        const QueryOutcome faceted = engine->run(q, true);
        figures.facets[cls].push_back(ms_since(start));
        match_sum[cls] += static_cast<double>(faceted.matches);
        faceted_matches.push_back(faceted.matches);
        (void)outcome;
    }
    for (const auto& [cls, sum] : match_sum) {
        figures.matches[cls] = sum / static_cast<double>(figures.top10[cls].size());
    }

    if (one_shot) {
        // After the warm pass above: the page cache holds what the queries read.
        log << "queries: " << name << " one-shot warm ...\n";
        OneShotFigures& o = *figures.one_shot;
        o.start_ms = process_start_ms(one_shot->program, out_file);
        measure_warm_one_shot(*one_shot, queries, faceted_matches, options.one_shot_per_class,
                              out_file, o);
        for (const std::string& m : o.mismatches)
            log << "queries: " << name << " one-shot: match count differs: " << m << '\n';
        std::error_code ec;
        std::filesystem::remove(out_file, ec);
    }

    log << "queries: " << name << " " << options.threads << " threads ...\n";
    figures.qps =
        queries_per_second(open, queries, options.threads, options.throughput_seconds, false);
    figures.qps_facets =
        queries_per_second(open, queries, options.threads, options.throughput_seconds, true);
    return figures;
}

// The one-shot figures of an engine: per class, and over every class.
std::pair<json, json> one_shot_json(const OneShotFigures& o) {
    json classes = json::object();
    std::vector<double> all_top, all_facets, all_top_cpu, all_facets_cpu, all_cold, all_cold_facets;
    auto append = [](std::vector<double>& all, const std::vector<double>& ms) {
        all.insert(all.end(), ms.begin(), ms.end());
    };
    for (const auto& [cls, ms] : o.top10) {
        const auto& fm = o.facets.at(cls);
        classes[cls] = {{"top10", latency_json(ms)},
                        {"facets", latency_json(fm)},
                        {"top10_cpu", latency_json(o.top10_cpu.at(cls))},
                        {"facets_cpu", latency_json(o.facets_cpu.at(cls))}};
        append(all_top, ms);
        append(all_facets, fm);
        append(all_top_cpu, o.top10_cpu.at(cls));
        append(all_facets_cpu, o.facets_cpu.at(cls));
    }
    for (const auto& [cls, ms] : o.cold) {
        classes[cls]["cold_ms"] = ms;
        all_cold.push_back(ms);
    }
    for (const auto& [cls, ms] : o.cold_facets) {
        classes[cls]["cold_facets_ms"] = ms;
        all_cold_facets.push_back(ms);
    }
    json overall = {{"program", o.program},
                    {"process_start_ms", o.start_ms},
                    {"top10", latency_json(all_top)},
                    {"facets", latency_json(all_facets)},
                    {"top10_cpu", latency_json(all_top_cpu)},
                    {"facets_cpu", latency_json(all_facets_cpu)},
                    {"cold_ms", latency_json(all_cold)},
                    {"cold_facets_ms", latency_json(all_cold_facets)},
                    {"matches_checked", o.checked},
                    {"match_mismatches", o.mismatches}};
    return {classes, overall};
}

json figures_json(const QueryFigures& f) {
    json classes = json::object();
    std::vector<double> all_top, all_facets, all_cold;
    for (const auto& [cls, ms] : f.top10) {
        classes[cls] = {{"top10", latency_json(ms)},
                        {"facets", latency_json(f.facets.at(cls))},
                        {"cold_ms", f.cold.count(cls) ? f.cold.at(cls) : 0.0},
                        {"mean_matches", f.matches.count(cls) ? f.matches.at(cls) : 0.0}};
        all_top.insert(all_top.end(), ms.begin(), ms.end());
        const auto& fm = f.facets.at(cls);
        all_facets.insert(all_facets.end(), fm.begin(), fm.end());
        if (f.cold.count(cls)) all_cold.push_back(f.cold.at(cls));
    }
    json overall = {{"top10", latency_json(all_top)},
                    {"facets", latency_json(all_facets)},
                    {"cold_ms", latency_json(all_cold)},
                    {"qps", f.qps},
                    {"qps_facets", f.qps_facets}};
    if (f.one_shot) {
        auto [one_shot_classes, one_shot_overall] = one_shot_json(*f.one_shot);
        for (const auto& [cls, j] : one_shot_classes.items()) classes[cls]["one_shot"] = j;
        overall["one_shot"] = std::move(one_shot_overall);
    }
    return {{"classes", classes}, {"overall", overall}};
}

// What a generated and a real corpus run differ in.
struct CorpusSource {
    std::vector<std::string> paths;  ///< the statements ours and the peers index
    /// The query set, given the passages the peers index (empty unless
    /// queries_need_passages); may add what it learnt to the result.
    std::function<std::vector<BenchQuery>(const std::vector<PeerPassage>&, json& result)> queries;
    bool queries_need_passages = false;
    std::string json_name;  ///< the result file under WORK/results
    bool plot = false;      ///< also plot every generated size beside this one
};

json peer_figures_json(const PeerIndexFigures& figures) {
    return {{"passages", figures.passages},
            {"text_bytes", figures.text_bytes},
            {"seconds", figures.seconds}};
}

PeerIndexFigures peer_figures_from(const json& j) {
    return {j.at("passages").get<std::size_t>(), j.at("text_bytes").get<std::size_t>(),
            j.at("seconds").get<double>()};
}

// A peer indexed in a child process, so that its peak memory is its own.
json index_peer_in_child(const std::function<PeerIndexFigures()>& index,
                         const std::filesystem::path& db) {
    const ChildOutcome child = run_in_child([&] { return peer_figures_json(index()); });
    json figures = peer_index_json(peer_figures_from(child.value), db);
    figures["peak_rss_bytes"] = child.peak_rss_bytes;
    figures["rss_at_start_bytes"] = child.rss_at_fork_bytes;
    return figures;
}

// Indexes `source` with ours and the peers, runs its query set against every engine and
// writes the result file; `result` comes in with the corpus described.
json measure_engines(const RunOptions& options, const CorpusSource& source,
                     const Taxonomy& taxonomy, json result, std::ostream& log) {
    std::error_code ec;
    // --- Ours: the real pipeline (decode, parse, tag, index), as r2p-index runs it, in a
    // child process: its peak memory is the indexing's, not the bench's.
    const auto ours_db = options.work / "ours.db";
    std::filesystem::remove_all(ours_db, ec);
    log << "index: ours ...\n";
    IndexRequest request;
    request.db = ours_db;
    request.paths = source.paths;
    request.collection = options.collection;
    request.speakers = options.speakers;
    if (options.index_shards > 1) request.shards = options.index_shards;
    const ChildOutcome indexed = run_in_child([&] {
        const IndexReport report = index_corpus(request, taxonomy);
        if (!report.nothing_to_index.empty()) throw CorpusError(report.nothing_to_index);
        return json{
            {"passages", report.passages()},
            {"paragraphs", report.paragraphs},
            {"quotes", report.quotes},
            {"files", report.files_found},
            {"files_skipped", report.skipped.size()},
            {"bytes_read", report.bytes_read},
            {"seconds", report.seconds},
            {"passages_per_second", report.passages_per_second()},
            {"mb_per_second", static_cast<double>(report.bytes_read) / 1e6 / report.seconds}};
    });
    json ours_index = indexed.value;
    ours_index["peak_rss_bytes"] = indexed.peak_rss_bytes;
    ours_index["rss_at_start_bytes"] = indexed.rss_at_fork_bytes;
    ours_index["shards"] = options.index_shards;
    ours_index["db_bytes"] = disk_bytes(ours_db);
    log << "index: ours " << ours_index["passages"] << " passages in " << ours_index["seconds"]
        << " s (" << ours_index["passages_per_second"] << "/s)\n";
    const auto ours_compact = options.work / "ours-compact.db";
    if (options.compact) {
        std::filesystem::remove_all(ours_compact, ec);
        // The serving copy a user makes after a bulk build (r2p-index --compact-to
        // --search-only): the shards merged into one database without its termlist table,
        // then its table file (timed apart; inside the folder, so in its size).
        SearchCopyRequest copy;
        copy.source = ours_db;
        copy.copy = ours_compact;
        copy.search_only = true;
        const SearchCopyReport copied = make_search_copy(copy);
        ours_index["compact_seconds"] = copied.compact_seconds;
        ours_index["tables_seconds"] = copied.tables_seconds;
        ours_index["db_bytes_compacted"] = disk_bytes(ours_compact);
        // What the copy would weigh with the termlist table (xapian-compact alone).
        ours_index["db_bytes_compacted_with_termlist"] =
            disk_bytes(ours_compact) + copied.termlist_bytes_left_out;
    }
    result["index"]["ours"] = ours_index;

    // --- Peers: the same passages, from our pipeline, held in memory so only indexing is
    // timed; each indexed in a child process (its peak includes the passages in memory).
    const auto xapian_db = options.work / "xapian-peer.db";
    const auto fts5_db = options.work / "fts5-peer.sqlite";
    std::vector<PeerPassage> passages;
    if (options.peers || source.queries_need_passages) {
        log << "index: loading passages for the peers ...\n";
        const auto start = Clock::now();
        passages = load_peer_passages(request, taxonomy, 2);
        result["index"]["peer_load_seconds"] = seconds_since(start);
    }
    if (options.peers) {
        log << "index: fts5 ...\n";
        json fts5_index =
            index_peer_in_child([&] { return index_fts5_peer(passages, fts5_db); }, fts5_db);
        if (options.compact) {
            const auto start = Clock::now();
            optimize_fts5(fts5_db);
            fts5_index["compact_seconds"] = seconds_since(start);
            fts5_index["db_bytes_compacted"] = disk_bytes(fts5_db);
        }
        result["index"]["fts5"] = fts5_index;

        log << "index: plain xapian ...\n";
        std::filesystem::remove_all(xapian_db, ec);
        json xapian_index =
            index_peer_in_child([&] { return index_xapian_peer(passages, xapian_db); }, xapian_db);
        if (options.compact) {
            const auto compacted = options.work / "xapian-peer-compact.db";
            std::filesystem::remove_all(compacted, ec);
            const auto start = Clock::now();
            Xapian::Database(xapian_db.string()).compact(compacted.string());
            xapian_index["compact_seconds"] = seconds_since(start);
            xapian_index["db_bytes_compacted"] = disk_bytes(compacted);
            std::filesystem::remove_all(compacted, ec);
        }
        result["index"]["xapian"] = xapian_index;
    }
    const std::vector<BenchQuery> queries = source.queries(passages, result);
    passages.clear();
    passages.shrink_to_fit();

    if (options.levers)
        result["levers"] = measure_index_levers(request.paths, taxonomy, options.work, log);

    // --- Shards: the same pipeline writing N local shard databases and a stub.
    std::vector<std::pair<std::string, std::filesystem::path>> sharded;
    json shard_json = json::object();
    for (const unsigned n : options.shards) {
        const auto dir = options.work / ("ours-shards-" + std::to_string(n));
        std::filesystem::remove_all(dir, ec);
        log << "index: ours, " << n << " shards ...\n";
        IndexRequest shard_request = request;
        shard_request.db = dir;
        shard_request.shards = n;
        const IndexReport shard_report = index_corpus(shard_request, taxonomy);
        shard_json[std::to_string(n)]["index"] = {
            {"passages", shard_report.passages()},
            {"seconds", shard_report.seconds},
            {"passages_per_second", shard_report.passages_per_second()},
            {"db_bytes", disk_bytes(dir)}};
        sharded.emplace_back("ours-shards-" + std::to_string(n), dir);
    }

    // --- Queries.
    std::vector<std::pair<std::string, QueryFigures>> engines;
    // One-shot (a fresh process per query) for ours as r2p-search and plain Xapian as its
    // peer executable; not for shards nor FTS5.
    const bool one_shot = options.one_shot_per_class > 0;
    std::optional<OneShotTool> ours_tool;
    if (one_shot) ours_tool = r2p_search_tool(ours_db);
    engines.emplace_back("ours", measure_queries(
                                     "ours", [&] { return open_ours(ours_db, taxonomy); }, ours_db,
                                     queries, options, ours_tool ? &*ours_tool : nullptr, log));
    if (options.compact) {
        std::optional<OneShotTool> compact_tool;
        if (one_shot) compact_tool = r2p_search_tool(ours_compact);
        engines.emplace_back(
            "ours-compacted",
            measure_queries(
                "ours-compacted", [&] { return open_ours(ours_compact, taxonomy); }, ours_compact,
                queries, options, compact_tool ? &*compact_tool : nullptr, log));
    }
    for (const auto& [name, dir] : sharded) {
        engines.emplace_back(name, measure_queries(
                                       name, [&, d = dir] { return open_ours(d, taxonomy); }, dir,
                                       queries, options, nullptr, log));
        // The same shards served by xapian-tcpsrv on loopback: the remote backend's cost.
        std::vector<std::filesystem::path> shard_dirs;
        for (const auto& entry : read_stub(dir / kStubFileName))
            shard_dirs.emplace_back(entry.path);
        const ShardServers servers(shard_dirs);
        const std::string remote_name = name + "-remote";
        engines.emplace_back(
            remote_name,
            measure_queries(
                remote_name, [&, specs = servers.specs()] { return open_ours(specs, taxonomy); },
                dir, queries, options, nullptr, log));
    }
    if (options.peers) {
        std::optional<OneShotTool> xapian_tool;
        if (one_shot) xapian_tool = xapian_peer_tool(xapian_db);
        engines.emplace_back(
            "xapian", measure_queries(
                          "xapian", [&] { return open_xapian_peer(xapian_db); }, xapian_db, queries,
                          options, xapian_tool ? &*xapian_tool : nullptr, log));
        engines.emplace_back("fts5", measure_queries(
                                         "fts5", [&] { return open_fts5_peer(fts5_db); }, fts5_db,
                                         queries, options, nullptr, log));
    }
    json query_json = json::object();
    for (const auto& [name, figures] : engines) query_json[name] = figures_json(figures);
    result["queries"] = query_json;
    result["query_classes"] = json::array();
    for (const QueryClass cls : query_classes_in(queries))
        result["query_classes"].push_back(query_class_name(cls));
    result["queries_per_class"] = options.queries_per_class;
    result["query_threads"] = options.threads;
    result["one_shot"] = {
        {"per_class", options.one_shot_per_class},
        {"engines", one_shot ? json::array({"ours", "ours-compacted", "xapian"}) : json::array()},
        {"how",
         "a fresh process per query (posix_spawn to waitpid), stdout to a file read after the "
         "wait; warm runs after the in-process warm pass (page cache warm); cold runs after "
         "posix_fadvise(DONTNEED) of every file under the database folder (the programs' own "
         "files stay cached)"}};

    // --- Ratios: ours / peer for every figure (latency: below 1 is better; rates: above).
    if (options.peers) {
        json ratios;
        for (const std::string peer : {"xapian", "fts5"}) {
            const json& ours_idx = result["index"]["ours"];
            const json& peer_idx = result["index"][peer];
            ratios[peer]["index"] = {
                {"passages_per_second",
                 ratio(ours_idx["passages_per_second"], peer_idx["passages_per_second"])},
                {"mb_per_second", ratio(ours_idx["mb_per_second"], peer_idx["mb_per_second"])},
                {"db_bytes", ratio(ours_idx["db_bytes"], peer_idx["db_bytes"])},
                {"peak_rss_bytes", ratio(ours_idx["peak_rss_bytes"], peer_idx["peak_rss_bytes"])}};
            if (options.compact) {
                ratios[peer]["index"]["db_bytes_compacted"] =
                    ratio(ours_idx["db_bytes_compacted"], peer_idx["db_bytes_compacted"]);
            }
            const json& ours_q = query_json["ours"];
            const json& peer_q = query_json[peer];
            auto latency_ratios = [&](const json& a, const json& b) {
                json r;
                for (const char* mode : {"top10", "facets"}) {
                    for (const char* p : {"p50_ms", "p95_ms", "p99_ms"}) {
                        r[mode][p] = ratio(a[mode][p], b[mode][p]);
                    }
                }
                return r;
            };
            for (const auto& [cls, figures] : ours_q["classes"].items()) {
                const json& peer_cls = peer_q["classes"][cls];
                json r = latency_ratios(figures, peer_cls);
                r["cold_ms"] = ratio(figures["cold_ms"], peer_cls["cold_ms"]);
                if (figures.contains("one_shot") && peer_cls.contains("one_shot")) {
                    r["one_shot"] = latency_ratios(figures["one_shot"], peer_cls["one_shot"]);
                    r["one_shot"]["cold_facets_ms"] = ratio(figures["one_shot"]["cold_facets_ms"],
                                                            peer_cls["one_shot"]["cold_facets_ms"]);
                }
                ratios[peer]["classes"][cls] = r;
            }
            json overall = latency_ratios(ours_q["overall"], peer_q["overall"]);
            overall["qps"] = ratio(ours_q["overall"]["qps"], peer_q["overall"]["qps"]);
            overall["qps_facets"] =
                ratio(ours_q["overall"]["qps_facets"], peer_q["overall"]["qps_facets"]);
            if (ours_q["overall"].contains("one_shot") && peer_q["overall"].contains("one_shot")) {
                overall["one_shot"] =
                    latency_ratios(ours_q["overall"]["one_shot"], peer_q["overall"]["one_shot"]);
            }
            overall["cold_p50_ms"] = ratio(ours_q["overall"]["cold_ms"]["p50_ms"],
                                           peer_q["overall"]["cold_ms"]["p50_ms"]);
            ratios[peer]["overall"] = overall;
        }
        result["ratios"] = ratios;
    }
    if (options.shards.empty()) {
        result["shards"] =
            "not measured (r2p-bench run --shards 2,4 measures local and remote shards)";
    } else {
        result["shards"] = shard_json;
    }

    // --- Files: the JSON, and the plot of every size measured so far beside it.
    const std::filesystem::path results_dir = options.work / "results";
    std::filesystem::create_directories(results_dir, ec);
    const auto json_file = results_dir / source.json_name;
    const auto png = results_dir / "latency.png";
    result["json_file"] = json_file.string();
    {
        std::ofstream out(json_file);
        out << result.dump(2) << '\n';
    }
    // The plot gathers every size: results of other sizes sit in sibling work folders.
    const std::string why_no_plot =
        source.plot ? write_latency_plot(std::filesystem::absolute(options.work).parent_path(), png)
                    : "a real corpus is one size: the plot is of generated sizes";
    if (why_no_plot.empty()) {
        result["plot"] = png.string();
    } else {
        result["plot"] = nullptr;
        result["plot_skipped"] = why_no_plot;
        if (source.plot) log << "plot: skipped: " << why_no_plot << '\n';
    }
    {
        std::ofstream out(json_file);
        out << result.dump(2) << '\n';
    }
    return result;
}

}  // namespace

json run_benchmark(const RunOptions& options, const CorpusGenerator& generator,
                   const Taxonomy& taxonomy, std::ostream& log) {
    std::error_code ec;
    std::filesystem::create_directories(options.work, ec);
    if (ec) throw IndexError(options.work.string() + ": cannot create folder: " + ec.message());
    const CorpusInfo corpus =
        prepare_corpus(generator, options.work, options.passages, options.queries_per_class, log);

    json result;
    result["date"] = utc_now_text();
    result["machine"] = machine_json();
    result["passages_requested"] = options.passages;
    result["corpus"] = {{"kind", "generated"},
                        {"path", corpus.statements.string()},
                        {"seed", corpus.seed},
                        {"statements", corpus.generated.statements},
                        {"generated_passages", corpus.generated.passages},
                        {"bytes", corpus.generated.bytes},
                        {"generate_seconds", corpus.generated.seconds},
                        {"reused", corpus.reused},
                        {"vocabulary", generator.vocabulary_size()}};
    result["queries_file"] = (options.work / "queries" / "queries.txt").string();

    CorpusSource source;
    source.paths = {corpus.statements.string()};
    source.queries = [&](const std::vector<PeerPassage>&, json&) {
        return generator.query_set(options.passages, options.queries_per_class);
    };
    source.json_name = "bench-" + std::to_string(options.passages) + ".json";
    source.plot = true;
    return measure_engines(options, source, taxonomy, std::move(result), log);
}

json run_real_corpus_benchmark(const RunOptions& options, const RealQueryData& data,
                               const Taxonomy& taxonomy, std::ostream& log) {
    std::error_code ec;
    std::filesystem::create_directories(options.work, ec);
    if (ec) throw IndexError(options.work.string() + ": cannot create folder: " + ec.message());

    json result;
    result["date"] = utc_now_text();
    result["machine"] = machine_json();
    result["corpus"] = {{"kind", "real"},
                        {"paths", options.corpus_paths},
                        {"collection", options.collection},
                        {"speakers", options.speakers.string()}};
    result["queries_file"] = (options.work / "queries" / "queries.txt").string();

    CorpusSource source;
    source.paths = options.corpus_paths;
    source.queries_need_passages = true;
    source.queries = [&](const std::vector<PeerPassage>& passages, json& r) {
        const json& ours = r["index"]["ours"];
        r["corpus"]["files"] = ours["files"];
        r["corpus"]["statements"] =
            ours["files"].get<std::size_t>() - ours["files_skipped"].get<std::size_t>();
        r["corpus"]["bytes"] = ours["bytes_read"];
        log << "queries: counting the corpus's vocabulary ...\n";
        const CorpusVocabulary vocabulary = count_vocabulary(passages, data.stopwords);
        r["corpus"]["vocabulary"] = vocabulary.words.size();
        std::vector<BenchQuery> queries =
            real_query_set(vocabulary, data, taxonomy, options.queries_per_class, kRealQuerySeed);
        write_query_files(options.work / "queries", queries);
        return queries;
    };
    source.json_name = "bench-corpus.json";
    return measure_engines(options, source, taxonomy, std::move(result), log);
}

}  // namespace r2p::bench
