// End-to-end: r2p-bench generate and run at the CI smoke size, checked by their files and JSON.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "r2p/indexing.hpp"
#include "r2p/schema.hpp"
#include "skip.hpp"
#include "taxonomy_fixture.hpp"
#include "test_support.hpp"

#ifndef R2P_BENCH_SMOKE_PASSAGES
#define R2P_BENCH_SMOKE_PASSAGES 3000
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

// The query classes of a real corpus's set, in report order.
const std::vector<std::string> kRealClasses = {
    "frequent-term", "mid-term",     "rare-term", "and",      "or",       "phrase",
    "user-phrase",   "theme-filter", "facets",    "wildcard", "sort-date"};

// The UN General Debate Corpus beside the project (/work/shared/corpora/ungdc), or "".
std::filesystem::path ungdc_folder() {
    const auto folder = std::filesystem::path(kSource) / ".." / "shared" / "corpora" / "ungdc";
    std::error_code ec;
    return std::filesystem::is_directory(folder, ec) ? folder.lexically_normal()
                                                     : std::filesystem::path();
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
        const std::size_t passages = std::min<std::size_t>(R2P_BENCH_SMOKE_PASSAGES, 1500);
#else
        const std::size_t passages = R2P_BENCH_SMOKE_PASSAGES;
#endif
        const auto result =
            run_command(kBench + " run --json --passages " + std::to_string(passages) + " --work " +
                        shell_quote((dir / "work").string()) +
                        " --queries-per-class 5 --one-shot-per-class 2 --throughput-seconds 0.3" +
                        common_options());
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
        // The compacted database is the search-only serving copy (r2p-index --compact-to
        // --search-only): its table file written after compaction, timed apart, no termlist.
        CHECK(r["index"]["ours"]["tables_seconds"].get<double>() > 0);
        CHECK(std::filesystem::exists(dir / "work" / "ours-compact.db" / "r2p-tables"));
        CHECK_FALSE(std::filesystem::exists(dir / "work" / "ours-compact.db" / "termlist.glass"));
        CHECK(r["index"]["ours"]["db_bytes_compacted_with_termlist"].get<double>() >
              r["index"]["ours"]["db_bytes_compacted"].get<double>());
        CHECK(std::filesystem::exists(dir / "work" / "ours.db" / "r2p-tables"));

        const std::vector<std::string> classes = {
            "frequent-term", "rare-term",    "and",    "or",       "phrase",
            "synonym",       "theme-filter", "facets", "wildcard", "sort-date"};
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
            CHECK(q["overall"]["qps_facets"].get<double>() > 0);
        }
        // One-shot: a fresh r2p-search (ours) or r2p-bench-xapian-query (plain Xapian) per
        // query, the first 2 of each class, top-10 and faceted; cold one-shot per class.
        CHECK(r["one_shot"]["per_class"] == 2);
        for (const char* engine : {"ours", "ours-compacted", "xapian"}) {
            CAPTURE(engine);
            const json& q = r["queries"][engine];
            for (const auto& cls : classes) {
                CAPTURE(cls);
                const json& o = q["classes"][cls]["one_shot"];
                for (const char* mode : {"top10", "facets"}) {
                    CAPTURE(mode);
                    check_latency(o[mode]);
                    CHECK(o[mode]["count"] == 2);
                    CHECK(o[mode]["p50_ms"].get<double>() > 0);
                }
                CHECK(o["cold_ms"].get<double>() > 0);
                CHECK(o["cold_facets_ms"].get<double>() > 0);
            }
            const json& o = q["overall"]["one_shot"];
            check_latency(o["facets"]);
            // CPU time may be 0 for a short process where the kernel samples it by ticks.
            check_latency(o["top10_cpu"]);
            check_latency(o["facets_cpu"]);
            check_latency(o["cold_facets_ms"]);
            CHECK(o["process_start_ms"].get<double>() > 0);
            // Each faceted one-shot answer has the exact match count the same engine gave in
            // process: the peer executable and r2p-search do the in-process work.
            CHECK(o["matches_checked"] == classes.size() * 2);
            CHECK(o["match_mismatches"] == json::array());
        }
        CHECK(r["queries"]["ours"]["overall"]["one_shot"]["program"] == "r2p-search");
        CHECK(r["queries"]["xapian"]["overall"]["one_shot"]["program"] == "r2p-bench-xapian-query");
        CHECK_FALSE(r["queries"]["fts5"]["overall"].contains("one_shot"));
        CHECK(r["ratios"]["xapian"]["overall"]["one_shot"]["facets"]["p50_ms"].get<double>() > 0);
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

    TEST_CASE(
        "r2p-bench run --corpus indexes a real folder with every engine and queries it by its own "
        "vocabulary") {
        r2p::test::TempDir dir;
        // A few hand-written statements: words repeat across them so every band has some.
        const std::string body =
            "The Council must act when a government fails to protect its population from "
            "genocide, war crimes, ethnic cleansing and crimes against humanity.\n\n"
            "We call for accountability and an end to impunity; the responsibility to protect "
            "is a commitment of every member state.\n\n"
            "Humanitarian access and the protection of civilians remain urgent in the region.\n";
        for (int i = 0; i < 6; ++i) {
            r2p::test::write_file(dir / "corpus" / ("s" + std::to_string(i) + ".txt"),
                                  body + "Statement number " + std::to_string(i) +
                                      " closes with thanks to the delegations.\n");
        }
        const auto result =
            run_command(kBench + " run --json --corpus " + shell_quote((dir / "corpus").string()) +
                        " --work " + shell_quote((dir / "work").string()) +
                        " --queries-per-class 2 --one-shot-per-class 1 --throughput-seconds 0.2" +
                        common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["corpus"]["kind"] == "real");
        CHECK(r["corpus"]["files"].get<std::size_t>() == 6);
        CHECK(r["corpus"]["vocabulary"].get<std::size_t>() > 20);
        CHECK(r["index"]["ours"]["passages"].get<std::size_t>() >= 6);
        for (const char* engine : {"ours", "xapian", "fts5"}) {
            CAPTURE(engine);
            CHECK(r["index"][engine]["passages"].get<std::size_t>() > 0);
            CHECK(r["index"][engine]["peak_rss_bytes"].get<double>() > 0);
        }
        CHECK(r["query_classes"].get<std::vector<std::string>>() == kRealClasses);
        for (const char* engine : {"ours", "xapian", "fts5"}) {
            CAPTURE(engine);
            for (const auto& cls : kRealClasses) {
                CAPTURE(cls);
                REQUIRE(r["queries"][engine]["classes"].contains(cls));
                check_latency(r["queries"][engine]["classes"][cls]["facets"]);
            }
        }
        // One-shot and cold one-shot on a real corpus too (the same code path).
        for (const char* engine : {"ours", "ours-compacted", "xapian"}) {
            CAPTURE(engine);
            for (const auto& cls : kRealClasses) {
                CAPTURE(cls);
                const json& o = r["queries"][engine]["classes"][cls]["one_shot"];
                CHECK(o["facets"]["count"] == 1);
                CHECK(o["facets"]["p50_ms"].get<double>() > 0);
                CHECK(o["cold_facets_ms"].get<double>() > 0);
            }
            CHECK(r["queries"][engine]["overall"]["one_shot"]["match_mismatches"] == json::array());
        }
        for (const char* peer : {"xapian", "fts5"}) {
            for (const auto& cls : kRealClasses) CHECK(r["ratios"][peer]["classes"].contains(cls));
        }
        // The users' phrases are asked as typed, first ones first.
        const std::string phrases =
            r2p::test::read_file(dir / "work" / "queries" / "user-phrase.txt");
        CHECK(phrases == "'\"responsibility to protect\"'\nimpunity\n");
        CHECK(json::parse(r2p::test::read_file(dir / "work" / "results" / "bench-corpus.json")) ==
              r);
        // r2p-bench table reads it as it reads a generated run.
        const auto table =
            run_command(kBench + " table " + shell_quote(r["json_file"].get<std::string>()));
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("user-phrase") != std::string::npos);
    }

    TEST_CASE("a real-corpus query file with a mistake is refused naming its file and line") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "corpus" / "s.txt", "A statement on impunity.\n");
        const std::pair<const char*, const char*> cases[] = {
            {"[user-phrases]\nwar crimes\n[stopwords]\nthe\n[typo]\n",
             ":5: unknown section [typo]"},
            {"[user-phrases]\nWar Crimes\n[stopwords]\nthe\n", ":2: expected lower-case"},
            {"[user-phrases]\nwar crimes\n", ": section [stopwords] is missing or empty"}};
        for (const auto& [text, message] : cases) {
            const auto& text_ = text;  // clang 14 cannot capture a structured binding
            CAPTURE(text_);
            r2p::test::write_file(dir / "queries.conf", text);
            const auto result =
                run_command(kBench + " run --corpus " + shell_quote((dir / "corpus").string()) +
                            " --work " + shell_quote((dir / "work").string()) + " --real-queries " +
                            shell_quote((dir / "queries.conf").string()) + common_options());
            CHECK(result.exit_code == 3);
            CHECK(result.err.find((dir / "queries.conf").string() + message) != std::string::npos);
        }
    }

    TEST_CASE("r2p-bench-xapian-query answers one query as JSON and refuses bad usage") {
        r2p::test::TempDir dir;
        const std::string peer = std::string(R2P_BIN_DIR) + "/r2p-bench-xapian-query";
        // A database as the plain Xapian peer writes one: stemmed text, theme terms and
        // values, the text as data.
        {
            Xapian::WritableDatabase db((dir / "peer.db").string(), Xapian::DB_CREATE);
            Xapian::TermGenerator indexer;
            indexer.set_stemmer(r2p::schema::make_stemmer());
            const char* const texts[] = {
                "The Council failed to prevent atrocity crimes in the region.",
                "Prevention of genocide is the first duty of every State.",
                "We welcome the report on atrocity prevention and early warning."};
            for (const char* text : texts) {
                Xapian::Document doc;
                indexer.set_document(doc);
                indexer.index_text(text);
                doc.add_boolean_term(std::string(r2p::schema::kThemePrefix) + "prevention");
                doc.add_value(r2p::schema::slot(r2p::schema::Slot::Themes), "prevention");
                doc.add_value(r2p::schema::slot(r2p::schema::Slot::Roles), "ambassador");
                doc.set_data(text);
                db.add_document(doc);
            }
            db.commit();
        }
        const std::string db = shell_quote((dir / "peer.db").string());
        const auto answer = run_command(peer + " --db " + db + " --facets -- atrocity");
        INFO(answer.err);
        REQUIRE(answer.exit_code == 0);
        const json j = json::parse(answer.out);
        CHECK(j["matches"] == 2);
        CHECK(j["top"].size() == 2);
        CHECK(j["hits_with_data"] == 2);
        CHECK(j["facet_values"] == 2);  // one theme id and one role id
        // Two words: OR, as Xapian's QueryParser defaults to; AND spelt out.
        CHECK(json::parse(
                  run_command(peer + " --db " + db + " atrocity genocide").out)["matches"] == 3);
        CHECK(json::parse(run_command(peer + " --db " + db + " -- 'atrocity AND council'")
                              .out)["matches"] == 1);

        // The theme filter is a boolean filter on the theme term.
        CHECK(json::parse(run_command(peer + " --db " + db + " --theme prevention atrocity")
                              .out)["matches"] == 2);
        CHECK(json::parse(
                  run_command(peer + " --db " + db + " --theme other atrocity").out)["matches"] ==
              0);

        const auto usage = run_command(peer + " --db " + db);
        CHECK(usage.exit_code == 2);
        CHECK(usage.err.find("r2p-bench-xapian-query: error: no query given") == 0);
        CHECK(run_command(peer + " --db " + db + " --bogus x").exit_code == 2);
        const auto missing =
            run_command(peer + " --db " + shell_quote((dir / "none.db").string()) + " x");
        CHECK(missing.exit_code == 3);
        CHECK(missing.err.find("r2p-bench-xapian-query: error:") == 0);
    }

    TEST_CASE("r2p-bench run with both --corpus and --passages is a usage error") {
        const auto result = run_command(kBench + " run --corpus x --passages 100");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.find("r2p-bench: error:") == 0);
        CHECK(result.err.find("--corpus") != std::string::npos);
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

    TEST_CASE("r2p-bench serve on a small corpus: no request fails and every figure is there") {
        r2p::test::TempDir dir;
        // Not a timed check: a loaded machine (or the sanitizers) may serve slowly, never wrongly.
        const auto result =
            run_command(kBench + " serve --json --no-ungdc --passages 1500 --queries-per-class 3" +
                        " --connections 1,4 --seconds 1 --repeats 2 --work " +
                        shell_quote((dir / "work").string()) + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["ungdc_skipped"] == "not asked for (--no-ungdc)");
        const json& g = r["corpora"]["generated"];
        CHECK(g["passages"].get<std::size_t>() >= 1500 * 9 / 10);
        CHECK(g["distinct_requests"].get<std::size_t>() > 0);
        CHECK(g["library"]["queries"].get<std::size_t>() > 0);
        check_latency(g["library"]);
        const auto check_level = [](const json& level) {
            CHECK(level["requests"].get<std::size_t>() > 0);
            CHECK(level["requests_per_second"].get<double>() > 0);
            check_latency(level);
            CHECK(level["status_errors"] == 0);
            CHECK(level["socket_errors"] == 0);
        };
        REQUIRE(g["levels"].size() == 2);
        for (const json& level : g["levels"]) {
            CAPTURE(level.dump());
            check_level(level);
            CHECK(level["runs"].size() == 2);
        }
        CHECK(g["levels"][0]["connections"] == 1);
        CHECK(g["levels"][1]["connections"] == 4);
        CAPTURE(g["while_indexing"].dump());
        check_level(g["while_indexing"]);
        CHECK(g["server_adds_to_p50_ms"].is_number());
        // The request list the server was driven with, and the result file.
        CHECK(std::filesystem::file_size(g["requests_file"].get<std::string>()) > 0);
        CHECK(std::filesystem::exists(r["json_file"].get<std::string>()));
    }

    TEST_CASE(
        "r2p-bench signatures indexes one corpus with and without signatures, alternated, and "
        "gives every figure") {
        r2p::test::TempDir dir;
        // Completion and figures, not speed: a few hundred passages, one run of each.
#ifdef R2P_SANITIZED
        const std::size_t passages = 150;  // three runs of r2p-index's pipeline, sanitized
#else
        const std::size_t passages = 400;
#endif
        const std::string size = " --passages " + std::to_string(passages) + " --repeats 1";
        const auto result = run_command(kBench + " signatures --json" + size + " --work " +
                                        shell_quote((dir / "work").string()) + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["corpus"]["kind"] == "generated");
        CHECK(r["repeats"] == 1);
        CHECK(r["load_average"].size() == 3);
        for (const char* variant : {"with", "without"}) {
            CAPTURE(variant);
            const json& v = r[variant];
            CHECK(v["passages"].get<std::size_t>() >= passages * 9 / 10);
            CHECK(v["wall_seconds"].size() == 1);
            CHECK(v["cpu_seconds"].size() == 1);
            CHECK(v["median_wall_seconds"].get<double>() > 0);
            CHECK(v["median_cpu_seconds"].get<double>() > 0);
            CHECK(v["passages_per_second"].get<double>() > 0);
            CHECK(v["db_bytes"].get<double>() > 0);
            CHECK(v["db_bytes_compacted"].get<double>() > 0);
        }
        // The switch works: anchors and the scheme key only with signatures.
        CHECK(r["with"]["anchor_terms"].get<std::size_t>() > 0);
        CHECK(r["with"]["anchor_postings"].get<std::size_t>() >=
              r["with"]["anchor_terms"].get<std::size_t>());
        CHECK(r["with"]["scheme"].is_string());
        CHECK(r["without"]["anchor_terms"] == 0);
        CHECK(r["without"]["scheme"].is_null());
        CHECK(r["with"]["db_bytes"].get<double>() > r["without"]["db_bytes"].get<double>());
        for (const char* ratio : {"wall_seconds", "cpu_seconds", "db_bytes", "db_bytes_compacted"})
            CHECK(r["with_over_without"][ratio].get<double>() > 0);
        CHECK(json::parse(r2p::test::read_file(r["json_file"].get<std::string>())) == r);
        // Both databases are removed after they were measured; the table reads the result.
        CHECK_FALSE(std::filesystem::exists(dir / "work" / "signatures-with.db"));
        const auto table = run_command(kBench + " signatures" + size + " --no-compact --work " +
                                       shell_quote((dir / "work").string()) + common_options());
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("with/without") != std::string::npos);
    }

    TEST_CASE(
        "r2p-bench trace times trace, like search, --top and the phrase peer, with every figure") {
        r2p::test::TempDir dir;
        // Statements over eight years: a courtesy sentence in each, the 2005 formula from 2005
        // on (once inside a longer sentence), and sentences of their own.
        const char* const kOwn[] = {
            "Our delegation supports the early warning capacity of the regional offices.",
            "The mediation team travelled to the border districts twice during the rainy season.",
            "We have trained four hundred police officers in the protection of displaced women.",
            "Our parliament adopted a national action plan on atrocity prevention last spring.",
            "The national commission has documented abuses in three provinces since January.",
            "We contributed two engineering companies to the mission in the northern region.",
            "Our focal point convened a meeting of civil society groups on hate speech.",
            "The reconciliation fund supported local peace committees in twelve districts.",
        };
        for (int i = 0; i < 8; ++i) {
            const int year = 2003 + i;
            std::string text = "Statement by the delegation of state " + std::to_string(i) +
                               "\n\n12 October " + std::to_string(year) + "\n\n";
            text +=
                "I congratulate you, Sir, on your election to the presidency of this "
                "Assembly at its session.\n\n";
            if (year >= 2005) {
                text += i == 5 ? "We recall that the responsibility to protect populations from "
                                 "genocide, war crimes, ethnic cleansing and crimes against "
                                 "humanity rests first with each State.\n\n"
                               : "The responsibility to protect populations from genocide, war "
                                 "crimes, ethnic cleansing and crimes against humanity was "
                                 "agreed by our leaders.\n\n";
            }
            text += std::string(kOwn[i]) + "\n";
            r2p::test::write_file(dir / "corpus" / ("statement-" + std::to_string(i) + ".txt"),
                                  text);
        }
        const auto result = run_command(
            kBench + " trace --json --corpus " + shell_quote((dir / "corpus").string()) +
            " --work " + shell_quote((dir / "work").string()) +
            " --samples 4 --common 2 --repeats 2 --top 3" + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["corpus"]["kind"] == "real");
        CHECK(r["passages"].get<std::size_t>() == 22);  // 8 x 3 paragraphs, 2 without the formula
        CHECK(r["scheme"].is_string());
        for (const char* which : {"whole", "period"}) {
            CAPTURE(which);
            const json& top = r["top"][which];
            CHECK(top["seconds"].get<double>() > 0);
            CHECK(top["passages_read"].get<std::size_t>() > 0);
            CHECK(top["sentences_read"].get<std::size_t>() > 0);
            CHECK_FALSE(top["sentences"].empty());
        }
        CHECK(r["top"]["period"]["from"] == "2005");
        // The formula, sampled sentences and the --top list's, each timed on every engine.
        std::map<std::string, std::size_t> classes;
        for (const json& s : r["sentences"]) {
            ++classes[s["class"].get<std::string>()];
            CHECK(s["uses"].get<std::size_t>() >= 1);
            for (const char* figure : {"trace_median_ms", "like_median_ms", "phrase_median_ms"})
                CHECK(s[figure].get<double>() > 0);
        }
        CHECK(classes["formula"] == 1);
        CHECK(classes["sampled"] >= 2);
        CHECK(classes["common"] >= 1);
        const json& formula = r["sentences"][0];
        CHECK(formula["class"] == "formula");
        CHECK(formula["uses"].get<std::size_t>() >= 5);
        CHECK(formula["first_use"]["date"].get<std::string>().rfind("2005", 0) == 0);
        for (const char* engine : {"trace", "like", "phrase"}) {
            CAPTURE(engine);
            for (const char* cls : {"formula", "sampled", "common", "overall"}) {
                CAPTURE(cls);
                REQUIRE(r["latency"][engine].contains(cls));
                check_latency(r["latency"][engine][cls]);
                CHECK(r["latency"][engine][cls]["count"].get<std::size_t>() >= 2);
            }
        }
        for (const char* ratio : {"trace_over_phrase", "like_over_phrase"})
            CHECK(r["p50_ratios"][ratio]["overall"].get<double>() > 0);
        CHECK(std::filesystem::exists(r["json_file"].get<std::string>()));
    }

    TEST_CASE("r2p-bench trace refuses a database without signatures, and --db with --corpus") {
        r2p::test::TempDir dir;
        r2p::test::write_file(dir / "corpus" / "s.txt",
                              "A statement on the prevention of atrocity crimes by all states.\n");
        const auto both = run_command(kBench + " trace --db x --corpus " +
                                      shell_quote((dir / "corpus").string()));
        CHECK(both.exit_code == 2);
        CHECK(both.err.find("r2p-bench: error:") == 0);
        // A database written without signatures, as the library can (r2p-index cannot).
        r2p::IndexRequest request;
        request.db = dir / "db";
        request.paths = {(dir / "corpus").string()};
        request.sentence_signatures = false;
        REQUIRE(r2p::index_corpus(request, r2p::test::source_taxonomy()).passages() > 0);
        const auto refused =
            run_command(kBench + " trace --db " + shell_quote((dir / "db").string()) + " --work " +
                        shell_quote((dir / "work").string()) + common_options());
        CHECK(refused.exit_code == 2);
        CHECK(refused.err.find("has no sentence signatures") != std::string::npos);
    }

    TEST_CASE("r2p-bench without a command or with an unknown one is a usage error naming all") {
        for (const std::string args : {"", " frobnicate"}) {
            CAPTURE(args);
            const auto result = run_command(kBench + args);
            CHECK(result.exit_code == 2);
            CHECK(result.out.empty());
            CHECK(result.err.find("r2p-bench: error:") == 0);
            CHECK(result.err.find("generate, run, table, large-file, serve, signatures or trace") !=
                  std::string::npos);
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

TEST_SUITE("optional_e2e_bench_ungdc") {
    TEST_CASE("r2p-bench run --corpus on the 1946 UN General Debate speeches draws every class") {
        const std::filesystem::path ungdc = ungdc_folder();
        if (ungdc.empty()) {
            r2p::test::skip("the UN General Debate Corpus is not at ../shared/corpora/ungdc");
            return;
        }
        r2p::test::TempDir dir;
        // Until r2p-index reads archives, the first session's speeches are unpacked here.
        const auto unpacked = run_command(
            "tar -xJf " + shell_quote((ungdc / "ungdc-1946-2024.tar.xz").string()) + " -C " +
            shell_quote(dir.path().string()) + " --wildcards 'TXT/Session 01 - 1946/*'");
        INFO(unpacked.err);
        REQUIRE(unpacked.exit_code == 0);
        const auto result =
            run_command(kBench + " run --json --corpus " +
                        shell_quote((dir / "TXT" / "Session 01 - 1946").string()) + " --work " +
                        shell_quote((dir / "work").string()) + " --collection ungdc --speakers " +
                        shell_quote((ungdc / "speakers.csv").string()) +
                        " --queries-per-class 3 --throughput-seconds 0.2" + common_options());
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        const json r = json::parse(result.out);
        CHECK(r["corpus"]["files"].get<std::size_t>() >= 30);
        CHECK(r["query_classes"].get<std::vector<std::string>>() == kRealClasses);
        // Real speeches repeat their phrases: the phrase class holds corpus bigrams.
        CHECK(r["queries"]["ours"]["classes"]["phrase"]["mean_matches"].get<double>() > 0);
        CHECK(r["queries"]["ours"]["classes"]["frequent-term"]["mean_matches"].get<double>() > 0);
    }
}
