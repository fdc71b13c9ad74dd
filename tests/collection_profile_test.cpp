// Tests for lib/src/index/collection_profile.cpp: the profile format and file-name matching.
#include "index/collection_profile.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "test_support.hpp"

namespace {

const std::filesystem::path kCollections =
    std::filesystem::path(R2P_SOURCE_DIR) / "corpus/collections";

std::string error_of(const std::string& text) {
    try {
        (void)r2p::parse_collection_profile("p.conf", text);
    } catch (const r2p::UsageError& e) {
        return e.what();
    }
    return "no error";
}

const char* const kGood =
    "[collection demo]\n"
    "file = {country}_{session}_{year}\n"
    "date = {year}-09\n"
    "[speakers]\n"
    "match country = iso3\n"
    "match year = year\n"
    "speaker = speaker\n";

}  // namespace

TEST_SUITE("collection_profile") {
    TEST_CASE(
        "the ungdc profile reads ISO3_SS_YYYY file names and joins the table on iso3 and "
        "year") {
        const auto profile = r2p::load_collection_profile(kCollections / "ungdc.conf");
        CHECK(profile.name == "ungdc");
        CHECK_FALSE(profile.label.empty());
        const auto fields = r2p::match_file_name(profile, "USA_70_2015");
        REQUIRE(fields);
        CHECK(fields->at("country") == "usa");
        CHECK(fields->at("session") == "70");
        CHECK(fields->at("year") == "2015");
        CHECK(r2p::collection_date(profile, *fields) == "2015-09");
        CHECK(profile.table_columns() ==
              std::vector<std::string>{"iso3 | ISO Code", "year | Year", "country | Country",
                                       "speaker | Name of Person Speaking", "post | Post"});
        CHECK_FALSE(profile.digest.empty());
        // The speech gives no title: the profile's names the country and year.
        r2p::FileFields display = *fields;
        display["country_name"] = "United States of America";
        CHECK(r2p::expand_template(profile.title, display) ==
              "United States of America at the General Debate, 2015");
        CHECK(r2p::expand_template(profile.place, display) == "New York");
    }

    TEST_CASE("title, event and place templates may name {country_name} and the file's fields") {
        const auto with = [](const char* line) {
            return std::string("[collection demo]\nfile = {country}_{session}_{year}\n") + line;
        };
        const auto profile =
            r2p::parse_collection_profile("p.conf", with("title = {country_name}, {year}\n"));
        r2p::FileFields fields{{"country", "fra"}, {"year", "1999"}, {"country_name", "France"}};
        CHECK(r2p::expand_template(profile.title, fields) == "France, 1999");
        CHECK(r2p::expand_template(profile.event, fields).empty());
        CHECK_THROWS_WITH_AS(r2p::parse_collection_profile("p.conf", with("title = {month}\n")),
                             doctest::Contains("p.conf:3: title: field '{month}' is not in the "
                                               "file pattern"),
                             r2p::UsageError);
        CHECK_THROWS_WITH_AS(r2p::parse_collection_profile("p.conf", with("event = {speaker}\n")),
                             doctest::Contains("unknown field '{speaker}'"), r2p::UsageError);
        CHECK_THROWS_WITH_AS(
            r2p::parse_collection_profile("p.conf", with("place = A\nplace = B\n")),
            doctest::Contains("'place' given twice"), r2p::UsageError);
    }

    TEST_CASE("a file name matches only when every field has the form it names") {
        const auto profile = r2p::parse_collection_profile("p.conf", kGood);
        struct Case {
            const char* stem;
            bool matches;
        };
        const Case cases[] = {
            {"USA_70_2015", true},
            {"EU_66_2011", true},
            {"usa_1_1946", true},
            {"USA_70_15", false},
            {"USA_x_2015", false},
            {"US1_70_2015", false},
            {"USA_70_2015_b", false},
            {"USA-70-2015", false},
            {"ABCD_70_2015", false},
            {"statement", false},
            {"", false},
        };
        for (const Case& c : cases) {
            CAPTURE(c.stem);
            CHECK(r2p::match_file_name(profile, c.stem).has_value() == c.matches);
        }
    }

    TEST_CASE("literal text around the fields must be there") {
        const auto profile = r2p::parse_collection_profile(
            "p.conf",
            "[collection x]\nfile = speech-{year}-{month}-{day}-{country}\n"
            "date = {year}-{month}-{day}\n");
        const auto fields = r2p::match_file_name(profile, "speech-2012-09-28-swe");
        REQUIRE(fields);
        CHECK(r2p::collection_date(profile, *fields) == "2012-09-28");
        CHECK_FALSE(r2p::match_file_name(profile, "talk-2012-09-28-swe"));
    }

    TEST_CASE("a malformed profile is an error naming the file and line") {
        struct Case {
            std::string text;
            const char* error;
        };
        const Case cases[] = {
            {"file = {year}\n", "p.conf:1: key outside a [collection NAME] or [speakers] section"},
            {"[collection]\n", "p.conf:1: [collection] needs a name"},
            {"[collection a]\n[collection b]\n", "p.conf:2: duplicate [collection NAME] section"},
            {"[table]\n", "p.conf:1: unknown section kind 'table'"},
            {"[collection a]\nfile = {year}\nfile = {year}\n", "p.conf:3: 'file' given twice"},
            {"[collection a]\npattern = {year}\n", "p.conf:2: unknown key 'pattern'"},
            {"[collection a]\nfile = {yr}\n", "p.conf:2: file: unknown field '{yr}'"},
            {"[collection a]\nfile = {year\n", "p.conf:2: file: '{' without '}'"},
            {"[collection a]\nfile = {year}_{year}\n",
             "p.conf:2: file: field '{year}' given twice"},
            {"[collection a]\nfile = {country}{year}\n", "p.conf:2: file: fields need text"},
            {"[collection a]\nfile = speech\n", "p.conf:2: file: the pattern names no {field}"},
            {"[collection a]\nfile = {year}\ndate = {month}\n",
             "p.conf:3: date: field '{month}' is not in the file pattern"},
            {"[collection a]\nfile = {year}\ndate = September {year}\n",
             "p.conf:3: date: 'September {year}' does not give YYYY"},
            {"[collection a]\nfile = {year}\n[speakers]\nspeaker = name\n",
             "p.conf:3: [speakers] needs at least one 'match FIELD = COLUMN'"},
            {"[collection a]\nfile = {year}\n[speakers]\nmatch session = s\n",
             "p.conf:3: match: field 'session' is not in the file pattern"},
            {"[collection a]\nfile = {year}\n[speakers]\nmatch year = a\nmatch year = b\n",
             "p.conf:5: match: field 'year' given twice"},
            {"[collection a]\nfile = {year}\n[speakers]\nmatch = year\n",
             "p.conf:4: 'match' needs a field"},
            {"[collection a]\nfile = {year}\n[speakers]\nrole = post\n",
             "p.conf:4: unknown key 'role'"},
            {"[collection a]\nlabel = A\n", "p.conf: [collection a] has no file pattern"},
            {"# nothing\n", "p.conf: no [collection NAME] section"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            const std::string error = error_of(c.text);
            CAPTURE(error);
            CHECK(error.rfind(c.error, 0) == 0);
        }
    }

    TEST_CASE("a profile name is a file in the collections folder, a .conf path is itself") {
        CHECK(r2p::collection_profile_path("ungdc", "corpus/collections") ==
              std::filesystem::path("corpus/collections/ungdc.conf"));
        CHECK(r2p::collection_profile_path("my.conf", "corpus/collections") ==
              std::filesystem::path("my.conf"));
        CHECK(r2p::collection_profile_path("dir/x", "corpus/collections") ==
              std::filesystem::path("dir/x"));
        const auto known = r2p::known_collection_profiles(kCollections);
        CHECK(std::find(known.begin(), known.end(), "ungdc") != known.end());
        CHECK(r2p::known_collection_profiles("/nonexistent-r2p-folder").empty());
    }

    TEST_CASE("a profile that cannot be read is an error naming it") {
        r2p::test::TempDir dir;
        CHECK_THROWS_WITH_AS(r2p::load_collection_profile(dir / "none.conf"),
                             doctest::Contains("cannot read collection profile"), r2p::UsageError);
        CHECK_THROWS_WITH_AS(r2p::load_collection_profile(dir.path()),
                             doctest::Contains("it is a folder"), r2p::UsageError);
    }
}
