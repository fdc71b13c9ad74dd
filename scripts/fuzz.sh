#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang++, ASan+UBSan, leak detection on) in build-fuzz and runs
# each for a bounded time (FUZZ_SECONDS, default 60). Fails on any crash, leak, undefined
# behaviour or broken contract; the input that did it is left in build-fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
dir=build-fuzz

cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DR2P_FUZZ=ON -DR2P_SANITIZERS=ON -DR2P_BUILD_TESTS=OFF >/dev/null
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
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=1

run() {
    local name=$1
    shift
    local log="$dir/$name.log"
    echo "fuzz: $name for ${seconds}s"
    if ! "$dir/bin/$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-" "$@" \
        "$dir/corpus/${name%_fuzzer}" "$seeds/${name%_fuzzer}" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz: $name FAILED (log: $log)"
        return 1
    fi
    echo "fuzz: $name: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
        sed 's/.*: *//') executions, $(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" |
        sed 's/.*: *//') MB peak, no crash, leak or UB"
}

run parse_fuzzer -max_len=65536
run query_fuzzer -max_len=2048 -dict=fuzz/query.dict
