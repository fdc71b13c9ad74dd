// Tests for cli/query_words.cpp: query words that start with '-' and options after them.
#include "cli/query_words.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/app.hpp"

namespace po = boost::program_options;

TEST_SUITE("query_words") {
    TEST_CASE("words go after --, options before it, and no word is taken for an option") {
        po::options_description known = r2p::cli::standard_options();
        known.add_options()("db", po::value<std::string>(), "database")(
            "limit", po::value<std::string>(), "limit")(
            "facet", po::value<std::vector<std::string>>(), "facet")("json", "json");
        using Args = std::vector<std::string>;
        struct Case {
            const char* name;
            Args args;
            Args expected;
        };
        const Case cases[] = {
            {"a leading -word is a word", {"--db", "d", "-syria"}, {"--db", "d", "--", "-syria"}},
            {"options after the words still apply",
             {"--db", "d", "impunity", "-syria", "--facet", "theme", "--json"},
             {"--db", "d", "--facet", "theme", "--json", "--", "impunity", "-syria"}},
            {"-- keeps working",
             {"--db", "d", "--", "-syria", "--json"},
             {"--db", "d", "--", "-syria", "--json"}},
            {"a known short option stays one", {"-h"}, {"-h"}},
            {"an option's value is never a word",
             {"--limit", "-1", "x"},
             {"--limit", "-1", "--", "x"}},
            {"the value may be attached", {"x", "--limit=5", "-y"}, {"--limit=5", "--", "x", "-y"}},
            {"an unknown option before the words is left to the parser",
             {"--nope", "x"},
             {"--nope", "--", "x"}},
            {"an unknown option after the words is a word", {"x", "--nope"}, {"--", "x", "--nope"}},
            {"abbreviations count only before the words",
             {"--lim", "5", "x", "--lim"},
             {"--lim", "5", "--", "x", "--lim"}},
            {"a word starts the words even when it is a number",
             {"-1", "--json"},
             {"--json", "--", "-1"}},
            {"no words, no --", {"--db", "d", "--json"}, {"--db", "d", "--json"}},
        };
        for (const auto& c : cases) {
            SUBCASE(c.name) { CHECK(r2p::cli::options_before_words(c.args, known) == c.expected); }
        }
    }
}
