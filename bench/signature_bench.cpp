#include "bench/signature_bench.hpp"

#include <sys/resource.h>

#include <iomanip>

#include <xapian.h>

#include "bench/disk_files.hpp"
#include "bench/run_info.hpp"
#include "bench/stopwatch.hpp"
#include "cli/percentile.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/schema.hpp"

namespace r2p::bench {

namespace {

using json = nlohmann::json;

// User plus system CPU seconds of this process so far (every thread: the loaders and the
// writer of index_corpus run in it). On a shared machine they move less than wall seconds.
double cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

// The signature terms of a database: distinct anchors, their postings, and the scheme key.
json signature_terms(const std::filesystem::path& db) {
    const Xapian::Database database(db.string());
    const std::string prefix(schema::kSentencePrefix);
    std::size_t terms = 0;
    std::size_t postings = 0;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        ++terms;
        postings += it.get_termfreq();
    }
    const std::string scheme = database.get_metadata(std::string(schema::kSignatureSchemeKey));
    return {{"anchor_terms", terms},
            {"anchor_postings", postings},
            {"scheme", scheme.empty() ? json(nullptr) : json(scheme)}};
}

// One variant's runs so far and the figures of its last database.
struct Variant {
    const char* name;
    bool signatures;
    std::vector<double> wall;
    std::vector<double> cpu;
    std::size_t passages = 0;
    json last_db;
};

}  // namespace

json measure_signature_cost(const SignatureCostOptions& options, const Taxonomy& taxonomy,
                            std::ostream& log) {
    std::error_code ec;
    std::filesystem::create_directories(options.work, ec);
    if (ec) throw IndexError(options.work.string() + ": cannot create folder: " + ec.message());
    Variant variants[2] = {{"with", true, {}, {}, 0, {}}, {"without", false, {}, {}, 0, {}}};
    const unsigned repeats = std::max(1U, options.repeats);
    // An untimed run first: the first index_corpus of a process pays one-off costs (the
    // corpus's files read from disk, libraries' data loaded) that would fall on one variant.
    const auto index_fresh = [&](const std::filesystem::path& db, bool signatures) {
        std::filesystem::remove_all(db, ec);
        IndexRequest request;
        request.db = db;
        request.paths = options.paths;
        request.collection = options.collection;
        request.speakers = options.speakers;
        request.sentence_signatures = signatures;
        IndexReport report = index_corpus(request, taxonomy);
        if (!report.nothing_to_index.empty()) throw CorpusError(report.nothing_to_index);
        return report;
    };
    log << "signatures: untimed warm-up run ...\n";
    index_fresh(options.work / "signatures-warm-up.db", true);
    std::filesystem::remove_all(options.work / "signatures-warm-up.db", ec);
    for (unsigned run = 0; run < 2 * repeats; ++run) {
        // with, without, without, with, with, ...: each variant goes first as often.
        Variant& v = variants[((run + 1) / 2) % 2];
        const auto db = options.work / (std::string("signatures-") + v.name + ".db");
        log << "signatures: indexing " << v.name << " signatures, run " << v.wall.size() + 1
            << " of " << repeats << " ...\n";
        const double cpu_start = cpu_seconds();
        const auto start = Clock::now();
        const IndexReport report = index_fresh(db, v.signatures);
        const double wall = seconds_since(start);
        v.wall.push_back(wall);
        v.cpu.push_back(cpu_seconds() - cpu_start);
        v.passages = report.passages();
        log << "signatures: " << v.name << ": " << report.passages() << " passages in " << wall
            << " s\n";
        if (v.wall.size() < repeats) continue;
        // The last run of a variant leaves its database to be measured.
        v.last_db = signature_terms(db);
        v.last_db["db_bytes"] = disk_bytes(db);
        if (options.compact) {
            const auto compacted =
                options.work / (std::string("signatures-") + v.name + "-compact.db");
            std::filesystem::remove_all(compacted, ec);
            Xapian::Database(db.string()).compact(compacted.string());
            v.last_db["db_bytes_compacted"] = disk_bytes(compacted);
            std::filesystem::remove_all(compacted, ec);
        }
        std::filesystem::remove_all(db, ec);
    }

    json result = {{"date", utc_now_text()},
                   {"machine", machine_json()},
                   {"load_average", load_average_json()},
                   {"paths", options.paths},
                   {"collection", options.collection},
                   {"repeats", repeats},
                   {"order", "alternated: with, without, without, with, ..."}};
    for (const Variant& v : variants) {
        json figures = v.last_db;
        figures["passages"] = v.passages;
        figures["wall_seconds"] = v.wall;
        figures["cpu_seconds"] = v.cpu;
        figures["median_wall_seconds"] = cli::percentile(v.wall, 50);
        figures["median_cpu_seconds"] = cli::percentile(v.cpu, 50);
        figures["passages_per_second"] =
            static_cast<double>(v.passages) / cli::percentile(v.wall, 50);
        result[v.name] = figures;
    }
    const json& with = result["with"];
    const json& without = result["without"];
    json ratios = {
        {"wall_seconds", ratio(with["median_wall_seconds"], without["median_wall_seconds"])},
        {"cpu_seconds", ratio(with["median_cpu_seconds"], without["median_cpu_seconds"])},
        {"db_bytes", ratio(with["db_bytes"], without["db_bytes"])}};
    if (options.compact)
        ratios["db_bytes_compacted"] =
            ratio(with["db_bytes_compacted"], without["db_bytes_compacted"]);
    result["with_over_without"] = ratios;
    // Issue 15's targets: indexing slows by at most 25%, the database grows by at most 20%.
    result["targets"] = {{"slowdown_at_most", 1.25}, {"growth_at_most", 1.20}};
    return result;
}

void print_signature_table(const json& result, std::ostream& out) {
    const json& with = result["with"];
    const json& without = result["without"];
    const json& r = result["with_over_without"];
    out << "r2p-bench signatures " << result["date"].get<std::string>() << ", " << with["passages"]
        << " passages, medians of " << result["repeats"] << " runs each, alternated";
    if (result["load_average"].is_array())
        out << ", load " << std::fixed << std::setprecision(1)
            << result["load_average"][0].get<double>() << " at the end";
    out << "\n\n";
    const auto row = [&](const std::string& label, const std::string& key, double scale,
                         int precision, const char* ratio_key) {
        out << std::left << std::setw(22) << label << std::right << std::fixed
            << std::setprecision(precision) << std::setw(12) << with[key].get<double>() / scale
            << std::setw(12) << without[key].get<double>() / scale;
        if (ratio_key != nullptr)
            out << std::setprecision(3) << std::setw(14) << r[ratio_key].get<double>();
        out << '\n';
    };
    out << std::left << std::setw(22) << "" << std::right << std::setw(12) << "with"
        << std::setw(12) << "without" << std::setw(14) << "with/without" << '\n';
    row("wall seconds", "median_wall_seconds", 1, 2, "wall_seconds");
    row("CPU seconds", "median_cpu_seconds", 1, 2, "cpu_seconds");
    row("passages/s", "passages_per_second", 1, 0, nullptr);
    row("database MB", "db_bytes", 1e6, 1, "db_bytes");
    if (with.contains("db_bytes_compacted"))
        row("compacted MB", "db_bytes_compacted", 1e6, 1, "db_bytes_compacted");
    out << "anchor terms " << with["anchor_terms"] << ", postings " << with["anchor_postings"]
        << ", scheme "
        << (with["scheme"].is_null() ? "(none written)" : with["scheme"].get<std::string>())
        << "\ntargets: slowdown <= 1.25, growth <= 1.20\n";
}

}  // namespace r2p::bench
