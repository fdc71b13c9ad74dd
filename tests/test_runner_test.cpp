// The test machinery itself: a skipped test case is reported skipped to ctest,
// scripts/ctest.sh fails a run in which a test that must run was skipped, and the sanitized
// runs have the symbolizer their leak suppressions need.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "skip.hpp"
#include "test_support.hpp"

namespace {

using r2p::test::run_command;
using r2p::test::shell_quote;

const std::string kSelf = std::string(R2P_BIN_DIR) + "/r2p_e2e_tests";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Runs this executable on the fixture cases matching `filter` (they are marked doctest::skip,
// so that only --no-skip runs them).
r2p::test::CommandResult run_fixtures(const std::string& filter) {
    return run_command(shell_quote(kSelf) + " --no-skip --test-suite=test_runner_fixtures " +
                       shell_quote("--test-case=" + filter));
}

}  // namespace

TEST_SUITE("test_runner_fixtures" * doctest::skip()) {
    TEST_CASE("fixture: skips for want of a tool") {
        r2p::test::skip("no-such-tool is not installed");
        return;
    }
    TEST_CASE("fixture: fails") { CHECK(1 + 1 == 3); }
    TEST_CASE("fixture: passes") { CHECK(1 + 1 == 2); }
}

TEST_SUITE("test_runner") {
    TEST_CASE("a test case that skips makes its run exit 77, ctest's code for skipped") {
        const auto result = run_fixtures("fixture: skips*");
        CHECK(result.exit_code == r2p::test::kSkipExitCode);
        CHECK(has(result.err,
                  "SKIPPED: fixture: skips for want of a tool: no-such-tool is not installed"));
        // Only a skip makes it 77: a run that skipped nothing passes as before.
        CHECK(run_fixtures("fixture: passes").exit_code == 0);
    }

    TEST_CASE("a failure in the same run outweighs a skip") {
        CHECK(run_fixtures("fixture: skips*,fixture: fails").exit_code == 1);
    }

    TEST_CASE("ctest takes exit 77 of every doctest case as skipped") {
        // doctest_discover_tests's own PROPERTIES are lost (tests/ctest_skips.cmake says why).
        const auto listing =
            run_command("ctest --test-dir " + shell_quote(R2P_BUILD_DIR) + " --show-only=json-v1");
        REQUIRE(listing.exit_code == 0);
        const auto tests = nlohmann::json::parse(listing.out).at("tests");
        std::size_t suites = 0;
        for (const auto& test : tests) {
            const std::string command = test.value("command", nlohmann::json::array()).dump();
            if (!has(command, "/r2p_unit_tests\"") && !has(command, "/r2p_e2e_tests\"")) continue;
            ++suites;
            CAPTURE(test.at("name").get<std::string>());
            int skip_code = -1;
            for (const auto& property : test.value("properties", nlohmann::json::array())) {
                if (property.at("name") == "SKIP_RETURN_CODE") skip_code = property.at("value");
            }
            CHECK(skip_code == r2p::test::kSkipExitCode);
        }
        CHECK(suites > 100);
    }

    TEST_CASE("scripts/ctest.sh fails on a skipped test unless it is optional or allowed") {
        r2p::test::TempDir dir;
        const std::string build = shell_quote((dir / "build").string());
        REQUIRE(run_command("cmake -S " +
                            shell_quote(std::string(R2P_SOURCE_DIR) + "/tests/data/ctest_skips") +
                            " -B " + build + " >/dev/null")
                    .exit_code == 0);
        const std::string script = shell_quote(std::string(R2P_SOURCE_DIR) + "/scripts/ctest.sh");

        const auto strict = run_command(script + " " + build);
        CHECK(strict.exit_code == 1);
        CHECK(has(strict.out, "ctest.sh: FAILED: skipped: skips, needs a tool\n"));
        CHECK(has(strict.out, "\nSKIPPED: needs a tool: not installed\n"));
        CHECK(has(strict.out, "skipped, allowed (label optional): skips, needs a corpus\n"));

        const auto optional_only = run_command(script + " " + build + " -E tool");
        CHECK(optional_only.exit_code == 0);
        CHECK(has(optional_only.out, "skipped, allowed (label optional): skips, needs a corpus\n"));

        const auto allowed = run_command("R2P_ALLOW_SKIPS=1 " + script + " " + build);
        CHECK(allowed.exit_code == 0);
        CHECK(has(allowed.out, "skipped, allowed by R2P_ALLOW_SKIPS=1: skips, needs a tool\n"));

        const auto all_ran = run_command(script + " " + build + " -R passes");
        CHECK(all_ran.exit_code == 0);
        CHECK_FALSE(has(all_ran.out, "ctest.sh:"));
    }

    TEST_CASE("no suite skips by a message and an early return, which ctest counts as passed") {
        for (const auto& entry : std::filesystem::directory_iterator(R2P_SOURCE_DIR "/tests")) {
            if (entry.path().extension() != ".cpp") continue;
            CAPTURE(entry.path().string());
            const std::string text = r2p::test::read_file(entry.path());
            CHECK_FALSE(has(text, std::string("MESSAGE(\"") + "skipped"));
        }
    }

    TEST_CASE("the sanitized runs find llvm-symbolizer, which the leak suppressions need") {
        // tests/lsan.supp names functions: without a symbolizer clang's runtime reports the
        // known Xapian leak as ours (a fresh Debian 12 lacked it until setup.sh installed llvm).
        const std::string source = "cd " + shell_quote(R2P_SOURCE_DIR) + " && ";
        const auto found = run_command(
            source + "bash -c 'source scripts/sanitizers.sh && echo \"$ASAN_SYMBOLIZER_PATH\"'");
        REQUIRE(found.exit_code == 0);
        CHECK(has(found.out, "/llvm-symbolizer"));
        CHECK(has(run_command(source + "bash -c 'source scripts/sanitizers.sh && echo " +
                              "\"$LSAN_OPTIONS\"'")
                      .out,
                  "suppressions=" + std::string(R2P_SOURCE_DIR) + "/tests/lsan.supp"));

        const auto missing =
            run_command(source + "PATH=/nonexistent /bin/bash -c 'source scripts/sanitizers.sh'");
        CHECK(missing.exit_code == 1);
        CHECK(has(missing.err, "llvm-symbolizer not found"));
        CHECK(has(missing.err, "run scripts/setup.sh (package llvm)"));
    }
}
