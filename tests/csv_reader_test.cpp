// Tests for lib/src/util/csv_reader.cpp: RFC 4180 records, and errors naming file and line.
#include "util/csv_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "r2p/error.hpp"
#include "util/ini_reader.hpp"

namespace {

std::vector<r2p::CsvRow> read(std::string_view text) {
    return r2p::read_csv("t.csv", text, &r2p::raise_as<r2p::UsageError>);
}

std::string error_of(std::string_view text) {
    try {
        (void)read(text);
    } catch (const r2p::UsageError& e) {
        return e.what();
    }
    return "no error";
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_SUITE("csv_reader") {
    TEST_CASE("quoted fields keep their commas, doubled quotes and line breaks") {
        const auto rows = read(
            "iso3,country,speaker\n"
            "KOR,\"Korea, Republic of\",\"Mr. \"\"Ban\"\" Ki-moon\"\n"
            "KWT,Kuwait,\"Sheikh Ahmad\nAl-Sabah\"\n"
            "TON,Tonga,\n");
        REQUIRE(rows.size() == 4);
        CHECK(rows[1].fields == Fields{"KOR", "Korea, Republic of", "Mr. \"Ban\" Ki-moon"});
        CHECK(rows[2].fields == Fields{"KWT", "Kuwait", "Sheikh Ahmad\nAl-Sabah"});
        CHECK(rows[3].fields == Fields{"TON", "Tonga", ""});
        CHECK(rows[2].line == 3);
        CHECK(rows[3].line == 5);  // the line break inside the quoted name counts
    }

    TEST_CASE("a BOM, CRLF line ends and blank lines are read like plain LF text") {
        const auto rows = read("\xEF\xBB\xBFyear,iso3\r\n2015,ABC\r\n\r\n2016,\"D,E\"\r\n");
        REQUIRE(rows.size() == 3);
        CHECK(rows[0].fields == Fields{"year", "iso3"});
        CHECK(rows[1].fields == Fields{"2015", "ABC"});
        CHECK(rows[2].fields == Fields{"2016", "D,E"});
        CHECK(rows[2].line == 4);
    }

    TEST_CASE("a last line without a line break is a record") {
        const auto rows = read("a,b\n1,2");
        REQUIRE(rows.size() == 2);
        CHECK(rows[1].fields == Fields{"1", "2"});
    }

    TEST_CASE("a malformed line is an error naming the file and line") {
        struct Case {
            const char* text;
            const char* error;
        };
        const Case cases[] = {
            {"a,b\n1,x\"y\n", "t.csv:2: quote inside an unquoted field"},
            {"a,b\n1,\"x\"y\n", "t.csv:2: text after a closing quote"},
            {"a,b\n\n1,\"never\nends\n", "t.csv:3: quoted field never ends"},
            {"a,b\n1,\xFF\n", "t.csv:2: invalid UTF-8"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            CHECK(error_of(c.text).rfind(c.error, 0) == 0);
        }
    }
}
