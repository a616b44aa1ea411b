#!/bin/sh
# The whole annotate pipeline (segmentation, time, actors, events) on
# Reuters-21578, in sentences per second per core (thread CPU time, best of
# 3 runs; the machine is shared, so wall clock is noisy). Target: >= 20,000.
dir="$SHARED/corpora/reuters21578"
[ -d "$dir" ] || { echo "no Reuters corpus in $dir: skipped"; exit 0; }
"$BUILD/bench/bench_annotate" -r 3 "$dir"
