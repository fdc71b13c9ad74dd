// End-to-end: r2p-index over tests/data/genres (a report excerpt, a press release, a delegation
// statement and a civil-society joint statement, as text and Markdown), then r2p-search --json:
// the passages, labels, speakers, roles and themes a careful reader would give.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "e2e_search_json.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::kIndex;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kGenres = std::string(R2P_SOURCE_DIR) + "/tests/data/genres";

// Every passage of the index by id, from one search for everything.
std::map<std::string, json> all_passages(const std::string& db) {
    const json found = r2p::test::search_json(db, "--limit 1000 ''");
    std::map<std::string, json> by_id;
    for (const json& hit : found["results"]) by_id[hit["id"]] = hit;
    return by_id;
}

bool has(const json& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> ids_of(const std::map<std::string, json>& passages,
                                const std::string& doc) {
    std::vector<std::string> ids;
    for (const auto& [id, hit] : passages) {
        if (hit["doc"]["id"] == doc) ids.push_back(id);
    }
    return ids;
}

}  // namespace

TEST_SUITE("e2e_genres") {
    TEST_CASE("each genre indexes into the passages, speakers and themes a reader would give") {
        r2p::test::TempDir dir;
        const std::string db = (dir / "db").string();
        const auto indexed = run_command(kIndex + " --quiet --json --db " + shell_quote(db) + " " +
                                         shell_quote(kGenres));
        INFO(indexed.err);
        REQUIRE(indexed.exit_code == 0);
        const json report = json::parse(indexed.out);
        CHECK(report["files"]["indexed"] == 4);
        CHECK(report["files"]["skipped"].empty());
        const std::map<std::string, json> p = all_passages(db);

        SUBCASE("a Secretary-General report copied out of its PDF") {
            const json& first = p.at("sg-report-excerpt-2023/p1");
            CHECK(first["doc"]["title"] ==
                  "Strengthening accountability as a pillar of prevention");
            CHECK(first["doc"]["symbol"] == "A/77/910-S/2023/402");
            CHECK(first["doc"]["date"] == "2023-06-14");
            // Six numbered paragraphs, numbers as labels; no masthead or agenda line among them.
            CHECK(ids_of(p, "sg-report-excerpt-2023").size() == 6);
            CHECK(first["label"] == "1");
            CHECK(first["text"].get<std::string>().rfind("In the 2005 World Summit", 0) == 0);
            CHECK(p.at("sg-report-excerpt-2023/p5")["label"] == "5");
            CHECK(p.at("sg-report-excerpt-2023/p5")["section"] ==
                  "A. Early warning and assessment");
            CHECK(p.at("sg-report-excerpt-2023/p6")["section"] == "III. The way forward");
            // Attacks on hospitals and schools under humanitarian law: weak cues together.
            CHECK(has(p.at("sg-report-excerpt-2023/p5")["themes"], "protection-of-civilians"));
            CHECK(has(p.at("sg-report-excerpt-2023/p2")["themes"], "accountability"));
            CHECK(has(p.at("sg-report-excerpt-2023/p6")["themes"], "focal-points"));
        }

        SUBCASE("a press release: headline, quotes over two paragraphs, surnames, single quotes") {
            const json& lead = p.at("ga-press-release-2024/p1");
            CHECK(lead["doc"]["symbol"] == "GA/12611");
            CHECK(lead["doc"]["date"] == "2024-06-27");
            CHECK(lead["doc"]["title"].get<std::string>().find("Tells General Assembly") !=
                  std::string::npos);
            for (const auto& id : ids_of(p, "ga-press-release-2024")) {
                CAPTURE(id);
                CHECK(p.at(id)["speaker"] != "Tells General Assembly");
            }
            // The quote that runs on into the next paragraph keeps its speaker.
            CHECK(p.at("ga-press-release-2024/p2/q1")["speaker"] == "Helena Marsh");
            CHECK(p.at("ga-press-release-2024/p3/q1")["speaker"] == "Helena Marsh");
            CHECK(has(p.at("ga-press-release-2024/p3/q1")["roles"], "deputy-secretary-general"));
            // Introduced with title and name, then "Okafor said".
            CHECK(p.at("ga-press-release-2024/p4/q1")["speaker"] == "Adebayo Okafor");
            CHECK(has(p.at("ga-press-release-2024/p4/q1")["roles"], "minister"));
            CHECK(p.at("ga-press-release-2024/p4/q1")["text"] ==
                  "Early warning must lead to early action");
            // "The representative of Kenya" is no one the release names.
            CHECK(p.at("ga-press-release-2024/p5")["speaker"].is_null());
            // 'Single-quoted' speech, the title "Executive Director" not part of the name.
            CHECK(p.at("ga-press-release-2024/p6/q1")["speaker"] == "Ruth Nkosi");
        }

        SUBCASE("a delegation statement: byline and salutations are no passages") {
            const std::vector<std::string> ids = ids_of(p, "kenya-delegation-2022");
            CHECK(ids.size() == 5);  // four paragraphs and one quote
            const json& first = p.at("kenya-delegation-2022/p1");
            CHECK(first["text"].get<std::string>().rfind("Kenya thanks the Secretary-General", 0) ==
                  0);
            CHECK(first["doc"]["date"] == "2022-06-28");
            for (const char* id : {"kenya-delegation-2022/p1", "kenya-delegation-2022/p4"}) {
                CAPTURE(id);
                CHECK(p.at(id)["speaker"] == "Joseph Mwangi");
                CHECK(has(p.at(id)["roles"], "ambassador"));
            }
            const json& quote = p.at("kenya-delegation-2022/p4/q1");
            CHECK(quote["text"] == "prevention is not a slogan; it is a daily practice.");
            CHECK(has(quote["roles"], "secretary-general"));
            CHECK(quote["speaker"] != "Joseph Mwangi");
        }

        SUBCASE("a civil-society joint statement in Markdown") {
            const json& first = p.at("joint-statement-cso-2021/p1");
            CHECK(first["doc"]["title"] ==
                  "Joint Civil Society Statement on the Responsibility to Protect");
            CHECK(first["doc"]["date"] == "2021-06-29");
            CHECK(first["text"].get<std::string>().find("**") == std::string::npos);
            // The link's text stays, its address goes.
            const std::string populations = p.at("joint-statement-cso-2021/p2")["text"];
            CHECK(populations.find("Populations in Myanmar, Ethiopia") == 0);
            CHECK(populations.find("example.org") == std::string::npos);
            // The block quote is a quote of the Special Adviser the paragraph before names.
            const json& block = p.at("joint-statement-cso-2021/p3/q1");
            CHECK(block["kind"] == "quote");
            CHECK(has(block["roles"], "special-adviser"));
            CHECK(has(block["themes"], "hate-speech"));
            // The numbered recommendations, labelled.
            CHECK(p.at("joint-statement-cso-2021/p5")["label"] == "1");
            CHECK(p.at("joint-statement-cso-2021/p7")["label"] == "3");
            CHECK(has(p.at("joint-statement-cso-2021/p7")["themes"], "protection-of-civilians"));
        }
    }
}
