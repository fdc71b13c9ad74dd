// End-to-end: the same passages as one database, as 1, 2 and 4 local shards, as remote
// shards served by xapian-tcpsrv on loopback, and mixed, must answer every query alike.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "bench/testkit/shard_servers.hpp"
#include "e2e_paths.hpp"
#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

using r2p::test::kBench;
using r2p::test::kCorpus;
using r2p::test::kIndex;
using r2p::test::kSearch;

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;

// The same passages indexed four ways, and servers for every shard. Each layout is built
// the first time a case asks for it: ctest runs every case in a process of its own, and a
// case that needs only the two shards should not pay for indexing the passages four times.
class Layouts {
  public:
    // False when generating the corpus, indexing it or starting xapian-tcpsrv failed.
    bool ready_one() { return corpus_ready() && (built_one_ || build_one()); }
    bool ready(int shards) {
        return corpus_ready() && (sharded_.count(shards) > 0 || build_sharded(shards));
    }
    bool ready_all() { return ready_one() && ready(1) && ready(2) && ready(4); }

    const std::string& one() const { return one_; }
    const std::string& sharded(int shards) const { return sharded_.at(shards); }
    std::string shard(int shards, int i) const {
        return sharded_.at(shards) + "/shard" + std::to_string(i);
    }
    std::string remote(int shards, int i) const {
        return servers_.at(shards)->specs().at(static_cast<std::size_t>(i));
    }

  private:
    std::string inputs() const {
        return shell_quote(corpus_ + "/corpus") + " " + shell_quote(kCorpus);
    }

    bool corpus_ready() {
        if (!generated_) {
            // 1,200 passages: every query below still matches, ties and groups form, and four
            // shards hold 300 each (3,000 cost the sanitized run 80 s for the same checks).
            generated_ = run_command(kBench + " generate --passages 1200 --seed 7 --out " +
                                     shell_quote(corpus_))
                             .exit_code == 0;
        }
        return generated_;
    }

    bool build_one() {
        built_one_ = run_command(kIndex + " --quiet --db " + shell_quote(one_) + " " + inputs() +
                                 " >/dev/null")
                         .exit_code == 0;
        return built_one_;
    }

    bool build_sharded(int shards) {
        const std::string db = (dir_ / ("s" + std::to_string(shards))).string();
        if (run_command(kIndex + " --quiet --shards " + std::to_string(shards) + " --db " +
                        shell_quote(db) + " " + inputs() + " >/dev/null")
                .exit_code != 0) {
            return false;
        }
        std::vector<std::filesystem::path> dirs;
        for (int i = 0; i < shards; ++i) dirs.emplace_back(db + "/shard" + std::to_string(i));
        try {
            servers_[shards] = std::make_unique<r2p::ShardServers>(dirs);
        } catch (const r2p::Error&) {
            return false;
        }
        sharded_[shards] = db;
        return true;
    }

    r2p::test::TempDir dir_;
    std::string corpus_ = (dir_ / "gen").string();
    std::string one_ = (dir_ / "one").string();
    bool generated_ = false;
    bool built_one_ = false;
    std::map<int, std::string> sharded_;                         // shard count -> database folder
    std::map<int, std::unique_ptr<r2p::ShardServers>> servers_;  // shard count -> its servers
};

Layouts& layouts() {
    static Layouts instance;
    return instance;
}

std::string db_args(const std::vector<std::string>& specs) {
    std::string args;
    for (const auto& spec : specs) args += " --db " + shell_quote(spec);
    return args;
}

json search(const std::vector<std::string>& specs, const std::string& args) {
    const auto result = run_command(kSearch + db_args(specs) + " --json " + args);
    INFO("r2p-search", db_args(specs), " ", args, ": ", result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

// How a hit is named when results are compared: by its passage id, or (grouped) by its group
// and what it folds.
using HitName = std::string (*)(const json& result, const json& hit);

std::string passage_id(const json&, const json& hit) { return hit["id"].get<std::string>(); }

// Results as groups of equal rank keys: passages that tie (same score, and same date under
// --sort date) may come in any order, since document numbers differ between layouts.
std::vector<std::set<std::string>> tie_groups(const json& result, bool by_date,
                                              HitName name = passage_id) {
    std::vector<std::set<std::string>> groups;
    double last_score = NAN;
    std::string last_date;
    for (const auto& hit : result["results"]) {
        const double score = hit["score"].get<double>();
        const std::string date =
            hit["doc"]["date"].is_string() ? hit["doc"]["date"].get<std::string>() : "";
        const bool tie = !groups.empty() && std::fabs(score - last_score) <= 1e-3 &&
                         (!by_date || date == last_date);
        if (!tie) groups.emplace_back();
        groups.back().insert(name(result, hit));
        last_score = score;
        last_date = date;
    }
    return groups;
}

std::vector<double> scores(const json& result) {
    std::vector<double> out;
    for (const auto& hit : result["results"]) out.push_back(hit["score"].get<double>());
    return out;
}

// Scores are printed with 4 decimals: equal within that.
bool same_scores(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::fabs(a[i] - b[i]) > 2e-4) return false;
    }
    return true;
}

void check_same(const json& expected, const json& actual, bool by_date) {
    CHECK(actual["matches"] == expected["matches"]);
    CHECK(actual["facets"] == expected["facets"]);
    CHECK(same_scores(scores(actual), scores(expected)));
    CHECK(tie_groups(actual, by_date) == tie_groups(expected, by_date));
}

// Every result up to the limit is compared, so no tie group is cut differently by it.
const std::vector<std::pair<std::string, bool>> kQueries = {
    {"--limit 10000 --facet theme --facet role --facet kind --facet year impunity", false},
    {"--limit 10000 --facet theme --facet role prevent", false},
    {"--limit 10000 --facet theme --facet role --facet doc --sort date prevent", true},
    {"--limit 10000 --facet role '\"responsibility to protect\"'", false},
    {"--limit 10000 --facet theme 'kind:quote role:minister'", false},
    {"--limit 10000 --facet year --match any genocide sanctions", false},
    {"--limit 10000 --facet theme --theme accountability --kind quote", false},
    {"--limit 10000 --facet role 'protect*'", false},
    {"--limit 10000 --facet theme --facet role --facet year --facet-mode disjunctive --theme "
     "accountability --theme prevention --role minister --from 2012 prevent",
     false},
};

// Grouped queries: a group may be stood for by any of its passages that tie, so groups are
// compared by their keys (paragraph or document) and folded counts.
const std::vector<std::pair<std::string, bool>> kGroupedQueries = {
    {"--limit 10000 --group paragraph --facet theme impunity", false},
    {"--limit 10000 --group paragraph prevent", false},
    {"--limit 10000 --group doc --facet kind prevent", false},
    {"--limit 10000 --group paragraph --sort date genocide", true},
};

// A grouped hit named by its group key (paragraph or document) and what it folds.
std::string group_and_folded(const json& result, const json& hit) {
    const std::string key = result["group"] == "doc"  ? hit["doc"]["id"].get<std::string>()
                            : hit["parent"].is_null() ? hit["id"].get<std::string>()
                                                      : hit["parent"].get<std::string>();
    return key + " +" + std::to_string(hit["folded"].get<int>());
}

void check_same_grouped(const json& expected, const json& actual, bool by_date) {
    CHECK(actual["matches"] == expected["matches"]);
    CHECK(actual["groups"] == expected["groups"]);
    CHECK(actual["facets"] == expected["facets"]);
    CHECK(same_scores(scores(actual), scores(expected)));
    CHECK(tie_groups(actual, by_date, group_and_folded) ==
          tie_groups(expected, by_date, group_and_folded));
}

}  // namespace

TEST_SUITE("e2e_shards") {
    TEST_CASE("1, 2 and 4 shards, local, remote and mixed, answer exactly like one database") {
        Layouts& l = layouts();
        REQUIRE_MESSAGE(l.ready_all(), "building the layouts or starting xapian-tcpsrv failed");
        // Under the sanitizers (which look for memory faults, not for wrong answers) one mode
        // of each kind runs: a remote, a stub file, a mixed set, tables over one and over four
        // --db. Every mode runs in the plain build.
#ifdef R2P_SANITIZED
        const bool every_mode = false;
#else
        const bool every_mode = true;
#endif
        const std::set<std::string> sanitized_modes = {"1 remote", "2 local (stub file)", "4 mixed",
                                                       "1 local, tables",
                                                       "4 local in 4 --db, tables"};
        const auto runs = [&](const std::string& mode) {
            return every_mode || sanitized_modes.count(mode) > 0;
        };
        const std::vector<std::pair<std::string, std::vector<std::string>>> modes = {
            {"1 local", {l.sharded(1)}},
            {"1 remote", {l.remote(1, 0)}},
            {"2 local (stub folder)", {l.sharded(2)}},
            {"2 local (stub file)", {l.sharded(2) + "/r2p.stub"}},
            {"2 remote", {l.remote(2, 0), l.remote(2, 1)}},
            {"2 mixed", {l.remote(2, 0), l.shard(2, 1)}},
            {"4 local", {l.sharded(4)}},
            {"4 remote", {l.remote(4, 0), l.remote(4, 1), l.remote(4, 2), l.remote(4, 3)}},
            {"4 mixed", {l.shard(4, 0), l.remote(4, 1), l.shard(4, 2), l.remote(4, 3)}},
        };
        // Facets counted from tables index them by the combined database's docids.
        const std::vector<std::pair<std::string, std::vector<std::string>>> table_modes = {
            {"1 local, tables", {l.one()}},
            {"2 local, tables", {l.sharded(2)}},
            {"4 local, tables", {l.sharded(4)}},
            {"4 local in 4 --db, tables",
             {l.shard(4, 0), l.shard(4, 1), l.shard(4, 2), l.shard(4, 3)}},
        };
        for (const auto& name : sanitized_modes) {  // a renamed mode must not drop out
            const auto named = [&](const auto& mode) { return mode.first == name; };
            CHECK_MESSAGE((std::any_of(modes.begin(), modes.end(), named) ||
                           std::any_of(table_modes.begin(), table_modes.end(), named)),
                          name);
        }
        for (const auto& [args, by_date] : kQueries) {
            const json expected = search({l.one()}, "--tables never " + args);
            CHECK(expected["matches"]["lower"].get<int>() > 0);
            for (const auto& [mode, specs] : modes) {
                if (!runs(mode)) continue;
                const auto& mode_ = mode;  // clang 14 cannot capture a structured binding
                CAPTURE(mode_);
                const auto& args_ = args;  // clang 14 cannot capture a structured binding
                CAPTURE(args_);
                check_same(expected, search(specs, args), by_date);
            }
            for (const auto& [mode, specs] : table_modes) {
                if (!runs(mode)) continue;
                const auto& mode_ = mode;  // clang 14 cannot capture a structured binding
                CAPTURE(mode_);
                const auto& args_ = args;  // clang 14 cannot capture a structured binding
                CAPTURE(args_);
                check_same(expected, search(specs, "--tables always " + args), by_date);
            }
        }
    }

    TEST_CASE("grouped results are the same on every layout as on one database") {
        Layouts& l = layouts();
        // One database, two and four shards: the one-shard layout is not among its modes.
        REQUIRE_MESSAGE((l.ready_one() && l.ready(2) && l.ready(4)),
                        "building the layouts or starting xapian-tcpsrv failed");
        const std::vector<std::pair<std::string, std::vector<std::string>>> modes = {
            {"2 local", {l.sharded(2)}},
            {"4 local in 4 --db", {l.shard(4, 0), l.shard(4, 1), l.shard(4, 2), l.shard(4, 3)}},
            {"2 remote", {l.remote(2, 0), l.remote(2, 1)}},
            {"4 mixed", {l.shard(4, 0), l.remote(4, 1), l.shard(4, 2), l.remote(4, 3)}},
        };
        for (const auto& [args, by_date] : kGroupedQueries) {
            const json expected = search({l.one()}, args);
            CHECK(expected["groups"]["lower"].get<int>() > 0);
            CHECK(expected["groups"]["lower"].get<int>() < expected["matches"]["lower"].get<int>());
            for (const auto& [mode, specs] : modes) {
                const auto& mode_ = mode;  // clang 14 cannot capture a structured binding
                CAPTURE(mode_);
                const auto& args_ = args;  // clang 14 cannot capture a structured binding
                CAPTURE(args_);
                check_same_grouped(expected, search(specs, args), by_date);
            }
        }
    }

    TEST_CASE("a re-indexed document replaces itself in its own shard") {
        r2p::test::TempDir dir;  // a database of its own: none of the layouts
        const std::string db = (dir / "reindex").string();
        const std::string file = (dir / "one-file/statement.txt").string();
        r2p::test::write_file(file, "A statement on impunity and genocide prevention.\n");
        REQUIRE(run_command(kIndex + " --quiet --shards 4 --db " + shell_quote(db) + " " +
                            shell_quote(file) + " >/dev/null")
                    .exit_code == 0);
        r2p::test::write_file(file,
                              "A changed statement on impunity.\n\nAnd a second paragraph.\n");
        REQUIRE(run_command(kIndex + " --quiet --db " + shell_quote(db) + " " + shell_quote(file) +
                            " >/dev/null")
                    .exit_code == 0);
        const json result = search({db}, "--limit 100 'doc:statement'");
        CHECK(result["matches"]["lower"] == 2);
    }

    TEST_CASE("a shard that is down: exit 3 naming it, or --allow-partial naming it missing") {
        Layouts& l = layouts();
        REQUIRE(l.ready(2));  // the two shards and their servers only
        // A server of its own, so the shared ones stay up for the other cases.
        auto doomed =
            std::make_unique<r2p::ShardServers>(std::vector<std::filesystem::path>{l.shard(2, 1)});
        const std::string doomed_spec = doomed->specs().front();
        const std::string host_port = doomed_spec.substr(std::string("tcp://").size());
        const std::vector<std::string> specs = {l.remote(2, 0), doomed_spec};
        const json whole = search(specs, "--limit 10000 prevent");
        doomed.reset();  // stops its server

        const auto failed = run_command(kSearch + db_args(specs) + " --json prevent");
        CHECK(failed.exit_code == 3);
        CHECK(failed.err.find(host_port) != std::string::npos);
        CHECK(failed.out.empty());

        const auto partial =
            run_command(kSearch + db_args(specs) + " --allow-partial --json --limit 10000 prevent");
        CHECK(partial.exit_code == 1);
        const json result = json::parse(partial.out);
        CHECK(result["missing_shards"] == json::array({host_port}));
        CHECK(result["matches"]["lower"].get<int>() > 0);
        CHECK(result["matches"]["lower"].get<int>() < whole["matches"]["lower"].get<int>());

        const auto table = run_command(kSearch + db_args(specs) + " --allow-partial prevent");
        CHECK(table.out.find(host_port) != std::string::npos);
    }

    TEST_CASE("a stub that names a program to run is refused, never run") {
        r2p::test::TempDir dir;
        const auto marker = dir / "ran";
        r2p::test::write_file(dir / "evil.stub", "remote :touch " + marker.string() + "\n");
        const auto result =
            run_command(kSearch + " --db " + shell_quote((dir / "evil.stub").string()) + " x");
        CHECK(result.exit_code == 3);
        CHECK(result.err.find("evil.stub:1:") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(marker));
    }
}
