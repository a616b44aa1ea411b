#!/bin/sh
# Benchmark runner (make bench): runs every bench/bench_*.sh in name order.
# Each prints its own figures (throughput, not pass/fail). Environment:
# SHARED (../shared), BUILD (build dir with tidings and bench binaries),
# TIDINGS (the tidings binary), BENCH (this directory).
BENCH=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${BUILD:-build}" && pwd)
SHARED=$(cd "${SHARED:-../shared}" 2>/dev/null && pwd || echo "${SHARED:-../shared}")
TIDINGS="$BUILD/tidings"
export BENCH BUILD SHARED TIDINGS
status=0
for b in "$BENCH"/bench_*.sh; do
  [ -f "$b" ] || continue
  echo "== $(basename "$b" .sh)"
  sh "$b" || status=1
done
exit $status
