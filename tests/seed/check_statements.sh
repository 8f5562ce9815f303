#!/usr/bin/env bash
# The seed release's three statements, regenerated from examples/iij, must
# match the release cell for cell and print identically (seedcheck --strict).
# Usage: check_statements.sh KESSAN SOURCE_DIR
set -euo pipefail
kessan=$1
src=$2
seedcheck="$src/../shared/seed/seedcheck.py"
if [ ! -f "$seedcheck" ]; then
  echo "seedcheck not found at $seedcheck (shared/ must sit beside the repository)" >&2
  exit 1
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$kessan" statements "$src/examples/iij" --period 1Q02 --format tsv >"$out"
report=$(python3 "$seedcheck" "$out" --strict) || true
echo "$report"
status=0
for table in "statement of operations: 219/219 cells, 219 printed identically" \
             "balance sheet: 231/231 cells, 231 printed identically" \
             "cash flows: 108/108 cells, 108 printed identically"; do
  if ! grep -qxF "$table" <<<"$report"; then
    echo "MISMATCH: expected '$table'" >&2
    status=1
  fi
done
exit $status
