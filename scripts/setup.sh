#!/usr/bin/env bash
# Installs every Debian package r2p-search needs, when missing. Idempotent; run as root
# (or as a user with sudo) on Debian 12.
set -euo pipefail

packages=(
    build-essential cmake g++ pkg-config
    ccache  # scripts/build.sh: rebuilds and second builds reuse what was compiled
    git  # test.sh lists the sources to check with git ls-files
    libxapian-dev xapian-tools
    libicu-dev
    libboost-program-options-dev
    doctest-dev
    nlohmann-json3-dev
    libcpp-httplib-dev
    libsqlite3-dev
    libarchive-dev  # statements read straight from .tar.gz / .tar.xz / .zip archives
    libpoppler-cpp-dev  # PDF statements
    libxml2-dev  # HTML and DOCX statements
    libzstd-dev  # passage data of search-only copies, compressed with a trained dictionary
    libjemalloc-dev  # allocator of r2p-index and r2p-serve: indexing 14-20% faster
    wamerican wbritish  # word lists: end-of-line hyphenation, and the bench's generator
    gnuplot-nox
    # r2p-serve's browser tests (Selenium driving headless Chromium) and its load benchmark
    chromium chromium-driver python3-selenium wrk
    # chromedriver reaches Chromium at "localhost", which a minimal Debian root without
    # /etc/hosts cannot resolve; this NSS module always resolves it
    libnss-myhostname
    clang libclang-rt-14-dev clang-format
    # llvm-symbolizer: clang's sanitizers (fuzz.sh) symbolize only through it, and the
    # suppressions in tests/lsan.supp name functions (scripts/sanitizers.sh says why).
    llvm
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
