// End-to-end: r2p-index over corpus/, then the real r2p-search binary, checked by its JSON.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "e2e_paths.hpp"
#include "test_support.hpp"

namespace {

using r2p::test::kCorpus;
using r2p::test::kIndex;
using r2p::test::kSearch;

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kSeed = "r2p-ministerial-meeting-2012";

// corpus/ indexed once for the whole suite; empty when indexing failed.
const std::string& corpus_db() {
    static r2p::test::TempDir dir;
    static const std::string path = [] {
        const auto db = (dir / "db").string();
        const auto result = run_command(kIndex + " --quiet --json --db " + shell_quote(db) + " " +
                                        shell_quote(kCorpus) + " >/dev/null");
        return result.exit_code == 0 ? db : std::string();
    }();
    return path;
}

r2p::test::CommandResult search_raw(const std::string& args) {
    return run_command(kSearch + " --db " + shell_quote(corpus_db()) + " " + args);
}

json search(const std::string& args) {
    REQUIRE_MESSAGE(!corpus_db().empty(), "r2p-index failed on corpus/");
    const auto result = search_raw("--json " + args);
    INFO("r2p-search ", args, ": ", result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

std::vector<std::string> ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& r : result["results"]) out.push_back(r["id"].get<std::string>());
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
}

}  // namespace

TEST_SUITE("e2e_search") {
    TEST_CASE("impunity finds the Ending impunity paragraph and The Hague quote first") {
        const auto result = search("--facet theme impunity");
        const auto found = ids(result);
        REQUIRE(found.size() >= 2);
        const std::vector<std::string> top(
            found.begin(),
            found.begin() + static_cast<long>(std::min<std::size_t>(3, found.size())));
        CHECK(has(top, kSeed + "/p7"));
        CHECK(has(top, kSeed + "/p7/q1"));
        for (const auto& r : result["results"]) {
            if (r["id"] == kSeed + "/p7/q1") {
                CHECK(r["text"].get<std::string>().rfind("The Hague is the final link", 0) == 0);
                CHECK(r["snippet"].get<std::string>().find("<mark>impunity</mark>") !=
                      std::string::npos);
            }
        }
        int accountability = 0;
        for (const auto& f : result["facets"]["theme"]) {
            if (f["value"] == "accountability") accountability = f["count"].get<int>();
        }
        CHECK(accountability >= 2);
        CHECK(result["matches"]["lower"] == result["matches"]["upper"]);
    }

    TEST_CASE("folded and accented spellings of a name find the same paragraph") {
        for (const char* q : {"sovndal", "Søvndal", "SOVNDAL"}) {
            CAPTURE(q);
            const auto result = search(shell_quote(q));
            CHECK(has(ids(result), kSeed + "/p1"));
            REQUIRE(!result["results"].empty());
            CHECK(result["results"][0]["snippet"].get<std::string>().find("<mark>Søvndal</mark>") !=
                  std::string::npos);
        }
        CHECK(has(ids(search("jansa")), kSeed + "/p2"));
    }

    TEST_CASE("prevent finds its other forms in at least five passages") {
        const auto result = search("--limit 50 prevent");
        CHECK(result["matches"]["estimated"].get<int>() >= 5);
        CHECK(result["results"].size() >= 5);
    }

    TEST_CASE("a phrase returns only passages holding it") {
        const auto result = search(shell_quote("\"tool of prevention\""));
        REQUIRE(!result["results"].empty());
        for (const auto& r : result["results"]) {
            CHECK(r["text"].get<std::string>().find("tool of prevention") != std::string::npos);
        }
    }

    TEST_CASE("a query of field prefixes finds the Deputy Secretary-General's quote") {
        const auto result = search(shell_quote("kind:quote role:deputy-secretary-general"));
        REQUIRE(result["results"].size() == 1);
        CHECK(result["results"][0]["speaker"] == "Jan Eliasson");
        CHECK(result["results"][0]["kind"] == "quote");
    }

    TEST_CASE("filters and an empty query list every matching passage") {
        const auto quotes = search("--kind quote --limit 100");
        CHECK(quotes["results"].size() >= 2);
        for (const auto& r : quotes["results"]) CHECK(r["kind"] == "quote");
        const auto themed = search("--theme accountability --facet theme --limit 0");
        int count = 0;
        for (const auto& f : themed["facets"]["theme"]) {
            if (f["value"] == "accountability") count = f["count"].get<int>();
        }
        CHECK(count == themed["matches"]["estimated"].get<int>());
    }

    TEST_CASE("a misspelt word gets a suggestion, a known one none") {
        CHECK(search("impunty")["suggestion"] == "impunity");
        CHECK(search("impunity")["suggestion"].is_null());
    }

    TEST_CASE("usage errors exit 2 with one line on stderr and nothing on stdout") {
        REQUIRE(!corpus_db().empty());
        const char* bad[] = {"'foo AND'",         "'(foo bar'",
                             "--limit -1 x",      "--offset 4294967295 x",
                             "--limit 100000 x",  "--theme no-such-theme",
                             "--facet colour x",  "--sort random x",
                             "--from 2012-13 x",  "--from 2023-02-30 x",
                             "--to 2023-02-29 x", "x --from 2012-04-31",
                             "'year:20x2'",       "--offset -1 x"};
        for (const char* args : bad) {
            SUBCASE(args) {
                const auto result = search_raw(args);
                CHECK(result.exit_code == 2);
                CHECK(result.out.empty());
                CHECK(result.err.rfind("r2p-search: error: ", 0) == 0);
                CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
            }
        }
    }

    TEST_CASE("a missing database exits 3 and says how to make one") {
        r2p::test::TempDir dir;
        const auto result =
            run_command(kSearch + " --db " + shell_quote((dir / "none").string()) + " impunity");
        CHECK(result.exit_code == 3);
        CHECK(result.out.empty());
        CHECK(result.err.find("run r2p-index first") != std::string::npos);
    }

    TEST_CASE("the table output is plain text when piped") {
        REQUIRE(!corpus_db().empty());
        const auto result = search_raw("--facet theme impunity");
        CHECK(result.exit_code == 0);
        CHECK(result.out.find(kSeed + "/p7") != std::string::npos);
        CHECK(result.out.find('\x1b') == std::string::npos);
        CHECK(result.out.find("accountability") != std::string::npos);
    }

    TEST_CASE("--queries runs every line like a command line and sums up the latencies") {
        REQUIRE(!corpus_db().empty());
        r2p::test::TempDir dir;
        const auto file = dir / "queries.txt";
        r2p::test::write_file(file,
                              "impunity --facet theme\n"
                              "# a comment, then a blank line\n\n"
                              "\"tool of prevention\"\n"
                              "foo AND\n"
                              "'kind:quote role:deputy-secretary-general' --limit 5\n");
        const auto result = search_raw("--queries " + shell_quote(file.string()));
        CHECK(result.exit_code == 1);  // one line failed, the others ran
        CHECK(result.err.find("queries.txt:5:") != std::string::npos);
        std::vector<json> lines;
        std::istringstream out(result.out);
        for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
        REQUIRE(lines.size() == 4);
        CHECK(lines[0]["line"] == 1);
        CHECK(has(lines[0]["top"].get<std::vector<std::string>>(), kSeed + "/p7"));
        CHECK(lines[1]["matches"] == 2);  // the phrase, not its words anywhere
        CHECK(lines[2]["top"] == json::array({kSeed + "/p5/q1"}));
        CHECK(lines[2]["micros"].get<long>() >= 0);
        const json& summary = lines[3]["summary"];
        CHECK(summary["queries"] == 3);
        CHECK(summary["failed"] == 1);
        CHECK(summary["p50_micros"].get<long>() <= summary["p95_micros"].get<long>());
        CHECK(summary["p95_micros"].get<long>() <= summary["p99_micros"].get<long>());
    }

    TEST_CASE("a -word excludes it, with or without --, and options may follow the words") {
        const auto all = search("--limit 0")["matches"]["lower"].get<int>();
        const auto syria = search("--limit 0 syria")["matches"]["lower"].get<int>();
        REQUIRE(syria > 0);
        for (const char* args : {"--limit 0 -- -syria", "--limit 0 -syria", "-syria --limit 0",
                                 "--limit 0 'NOT syria'"}) {
            CAPTURE(args);
            const auto result = search(args);
            CHECK(result["matches"]["lower"].get<int>() == all - syria);
            CHECK(result["matches"]["exact"] == true);
        }
        const auto after = search("impunity -syria --facet theme --limit 3");
        CHECK(after["query"] == "impunity -syria");
        CHECK(after["limit"] == 3);
        CHECK(!after["facets"]["theme"].empty());
        CHECK(search_raw("--help").out.find("-syria") != std::string::npos);

        r2p::test::TempDir dir;
        const auto file = dir / "queries.txt";
        r2p::test::write_file(file, "-syria --limit 0\nimpunity -syria --limit 1\n");
        const auto session = search_raw("--queries " + shell_quote(file.string()));
        CHECK(session.exit_code == 0);
        std::istringstream out(session.out);
        std::string line;
        REQUIRE(std::getline(out, line));
        CHECK(json::parse(line)["matches"] == all - syria);
        REQUIRE(std::getline(out, line));
        CHECK(json::parse(line)["top"].size() == 1);
    }

    TEST_CASE("match counts are exact and the same under every --tables setting") {
        const char* queries[] = {"prevent*",
                                 "prevention",
                                 "'\"the responsibility\"'",
                                 "'genocide OR impunity'",
                                 "'impunity -syria'",
                                 "role:minister",
                                 "-- -syria",
                                 "'prevention responsibility'"};
        r2p::test::TempDir dir;
        std::string session_lines;
        std::vector<int> truths;
        for (const char* q : queries) {
            CAPTURE(q);
            // The counting pass of --facet visits every match.
            const int truth =
                search(std::string("--facet kind --limit 0 ") + q)["matches"]["lower"].get<int>();
            truths.push_back(truth);
            for (const char* tables : {"auto", "always", "never"}) {
                for (const char* paging : {"", "--limit 0", "--offset 2 --limit 2", "--limit 1"}) {
                    CAPTURE(tables);
                    CAPTURE(paging);
                    const auto result =
                        search(std::string("--tables ") + tables + " " + paging + " " + q);
                    CHECK(result["matches"]["lower"] == truth);
                    CHECK(result["matches"]["estimated"] == truth);
                    CHECK(result["matches"]["upper"] == truth);
                    CHECK(result["matches"]["exact"] == true);
                }
            }
            CHECK(search_raw(std::string("--tables never ") + q).out.find("about") ==
                  std::string::npos);
        }
        // A session builds its tables along the way: the counts stay the same.
        for (int round = 0; round < 4; ++round) {
            for (const char* q : queries) {
                std::string line = q;
                if (line.rfind("-- ", 0) == 0) line = line.substr(3);
                session_lines += line + "\n";
            }
        }
        r2p::test::write_file(dir / "queries.txt", session_lines);
        const auto session = search_raw("--queries " + shell_quote((dir / "queries.txt").string()));
        CHECK(session.exit_code == 0);
        std::istringstream out(session.out);
        std::size_t n = 0;
        for (std::string line; std::getline(out, line);) {
            const json j = json::parse(line);
            if (j.contains("summary")) break;
            CAPTURE(j["query"]);
            CHECK(j["matches"] == truths[n % truths.size()]);
            CHECK(j["exact"] == true);
            ++n;
        }
        CHECK(n == 4 * truths.size());
    }

    TEST_CASE("a phrase or hyphenated word finds its possessive form") {
        const auto ban = search(shell_quote("\"ban ki-moon\""));
        REQUIRE(has(ids(ban), kSeed + "/p3"));
        for (const auto& r : ban["results"]) {
            if (r["id"] == kSeed + "/p3") {
                CHECK(r["snippet"].get<std::string>().find(
                          "<mark>Ban Ki</mark>-<mark>moon's</mark>") != std::string::npos);
            }
        }
        CHECK(has(ids(search("--limit 50 secretary-general")), kSeed + "/p3"));
    }

    TEST_CASE("a bad date on a --queries line fails that line only") {
        REQUIRE(!corpus_db().empty());
        r2p::test::TempDir dir;
        const auto file = dir / "queries.txt";
        r2p::test::write_file(file, "impunity --from 2023-02-30\nimpunity --to 2024-02-29\n");
        const auto result = search_raw("--queries " + shell_quote(file.string()));
        CHECK(result.exit_code == 1);
        CHECK(result.err.find("queries.txt:1:") != std::string::npos);
        CHECK(result.err.find("2023-02-30") != std::string::npos);
        CHECK(result.err.find("queries.txt:2:") == std::string::npos);
    }

    TEST_CASE("--speaker takes a whole name in any case, on the command line and in --queries") {
        REQUIRE(!corpus_db().empty());
        const json found = search("--speaker 'JAN  ELIASSON' --facet speaker");
        CHECK(has(ids(found), kSeed + "/p5/q1"));
        REQUIRE(found["facets"]["speaker"].size() == 1);
        CHECK(found["facets"]["speaker"][0] ==
              json{{"value", "jan eliasson"}, {"label", "Jan Eliasson"}, {"count", 2}});
        CHECK(search("--speaker eliasson")["results"].empty());  // a word is not the name

        r2p::test::TempDir dir;
        const auto file = dir / "queries.txt";
        r2p::test::write_file(file, "prevention --speaker 'jan eliasson'\n--country USA\n");
        const auto result = search_raw("--queries " + shell_quote(file.string()));
        CHECK(result.exit_code == 0);
        std::istringstream out(result.out);
        std::vector<json> lines;
        for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
        REQUIRE(lines.size() == 3);
        CHECK(lines[0]["matches"] == 2);
        CHECK(lines[1]["matches"] == 0);  // corpus/ has no country
    }

    TEST_CASE("a --country that is not three letters exits 2") {
        REQUIRE(!corpus_db().empty());
        const auto result = search_raw("--country us impunity");
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        CHECK(result.err.find("bad country 'us'") != std::string::npos);
    }

    TEST_CASE("--group paragraph shows the Ending impunity paragraph once, folding its quote") {
        const auto plain = search("impunity");
        const auto grouped = search("--group paragraph impunity");
        CHECK(grouped["group"] == "paragraph");
        CHECK(plain["group"] == "none");
        CHECK(plain["groups"].is_null());
        int p7_group = 0;
        for (const auto& hit : grouped["results"]) {
            const std::string id = hit["id"].get<std::string>();
            if (id == kSeed + "/p7" || id == kSeed + "/p7/q1") {
                ++p7_group;
                CHECK(hit["folded"] == 1);
            }
        }
        CHECK(p7_group == 1);
        CHECK(grouped["matches"] == plain["matches"]);
        CHECK(grouped["results"].size() + 1 == plain["results"].size());
        CHECK(grouped["groups"]["lower"].get<std::size_t>() == grouped["results"].size());
        CHECK(grouped["groups"]["exact"] == true);
        for (const auto& hit : plain["results"]) CHECK(hit["folded"] == 0);

        // One statement: grouped by document, one hit standing for every match.
        const auto by_doc = search("--group doc --facet theme impunity");
        REQUIRE(by_doc["results"].size() == 1);
        CHECK(by_doc["results"][0]["folded"].get<int>() + 1 ==
              by_doc["matches"]["lower"].get<int>());
        CHECK(by_doc["groups"]["lower"] == 1);
        CHECK(by_doc["facets"]["theme"] == search("--facet theme impunity")["facets"]["theme"]);
    }

    TEST_CASE("--group pages through groups with --offset and --limit") {
        const auto all = search("--group paragraph --limit 100 prevention");
        const std::size_t groups = all["groups"]["lower"].get<std::size_t>();
        REQUIRE(groups >= 3);
        CHECK(all["results"].size() == groups);
        std::vector<std::string> paged;
        for (std::size_t offset = 0; offset < groups; offset += 2) {
            const auto page = search("--group paragraph --limit 2 --offset " +
                                     std::to_string(offset) + " prevention");
            CHECK(page["groups"] == all["groups"]);
            for (const auto& hit : page["results"]) paged.push_back(hit["id"].get<std::string>());
        }
        CHECK(paged == ids(all));
        const auto table = search_raw("--group paragraph --limit 2 prevention");
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("in " + std::to_string(groups) + " paragraphs (showing 1-2)") !=
              std::string::npos);
    }

    TEST_CASE("a misspelt query shows the suggestion's results, --correct off as asked") {
        const auto corrected = search("--facet theme impunty");
        CHECK(corrected["query"] == "impunty");
        CHECK(corrected["corrected_query"] == "impunity");
        CHECK(corrected["suggestion"] == "impunity");
        const auto meant = search("--facet theme impunity");
        CHECK(corrected["results"] == meant["results"]);
        CHECK(corrected["facets"] == meant["facets"]);
        CHECK(corrected["matches"] == meant["matches"]);
        CHECK(meant["corrected_query"].is_null());

        const auto as_asked = search("--correct off --facet theme impunty");
        CHECK(as_asked["results"].empty());
        CHECK(as_asked["matches"]["upper"] == 0);
        CHECK(as_asked["corrected_query"].is_null());
        CHECK(as_asked["suggestion"] == "impunity");

        const auto table = search_raw("impunty");
        CHECK(table.exit_code == 0);
        CHECK(table.out.rfind(
                  "Showing results for impunity; search instead for impunty (--correct off)\n",
                  0) == 0);
        CHECK(table.out.find("Did you mean") == std::string::npos);
        CHECK(search_raw("--correct off impunty").out.find("Did you mean: impunity") !=
              std::string::npos);
    }

    TEST_CASE("--facet-mode disjunctive: two themes chosen, the other themes keep their counts") {
        const auto theme_counts = [](const json& result) {
            std::map<std::string, int> out;
            for (const auto& e : result["facets"]["theme"]) {
                out[e["value"].get<std::string>()] = e["count"].get<int>();
            }
            return out;
        };
        const std::string chosen = "--theme accountability --theme prevention --kind paragraph";
        const auto disjunctive = search("--facet-mode disjunctive --facet theme --facet kind " +
                                        chosen + " --limit 100 mass");
        const auto drilled = search("--facet theme --facet kind " + chosen + " --limit 100 mass");
        // The theme facet counts the query under the other filters (kind), not the themes.
        const auto without_themes = search("--facet theme --kind paragraph mass");
        CHECK(theme_counts(disjunctive) == theme_counts(without_themes));
        // Kind: the query under the themes, not the kind.
        const auto without_kind =
            search("--facet kind --theme accountability --theme prevention mass");
        CHECK(disjunctive["facets"]["kind"] == without_kind["facets"]["kind"]);
        // Matches and hits are the filtered query's.
        CHECK(disjunctive["matches"] == drilled["matches"]);
        CHECK(disjunctive["results"] == drilled["results"]);
        // Themes that are not chosen keep their counts, where drilling down shrinks them.
        const auto all = theme_counts(disjunctive);
        const auto shrunk = theme_counts(drilled);
        CHECK(all.size() >= shrunk.size());
        for (const auto& [theme, count] : shrunk) CHECK(all.at(theme) >= count);
    }

    TEST_CASE("--passage shows a passage in context, as JSON and as a table") {
        REQUIRE(!corpus_db().empty());
        const auto p7 = search("--passage " + kSeed + "/p7");
        CHECK(p7["passage"]["id"] == kSeed + "/p7");
        CHECK(p7["parent"].is_null());
        REQUIRE_FALSE(p7["quotes"].empty());
        CHECK(p7["quotes"][0]["id"] == kSeed + "/p7/q1");
        REQUIRE(p7["before"].size() == 2);
        CHECK(p7["before"][0]["id"] == kSeed + "/p5");
        CHECK(p7["before"][1]["id"] == kSeed + "/p6");
        REQUIRE_FALSE(p7["after"].empty());
        CHECK(p7["after"][0]["id"] == kSeed + "/p8");

        const auto quote = search("--passage " + kSeed + "/p7/q1 --around 1");
        CHECK(quote["passage"]["kind"] == "quote");
        CHECK(quote["parent"]["id"] == kSeed + "/p7");
        CHECK(quote["quotes"] == p7["quotes"]);
        REQUIRE(quote["before"].size() == 1);
        CHECK(quote["before"][0]["id"] == kSeed + "/p6");

        const auto first = search("--passage " + kSeed + "/p1 --around 50");
        CHECK(first["before"].empty());
        REQUIRE_FALSE(first["after"].empty());
        const std::string last_id = first["after"].back()["id"].get<std::string>();
        const auto last = search("--passage " + shell_quote(last_id));
        CHECK(last["after"].empty());
        CHECK(last["before"].size() == 2);

        const auto table = search_raw("--passage " + kSeed + "/p7/q1 --around 1");
        CHECK(table.exit_code == 0);
        const auto p6 = table.out.find("   " + kSeed + "/p6");
        const auto marked = table.out.find(">    " + kSeed + "/p7/q1");
        const auto p8 = table.out.find("   " + kSeed + "/p8");
        CHECK(p6 != std::string::npos);
        CHECK(marked != std::string::npos);
        CHECK(p8 != std::string::npos);
        CHECK((p6 < marked && marked < p8));
        CHECK(table.out.find("The Hague is the final link") != std::string::npos);

        const auto unknown = search_raw("--passage " + kSeed + "/p999");
        CHECK(unknown.exit_code == 2);
        CHECK(unknown.err.find("no passage has the id") != std::string::npos);
        CHECK(search_raw("--passage " + kSeed + "/p1 impunity").exit_code == 2);
        CHECK(search_raw("--passage " + kSeed + "/p1 --around 51").exit_code == 2);
        CHECK(search_raw("--passage " + kSeed + "/p1 --around -1").exit_code == 2);
    }
}
