#!/bin/sh
# Timeline benchmark: ingest all of Reuters-21578 (read in place from
# $SHARED), then report the timeline's size, the share of mentions merged,
# the time of the merge alone (all mentions again, one batch, on a copy)
# and the query time for one month of the busiest actor pair (target under
# 50 ms). Wall-clock figures on a shared 2-core machine are noisy: the
# query is run 20 times and its minimum and median are printed.
set -u
dir="$SHARED/corpora/reuters21578"
ls "$dir"/*.sgm >/dev/null 2>&1 || { echo "bench_timeline: no Reuters corpus, skipped"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-bench-timeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
t0=$(date +%s.%N)
# Exit status 1 only says some input was rejected (Reuters has an empty
# article); a store failure leaves no summary line.
"$TIDINGS" ingest --db "$work/r.db" "$dir" 2>"$work/err"
grep -q '^ingest: ' "$work/err" || { tail -n 5 "$work/err"; exit 1; }
t1=$(date +%s.%N)
tail -n 1 "$work/err"
echo "ingest (whole pipeline, merge included): $(echo "$t1 - $t0" | bc) s"
"$BUILD/bench/bench_timeline" "$work/r.db" 20 || exit 1
cp "$work/r.db" "$work/copy.db"
"$BUILD/bench/bench_timeline" --remerge "$work/copy.db" || exit 1
# The same month and pair through the CLI, start-up and lexicon load included.
pair=$("$BUILD/bench/bench_timeline" "$work/r.db" 1 | sed -n 's/^query: pair \([^ ]*\) month \([^:]*\):.*/\1 \2/p')
if [ -n "$pair" ]; then
  set -- $pair
  best=""
  for i in 1 2 3 4 5; do
    s=$(date +%s%N)
    "$TIDINGS" timeline --db "$work/r.db" --pair "$1" --from "$2" --to "$2" --format jsonl > "$work/q.jsonl"
    e=$(date +%s%N)
    ms=$(( (e - s) / 1000000 ))
    [ -z "$best" ] || [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "cli: tidings timeline --pair $1 --from $2 --to $2: $(wc -l < "$work/q.jsonl") entries, min $best ms over 5 runs (process start and lexicon load included)"
fi
