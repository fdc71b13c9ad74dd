// The readable table and the latency plot of an r2p-bench run.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "bench/runner.hpp"

namespace r2p::bench {

namespace {

using json = nlohmann::json;

std::string fixed(double value, int digits) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << value;
    return out.str();
}

std::string number(const json& j, int digits = 1) {
    return j.is_number() ? fixed(j.get<double>(), digits) : std::string("-");
}

std::string mb(const json& j) {
    return j.is_number() ? fixed(j.get<double>() / 1e6, 1) + " MB" : std::string("-");
}

std::string cell(std::string text, std::size_t width) {
    if (text.size() < width) text.insert(0, width - text.size(), ' ');
    return text;
}

const json& at(const json& j, std::initializer_list<const char*> path) {
    static const json kNull;
    const json* node = &j;
    for (const char* key : path) {
        if (!node->is_object() || !node->contains(key)) return kNull;
        node = &(*node)[key];
    }
    return *node;
}

// The second table: one-shot (a fresh process per query) and cold one-shot, per engine that
// has them (ours, ours-compacted, xapian), and the ratio ours / xapian of faceted p50.
void print_one_shot_table(const json& r, const std::vector<std::string>& classes,
                          std::ostream& out) {
    std::vector<std::string> engines;
    for (const char* name : {"ours", "ours-compacted", "xapian"}) {
        if (at(r, {"queries", name, "overall", "one_shot"}).is_object()) engines.push_back(name);
    }
    if (engines.empty()) return;
    const bool ratio = at(r, {"ratios", "xapian", "overall", "one_shot"}).is_object();
    out << "One-shot, ms: a fresh process per query, spawn to exit (warm page cache): top-10 p50, "
           "fp = with theme+role facets;\n cold / fcold = the class's first query, top-10 / "
           "faceted, "
           "in a fresh process after page-cache eviction\n";
    // One engine: top-10 p50, faceted p50 and p99, cold top-10 and faceted (top-10 p99 is in
    // the JSON): 5 cells of 7, so three engines fit in 130 columns.
    constexpr std::size_t kCell = 7;
    constexpr std::size_t kBlock = 5 * kCell + 1;
    out << std::left << std::setw(14) << "class" << std::right;
    for (const auto& e : engines) {
        out << cell(
            e + " (" +
                at(r, {"queries", e.c_str(), "overall", "one_shot", "program"}).get<std::string>() +
                ")",
            kBlock);
    }
    if (ratio) out << cell("ours/xapian", 12);
    out << '\n' << std::setw(14) << "";
    for (std::size_t i = 0; i < engines.size(); ++i)
        out << cell("p50   fp50   fp99   cold  fcold", kBlock);
    if (ratio) out << cell("fp50  fp99", 12);
    out << '\n';
    for (const auto& cls : classes) {
        const bool overall = cls == "overall";
        out << std::left << std::setw(14) << cls << std::right;
        for (const auto& e : engines) {
            const json& o = overall
                                ? at(r, {"queries", e.c_str(), "overall", "one_shot"})
                                : at(r, {"queries", e.c_str(), "classes", cls.c_str(), "one_shot"});
            // Overall: the median over the classes' cold figures.
            const json& cold = overall ? at(o, {"cold_ms", "p50_ms"}) : at(o, {"cold_ms"});
            const json& fcold =
                overall ? at(o, {"cold_facets_ms", "p50_ms"}) : at(o, {"cold_facets_ms"});
            out << cell(number(at(o, {"top10", "p50_ms"}), 1), kCell + 1)
                << cell(number(at(o, {"facets", "p50_ms"}), 1), kCell)
                << cell(number(at(o, {"facets", "p99_ms"}), 1), kCell)
                << cell(number(cold, 1), kCell) << cell(number(fcold, 1), kCell);
        }
        if (ratio) {
            const json& rr = overall
                                 ? at(r, {"ratios", "xapian", "overall", "one_shot"})
                                 : at(r, {"ratios", "xapian", "classes", cls.c_str(), "one_shot"});
            out << cell(number(at(rr, {"facets", "p50_ms"}), 2) + " " +
                            number(at(rr, {"facets", "p99_ms"}), 2),
                        12);
        }
        out << '\n';
    }
    // CPU time (user + system, every thread) of the same runs: what the load of a shared
    // machine hardly moves.
    out << std::left << std::setw(14) << "overall CPU" << std::right;
    for (const auto& e : engines) {
        const json& o = at(r, {"queries", e.c_str(), "overall", "one_shot"});
        out << cell(number(at(o, {"top10_cpu", "p50_ms"}), 1), kCell + 1)
            << cell(number(at(o, {"facets_cpu", "p50_ms"}), 1), kCell)
            << cell(number(at(o, {"facets_cpu", "p99_ms"}), 1), kCell) << cell("", 2 * kCell);
    }
    out << '\n';
    out << std::left << std::setw(14) << "process start" << std::right;
    for (const auto& e : engines) {
        out << cell(
            number(at(r, {"queries", e.c_str(), "overall", "one_shot", "process_start_ms"}), 1) +
                " ms (--version, p50)",
            kBlock);
    }
    out << '\n';
    for (const auto& e : engines) {
        const json& mismatches =
            at(r, {"queries", e.c_str(), "overall", "one_shot", "match_mismatches"});
        if (mismatches.is_array() && !mismatches.empty()) {
            out << e << ": " << mismatches.size()
                << " one-shot faceted match counts differ from the in-process ones, e.g. "
                << mismatches[0].get<std::string>() << '\n';
        }
    }
    out << '\n';
}

}  // namespace

void print_table(const json& r, std::ostream& out) {
    out << "r2p-bench " << r["date"].get<std::string>() << " on "
        << at(r, {"machine", "cpu"}).get<std::string>() << " (" << at(r, {"machine", "cores"})
        << " cores)\n";
    if (at(r, {"corpus", "kind"}) == "real") {
        out << "real corpus:";
        for (const auto& path : at(r, {"corpus", "paths"})) out << ' ' << path.get<std::string>();
        const json& collection = at(r, {"corpus", "collection"});
        if (collection.is_string() && !collection.get<std::string>().empty())
            out << " (collection " << collection.get<std::string>() << ")";
        out << "; queries drawn from its " << at(r, {"corpus", "vocabulary"}) << " words\n";
    }
    out << "corpus: " << at(r, {"corpus", "statements"}) << " statements, "
        << at(r, {"index", "ours", "passages"}) << " passages indexed, "
        << mb(at(r, {"corpus", "bytes"})) << "; queries: " << r["queries_per_class"]
        << " per class (" << r["queries_file"].get<std::string>() << ")\n\n";

    const bool peers = r.contains("ratios");
    out << "Indexing                ours       xapian   ours/xapian       fts5   ours/fts5\n";
    auto index_row = [&](const std::string& label, const char* key, int digits, bool bytes) {
        auto show = [&](const json& j) { return bytes ? mb(j) : number(j, digits); };
        out << std::left << std::setw(18) << label << std::right
            << cell(show(at(r, {"index", "ours", key})), 12);
        if (peers) {
            out << cell(show(at(r, {"index", "xapian", key})), 13)
                << cell(number(at(r, {"ratios", "xapian", "index", key}), 2), 14)
                << cell(show(at(r, {"index", "fts5", key})), 11)
                << cell(number(at(r, {"ratios", "fts5", "index", key}), 2), 12);
        }
        out << '\n';
    };
    index_row("passages/s", "passages_per_second", 0, false);
    index_row("MB/s", "mb_per_second", 2, false);
    index_row("seconds", "seconds", 1, false);
    index_row("database", "db_bytes", 0, true);
    index_row("db compacted", "db_bytes_compacted", 0, true);
    index_row(" + termlist", "db_bytes_compacted_with_termlist", 0, true);
    index_row("compact s", "compact_seconds", 1, false);
    index_row("tables s", "tables_seconds", 1, false);
    index_row("peak RSS", "peak_rss_bytes", 0, true);
    const json shards = at(r, {"index", "ours", "shards"});
    out << "(ours: decode+parse+tag+index from files on every core"
        << (shards.is_number() && shards.get<unsigned>() > 1
                ? " into " + std::to_string(shards.get<unsigned>()) +
                      " shards written in parallel, compacted = merged into one database"
                : std::string())
        << "; peers: index only, one thread, passages already in memory;\n peak RSS: of "
           "each engine's indexing in a child process, the peers' including the passages)\n\n";

    out << "Warm latency, ms: top-10 | top-10 with exact theme+role facets; cold = first query "
           "after page-cache eviction\n";
    // Fixed order: ours first, peers last.
    std::vector<std::string> ordered;
    for (const char* name : {"ours", "ours-compacted"}) {
        if (r["queries"].contains(name)) ordered.push_back(name);
    }
    for (const auto& [name, _] : r["queries"].items()) {
        if (name.rfind("ours-shards-", 0) == 0) ordered.push_back(name);
    }
    for (const char* name : {"xapian", "fts5"}) {
        if (r["queries"].contains(name)) ordered.push_back(name);
    }
    constexpr std::size_t kBlock = 36;  // one engine: p50 p99 | fp50 fp99 cold
    out << std::left << std::setw(14) << "class" << std::right;
    for (const auto& e : ordered) out << cell(e, kBlock);
    if (peers) out << cell("ours/xapian", 14) << cell("ours/fts5", 14);
    out << '\n' << std::setw(14) << "";
    for (std::size_t i = 0; i < ordered.size(); ++i)
        out << cell("p50    p99 |  fp50   fp99   cold", kBlock);
    if (peers) out << cell("fp50  fp99", 14) << cell("fp50  fp99", 14);
    out << '\n';
    std::vector<std::string> classes;
    for (const auto& c : r["query_classes"]) classes.push_back(c.get<std::string>());
    classes.push_back("overall");
    for (const auto& cls : classes) {
        const bool overall = cls == "overall";
        out << std::left << std::setw(14) << cls << std::right;
        for (const auto& e : ordered) {
            const json& f = overall ? r["queries"][e]["overall"]
                                    : at(r["queries"][e], {"classes", cls.c_str()});
            const json& cold = overall ? at(f, {"cold_ms", "p50_ms"}) : at(f, {"cold_ms"});
            out << cell(number(at(f, {"top10", "p50_ms"}), 2), 9)
                << cell(number(at(f, {"top10", "p99_ms"}), 1), 7) << " |"
                << cell(number(at(f, {"facets", "p50_ms"}), 1), 6)
                << cell(number(at(f, {"facets", "p99_ms"}), 1), 7) << cell(number(cold, 1), 7);
        }
        if (peers) {
            for (const char* peer : {"xapian", "fts5"}) {
                const json& rr = overall ? at(r, {"ratios", peer, "overall"})
                                         : at(r, {"ratios", peer, "classes", cls.c_str()});
                out << cell(number(at(rr, {"facets", "p50_ms"}), 2) + " " +
                                number(at(rr, {"facets", "p99_ms"}), 2),
                            14);
            }
        }
        out << '\n';
    }
    // queries/s: the queries as they are (top-10; the facets class faceted), then every query
    // with theme and role facets (absent from results before issue 16).
    for (const char* key : {"qps", "qps_facets"}) {
        const bool faceted = std::string(key) == "qps_facets";
        out << std::left << std::setw(14) << (faceted ? "faceted q/s" : "queries/s") << std::right;
        for (const auto& e : ordered) {
            out << cell(number(at(r["queries"][e], {"overall", key}), 0) + " (" +
                            std::to_string(r["query_threads"].get<unsigned>()) + " threads)",
                        kBlock);
        }
        if (peers) {
            out << cell(number(at(r, {"ratios", "xapian", "overall", key}), 2), 14)
                << cell(number(at(r, {"ratios", "fts5", "overall", key}), 2), 14);
        }
        out << '\n';
    }
    out << '\n';
    print_one_shot_table(r, classes, out);
    if (r.contains("levers")) {
        out << "Indexing levers (our document builder and IndexWriter, same passages; build = one "
               "thread, write = the single writer)\n";
        out << std::left << std::setw(38) << "variant" << std::right << cell("build/s", 10)
            << cell("write/s", 10) << cell("database", 12) << cell("compacted", 12) << '\n';
        for (const auto& v : r["levers"]) {
            out << std::left << std::setw(38) << v["variant"].get<std::string>() << std::right
                << cell(number(v["prepare_passages_per_second"], 0), 10)
                << cell(number(v["write_passages_per_second"], 0), 10)
                << cell(mb(v["db_bytes"]), 12) << cell(mb(v["db_bytes_compacted"]), 12) << '\n';
        }
        out << '\n';
    }
    if (r["shards"].is_string()) {
        out << "shards: " << r["shards"].get<std::string>() << '\n';
    } else {
        for (const auto& [n, s] : r["shards"].items()) {
            if (!s.is_object()) {
                out << "shards " << n << ": " << s.get<std::string>() << '\n';
                continue;
            }
            out << "shards " << n << ": indexing " << number(s["index"]["passages_per_second"], 0)
                << " passages/s, " << mb(s["index"]["db_bytes"]) << " (queries: ours-shards-" << n
                << " above)\n";
        }
    }
    out << "json: " << r["json_file"].get<std::string>() << "\nplot: "
        << (r["plot"].is_string() ? r["plot"].get<std::string>()
                                  : "skipped (" + r.value("plot_skipped", std::string()) + ")")
        << '\n';
}

std::string write_latency_plot(const std::filesystem::path& root,
                               const std::filesystem::path& png) {
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) return "gnuplot is not installed";
    // passages -> result, one per corpus size (the newest file of a size wins by path order).
    std::map<std::size_t, json> runs;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(root, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
        const auto dir = it->path() / "results";
        for (auto f = std::filesystem::directory_iterator(dir, ec);
             !ec && f != std::filesystem::directory_iterator(); f.increment(ec)) {
            const std::string name = f->path().filename().string();
            if (name.rfind("bench-", 0) != 0 || f->path().extension() != ".json") continue;
            std::ifstream in(f->path());
            try {
                json j = json::parse(in);
                // A real corpus is not one of the generated sizes the plot compares.
                if (j.at("corpus").value("kind", "generated") == "real") continue;
                const auto passages = j.at("index").at("ours").at("passages").get<std::size_t>();
                runs[passages] = std::move(j);
            } catch (const std::exception&) {
                continue;  // not a result file of ours
            }
        }
        ec.clear();
    }
    if (runs.empty()) return "no result files found";
    const json& latest = runs.rbegin()->second;
    std::vector<std::string> classes;
    for (const auto& c : latest["query_classes"]) classes.push_back(c.get<std::string>());

    const auto data = std::filesystem::path(png).replace_extension(".dat");
    const auto script = std::filesystem::path(png).replace_extension(".gp");
    {
        std::ofstream out(data);
        out << "# passages";
        for (const auto& c : classes) out << " ours:" << c;
        out << " xapian:overall fts5:overall\n";
        for (const auto& [passages, j] : runs) {
            out << passages;
            for (const auto& c : classes) {
                out << ' '
                    << number(at(j, {"queries", "ours", "classes", c.c_str(), "facets", "p50_ms"}),
                              4);
            }
            for (const char* peer : {"xapian", "fts5"}) {
                out << ' ' << number(at(j, {"queries", peer, "overall", "facets", "p50_ms"}), 4);
            }
            out << '\n';
        }
    }
    {
        std::ofstream out(script);
        out << "set terminal pngcairo size 1000,650\n"
            << "set output '" << png.string() << "'\n"
            << "set title 'r2p-bench: warm p50 latency, top-10 with exact theme+role facets'\n"
            << "set xlabel 'passages'\nset ylabel 'ms'\nset logscale xy\nset key outside right\n"
            << "set datafile missing '-'\nset grid\n"
            << "plot ";
        for (std::size_t i = 0; i < classes.size(); ++i) {
            out << "'" << data.string() << "' using 1:" << i + 2 << " with linespoints title 'ours "
                << classes[i] << "', ";
        }
        out << "'" << data.string() << "' using 1:" << classes.size() + 2
            << " with linespoints dt 2 lw 2 title 'plain Xapian (all)', '" << data.string()
            << "' using 1:" << classes.size() + 3
            << " with linespoints dt 3 lw 2 title 'FTS5 (all)'\n";
    }
    const std::string command = "gnuplot '" + script.string() + "' 2>/dev/null";
    if (std::system(command.c_str()) != 0) {
        // pngcairo may be missing from a minimal gnuplot: the plain png terminal then.
        std::string text;
        {
            std::ifstream in(script);
            text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        text.replace(text.find("pngcairo"), 8, "png");
        std::ofstream(script) << text;
        if (std::system(command.c_str()) != 0) return "gnuplot failed on " + script.string();
    }
    return "";
}

}  // namespace r2p::bench
