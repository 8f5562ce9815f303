#!/usr/bin/env bash
# The seed release's three statements, regenerated from examples/iij by
# `kessan statements --format tsv`, must match the release cell for cell and
# print identically (tests/seed/expected, check_tables.py).
# Usage: check_statements.sh KESSAN SOURCE_DIR
set -euo pipefail
kessan=$1
src=$2
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$kessan" statements "$src/examples/iij" --period 1Q02 --format tsv >"$out"
report=$(python3 "$src/tests/seed/check_tables.py" "$out" -v \
  --tables statement-of-operations,balance-sheet,cash-flows) || true
echo "$report"
status=0
for table in "statement-of-operations: 219/219 cells, 219 printed identically" \
             "balance-sheet: 231/231 cells, 231 printed identically" \
             "cash-flows: 108/108 cells, 108 printed identically"; do
  if ! grep -qxF "$table" <<<"$report"; then
    echo "MISMATCH: expected '$table'" >&2
    status=1
  fi
done
exit $status
