#!/usr/bin/env bash
# Sets up, builds and runs kessan on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
echo "== kessan bal -f examples/sample.journal"
build/release/kessan bal -f examples/sample.journal
