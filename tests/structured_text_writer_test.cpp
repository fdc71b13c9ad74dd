// Tests for lib/src/convert/structured_text_writer.cpp: blocks -> structured text.
#include "convert/structured_text_writer.hpp"

#include <doctest/doctest.h>

TEST_SUITE("structured_text_writer") {
    TEST_CASE("whitespace of every kind collapses to single spaces, ends trimmed") {
        CHECK(r2p::collapse_whitespace(" a\t\n b\u00a0\u00a0c\u2028d\r\n") == "a b c d");
        CHECK(r2p::collapse_whitespace("\u00a0 \n").empty());
        CHECK(r2p::collapse_whitespace("caf\u00e9 \u201cx\u201d") == "caf\u00e9 \u201cx\u201d");
    }

    TEST_CASE("blocks are one line each, a blank line apart, the title first and once") {
        r2p::StructuredTextWriter out;
        out.paragraph("GA/12519");
        out.title(" The  headline ");
        out.heading("Part one");
        out.paragraph("  ");  // nothing to write
        out.paragraph("quoted", "> ");
        out.paragraph("item", "2. ");
        out.title("Another title");
        CHECK(out.finish() ==
              "# The headline\n\nGA/12519\n\n## Part one\n\n> quoted\n\n2. item\n\n## Another "
              "title\n");
        CHECK(r2p::StructuredTextWriter().empty());
    }
}
