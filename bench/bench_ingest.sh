#!/bin/sh
# Ingest throughput on all of Reuters-21578, read in place from $SHARED:
# MB of article text per CPU second on one core for read, read+normalize
# and read+prepare (normalize + dateline + segment; target 40 MB/s), then
# the store write rate (articles/s, MB/s into a temporary SQLite file) and
# td_ingest end to end. Best of BENCH_REPEAT runs (default 3). The machine
# is shared: figures move by 10-20% between runs; compare instruction
# counts (valgrind --tool=callgrind) for small changes.
dir="$SHARED/corpora/reuters21578"
ls "$dir"/*.sgm >/dev/null 2>&1 || { echo "bench_ingest: no Reuters corpus in $dir, skipped"; exit 0; }
"$BUILD/bench/ingest_bench" --repeat "${BENCH_REPEAT:-3}" "$dir"
