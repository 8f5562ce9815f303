#!/usr/bin/env bash
# Runs kessan's fuzz targets (docs/fuzzing.md) for a given time each, one
# after the other, starting from their corpora in tests/fuzz/corpus. New
# inputs and crashes are kept in a work directory outside the repository.
#
# Usage: scripts/fuzz.sh [-t TIME] [-w DIR] [-j JOBS] [--no-build] [TARGET...]
#   -t TIME   time per target: seconds, or with a unit: 90s, 30m, 2h (default 10m)
#   -w DIR    work directory (default: $KESSAN_FUZZ_WORK or /tmp/kessan-fuzz)
#             DIR/TARGET/corpus  new inputs      DIR/TARGET/crashes  crashing inputs
#             DIR/TARGET/log     libFuzzer's output
#   -j JOBS   parallel fuzzing processes per target (default 1)
#   TARGET    journal, formula, template, readings, layout, book (default: all)
# Exit status: 1 when a target found a crash (its input is in DIR/TARGET/crashes).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
all_targets=(journal formula template readings layout book)
# The longest input per target (as in tests/fuzz/CMakeLists.txt).
declare -A max_len=([journal]=65536 [formula]=4096 [template]=16384 [readings]=16384 [layout]=16384 [book]=65536)

time_arg=10m work=${KESSAN_FUZZ_WORK:-/tmp/kessan-fuzz} jobs=1 build=1 targets=()
while [ $# -gt 0 ]; do
  case $1 in
    -t) time_arg=$2; shift 2 ;;
    -w) work=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [ -n "${max_len[$t]:-}" ] || { echo "fuzz.sh: unknown target '$t': expected ${all_targets[*]}" >&2; exit 2; }
done
case $time_arg in
  *h) seconds=$(( ${time_arg%h} * 3600 )) ;;
  *m) seconds=$(( ${time_arg%m} * 60 )) ;;
  *s) seconds=${time_arg%s} ;;
  *) seconds=$time_arg ;;
esac
work=$(realpath -m "$work")
case $work in "$repo"|"$repo"/*) echo "fuzz.sh: the work directory must be outside the repository" >&2; exit 2 ;; esac

if [ "$build" = 1 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)"
fi

status=0
for t in "${targets[@]}"; do
  dir=$work/$t
  mkdir -p "$dir/corpus" "$dir/crashes"
  echo "== fuzz $t for ${seconds}s (work: $dir)"
  parallel=()
  [ "$jobs" -gt 1 ] && parallel=(-fork="$jobs" -ignore_crashes=1)
  set +e
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$repo/build/fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" \
    -dict="$repo/tests/fuzz/dict/$t.dict" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/" "${parallel[@]}" "$dir/corpus" "$repo/tests/fuzz/corpus/$t" \
    >"$dir/log" 2>&1
  rc=$?
  set -e
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' "$dir/log" || true
  if [ $rc -ne 0 ] || [ -n "$(ls -A "$dir/crashes")" ]; then
    status=1
    echo "$t: crashed (exit $rc); inputs in $dir/crashes, output in $dir/log"
    grep -m1 -E '^SUMMARY|oracle failed' "$dir/log" || true
  fi
done
exit $status
