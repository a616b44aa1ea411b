#!/bin/sh
# Event coder precision on real news, judged by hand (make eval). Codes
# Reuters-21578 (read in place from $SHARED) with `tidings annotate` and
# takes a deterministic sample of the events with build/tools/sample_events
# (the N events with the smallest hash keys: an event that survives a
# change keeps its key and its place in the sample). The sample, each
# event with its sentence, is written to $BUILD/precision_sample.txt for a
# person to judge. Judgments (KEY<TAB>y|n<TAB>error class, see
# tools/sample_events.c) live outside the repo: point EVAL_JUDGED at the
# file and the precision over the judged part of the sample is printed,
# with the count per error class and how many sampled events still need
# judging. EVAL_SAMPLE sets N (default 100). EVAL_CORPUS=bbc-politics codes
# the 417 political stories of the BBC News corpus instead (the domain the
# coder is for; default reuters).
set -u
case "${EVAL_CORPUS:-reuters}" in
  reuters) dir="$SHARED/corpora/reuters21578" glob="*.sgm" ;;
  bbc-politics) dir="$SHARED/corpora/bbc/politics" glob="*.txt" ;;
  *) echo "eval_precision: EVAL_CORPUS is reuters or bbc-politics" >&2; exit 2 ;;
esac
[ -d "$dir" ] || { echo "eval_precision: no corpus in $dir, skipped"; exit 0; }
n=${EVAL_SAMPLE:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-eval-precision.XXXXXX")
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
"$TIDINGS" annotate "$dir"/$glob >"$work/events.jsonl" 2>/dev/null || exit 1
set -- -n "$n"
if [ -n "${EVAL_JUDGED:-}" ]; then set -- "$@" --judged "$EVAL_JUDGED"; fi
"$BUILD/tools/sample_events" "$@" "$work/events.jsonl" >"$BUILD/precision_sample.txt" || exit 1
awk '/^events: / || /^judged: / || /^  / && judged { print } /^judged: / { judged = 1 }' \
  "$BUILD/precision_sample.txt"
echo "sample of $n events with their sentences: $BUILD/precision_sample.txt"
