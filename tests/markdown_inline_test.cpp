// markdown_inline: emphasis, links, code, images, autolinks, comments and escapes.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "parse/markdown_inline.hpp"

using r2p::detail::strip_inline_markdown;

TEST_SUITE("markdown_inline") {
    TEST_CASE("inline marks go and the words stay") {
        const struct {
            const char* in;
            const char* out;
        } cases[] = {
            {"we *must* act", "we must act"},
            {"we _must_ act", "we must act"},
            {"we **must** act", "we must act"},
            {"we __must__ act", "we must act"},
            {"we ***must*** act", "we must act"},
            {"**Prevention first.** Sweden", "Prevention first. Sweden"},
            {"see [the report](https://un.org/a/73/898) now", "see the report now"},
            {"see [the *full* report][1] now", "see the full report now"},
            {"the `northern provinces` were hit", "the northern provinces were hit"},
            {"a ``code with ` tick`` here", "a code with ` tick here"},
            {"logo ![Logo of the network](logo.png) here", "logo  here"},
            {"at <https://example.org/list>.", "at ."},
            {"kept <!-- a note --> text", "kept  text"},
            {"5 \\* 3 and \\_x\\_", "5 * 3 and _x_"},
        };
        for (const auto& c : cases) {
            INFO(c.in);
            CHECK(strip_inline_markdown(c.in) == c.out);
        }
    }

    TEST_CASE("marks that open nothing are text") {
        for (const char* s :
             {"Sudan* and Syria", "snake_case_name", "2 * 3 = 6", "a [note] here", "(see para. 3)",
              "a < b > c", "[^1]", "an unclosed `tick", "[text](with spaces in it)"}) {
            INFO(s);
            CHECK(strip_inline_markdown(s) == s);
        }
    }

    TEST_CASE("a stray pair of doubled marks is markup all the same") {
        CHECK(strip_inline_markdown("**") == "");
        CHECK(strip_inline_markdown("**Title line") == "Title line");
    }

    TEST_CASE("adversarial input stays linear") {
        std::string s;
        while (s.size() < (1u << 20)) s += "[[`<!-*_ ";
        const auto start = std::chrono::steady_clock::now();
        const std::string out = strip_inline_markdown(s);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
        CHECK(out.size() > s.size() / 2);
    }
}
