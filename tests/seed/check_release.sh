#!/usr/bin/env bash
# The seed release's eight tables, regenerated from examples/iij by
# `kessan release --format tsv`, must match the release cell for cell and
# print identically: all 618 cells (tests/seed/expected, check_tables.py).
# Usage: check_release.sh KESSAN SOURCE_DIR
set -euo pipefail
kessan=$1
src=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$kessan" release "$src/examples/iij" --period 1Q02 --format tsv >"$out"
report=$(python3 "$src/tests/seed/check_tables.py" "$out" -v) || true
echo "$report"
grep -qxF "all tables: 618/618 cells match, 618/618 printed identically" <<<"$report" || {
  echo "MISMATCH: expected all 618 cells to match and print identically" >&2
  exit 1
}
