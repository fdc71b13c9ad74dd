// page_furniture: which short lines a printed record's page put there, and job numbers run
// into text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/page_furniture.hpp"

using r2p::detail::Furniture;
using r2p::detail::page_furniture;

namespace {

// Checks that each of `lines` is classified `expected`, naming the line that is not.
void check_all(const std::vector<std::string>& lines, Furniture expected) {
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK(page_furniture(line) == expected);
    }
}

}  // namespace

TEST_SUITE("page_furniture") {
    TEST_CASE("page numbers, job numbers and record symbols are furniture wherever they stand") {
        const std::vector<std::string> lines = {
            "7",
            "123",
            "11-40012",
            "11-40012 31",
            "4 11-40012",
            "30/10 11-40012",
            "11-40012 6/20",
            "03/10/2011 A/66/PV.20",
            "A/66/PV.20 03/10/2011",
            "A/66/PV.20",
            "A/PV.987",
            "7 General Assembly - Fifty-second session",
            "General Assembly - Thirty-first session 14",
            "Forty-seventh session - 2 October l992 18",
            "Seventieth session 5 October 2015",
            "General Assembly 23rd plenary meeting",
            "General Assembly 42nd meeting",
            "(spoke in Spanish)",
        };
        check_all(lines, Furniture::kAlways);
    }

    TEST_CASE("a bare running head is furniture only where it stands alone") {
        CHECK(page_furniture("General Assembly") == Furniture::kIfIsolated);
        CHECK(page_furniture("Sixty-first session") == Furniture::kIfIsolated);
    }

    TEST_CASE("an interpreter's note may close on a later line") {
        CHECK(page_furniture("(spoke in Italian; text supplied by the") == Furniture::kNoteOpens);
        CHECK(r2p::detail::closes_note("delegation)"));
        CHECK_FALSE(r2p::detail::closes_note("the delegation (which spoke)"));
    }

    TEST_CASE("short lines of text are not furniture") {
        const std::vector<std::string> lines = {
            "1995",
            "1995.",
            "12.",
            "Mr. President,",
            "General Assembly.",
            "the General Assembly at its",
            "This session",
            "resolution 1244 (1999).",
            "A/66/150",
            "Fifty years ago, in 1961",
        };
        check_all(lines, Furniture::kNone);
    }

    TEST_CASE("a job number run into text goes with its page numbers, and nothing else") {
        using r2p::detail::without_inline_furniture;
        CHECK(without_inline_furniture("leaders 12-51234 7/25 who listen") == "leaders who listen");
        CHECK(without_inline_furniture("the 3/25 12-51234 Agency") == "the Agency");
        CHECK(without_inline_furniture("12-51234 4 We act.") == "We act.");
        CHECK(without_inline_furniture("in 1990-1995 and 2001-02") == "in 1990-1995 and 2001-02");
        CHECK(without_inline_furniture("forty-five") == "forty-five");
    }
}  // TEST_SUITE
