// The doctest runner shared by every suite: doctest's own, plus an exit code that tells ctest a
// test case skipped (skip.hpp).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

#include "skip.hpp"

namespace {

// Test cases started in this run.
int started_test_cases = 0;

// Keeps the running test case's name for r2p::test::skip, and counts the cases run.
struct CurrentTestCase : doctest::IReporter {
    explicit CurrentTestCase(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData& data) override {
        r2p::test::current_test_case() = data.m_name;
        ++started_test_cases;
    }
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("r2p_current_test_case", 1, CurrentTestCase);

// Whether the command line picks test cases by name (ctest runs one case so).
bool filters_by_name(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with("--test-case=") || arg.starts_with("-tc=")) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int failed = context.run();
    if (context.shouldExit() || failed != 0) return failed;
    // A name that matches no case (one ctest registered wrongly, say a name cut at a ';')
    // would otherwise pass without running anything.
    if (filters_by_name(argc, argv) && started_test_cases == 0) {
        std::fprintf(stderr, "no test case matches the name given: nothing was run\n");
        return 1;
    }
    const auto& skips = r2p::test::skips();
    if (skips.empty()) return 0;
    // A case skipped once per subcase pass is named once.
    std::string last;
    for (const auto& skip : skips) {
        if (skip.test_case == last) continue;
        last = skip.test_case;
        std::fprintf(stderr, "SKIPPED: %s: %s\n", skip.test_case.c_str(), skip.reason.c_str());
    }
    return r2p::test::kSkipExitCode;
}
