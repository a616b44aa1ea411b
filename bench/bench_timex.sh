#!/bin/sh
# Time-expression tagger throughput (issue 3): td_timex_tag alone over the
# Reuters-21578 story bodies read in place, best of 5 rounds in CPU time
# (one core). Target: at least 30 MB/s per core. The machine is shared:
# compare runs by the CPU figure or by callgrind instruction counts.
: "${BUILD:=build}" "${SHARED:=../shared}"
dir="$SHARED/corpora/reuters21578"
[ -d "$dir" ] || { echo "bench_timex: no $dir, skipped"; exit 0; }
"$BUILD/bench/bench_timex" "$dir" "${BENCH_ROUNDS:-5}"
