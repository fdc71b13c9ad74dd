#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang++, ASan+UBSan, leak detection on) in build-fuzz and runs
# each for a bounded time (FUZZ_SECONDS, default 60). Fails on any crash, leak, undefined
# behaviour or broken contract, and then prints each input that did it (as a printf command)
# and the command that replays it, so that the log alone reproduces the failure.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
# FUZZ_BUILD_DIR: a build folder configured with -DR2P_FUZZ=ON -DR2P_SANITIZERS=ON by clang++
# already (test.sh's sanitized build, which then compiles the library once for its tests and
# for the harnesses); by default build-fuzz, configured here.
dir=${FUZZ_BUILD_DIR:-build-fuzz}
configure=(cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DR2P_FUZZ=ON -DR2P_SANITIZERS=ON
    -DR2P_BUILD_TESTS=OFF)
source scripts/sanitizers.sh
if [ -n "${FUZZ_BUILD_DIR:-}" ]; then
    # Configured by the caller, which says how in FUZZ_CONFIGURE (for the replay command).
    configure=("${FUZZ_CONFIGURE:-cmake -S . -B $dir -DCMAKE_CXX_COMPILER=clang++ -DR2P_FUZZ=ON -DR2P_SANITIZERS=ON}")
else
    "${configure[@]}" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" --target parse_fuzzer query_fuzzer

# Seeds: the statements we have, and a list of queries (one file each, behind an options byte).
seeds="$dir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/parse" "$seeds/query" "$dir/corpus/parse" "$dir/corpus/query" "$dir/artifacts"
cp corpus/*.txt tests/data/statements/* "$seeds/parse/"
n=0
while IFS= read -r query; do
    for flags in '\000' '\034' '\215'; do
        n=$((n + 1))
        { printf "$flags"; printf '%s' "$query"; } >"$seeds/query/q$n"
    done
done <fuzz/seeds/queries.txt
printf '\014impunity\n2012\n2013-01\nr2p-ministerial-meeting-2012\naccountability\nminister\nquote' \
    >"$seeds/query/filters"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=$LSAN_OPTIONS:print_suppressions=1

# FILE's bytes as a printf format: printable ASCII as is, every other byte (and ' \ %) in octal.
printf_format() {
    od -An -v -tu1 "$1" | awk '{
        for (i = 1; i <= NF; i++) {
            c = $i + 0
            if (c >= 32 && c < 127 && c != 37 && c != 39 && c != 92) printf "%c", c
            else printf "\\%03o", c
        }
    }'
}

# Each input harness $1 failed on, then how to replay it from the repository root.
report_inputs() {
    local name=$1 input found=0
    for input in "$dir/artifacts/$name-"*; do
        [ -f "$input" ] || continue
        found=1
        local size
        size=$(wc -c <"$input")
        echo "fuzz: $name failed on $input ($size bytes); to recreate it:"
        echo "  mkdir -p $dir/artifacts"
        if [ "$size" -le 4096 ]; then
            echo "  printf '$(printf_format "$input")' >$input"
        else
            echo "  base64 -d >$input <<'EOF'"
            base64 "$input"
            echo "EOF"
        fi
        echo "fuzz: to replay it (from the repository root, after scripts/setup.sh):"
        echo "  ${configure[*]} && cmake --build $dir --target $name"
        # The environment of the run, with paths relative to the repository root.
        echo "  ASAN_OPTIONS=$ASAN_OPTIONS LSAN_OPTIONS=${LSAN_OPTIONS//$PWD\//}" \
            "UBSAN_OPTIONS=$UBSAN_OPTIONS ASAN_SYMBOLIZER_PATH=$ASAN_SYMBOLIZER_PATH" \
            "$dir/bin/$name $input"
        echo "fuzz: once fixed, keep it as tests/data/fuzz/$name/<what-it-was>: ctest replays every" \
            "input there (test fuzz_replay.$name, also under ASan)"
    done
    [ "$found" = 1 ] || echo "fuzz: $name wrote no input to $dir/artifacts/ (see its log above)"
}

run() {
    local name=$1
    shift
    local log="$dir/$name.log"
    rm -f "$dir/artifacts/$name-"*
    echo "fuzz: $name for ${seconds}s"
    # The inputs kept in tests/data/fuzz/ run first, with the seeds, as the initial corpus.
    if ! "$dir/bin/$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-" "$@" \
        "$dir/corpus/${name%_fuzzer}" "$seeds/${name%_fuzzer}" "tests/data/fuzz/$name" \
        >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz: $name FAILED (log: $log)"
        report_inputs "$name"
        return 1
    fi
    echo "fuzz: $name: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
        sed 's/.*: *//') executions, $(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" |
        sed 's/.*: *//') MB peak, no crash, leak or UB"
}

# The harnesses run side by side, one core each (a libFuzzer process is single-threaded): the
# same time per harness in half the wall time on 2 cores. Each one's lines are printed whole
# once both have ended, so that a failure's report is not interleaved with the other's.
run parse_fuzzer -max_len=65536 >"$dir/parse_fuzzer.report" 2>&1 &
parse_pid=$!
run query_fuzzer -max_len=2048 -dict=fuzz/query.dict >"$dir/query_fuzzer.report" 2>&1 &
query_pid=$!
status=0
wait "$parse_pid" || status=1
wait "$query_pid" || status=1
cat "$dir/parse_fuzzer.report" "$dir/query_fuzzer.report"
exit "$status"
