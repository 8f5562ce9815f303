#!/usr/bin/env bash
# A fuzz target's smoke run: every input of its corpus, then the given
# number of new inputs, with new inputs kept in a scratch directory.
# Usage: smoke.sh TARGET SCRATCH CORPUS LIBFUZZER-OPTIONS...
set -euo pipefail
target=$1 scratch=$2 corpus=$3
shift 3
rm -rf "$scratch"
mkdir -p "$scratch/new" "$scratch/artifacts"
exec "$target" "$@" -artifact_prefix="$scratch/artifacts/" "$scratch/new" "$corpus"
