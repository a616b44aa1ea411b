#!/bin/sh
# Timeline accuracy on the seed articles: ingest $SHARED/seeds (read in
# place) and score `tidings timeline --format jsonl` against
# $SHARED/seeds/gold/timeline.jsonl with build/tools/timeline_gold: gold
# events found in one entry with enough of their articles, events split
# into several entries, entries on the forbidden dates (2022-06-12, a
# re-post stamp; 2022-12-17, the December 17 publication with the wrong
# year). Also prints the size of the timeline and how much was merged.
set -u
gold="$SHARED/seeds/gold/timeline.jsonl"
[ -f "$gold" ] || { echo "eval_timeline: no $gold, skipped"; exit 0; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-eval-timeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$TIDINGS" ingest --db "$work/s.db" "$SHARED/seeds" 2>/dev/null
"$TIDINGS" timeline --db "$work/s.db" --format jsonl > "$work/t.jsonl" || exit 1
"$BUILD/tools/timeline_gold" "$gold" "$work/t.jsonl" 2022-06-12 2022-12-17
rc=$?
"$TIDINGS" events --db "$work/s.db" --format csv | awk 'END { print "mentions: " NR - 1 }'
awk '{ n++; if ($0 ~ /"n_articles":([2-9]|[1-9][0-9]+)[,}]/) m++ } END { print "entries: " n + 0 ", cited by several articles: " m + 0 }' "$work/t.jsonl"
exit $rc
