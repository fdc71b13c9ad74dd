// Skipping a test case whose environment lacks what it needs, so that ctest reports it skipped
// (and scripts/ctest.sh fails CI for it) instead of counting it passed.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace r2p::test {

/// What a test executable exits with when a test case skipped and none failed; ctest's
/// SKIP_RETURN_CODE for every suite (tests/CMakeLists.txt). 77 is the Automake convention.
inline constexpr int kSkipExitCode = 77;

/// A test case that skipped, and why.
struct Skip {
    std::string test_case;
    std::string reason;
};

/// The skips of this run, in order (read by the runner in test_main.cpp).
inline std::vector<Skip>& skips() {
    static std::vector<Skip> list;
    return list;
}

/// The name of the test case running now (kept by the listener in test_main.cpp).
inline std::string& current_test_case() {
    static std::string name;
    return name;
}

/// Marks the running test case skipped because of `reason` (what the environment lacks).
/// The caller returns right after. doctest still counts the case as passed; the executable's
/// exit code (kSkipExitCode when nothing failed) is what tells ctest it was skipped.
inline void skip(const std::string& reason) {
    MESSAGE("skipped: " << reason);
    skips().push_back({current_test_case(), reason});
}

}  // namespace r2p::test
