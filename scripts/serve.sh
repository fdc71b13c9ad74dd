#!/usr/bin/env bash
# The quick start (set up, build, index corpus/ into out/r2p.db), then r2p-serve on it:
# open http://127.0.0.1:8080/ (stop with Ctrl-C). Arguments go to r2p-serve
# (scripts/serve.sh --listen 127.0.0.1:9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/quickstart.sh >/dev/null
exec build/bin/r2p-serve --db out/r2p.db "$@"
