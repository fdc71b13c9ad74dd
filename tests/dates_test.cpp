// Tests for find_date.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/dates.hpp"

TEST_SUITE("dates") {
    TEST_CASE("the first date in a text is found in every common English and ISO form") {
        struct Case {
            const char* text;
            const char* date;
        };
        const std::vector<Case> cases = {
            {"5th Annual R2P Ministerial Meeting, New York, 28 September 2012", "2012-09-28"},
            {"September 28, 2012", "2012-09-28"},
            {"New York, September 28th, 2012.", "2012-09-28"},
            {"on the 28th September 2012", "2012-09-28"},
            {"the 28th of September 2012", "2012-09-28"},
            {"issued 2012-09-28 by", "2012-09-28"},
            {"2012/09/28", "2012-09-28"},
            {"28 Sept. 2012", "2012-09-28"},
            {"28 Sep 2012", "2012-09-28"},
            {"Sept. 28, 2012", "2012-09-28"},
            {"1 JANUARY 2014", "2014-01-01"},
            {"3 dec 2019", "2019-12-03"},
            {"28\xC2\xA0September\xC2\xA0"
             "2012",
             "2012-09-28"},                        // no-break spaces
            {"28 September\n2012", "2012-09-28"},  // hard-wrapped
            {"27-28 September 2012", "2012-09-27"},
            {"27 \xE2\x80\x93 28 September 2012", "2012-09-27"},
            {"Monday, 29 February 2016", "2016-02-29"},
            {"29 February 2000", "2000-02-29"},
            {"September 2012", "2012-09"},
            {"Report of September, 2012", "2012-09"},
            {"Sept. 2012", "2012-09"},
            {"In 2005, on 14 September 2005 and 28 September 2012", "2005-09-14"},
            {"31 February 2012 was no day; 1 March 2012 was", "2012-03-01"},
            {"31 February 2012", ""},
            {"29 February 2013", ""},
            {"31 April 2012", ""},
            {"2012-02-30", ""},
            {"2012-13-01", ""},
            {"32 May 2012", ""},
            {"paragraphs 138-139 of the 2005 Outcome", ""},
            {"Resolution 1973 (2011)", ""},
            {"28 September", ""},
            {"September 28", ""},
            {"September. 2012 was", ""},
            {"28 Septembers 2012", ""},
            {"28 September 20123", ""},
            {"2012-09-281", ""},
            {"", ""},
        };
        for (const Case& c : cases) {
            SUBCASE(c.text) { CHECK(r2p::find_date(c.text) == c.date); }
        }
    }

}  // TEST_SUITE
