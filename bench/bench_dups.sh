#!/bin/sh
# Fingerprint stage speed (make bench): ingest Reuters-21578 (read in place)
# into a scratch store, report the ingest wall time (every stage, store
# writes, LSH candidate search in SQLite and verification included), then
# build/bench/bench_dups on that store: fingerprint MB/s on one core, whole
# corpus dedup in memory (fingerprint + candidates + verification) and the
# bytes per article of the store's fingerprint index. Wall clock on a
# shared machine is noisy: bench_dups reports CPU time, best of RUNS runs.
set -u
dir="$SHARED/corpora/reuters21578"
ls "$dir"/*.sgm >/dev/null 2>&1 || { echo "bench_dups: no Reuters corpus: skipped"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench-dups.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
start=$(date +%s.%N)
"$TIDINGS" ingest --db "$work/r.db" "$dir" 2>"$work/err"
end=$(date +%s.%N)
n=$("$TIDINGS" docs --db "$work/r.db" --format csv | tail -n +2 | wc -l)
if [ "$n" -lt 20000 ]; then
  echo "bench_dups: only $n Reuters articles stored (no SGML reader?): skipped"
  exit 0
fi
echo "ingest (all stages, $n articles): $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s wall"
"$BUILD/bench/bench_dups" "$work/r.db" "${RUNS:-5}"
