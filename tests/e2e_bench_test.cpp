// End-to-end: r2p-bench generate and run at the CI smoke size, checked by their files and JSON.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "test_support.hpp"

#ifndef R2P_BENCH_SMOKE_PASSAGES
#define R2P_BENCH_SMOKE_PASSAGES 10000
#endif

namespace {

using r2p::test::kBench;

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kSource = R2P_SOURCE_DIR;

std::string common_options() {
    return " --themes " + shell_quote(kSource + "/corpus/taxonomy/themes.conf") + " --roles " +
           shell_quote(kSource + "/corpus/taxonomy/roles.conf") + " --genre " +
           shell_quote(kSource + "/bench/data/genre.conf");
}

void check_latency(const json& j) {
    for (const char* p : {"p50_ms", "p95_ms", "p99_ms"}) {
        CAPTURE(p);
        REQUIRE(j.contains(p));
        CHECK(j[p].is_number());
        CHECK(j[p].get<double>() >= 0.0);
    }
    CHECK(j["p50_ms"].get<double>() <= j["p99_ms"].get<double>());
}

}  // namespace

TEST_SUITE("e2e_bench") {
    TEST_CASE(
        "r2p-bench run at the smoke size prints one JSON object with every class and both peers") {
        r2p::test::TempDir dir;
#ifdef R2P_SANITIZED
        // Completion and JSON are what this checks; the sanitizers make each passage ~10x dearer.
        const std::size_t passages = std::min<std::size_t>(R2P_BENCH_SMOKE_PASSAGES, 4000);
#else
        const std::size_t passages = R2P_BENCH_SMOKE_PASSAGES;
#endif
        const auto result =
            run_command(kBench + " run --json --passages " + std::to_string(passages) + " --work " +
                        shell_quote((dir / "work").string()) +
                        " --queries-per-class 5 --throughput-seconds 0.3" + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        REQUIRE(r.is_object());

        CHECK(r["index"]["ours"]["passages"].get<std::size_t>() >= passages * 9 / 10);
        for (const char* engine : {"ours", "xapian", "fts5"}) {
            CAPTURE(engine);
            const json& idx = r["index"][engine];
            CHECK(idx["passages_per_second"].get<double>() > 0);
            CHECK(idx["db_bytes"].get<double>() > 0);
            CHECK(idx["db_bytes_compacted"].get<double>() > 0);
        }
        CHECK(r["index"]["ours"]["peak_rss_bytes"].get<double>() > 0);

        const std::vector<std::string> classes = {
            "frequent-term", "rare-term", "and",      "or",       "phrase",
            "theme-filter",  "facets",    "wildcard", "sort-date"};
        CHECK(r["query_classes"].get<std::vector<std::string>>() == classes);
        for (const char* engine : {"ours", "xapian", "fts5"}) {
            CAPTURE(engine);
            const json& q = r["queries"][engine];
            for (const auto& cls : classes) {
                CAPTURE(cls);
                REQUIRE(q["classes"].contains(cls));
                check_latency(q["classes"][cls]["top10"]);
                check_latency(q["classes"][cls]["facets"]);
                CHECK(q["classes"][cls]["cold_ms"].get<double>() > 0);
            }
            check_latency(q["overall"]["facets"]);
            CHECK(q["overall"]["qps"].get<double>() > 0);
        }
        for (const char* peer : {"xapian", "fts5"}) {
            CAPTURE(peer);
            const json& ratios = r["ratios"][peer];
            CHECK(ratios["index"]["passages_per_second"].get<double>() > 0);
            for (const auto& cls : classes) CHECK(ratios["classes"].contains(cls));
            CHECK(ratios["overall"]["qps"].get<double>() > 0);
        }
        // The JSON is also written to a file, and the query set beside the corpus.
        CHECK(json::parse(r2p::test::read_file(r["json_file"].get<std::string>())) == r);
        CHECK(std::filesystem::exists(dir / "work" / "queries" / "queries.txt"));
        CHECK(std::filesystem::exists(dir / "work" / "queries" / "phrase.txt"));
    }

    TEST_CASE("r2p-bench generate is prefix-stable and refuses a folder it did not make") {
        r2p::test::TempDir dir;
        auto generate = [&](const std::string& out, std::size_t passages) {
            return run_command(kBench + " generate --passages " + std::to_string(passages) +
                               " --out " + shell_quote((dir / out).string()) + common_options());
        };
        REQUIRE(generate("small", 300).exit_code == 0);
        REQUIRE(generate("large", 900).exit_code == 0);
        const auto first = std::filesystem::path("corpus") / "0000" / "bench-0000000.txt";
        CHECK(r2p::test::read_file(dir / "small" / first) ==
              r2p::test::read_file(dir / "large" / first));
        const json manifest = json::parse(r2p::test::read_file(dir / "large" / "manifest.json"));
        CHECK(manifest["passages"].get<std::size_t>() >= 900);

        r2p::test::write_file(dir / "foreign" / "corpus" / "keep.txt", "mine");
        const auto refused = generate("foreign", 100);
        CHECK(refused.exit_code == 3);
        CHECK(refused.err.find("r2p-bench: error:") == 0);
        CHECK(std::filesystem::exists(dir / "foreign" / "corpus" / "keep.txt"));
    }

    TEST_CASE("r2p-bench large-file: a 20 MB statement is indexed within 10 times its size") {
        r2p::test::TempDir dir;
#ifdef R2P_SANITIZED
        // The sanitizers' shadow memory and quarantine make any peak figure meaningless.
        const std::size_t megabytes = 2;
#else
        const std::size_t megabytes = 20;
#endif
        const auto result =
            run_command(kBench + " large-file --json --megabytes " + std::to_string(megabytes) +
                        " --work " + shell_quote((dir / "work").string()) + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["megabytes"].get<double>() >= static_cast<double>(megabytes));
        CHECK(r["passages"].get<std::size_t>() > megabytes * 1000);
        CHECK(r["seconds"].get<double>() > 0);
        CAPTURE(r["peak_rss_megabytes"].get<double>());
#ifndef R2P_SANITIZED
        // Regression: a 50 MB statement took 2.1 GB, 42 times its size (5 MB: 300 MB).
        CHECK(r["peak_rss_per_file_size"].get<double>() <= 10.0);
#endif
    }

    TEST_CASE("r2p-bench without a command or with an unknown one is a usage error naming all") {
        for (const std::string args : {"", " frobnicate"}) {
            CAPTURE(args);
            const auto result = run_command(kBench + args);
            CHECK(result.exit_code == 2);
            CHECK(result.out.empty());
            CHECK(result.err.find("r2p-bench: error:") == 0);
            CHECK(result.err.find("generate, run, table or large-file") != std::string::npos);
        }
    }

    TEST_CASE("negative, non-numeric and overflowing counts are usage errors") {
        const char* bad[] = {"run --passages -1",
                             "run --threads -1",
                             "run --seed -1",
                             "run --index-shards -1",
                             "run --queries-per-class -1",
                             "run --passages 99999999999999999999999",
                             "run --threads two",
                             "run --shards 2,-1",
                             "run --throughput-seconds inf",
                             "generate --passages -1 --out x",
                             "generate --seed 1e3 --out x"};
        for (const char* args : bad) {
            SUBCASE(args) {
                const auto result = run_command(kBench + " " + args);
                CHECK(result.exit_code == 2);
                CHECK(result.out.empty());
                CHECK(result.err.find("r2p-bench: error:") == 0);
            }
        }
    }
}
