// Tests for cli/app.cpp: exit codes and the shared command-line handling.
#include "cli/app.hpp"

#include <doctest/doctest.h>

#include <xapian.h>

#include <sstream>

#include "r2p/error.hpp"
#include "r2p/taxonomy.hpp"

namespace po = boost::program_options;

TEST_SUITE("app") {
    TEST_CASE("each kind of failure maps to the interface's exit code") {
        using r2p::cli::run_tool;
        CHECK(run_tool("test", [] { return 0; }) == 0);
        CHECK(run_tool("test", [] { return 1; }) == 1);
        CHECK(run_tool("test", []() -> int { throw r2p::UsageError("bad query"); }) == 2);
        CHECK(run_tool("test", []() -> int { throw r2p::TaxonomyError("t.conf:3: x"); }) == 2);
        CHECK(run_tool("test", []() -> int { throw po::unknown_option("--nope"); }) == 2);
        CHECK(run_tool("test", []() -> int { throw r2p::IndexError("no database"); }) == 3);
        CHECK(run_tool("test", []() -> int { throw r2p::DatabaseLockedError("locked"); }) == 3);
        CHECK(run_tool("test", []() -> int { throw Xapian::DatabaseOpeningError("x"); }) == 3);
        CHECK(run_tool("test", []() -> int { throw std::runtime_error("odd"); }) == 3);
    }

    TEST_CASE("--help and --version stop the tool before its work") {
        po::options_description options;
        options.add_options()("db", po::value<std::string>()->required(), "database");
        po::positional_options_description positional;
        for (const char* flag : {"--help", "--version", "-h"}) {
            CAPTURE(flag);
            const char* argv[] = {"r2p-test", flag};
            po::variables_map vm;
            CHECK_FALSE(r2p::cli::parse_command_line(2, argv, "test", "[options]", options,
                                                     positional, vm));
        }
    }

    TEST_CASE("a missing required option and an unknown option are usage errors") {
        po::options_description options;
        options.add_options()("db", po::value<std::string>()->required(), "database");
        po::positional_options_description positional;
        po::variables_map vm;
        const char* missing[] = {"r2p-test"};
        CHECK_THROWS_AS(
            r2p::cli::parse_command_line(1, missing, "test", "", options, positional, vm),
            po::error);
        po::variables_map vm2;
        const char* unknown[] = {"r2p-test", "--db", "x", "--frobnicate"};
        CHECK_THROWS_AS(
            r2p::cli::parse_command_line(4, unknown, "test", "", options, positional, vm2),
            po::error);
    }

    TEST_CASE("taxonomy files default to corpus/taxonomy and can be overridden") {
        po::variables_map vm;
        const char* argv[] = {"r2p-test", "--themes", "/nonexistent/themes.conf"};
        po::positional_options_description positional;
        REQUIRE(r2p::cli::parse_command_line(3, argv, "test", "", r2p::cli::taxonomy_options(),
                                             positional, vm));
        CHECK_THROWS_AS(r2p::cli::load_taxonomy_from(vm), r2p::TaxonomyError);
        CHECK(std::filesystem::exists(r2p::cli::default_taxonomy_dir() / "themes.conf"));
    }

    TEST_CASE("a named --synonyms file that does not exist is an error, not no synonyms") {
        po::variables_map vm;
        const char* argv[] = {"r2p-test", "--synonyms", "/nonexistent/synonyms.conf"};
        po::positional_options_description positional;
        REQUIRE(r2p::cli::parse_command_line(3, argv, "test", "", r2p::cli::taxonomy_options(),
                                             positional, vm));
        CHECK_THROWS_WITH_AS(r2p::cli::read_named_taxonomy_files(vm),
                             "/nonexistent/synonyms.conf: cannot open taxonomy file",
                             r2p::TaxonomyError);
        CHECK_THROWS_AS(r2p::cli::load_taxonomy_from(vm), r2p::TaxonomyError);
    }

    TEST_CASE("a stored taxonomy wins over the default files, a named file over both") {
        const r2p::TaxonomyFiles defaults =
            r2p::default_taxonomy_files(r2p::cli::default_taxonomy_dir());
        r2p::TaxonomyTexts stored = r2p::read_taxonomy_texts(defaults);
        stored.themes.text += "[theme stored-theme]\nlabel = Stored\n";
        stored.synonyms.text = "";

        const r2p::Taxonomy from_stored = r2p::cli::resolve_taxonomy({}, stored);
        CHECK(from_stored.find_theme("stored-theme") != nullptr);
        CHECK(from_stored.synonyms.empty());

        r2p::cli::NamedTaxonomyFiles named;
        named.themes = r2p::read_taxonomy_text(defaults.themes);
        const r2p::Taxonomy overridden = r2p::cli::resolve_taxonomy(named, stored);
        CHECK(overridden.find_theme("stored-theme") == nullptr);
        CHECK(overridden.synonyms.empty());  // still the stored synonyms

        const r2p::Taxonomy without = r2p::cli::resolve_taxonomy({}, std::nullopt);
        CHECK(without.find_theme("stored-theme") == nullptr);
        CHECK_FALSE(without.synonyms.empty());
    }

    TEST_CASE("colour only on a terminal and never with a non-empty NO_COLOR") {
        CHECK(r2p::cli::colour_allowed(true, nullptr));
        CHECK(r2p::cli::colour_allowed(true, ""));
        CHECK_FALSE(r2p::cli::colour_allowed(true, "1"));
        CHECK_FALSE(r2p::cli::colour_allowed(true, "0"));
        CHECK_FALSE(r2p::cli::colour_allowed(false, nullptr));
    }

    TEST_CASE("help descriptions wrap at spaces within 80 columns, captions kept") {
        po::options_description options("Taxonomy");
        options.add_options()("synonyms", po::value<std::string>()->value_name("FILE"),
                              "query synonyms (default: the database's, else "
                              "corpus/taxonomy/synonyms.conf, if there)")(
            "an-option-with-a-very-long-name-indeed", "short")("quiet", "print nothing but errors");
        const std::string help = r2p::cli::format_help(options);
        std::istringstream lines(help);
        std::string words;
        for (std::string line; std::getline(lines, line);) {
            CAPTURE(line);
            CHECK(line.size() <= 80);
            CHECK_FALSE(line.ends_with(' '));
        }
        CHECK(help.starts_with("Taxonomy:\n"));
        CHECK(help.find("corpus/taxonomy/synonyms.conf,") != std::string::npos);
        CHECK(help.find("  --quiet") != std::string::npos);
        CHECK(help.find("print nothing but errors") != std::string::npos);
    }
}
