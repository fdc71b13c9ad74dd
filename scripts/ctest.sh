#!/usr/bin/env bash
# Runs ctest in build folder $1 (further arguments go to ctest) and fails when a test was
# skipped, unless ctest labels it `optional` (it needs data that is not in the repository, e.g.
# ../shared/corpora/ungdc) or R2P_ALLOW_SKIPS=1 (a developer machine lacking root, a tmpfs or a
# tool). CI sets neither: a test it is meant to run must run.
set -euo pipefail
dir=${1:?usage: scripts/ctest.sh BUILD_DIR [CTEST_ARGS...]}
shift
log="$dir/ctest.log"

ctest --test-dir "$dir" --output-on-failure -j "$(nproc)" "$@" | tee "$log"

# ctest ends with "The following tests did not run:" then "<tab> NN - NAME (Skipped)".
skipped=$(sed -nE 's/^[[:space:]]+[0-9]+ - (.*) \(Skipped\)$/\1/p' "$log")
[ -n "$skipped" ] || exit 0
# Why, before another ctest rewrites its log: the doctest runner prints
# "SKIPPED: CASE: REASON" (tests/skip.hpp), and ctest logs every test's output.
reasons=$(grep -h '^SKIPPED: ' "$dir"/Testing/Temporary/LastTest*.log 2>/dev/null | sort -u || true)
optional=$(ctest --test-dir "$dir" -N -L '^optional$' | sed -nE 's/^ *Test +#[0-9]+: (.*)$/\1/p')
refused=()
while IFS= read -r name; do
    if grep -qxF -- "$name" <<<"$optional"; then
        echo "ctest.sh: skipped, allowed (label optional): $name"
    else
        refused+=("$name")
    fi
done <<<"$skipped"
[ ${#refused[@]} -gt 0 ] || exit 0
if [ "${R2P_ALLOW_SKIPS:-0}" = 1 ]; then
    printf 'ctest.sh: skipped, allowed by R2P_ALLOW_SKIPS=1: %s\n' "${refused[@]}"
    exit 0
fi
printf 'ctest.sh: FAILED: skipped: %s\n' "${refused[@]}"
[ -z "$reasons" ] || echo "$reasons"
echo "ctest.sh: give each what it needs; only on a machine that cannot (never in CI), set"
echo "ctest.sh: R2P_ALLOW_SKIPS=1"
exit 1
