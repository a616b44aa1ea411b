#!/bin/sh
# Dateline + segment throughput on Reuters-21578 (read once via
# td_read_path, normalized once, then timed in CPU time; best of 5 runs).
# Figures on the shared 2-core machine are noisy.
dir="$SHARED/corpora/reuters21578"
[ -d "$dir" ] || { echo "no Reuters corpus in $dir: skipped"; exit 0; }
"$BUILD/bench/bench_segment" -r 5 "$dir"
