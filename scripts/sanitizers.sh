# Sourced by test.sh and fuzz.sh: what every sanitized run needs, set once.
#
# tests/lsan.supp names the functions of third-party leaks we cannot fix. A suppression by
# function matches only a symbolized stack, and clang's runtime (the fuzzers) symbolizes only
# through llvm-symbolizer, which Debian ships in the `llvm` package, not with clang (setup.sh
# installs it). Suppressing by library instead (leak:libxapian.so) would need no symbols but
# would also hide every leak of ours that passes through Xapian, so we keep the function and
# refuse to run without the symbolizer rather than fail later on an unexplained "leak".
r2p_symbolizer=$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)
if [ -z "$r2p_symbolizer" ]; then
    echo "${0##*/}: llvm-symbolizer not found: the LeakSanitizer suppressions in" >&2
    echo "${0##*/}: tests/lsan.supp need symbols; run scripts/setup.sh (package llvm)" >&2
    exit 1
fi
export ASAN_SYMBOLIZER_PATH=$r2p_symbolizer
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
