// r2p-bench: make larger corpora and measure indexing and query latency against peers.
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "bench/large_file.hpp"
#include "bench/real_query_data.hpp"
#include "bench/runner.hpp"
#include "bench/serve_bench.hpp"
#include "bench/signature_bench.hpp"
#include "bench/testkit/corpus_generator.hpp"
#include "bench/trace_bench.hpp"
#include "bench/workspace.hpp"
#include "cli/app.hpp"
#include "index/corpus_files.hpp"
#include "r2p/error.hpp"
#include "r2p/indexing.hpp"
#include "r2p/request_text.hpp"
#include "r2p/search.hpp"

namespace po = boost::program_options;

namespace {

constexpr const char* kCommands = "generate, run, table, large-file, serve, signatures or trace";
constexpr const char* kUsage =
    "COMMAND [options]  (COMMAND --help)\n"
    "commands: generate, run, table, large-file, serve, signatures, trace";

// Counts are read as text and checked by parse_count: Boost would wrap "-1" to a huge
// unsigned number. These bounds are far above any run a machine can do.
constexpr std::size_t kMaxPassages = 1'000'000'000;
constexpr std::size_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();
constexpr std::size_t kMaxQueriesPerClass = 1'000'000;
constexpr std::size_t kMaxThreads = 1024;
constexpr std::size_t kMaxShards = 64;
// large-file: the largest statement r2p-index reads (larger ones are skipped).
constexpr std::size_t kMaxMegabytes = r2p::kMaxFileBytes / 1'000'000;

// The value of count option --`name`, at most `max`. Throws UsageError for a sign, a
// non-number or a larger value.
std::size_t count_option(const po::variables_map& vm, const char* name, std::size_t max) {
    return r2p::parse_count(std::string("--") + name, vm[name].as<std::string>(), max);
}

po::options_description corpus_options() {
    po::options_description options("Corpus");
    options.add_options()(
        "passages", po::value<std::string>()->value_name("N")->default_value("10000"),
        "passages (paragraphs plus quotes) to generate; statements are whole, so a few more")(
        "seed", po::value<std::string>()->value_name("S")->default_value("2012"),
        "generator seed: same seed, same corpus (and N passages are a prefix of more)")(
        "words",
        po::value<std::string>()->value_name("FILE")->default_value(
            "/usr/share/dict/american-english"),
        "word list the vocabulary is drawn from (Debian wamerican)")(
        "genre", po::value<std::string>()->value_name("FILE"),
        "genre scaffolding (default: bench/data/genre.conf)")(
        "queries-per-class", po::value<std::string>()->value_name("K")->default_value("20"),
        "queries generated per query class");
    options.add(r2p::cli::taxonomy_options());
    return options;
}

r2p::CorpusGenerator make_generator(const po::variables_map& vm, const r2p::Taxonomy& taxonomy) {
    const std::string genre = vm.count("genre") ? vm["genre"].as<std::string>()
                                                : r2p::bench::default_genre_file().string();
    return r2p::CorpusGenerator(taxonomy, r2p::load_genre_data(genre),
                                r2p::load_word_list(vm["words"].as<std::string>()),
                                count_option(vm, "seed", kMaxSeed));
}

int generate(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    options.add_options()("out", po::value<std::string>()->value_name("DIR")->required(),
                          "folder for corpus/, queries/ and manifest.json");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(
            argc, argv, "bench", "generate --passages N --out DIR [options]", options, {}, vm)) {
        return r2p::cli::kOk;
    }
    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    const r2p::CorpusGenerator generator = make_generator(vm, taxonomy);
    r2p::bench::prepare_corpus(
        generator, vm["out"].as<std::string>(), count_option(vm, "passages", kMaxPassages),
        count_option(vm, "queries-per-class", kMaxQueriesPerClass), std::cerr);
    return r2p::cli::kOk;
}

po::options_description real_corpus_options() {
    po::options_description options("Real corpus (instead of a generated one)");
    options.add_options()(
        "corpus", po::value<std::vector<std::string>>()->value_name("PATH")->composing(),
        "index this corpus (folder or statement files; repeatable) instead of generating one; "
        "not with --passages")("collection", po::value<std::string>()->value_name("NAME|FILE"),
                               "collection profile the corpus is indexed with (e.g. ungdc)")(
        "speakers", po::value<std::string>()->value_name("FILE"),
        "speakers table for the collection profile (CSV year,session,iso3,country,speaker,post)");
    return options;
}

// The default work folder of a real corpus: bench-work/corpus-NAME, NAME the first path's
// last component ("/tmp/ungdc/TXT/" -> corpus-TXT).
std::filesystem::path real_corpus_work(const std::string& first_path) {
    std::filesystem::path path = std::filesystem::path(first_path).lexically_normal();
    if (path.filename().empty()) path = path.parent_path();
    const std::string name = path.filename().string();
    return std::filesystem::path("bench-work") / ("corpus-" + (name.empty() ? "root" : name));
}

int run(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    po::options_description real = real_corpus_options();
    real.add_options()("real-queries", po::value<std::string>()->value_name("FILE"),
                       "user phrases and stopwords the query set is drawn with "
                       "(default: bench/data/real-corpus-queries.conf)");
    options.add(real);
    options.add_options()("work", po::value<std::string>()->value_name("DIR"),
                          "working folder (default: bench-work/N, or bench-work/corpus-NAME for "
                          "--corpus, under the current folder)")(
        "json", "print the result as one JSON object instead of a table")(
        "threads", po::value<std::string>()->value_name("N")->default_value("2"),
        "query threads for the queries/s figure")(
        "throughput-seconds", po::value<double>()->value_name("S")->default_value(2.0),
        "how long each engine is driven for the queries/s figure")(
        "no-peers", "skip SQLite FTS5 and plain Xapian")(
        "levers", "also measure indexing variants: spelling table, STEM_SOME vs STEM_ALL_Z")(
        "shards", po::value<std::string>()->value_name("LIST"),
        "also index into N local shards and query them, for each N of a comma list (2,4)")(
        "index-shards", po::value<std::string>()->value_name("N")->default_value("1"),
        "build ours as N shards written in parallel (ours-compacted merges them into one)")(
        "no-compact", "skip measuring the database after xapian-compact")(
        "one-shot-per-class", po::value<std::string>()->value_name("K"),
        "one-shot figures (a fresh process per query) for the first K queries of each class "
        "(default: every query; 0 skips one-shot and cold one-shot)");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench",
                                      "run --passages N | --corpus PATH... [options]", options, {},
                                      vm)) {
        return r2p::cli::kOk;
    }
    r2p::bench::RunOptions run_options;
    const bool real_corpus = vm.count("corpus") > 0;
    if (real_corpus) {
        if (!vm["passages"].defaulted())
            throw r2p::UsageError("--passages generates a corpus: not with --corpus");
        run_options.corpus_paths = vm["corpus"].as<std::vector<std::string>>();
    } else if (vm.count("collection") || vm.count("speakers") || vm.count("real-queries")) {
        throw r2p::UsageError("--collection, --speakers and --real-queries need --corpus");
    }
    if (vm.count("collection")) {
        // As r2p-index resolves it: a bare name is a profile of corpus/collections/.
        run_options.collection =
            r2p::cli::resolve_collection_profile(vm["collection"].as<std::string>()).string();
    }
    if (vm.count("speakers")) run_options.speakers = vm["speakers"].as<std::string>();
    run_options.passages = count_option(vm, "passages", kMaxPassages);
    if (run_options.passages == 0) throw r2p::UsageError("--passages must be at least 1");
    run_options.work =
        vm.count("work") ? std::filesystem::path(vm["work"].as<std::string>())
        : real_corpus    ? real_corpus_work(run_options.corpus_paths.front())
                      : std::filesystem::path("bench-work") / std::to_string(run_options.passages);
    run_options.queries_per_class = count_option(vm, "queries-per-class", kMaxQueriesPerClass);
    if (run_options.queries_per_class == 0)
        throw r2p::UsageError("--queries-per-class must be at least 1");
    run_options.threads =
        std::max(1U, static_cast<unsigned>(count_option(vm, "threads", kMaxThreads)));
    run_options.throughput_seconds = vm["throughput-seconds"].as<double>();
    if (!(run_options.throughput_seconds > 0) || !std::isfinite(run_options.throughput_seconds))
        throw r2p::UsageError("--throughput-seconds must be a number above 0");
    run_options.peers = !vm.count("no-peers");
    run_options.levers = vm.count("levers") > 0;
    if (vm.count("shards")) {
        std::string list = vm["shards"].as<std::string>();
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t end = std::min(list.find(',', start), list.size());
            const unsigned n = static_cast<unsigned>(r2p::parse_count(
                "--shards", std::string_view(list).substr(start, end - start), kMaxShards));
            if (n == 0) throw r2p::UsageError("--shards: a shard count must be at least 1");
            run_options.shards.push_back(n);
            start = end + 1;
        }
    }
    run_options.compact = !vm.count("no-compact");
    run_options.one_shot_per_class =
        vm.count("one-shot-per-class") ? count_option(vm, "one-shot-per-class", kMaxQueriesPerClass)
                                       : run_options.queries_per_class;
    run_options.index_shards = static_cast<unsigned>(count_option(vm, "index-shards", kMaxShards));
    if (run_options.index_shards == 0) throw r2p::UsageError("--index-shards must be from 1 to 64");

    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    nlohmann::json result;
    if (real_corpus) {
        const auto data = r2p::bench::load_real_query_data(
            vm.count("real-queries") ? std::filesystem::path(vm["real-queries"].as<std::string>())
                                     : r2p::bench::default_real_query_file());
        result = r2p::bench::run_real_corpus_benchmark(run_options, data, taxonomy, std::cerr);
    } else {
        const r2p::CorpusGenerator generator = make_generator(vm, taxonomy);
        result = r2p::bench::run_benchmark(run_options, generator, taxonomy, std::cerr);
    }
    if (vm.count("json")) {
        std::cout << result.dump(2) << '\n';
    } else {
        r2p::bench::print_table(result, std::cout);
    }
    return r2p::cli::kOk;
}

// r2p-index beside this r2p-bench (both are built into build/bin).
std::filesystem::path index_tool() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw r2p::Error("cannot find r2p-index: /proc/self/exe: " + ec.message());
    return self.parent_path() / "r2p-index";
}

int large_file(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    options.add_options()(
        "megabytes", po::value<std::string>()->value_name("N")->default_value("50"),
        "size of the generated statement")("work", po::value<std::string>()->value_name("DIR"),
                                           "working folder (default: bench-work/large)")(
        "json", "print the result as one JSON object instead of a table");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench", "large-file --megabytes N [options]",
                                      options, {}, vm)) {
        return r2p::cli::kOk;
    }
    const std::size_t megabytes = count_option(vm, "megabytes", kMaxMegabytes);
    if (megabytes == 0) throw r2p::UsageError("--megabytes must be at least 1");
    const std::filesystem::path work = vm.count("work")
                                           ? std::filesystem::path(vm["work"].as<std::string>())
                                           : std::filesystem::path("bench-work");
    std::vector<std::string> index_options;
    for (const char* file : {"themes", "roles", "synonyms"}) {
        if (vm.count(file)) {
            index_options.push_back(std::string("--") + file);
            index_options.push_back(vm[file].as<std::string>());
        }
    }
    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    const r2p::CorpusGenerator generator = make_generator(vm, taxonomy);
    const nlohmann::json result = r2p::bench::measure_large_file(
        generator, work, megabytes, index_tool(), index_options, std::cerr);
    if (vm.count("json")) {
        std::cout << result.dump(2) << '\n';
    } else {
        std::cout << "large file: " << result["megabytes"].get<double>() << " MB indexed in "
                  << result["seconds"].get<double>() << " s, peak RSS "
                  << result["peak_rss_megabytes"].get<double>() << " MB ("
                  << result["peak_rss_per_file_size"].get<double>() << "x the file), "
                  << result["passages"] << " passages\n";
    }
    return r2p::cli::kOk;
}

// "1,16,64" -> {1, 16, 64}: each from 1 to `max`, at least one.
std::vector<unsigned> count_list(const std::string& option, const std::string& list,
                                 std::size_t max) {
    std::vector<unsigned> counts;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(',', start), list.size());
        const auto n = static_cast<unsigned>(
            r2p::parse_count(option, std::string_view(list).substr(start, end - start), max));
        if (n == 0) throw r2p::UsageError(option + ": each count must be at least 1");
        counts.push_back(n);
        start = end + 1;
    }
    return counts;
}

int serve(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    options.add_options()("work", po::value<std::string>()->value_name("DIR"),
                          "working folder (default: bench-work/N)")(
        "ungdc", po::value<std::string>()->value_name("PATH"),
        "UN General Debate speeches (folder or archive; default: /tmp/ungdc/TXT, else "
        "../shared/corpora/ungdc/ungdc-1946-2024.tar.xz, skipped when neither is there)")(
        "ungdc-speakers", po::value<std::string>()->value_name("FILE"),
        "speakers table of --ungdc (default: speakers.csv beside the archive)")(
        "ungdc-db", po::value<std::string>()->value_name("DIR"),
        "a database of the --ungdc speeches indexed before, copied into --work instead of "
        "indexing them again")("no-ungdc", "measure the generated corpus only")(
        "connections", po::value<std::string>()->value_name("LIST")->default_value("1,16,64"),
        "wrk connection counts, comma-separated")(
        "seconds", po::value<std::string>()->value_name("S")->default_value("3"),
        "length of each wrk run")("repeats",
                                  po::value<std::string>()->value_name("N")->default_value("3"),
                                  "wrk runs per connection count; the figures are their medians")(
        "server-threads", po::value<std::string>()->value_name("N")->default_value("2"),
        "r2p-serve --threads")("no-writer", "skip the run while r2p-index rewrites the database")(
        "json", "print the result as one JSON object instead of a table");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench", "serve [--passages N] [options]",
                                      options, {}, vm)) {
        return r2p::cli::kOk;
    }
    r2p::bench::ServeOptions serve_options;
    serve_options.passages = count_option(vm, "passages", kMaxPassages);
    serve_options.queries_per_class = count_option(vm, "queries-per-class", kMaxQueriesPerClass);
    if (serve_options.passages == 0 || serve_options.queries_per_class == 0)
        throw r2p::UsageError("--passages and --queries-per-class must be at least 1");
    serve_options.work = vm.count("work") ? std::filesystem::path(vm["work"].as<std::string>())
                                          : std::filesystem::path("bench-work") /
                                                std::to_string(serve_options.passages);
    serve_options.connections =
        count_list("--connections", vm["connections"].as<std::string>(), 10'000);
    serve_options.seconds = static_cast<double>(count_option(vm, "seconds", 3600));
    if (serve_options.seconds < 1) throw r2p::UsageError("--seconds must be at least 1");
    serve_options.repeats = std::max(1U, static_cast<unsigned>(count_option(vm, "repeats", 1000)));
    serve_options.server_threads =
        std::max(1U, static_cast<unsigned>(count_option(vm, "server-threads", kMaxThreads)));
    serve_options.writer = !vm.count("no-writer");
    serve_options.bin_dir = index_tool().parent_path();
    serve_options.lua_script = r2p::bench::default_data_file("wrk-rotate.lua");
    if (!vm.count("no-ungdc")) {
        std::filesystem::path speakers;
        const std::filesystem::path shared =
            std::filesystem::path(R2P_SOURCE_BENCH_DIR).parent_path().parent_path() / "shared";
        serve_options.ungdc = vm.count("ungdc")
                                  ? std::filesystem::path(vm["ungdc"].as<std::string>())
                                  : r2p::bench::find_ungdc(shared, speakers);
        serve_options.ungdc_speakers =
            vm.count("ungdc-speakers")
                ? std::filesystem::path(vm["ungdc-speakers"].as<std::string>())
                : speakers;
        if (vm.count("ungdc-db")) serve_options.ungdc_db = vm["ungdc-db"].as<std::string>();
    }
    if (serve_options.ungdc.empty()) {
        serve_options.ungdc_skipped =
            vm.count("no-ungdc") ? "not asked for (--no-ungdc)"
                                 : "the UN General Debate Corpus is neither at /tmp/ungdc/TXT nor "
                                   "at ../shared/corpora/ungdc";
    }
    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    const r2p::CorpusGenerator generator = make_generator(vm, taxonomy);
    const nlohmann::json result =
        r2p::bench::run_serve_benchmark(serve_options, generator, taxonomy, std::cerr);
    if (vm.count("json")) {
        std::cout << result.dump(2) << '\n';
    } else {
        r2p::bench::print_serve_table(result, std::cout);
    }
    return r2p::cli::kOk;
}

// The statements a signatures or trace run indexes: --corpus PATH... as given (with its
// --collection and --speakers), else a generated corpus of --passages in `work`.
struct CorpusChoice {
    std::vector<std::string> paths;
    std::string collection;
    std::filesystem::path speakers;
    nlohmann::json described;  ///< for the result's "corpus"
};

CorpusChoice choose_corpus(const po::variables_map& vm, const std::filesystem::path& work,
                           const r2p::Taxonomy& taxonomy) {
    CorpusChoice choice;
    if (vm.count("corpus")) {
        if (!vm["passages"].defaulted())
            throw r2p::UsageError("--passages generates a corpus: not with --corpus");
        choice.paths = vm["corpus"].as<std::vector<std::string>>();
        if (vm.count("collection")) {
            choice.collection =
                r2p::cli::resolve_collection_profile(vm["collection"].as<std::string>()).string();
        }
        if (vm.count("speakers")) choice.speakers = vm["speakers"].as<std::string>();
        choice.described = {{"kind", "real"},
                            {"paths", choice.paths},
                            {"collection", choice.collection},
                            {"speakers", choice.speakers.string()}};
        return choice;
    }
    if (vm.count("collection") || vm.count("speakers"))
        throw r2p::UsageError("--collection and --speakers need --corpus");
    const std::size_t passages = count_option(vm, "passages", kMaxPassages);
    if (passages == 0) throw r2p::UsageError("--passages must be at least 1");
    const r2p::CorpusGenerator generator = make_generator(vm, taxonomy);
    const r2p::bench::CorpusInfo corpus = r2p::bench::prepare_corpus(
        generator, work, passages, count_option(vm, "queries-per-class", kMaxQueriesPerClass),
        std::cerr);
    choice.paths = {corpus.statements.string()};
    choice.described = {{"kind", "generated"},
                        {"path", corpus.statements.string()},
                        {"seed", corpus.seed},
                        {"passages_requested", passages},
                        {"statements", corpus.generated.statements}};
    return choice;
}

// The default work folder: bench-work/N, or bench-work/corpus-NAME for --corpus.
std::filesystem::path default_work(const po::variables_map& vm) {
    if (vm.count("work")) return vm["work"].as<std::string>();
    if (vm.count("corpus"))
        return real_corpus_work(vm["corpus"].as<std::vector<std::string>>().front());
    return std::filesystem::path("bench-work") / vm["passages"].as<std::string>();
}

// Writes `result` to WORK/results/NAME and prints it (JSON or `table`).
void report(nlohmann::json result, const std::filesystem::path& work, const std::string& name,
            bool as_json, void (*table)(const nlohmann::json&, std::ostream&)) {
    const auto file = work / "results" / name;
    std::filesystem::create_directories(file.parent_path());
    result["json_file"] = file.string();
    std::ofstream(file) << result.dump(2) << '\n';
    if (as_json) {
        std::cout << result.dump(2) << '\n';
    } else {
        table(result, std::cout);
    }
}

int signatures(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    options.add(real_corpus_options());
    options.add_options()("work", po::value<std::string>()->value_name("DIR"),
                          "working folder (default: bench-work/N, or bench-work/corpus-NAME)")(
        "repeats", po::value<std::string>()->value_name("N")->default_value("3"),
        "runs with and runs without signatures, alternated; the figures are their medians")(
        "no-compact", "skip measuring both databases after xapian-compact")(
        "json", "print the result as one JSON object instead of a table");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench",
                                      "signatures --passages N | --corpus PATH... [options]",
                                      options, {}, vm)) {
        return r2p::cli::kOk;
    }
    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    r2p::bench::SignatureCostOptions cost;
    cost.work = default_work(vm);
    cost.repeats = static_cast<unsigned>(count_option(vm, "repeats", 1000));
    if (cost.repeats == 0) throw r2p::UsageError("--repeats must be at least 1");
    cost.compact = !vm.count("no-compact");
    CorpusChoice corpus = choose_corpus(vm, cost.work, taxonomy);
    cost.paths = corpus.paths;
    cost.collection = corpus.collection;
    cost.speakers = corpus.speakers;
    nlohmann::json result = r2p::bench::measure_signature_cost(cost, taxonomy, std::cerr);
    result["corpus"] = corpus.described;
    report(std::move(result), cost.work, "signatures.json", vm.count("json") > 0,
           r2p::bench::print_signature_table);
    return r2p::cli::kOk;
}

int trace(int argc, const char* const argv[]) {
    po::options_description options = corpus_options();
    options.add(real_corpus_options());
    options.add_options()(
        "db", po::value<std::string>()->value_name("DIR"),
        "a database with sentence signatures to measure (read only; e.g. the whole UNGDC); "
        "without it the corpus (--passages or --corpus) is indexed into WORK/trace.db")(
        "work", po::value<std::string>()->value_name("DIR"),
        "working folder (default: bench-work/N, or bench-work/corpus-NAME; with --db "
        "bench-work/trace)")("samples",
                             po::value<std::string>()->value_name("K")->default_value("40"),
                             "sentences sampled from random passages")(
        "common", po::value<std::string>()->value_name("K")->default_value("10"),
        "sentences taken from the --top list of the whole corpus")(
        "trace-seed", po::value<std::string>()->value_name("S")->default_value("2005"),
        "seed of the sampling")("repeats",
                                po::value<std::string>()->value_name("N")->default_value("3"),
                                "timed passes over the sentences (after one untimed)")(
        "top", po::value<std::string>()->value_name("N")->default_value("20"),
        "--top N timed over the whole corpus and the period; 0: not measured")(
        "from", po::value<std::string>()->value_name("YEAR")->default_value("2005"),
        "the period's first year for the second --top")(
        "to", po::value<std::string>()->value_name("YEAR")->default_value("2024"),
        "the period's last year")("json", "print the result as one JSON object instead of a table");
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench",
                                      "trace --db DIR | --passages N | --corpus PATH... [options]",
                                      options, {}, vm)) {
        return r2p::cli::kOk;
    }
    const r2p::Taxonomy taxonomy = r2p::cli::load_taxonomy_from(vm);
    r2p::bench::TraceBenchOptions bench;
    bench.samples = count_option(vm, "samples", kMaxQueriesPerClass);
    bench.common = count_option(vm, "common", kMaxQueriesPerClass);
    bench.seed = count_option(vm, "trace-seed", kMaxSeed);
    bench.repeats = static_cast<unsigned>(count_option(vm, "repeats", 1000));
    if (bench.repeats == 0) throw r2p::UsageError("--repeats must be at least 1");
    bench.top = count_option(vm, "top", r2p::kMaxLimit);
    bench.period_from = vm["from"].as<std::string>();
    bench.period_to = vm["to"].as<std::string>();
    std::filesystem::path work;
    nlohmann::json corpus_json;
    if (vm.count("db")) {
        if (vm.count("corpus") || !vm["passages"].defaulted())
            throw r2p::UsageError("--db is measured as it is: not with --corpus or --passages");
        bench.db = vm["db"].as<std::string>();
        work = vm.count("work") ? std::filesystem::path(vm["work"].as<std::string>())
                                : std::filesystem::path("bench-work") / "trace";
        corpus_json = {{"kind", "database"}, {"db", bench.db.string()}};
    } else {
        work = default_work(vm);
        const CorpusChoice corpus = choose_corpus(vm, work, taxonomy);
        r2p::IndexRequest request;
        request.db = work / "trace.db";
        request.paths = corpus.paths;
        request.collection = corpus.collection;
        request.speakers = corpus.speakers;
        std::cerr << "trace: indexing into " << request.db.string() << " ...\n";
        const r2p::IndexReport indexed = r2p::index_corpus(request, taxonomy);
        if (!indexed.nothing_to_index.empty()) throw r2p::CorpusError(indexed.nothing_to_index);
        bench.db = request.db;
        corpus_json = corpus.described;
    }
    nlohmann::json result = r2p::bench::measure_trace(bench, taxonomy, std::cerr);
    result["corpus"] = corpus_json;
    report(std::move(result), work, "trace.json", vm.count("json") > 0,
           r2p::bench::print_trace_table);
    return r2p::cli::kOk;
}

int table(int argc, const char* const argv[]) {
    po::options_description options("Options");
    options.add_options()("file", po::value<std::string>()->value_name("FILE")->required(),
                          "a result JSON written by r2p-bench run (results/bench-N.json)");
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map vm;
    if (!r2p::cli::parse_command_line(argc, argv, "bench", "table FILE", options, positional, vm)) {
        return r2p::cli::kOk;
    }
    const std::string file = vm["file"].as<std::string>();
    std::ifstream in(file);
    if (!in) throw r2p::CorpusError(file + ": cannot read");
    nlohmann::json result;
    try {
        result = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw r2p::UsageError(file + ": not a result of r2p-bench run (" + e.what() + ")");
    }
    r2p::bench::print_table(result, std::cout);
    return r2p::cli::kOk;
}

}  // namespace

int main(int argc, char* argv[]) {
    return r2p::cli::run_tool("bench", [&] {
        const std::string command = argc > 1 ? argv[1] : "";
        if (command == "generate") return generate(argc - 1, argv + 1);
        if (command == "run") return run(argc - 1, argv + 1);
        if (command == "table") return table(argc - 1, argv + 1);
        if (command == "large-file") return large_file(argc - 1, argv + 1);
        if (command == "serve") return serve(argc - 1, argv + 1);
        if (command == "signatures") return signatures(argc - 1, argv + 1);
        if (command == "trace") return trace(argc - 1, argv + 1);
        if (command == "--help" || command == "-h") {
            std::cout << "usage: r2p-bench " << kUsage << '\n';
            return static_cast<int>(r2p::cli::kOk);
        }
        if (command == "--version") {
            const char* args[] = {"r2p-bench", "--version"};
            po::variables_map vm;
            r2p::cli::parse_command_line(2, args, "bench", kUsage, {}, {}, vm);
            return static_cast<int>(r2p::cli::kOk);
        }
        throw r2p::UsageError(command.empty() ? "no command given: " + std::string(kCommands)
                                              : "unknown command '" + command + "' (" +
                                                    std::string(kCommands) + ")");
    });
}
