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

# The sanitized build is clang's, with the libFuzzer harnesses in it: the library is compiled
# once for the sanitized tests and the fuzzers (coverage-instrumented for them), not twice.
# -O0: a library source costs clang 2.2 s there, 4.5 s at -O1 and 4.9 s at -O2 (the old
# separate fuzz build), GCC 2.8 s at -O0 (the old sanitized build).
sanitized=(build-asan -DCMAKE_CXX_COMPILER=clang++ -DR2P_SANITIZERS=ON -DR2P_FUZZ=ON
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1)
scripts/build.sh "${sanitized[@]}"
(
    source scripts/sanitizers.sh
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=$LSAN_OPTIONS:print_suppressions=0 \
        scripts/ctest.sh build-asan
)

# libFuzzer harnesses, each for a bounded time (30 s here; FUZZ_SECONDS to change).
FUZZ_BUILD_DIR=build-asan FUZZ_CONFIGURE="scripts/build.sh ${sanitized[*]@Q}" \
    FUZZ_SECONDS=${FUZZ_SECONDS:-30} scripts/fuzz.sh

if command -v clang-format >/dev/null; then
    git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror
fi
echo "all tests passed"
