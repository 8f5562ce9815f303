#!/usr/bin/env bash
# Runs every test: unit, golden and differential tests, in an optimised build
# and under AddressSanitizer + UndefinedBehaviorSanitizer, then a short run of
# every fuzz target over its corpus in the fuzz build (clang; docs/fuzzing.md).
# Set KESSAN_TEST_PRESETS="release" to run one build only (presets: release,
# asan, fuzz, debug).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)
for preset in ${KESSAN_TEST_PRESETS:-release asan fuzz}; do
  echo "== build: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== test: $preset"
  ctest --preset "$preset" -j "$jobs"
done
