#!/usr/bin/env bash
# The main job: set up, build, index corpus/ and search "impunity" with theme facets.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
rc=0
build/bin/r2p-index --db out/r2p.db corpus/ || rc=$?
# Exit 1 means some files were skipped (each named above); the rest is indexed.
[ "$rc" -le 1 ] || exit "$rc"
build/bin/r2p-search --db out/r2p.db --facet theme impunity
