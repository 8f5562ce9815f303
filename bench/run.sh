#!/usr/bin/env bash
# Benchmark `kessan bal` against `ledger bal` and `hledger bal` on generated
# journals. See bench/README.md; all options are handled by bench/bench.py.
#
#   bench/run.sh [SIZE...] [--kessan PATH] [--out FILE] [--runs K]
#                [--skip-hledger-above N] [--seed S] [--data-dir DIR] ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/bench.py" "$@"
