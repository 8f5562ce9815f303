#!/usr/bin/env bash
# check_tables.py must be able to fail: one changed figure, one cell printed
# differently and one missing row are each reported, and the exit status is 1.
# Usage: check_checker.sh KESSAN SOURCE_DIR
set -euo pipefail
kessan=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$kessan" release "$src/examples/iij" --period 1Q02 --format tsv >"$dir/release.tsv"
check() { python3 "$src/tests/seed/check_tables.py" "$@"; }
check "$dir/release.tsv" >/dev/null
sed 's/\t3,523,334\t/\t3,523,335\t/' "$dir/release.tsv" >"$dir/value.tsv"
sed 's/\t35\.8%\t/\t35.8\t/' "$dir/release.tsv" >"$dir/printed.tsv"
grep -v '^Total current assets' "$dir/release.tsv" >"$dir/row.tsv"
status=0
for case in value printed row; do
  cmp -s "$dir/release.tsv" "$dir/$case.tsv" && { echo "the $case mutation changed nothing" >&2; status=1; }
  if check "$dir/$case.tsv" >"$dir/$case.out"; then
    echo "check_tables.py accepted a release with a changed $case" >&2
    status=1
  fi
done
grep -qx "all tables: 617/618 cells match, 617/618 printed identically" "$dir/value.out" || status=1
grep -qx "all tables: 618/618 cells match, 617/618 printed identically" "$dir/printed.out" || status=1
check --values "$dir/printed.tsv" >/dev/null || { echo "--values refused a cell printed differently" >&2; status=1; }
exit $status
