// paragraph_numbers: the printed number opening a numbered paragraph or item.
#include <doctest/doctest.h>

#include <string>

#include "parse/paragraph_numbers.hpp"

using r2p::detail::paragraph_number;

TEST_SUITE("paragraph_numbers") {
    TEST_CASE("numbers and letters are labels, the text after them stays") {
        const struct {
            const char* line;
            const char* label;
            const char* rest;
        } cases[] = {
            {"1. The first paragraph.", "1", "The first paragraph."},
            {"1.\tThe first paragraph.", "1", "The first paragraph."},
            {"12 bis. An inserted paragraph.", "12 bis", "An inserted paragraph."},
            {"2) second item", "2", "second item"},
            {"(a) designate focal points;", "(a)", "designate focal points;"},
            {"(iv) share assessments;", "(iv)", "share assessments;"},
            {"b) share assessments;", "b", "share assessments;"},
            {"(3) a third", "(3)", "a third"},
        };
        for (const auto& c : cases) {
            INFO(c.line);
            const auto number = paragraph_number(c.line);
            REQUIRE(number.has_value());
            CHECK(number->label == c.label);
            CHECK(std::string(c.line).substr(number->length) == c.rest);
        }
    }

    TEST_CASE("years, decimals, Roman numerals and bare numbers are no paragraph numbers") {
        for (const char* line : {"2005. The World Summit", "3.5 million people", "II. Lessons",
                                 "1.", "12", "(ab) x", "a. b", "A. Early warning", "1.The"}) {
            INFO(line);
            CHECK_FALSE(paragraph_number(line).has_value());
        }
    }
}
