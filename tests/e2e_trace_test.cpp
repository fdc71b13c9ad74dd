// End-to-end: r2p-trace over a generated General Debate collection (eight sessions, ten
// delegations): a formula first said in 2005 and repeated verbatim and modified later, a
// courtesy sentence in almost every speech of every year.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "e2e_paths.hpp"
#include "r2p/schema.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kTrace = std::string(R2P_BIN_DIR) + "/r2p-trace";

const std::string kFormula =
    "Each individual State has the responsibility to protect its populations from genocide, "
    "war crimes, ethnic cleansing and crimes against humanity.";

struct Delegation {
    const char* iso3;
    const char* country;
    const char* speakers[3];  // 2001-2003, 2004-2006, 2007-2008
    const char* own;          // a sentence of its own, said every year
};

const Delegation kDelegations[] = {
    {"CAN",
     "Canada",
     {"H.E. Mr. John Manley", "Mr. Pierre Pettigrew", "Mr. Peter MacKay"},
     "Canada will keep its peacekeepers in the field as long as the Council asks for them."},
    {"GHA",
     "Ghana",
     {"Mr. Hackman Owusu-Agyeman", "Ms. Nana Addo", "Mr. Akwasi Osei-Adjei"},
     "Ghana believes that the regional economic communities of West Africa can prevent wars."},
    {"FRA",
     "France",
     {"M. Hubert Védrine", "M. Michel Barnier", "M. Bernard Kouchner"},
     "France calls for a permanent seat for Africa and for more elected members."},
    {"NOR",
     "Norway",
     {"Mr. Jan Petersen", "Mr. Jonas Gahr Støre", "Mr. Jonas Gahr Støre"},
     "Norway has doubled its development assistance to the least developed countries."},
    {"BRA",
     "Brazil",
     {"Mr. Celso Lafer", "Mr. Celso Amorim", "Mr. Celso Amorim"},
     "Brazil has taken forty million people out of poverty through its family grants."},
    {"KEN",
     "Kenya",
     {"Mr. Marsden Madoka", "Mr. Raphael Tuju", "Mr. Moses Wetangula"},
     "Kenya hosts the largest refugee camps of the region and asks for burden sharing."},
    {"MEX",
     "Mexico",
     {"Mr. Jorge Castañeda", "Mr. Luis Ernesto Derbez", "Ms. Patricia Espinosa"},
     "Mexico supports a treaty to control the trade in small arms and light weapons."},
    {"IND",
     "India",
     {"Mr. Jaswant Singh", "Mr. Natwar Singh", "Mr. Pranab Mukherjee"},
     "India has contributed more troops to United Nations peacekeeping than most nations."},
    {"JPN",
     "Japan",
     {"Mr. Yohei Kono", "Mr. Nobutaka Machimura", "Mr. Masahiko Komura"},
     "Japan will host a conference on the consolidation of peace in the Great Lakes."},
    {"PER",
     "Peru",
     {"Mr. Diego García-Sayán", "Mr. Óscar Maúrtua", "Mr. José García Belaúnde"},
     "Peru has set up a truth and reconciliation commission to face its recent past."},
};

// Who says the formula when, and how: v verbatim, w a word changed, a a clause added,
// d a clause dropped, r clauses reordered.
const std::map<std::pair<int, std::string>, char> kFormulaUses = {
    {{2005, "CAN"}, 'v'},
    {{2005, "GHA"}, 'v'},  // 2 verbatim
    {{2006, "FRA"}, 'v'},
    {{2006, "GHA"}, 'v'},
    {{2006, "NOR"}, 'w'},  // 2 + 1 modified
    // Kenya's clause comes after the whole formula: verbatim inside a longer sentence.
    {{2007, "BRA"}, 'v'},
    {{2007, "KEN"}, 'a'},
    {{2007, "MEX"}, 'd'},  // 2 + 1 modified
    {{2008, "CAN"}, 'v'},
    {{2008, "IND"}, 'r'},  // 1 + 1 modified
};

std::string formula_as(char how) {
    switch (how) {
        case 'w':
            return "Each individual State has the duty to protect its populations from genocide, "
                   "war crimes, ethnic cleansing and crimes against humanity.";
        case 'a':
            return "Each individual State has the responsibility to protect its populations from "
                   "genocide, war crimes, ethnic cleansing and crimes against humanity, and the "
                   "international community should help States to exercise it.";
        case 'd':
            return "Each individual State has the responsibility to protect its populations from "
                   "genocide and war crimes.";
        case 'r':
            return "From genocide, war crimes, ethnic cleansing and crimes against humanity, each "
                   "individual State has the responsibility to protect its populations.";
        default:
            return kFormula;
    }
}

const char* kOrdinals[] = {"fifty-sixth", "fifty-seventh", "fifty-eighth", "fifty-ninth",
                           "sixtieth",    "sixty-first",   "sixty-second", "sixty-third"};

// TXT/Session SS - YYYY/ISO3_SS_YYYY.txt for 2001-2008, and the speakers table.
void write_collection(const r2p::test::TempDir& dir) {
    std::string table = "year,session,iso3,country,speaker,post\n";
    for (int year = 2001; year <= 2008; ++year) {
        const int session = year - 1945;
        const std::string folder =
            "TXT/Session " + std::to_string(session) + " - " + std::to_string(year) + "/";
        for (std::size_t d = 0; d < std::size(kDelegations); ++d) {
            const Delegation& delegation = kDelegations[d];
            const std::string speaker = delegation.speakers[year <= 2003   ? 0
                                                            : year <= 2006 ? 1
                                                                           : 2];
            table += std::to_string(year) + "," + std::to_string(session) + "," + delegation.iso3 +
                     "," + delegation.country + ",\"" + speaker +
                     "\",Minister for Foreign Affairs\n";
            std::string speech;
            // The courtesy sentence, in every speech but one a year.
            if ((d + static_cast<std::size_t>(year)) % 10 != 0) {
                speech +=
                    "  Allow me at the outset to congratulate you, Sir, on your election "
                    "to the presidency of the General Assembly at its " +
                    std::string(kOrdinals[year - 2001]) + " session.\n\n";
            }
            // Its own sentence, a report sentence every speech has, and the formula if it
            // says it this year.
            speech += "  " + std::string(delegation.own) + " In " + std::to_string(year) +
                      " we will report to the Assembly on what has been done.";
            const auto use = kFormulaUses.find({year, delegation.iso3});
            if (use != kFormulaUses.end()) speech += " " + formula_as(use->second);
            speech += "\n\n";
            speech += "  I thank you.\n";
            r2p::test::write_file(dir / (folder + delegation.iso3 + "_" + std::to_string(session) +
                                         "_" + std::to_string(year) + ".txt"),
                                  speech);
        }
    }
    r2p::test::write_file(dir / "speakers.csv", table);
}

// The collection, indexed once for every case.
const r2p::test::TempDir& corpus() {
    static const r2p::test::TempDir dir;
    static const bool indexed = [] {
        write_collection(dir);
        const auto result = run_command(
            r2p::test::kIndex + " --quiet --db " + shell_quote((dir / "db").string()) +
            " --collection ungdc --speakers " + shell_quote((dir / "speakers.csv").string()) + " " +
            shell_quote((dir / "TXT").string()));
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return true;
    }();
    (void)indexed;
    return dir;
}

r2p::test::CommandResult trace(const std::string& args, const std::string& db = "") {
    return run_command(kTrace + " --db " +
                       shell_quote(db.empty() ? (corpus() / "db").string() : db) + " " + args);
}

json trace_json(const std::string& args) {
    const auto result = trace(args + " --json");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return json::parse(result.out);
}

// year -> {verbatim speakers, modified speakers}
std::map<std::string, std::pair<int, int>> per_year(const json& trace) {
    std::map<std::string, std::pair<int, int>> years;
    for (const auto& year : trace["years"]) {
        years[year["year"].get<std::string>()] = {year["verbatim_speakers"].get<int>(),
                                                  year["modified_speakers"].get<int>()};
    }
    return years;
}

}  // namespace

TEST_SUITE("e2e_trace") {
    TEST_CASE("a formula's history: first use, per year verbatim and modified speakers") {
        const json t = trace_json(shell_quote(kFormula));
        CHECK(t["sentence"] == kFormula);
        CHECK(t["uses"] == 10);
        CHECK(t["speakers"] == 9);  // Canada's two uses are by two ministers
        CHECK(t["documents"] == 10);
        CHECK(t["countries"] == 8);
        REQUIRE(t["first_use"].is_object());
        CHECK(t["first_use"]["doc_id"] == "can-60-2005");
        CHECK(t["first_use"]["date"] == "2005-09");
        CHECK(t["first_use"]["speaker"] == "Pierre Pettigrew");
        CHECK(t["first_use"]["country"]["code"] == "can");
        CHECK(t["first_use"]["like"]["verbatim"] == true);
        CHECK(t["first_use"]["like"]["sentence"] == kFormula);
        const std::map<std::string, std::pair<int, int>> expected = {
            {"2005", {2, 0}}, {"2006", {2, 1}}, {"2007", {2, 1}}, {"2008", {1, 1}}};
        CHECK(per_year(t) == expected);
        CHECK(t["years"][1]["countries"] == json::array({"fra", "gha", "nor"}));
        CHECK(t["years"][1]["uses"] == 3);
        // Listed oldest first; the changed word of Norway's is marked.
        REQUIRE(t["listed"].size() == 10);
        CHECK(t["listed"][9]["date"] == "2008-09");
        for (const auto& use : t["listed"]) {
            if (use["doc_id"] != "nor-61-2006") continue;
            CHECK(use["like"]["verbatim"] == false);
            const std::string text = use["text"];
            REQUIRE(use["like"]["differing"].size() >= 1);
            CHECK(use["like"]["missing"].dump().find("responsibility") != std::string::npos);
        }
    }

    TEST_CASE("filters and the period narrow the uses") {
        const json t = trace_json(shell_quote(kFormula) + " --from 2006 --to 2007");
        CHECK(t["uses"] == 6);
        CHECK(t["first_use"]["doc_id"] == "fra-61-2006");
        CHECK(per_year(t).size() == 2);
        const json ghana = trace_json(shell_quote(kFormula) + " --country gha");
        CHECK(ghana["uses"] == 2);
        CHECK(ghana["countries"] == 1);
        const json few = trace_json(shell_quote(kFormula) + " --limit 3");
        CHECK(few["uses"] == 10);
        CHECK(few["listed"].size() == 3);
    }

    TEST_CASE("a passage id traces its sentence") {
        const json t = trace_json(shell_quote(kFormula) + " --country gha --to 2005");
        REQUIRE(t["listed"].size() == 1);
        const std::string id = t["listed"][0]["id"];
        const json by_id = trace_json(shell_quote(id) + " --sentence-number 3");
        CHECK(by_id["sentence"] == kFormula);
        CHECK(by_id["uses"] == 10);
        // The table form says the first use and the years.
        const auto table = trace(shell_quote(id) + " --sentence-number 3");
        CHECK(table.exit_code == 0);
        CHECK(table.out.find("First use: 2005-09 · can-60-2005 · Pierre Pettigrew") !=
              std::string::npos);
        CHECK(table.out.find("2006            2         1") != std::string::npos);
        const auto fourth = trace(shell_quote(id) + " --sentence-number 4");
        CHECK(fourth.exit_code == 2);
        CHECK(fourth.err ==
              "r2p-trace: error: passage '" + id + "' has 3 sentences: no sentence 4\n");
    }

    TEST_CASE("--top puts the formula above the courtesy sentence") {
        const json top = trace_json("--top 5");
        REQUIRE(top["sentences"].size() >= 1);
        int formula = 0, courtesy = 0;
        for (const auto& s : top["sentences"]) {
            const std::string sentence = s["sentence"];
            if (formula == 0 && sentence.find("responsibility to protect") != std::string::npos)
                formula = s["rank"];
            if (courtesy == 0 && sentence.find("congratulate") != std::string::npos)
                courtesy = s["rank"];
        }
        CHECK(formula == 1);
        CHECK((courtesy == 0 || courtesy > formula));
        const json& first = top["sentences"][0];
        CHECK(first["speakers"] == 9);
        CHECK(first["years"] == 4);
        CHECK(first["first_use"]["doc_id"] == "can-60-2005");
        CHECK(top["passages_read"].get<int>() > 0);
        // Within a period: the same order, counted within it.
        const json period = trace_json("--top 3 --from 2007");
        REQUIRE(period["sentences"].size() >= 1);
        CHECK(period["from"] == "2007");
        CHECK(period["sentences"][0]["speakers"] == 5);
    }

    TEST_CASE("--top --unit phrase: the formula's words inside its different sentences") {
        const json top = trace_json("--top 5 --unit phrase");
        CHECK(top["unit"] == "phrase");
        REQUIRE(top["sentences"].size() >= 1);
        const json& first = top["sentences"][0];
        // Said verbatim, a word changed, a clause added or the clauses reordered: the runs
        // of the four crimes are in all of them; Ghana's minister said it twice.
        const std::string phrase = first["sentence"];
        CHECK(phrase.find("war crimes, ethnic cleansing and crimes against humanity") !=
              std::string::npos);
        CHECK(first["speakers"].get<int>() >= 7);
        CHECK(first["first_use"]["doc_id"] == "can-60-2005");
        // The phrase is a range of its first use's text.
        CHECK(first["first_use"]["like"]["sentence"] == phrase);
        for (const auto& s : top["sentences"]) {
            const std::string text = s["sentence"];
            if (text.find("congratulate") != std::string::npos) CHECK(s["rank"] > 1);
        }
        CHECK(trace_json("--top 2 --unit sentence")["unit"] == "sentence");
        const auto bad = trace("--top 2 --unit clause");
        CHECK(bad.exit_code == 2);
        CHECK(bad.err.find("--unit 'clause'") != std::string::npos);
        CHECK(trace(shell_quote(kFormula) + " --unit phrase").exit_code == 2);
    }

    TEST_CASE("errors: one line and the interface's exit code") {
        const auto expect = [](const r2p::test::CommandResult& result, int code,
                               const std::string& part) {
            INFO(result.err);
            CHECK(result.exit_code == code);
            CHECK(result.err.find(part) != std::string::npos);
            CHECK(result.err.find('\n') == result.err.size() - 1);
            CHECK(result.err.starts_with("r2p-trace: error: "));
        };
        expect(trace("ZZZ_60_2005/p1"), 2, "no passage has the id 'ZZZ_60_2005/p1'");
        expect(trace(shell_quote("I thank you.")), 2, "too short");
        expect(trace(shell_quote(kFormula) + " --min-similarity 1.5"), 2, "1.5");
        expect(trace(shell_quote(kFormula) + " --top 3"), 2, "--top");
        expect(trace(""), 2, "nothing to trace");

        // A database written without signatures (as before them): asks to re-index.
        r2p::test::TempDir old;
        std::filesystem::copy(corpus() / "db", old / "db",
                              std::filesystem::copy_options::recursive);
        {
            Xapian::WritableDatabase db((old / "db").string(), Xapian::DB_OPEN);
            db.set_metadata(std::string(r2p::schema::kSignatureSchemeKey), "");
            db.commit();
        }
        expect(trace(shell_quote(kFormula), (old / "db").string()), 2, "re-index");
        expect(trace("--top 3", (old / "db").string()), 2, "re-index");
    }
}
