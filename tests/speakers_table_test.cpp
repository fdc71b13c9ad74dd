// Tests for lib/src/index/speakers_table.cpp: a speakers table's rows found by file fields.
#include "index/speakers_table.hpp"

#include <doctest/doctest.h>

#include <string>

#include "r2p/error.hpp"

namespace {

r2p::CollectionProfile profile() {
    return r2p::parse_collection_profile(
        "p.conf",
        "[collection demo]\nfile = {country}_{session}_{year}\n"
        "[speakers]\nmatch country = iso3\nmatch year = year\n"
        "country-name = country\nspeaker = speaker\npost = post\n");
}

const char* const kTable =
    "year,session,iso3,country,speaker,post\r\n"
    "2015,70,ABC,\"Abcland, Republic of\",\"H.E. Mr. Alan\r\nSmithee,\",Prime minister\r\n"
    "2016,71,ABC,\"Abcland, Republic of\",Ms. Ada Lovelace,\r\n"
    "1958,13,XYZ,Xyzia,Mr. Gromyko,\r\n"
    "1958,13,XYZ,Xyzia,Mr. GROMYKO,Minister for Foreign Affairs\r\n";

std::string error_of(const std::string& text) {
    try {
        r2p::SpeakersTable table(profile(), "s.csv", text);
    } catch (const r2p::UsageError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_SUITE("speakers_table") {
    TEST_CASE("a file's row is found by its country and year, whatever their case or zeros") {
        const r2p::SpeakersTable table(profile(), "s.csv", kTable);
        CHECK(table.size() == 4);
        const auto rows = table.rows_for({{"country", "abc"}, {"session", "70"}, {"year", "2015"}});
        REQUIRE(rows.size() == 1);
        CHECK(rows[0]->line == 2);
        CHECK(rows[0]->country_name == "Abcland, Republic of");
        // A name wrapped over two lines is one line; the source's trailing comma goes.
        CHECK(rows[0]->speaker == "H.E. Mr. Alan Smithee");
        CHECK(rows[0]->post == "Prime minister");
        CHECK(table.rows_for({{"country", "ABC"}, {"year", "02016"}}).size() == 1);
        CHECK(table.rows_for({{"country", "abc"}, {"year", "2017"}}).empty());
    }

    TEST_CASE("a key the table lists twice gives both rows, in table order") {
        const r2p::SpeakersTable table(profile(), "s.csv", kTable);
        const auto rows = table.rows_for({{"country", "xyz"}, {"year", "1958"}});
        REQUIRE(rows.size() == 2);
        CHECK(rows[0]->line == 5);  // the name wrapped in row 2 takes a line
        CHECK(rows[1]->line == 6);
    }

    TEST_CASE("a country's name is the one its row of the nearest year gives") {
        const r2p::SpeakersTable table(
            profile(), "s.csv", std::string(kTable) + "1960,15,ABC,Old Abcland,Mr. Smith,\n");
        CHECK(table.country_name_of({{"country", "abc"}, {"year", "2019"}}) ==
              "Abcland, Republic of");
        CHECK(table.country_name_of({{"country", "abc"}, {"year", "1962"}}) == "Old Abcland");
        CHECK(table.country_name_of({{"country", "XYZ"}, {"year", "2000"}}) == "Xyzia");
        CHECK(table.country_name_of({{"country", "qqq"}, {"year", "2000"}}).empty());
        CHECK(table.country_name_of({{"year", "2000"}}).empty());
    }

    TEST_CASE("a table that does not fit the profile is an error naming the file and line") {
        CHECK(error_of("year,iso3,country,speaker\n")
                  .rfind("s.csv:1: no column 'post' (collection demo needs iso3, year, country, "
                         "speaker, post)",
                         0) == 0);
        CHECK(error_of("year,iso3,country,speaker,post\n2015,ABC,A,B\n")
                  .rfind("s.csv:2: 4 fields, the header has 5", 0) == 0);
        CHECK(error_of("year,iso3,country,speaker,post\n2015,ABC,\"A,B,C\n")
                  .rfind("s.csv:2: quoted field never ends", 0) == 0);
        CHECK(error_of("").rfind("s.csv: speakers table is empty", 0) == 0);
    }

    TEST_CASE("a table that cannot be read is an error naming it") {
        CHECK_THROWS_WITH_AS(
            r2p::SpeakersTable::load(profile(), "/nonexistent-r2p/s.csv"),
            doctest::Contains("/nonexistent-r2p/s.csv: cannot read speakers table"),
            r2p::UsageError);
    }
}
