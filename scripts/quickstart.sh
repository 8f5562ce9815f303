#!/usr/bin/env bash
# Sets up, builds and runs kessan on the bundled example book: the earnings
# release of Internet Initiative Japan's first quarter of fiscal 2002.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
echo "== kessan release examples/iij --period 1Q02"
build/release/kessan release examples/iij --period 1Q02
