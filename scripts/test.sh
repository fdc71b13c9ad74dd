#!/usr/bin/env bash
# Every test: set up, build, run the suite; then build again with ASan+UBSan and run it
# again there. A skipped test fails the run (scripts/ctest.sh says when one may skip).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

# The test builds carry no debug information (plain) or line tables only (sanitized: all its
# reports need): a third off their compile time, which is most of this script's.
scripts/build.sh build -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG"
scripts/ctest.sh build

scripts/build.sh build-asan -DR2P_SANITIZERS=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1
(
    source scripts/sanitizers.sh
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=$LSAN_OPTIONS:print_suppressions=0 \
        scripts/ctest.sh build-asan
)

# libFuzzer harnesses, each for a bounded time (30 s here; FUZZ_SECONDS to change).
FUZZ_SECONDS=${FUZZ_SECONDS:-30} scripts/fuzz.sh

if command -v clang-format >/dev/null; then
    git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror
fi
echo "all tests passed"
