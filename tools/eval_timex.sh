#!/bin/sh
# Time expressions (issue 3): score td_timex_tag against the TimeML gold in
# $SHARED/eval/timex (read in place) the TempEval-3 way, per corpus:
# strict and relaxed extent F1, value accuracy on relaxed matches, value
# F1 = relaxed F1 x value accuracy. Targets: value F1 >= 0.85, relaxed
# F1 >= 0.92. TIMEX_EVAL_VERBOSE=1 lists misses, false alarms and wrong
# values.
: "${BUILD:=build}" "${SHARED:=../shared}"
gold="$SHARED/eval/timex"
[ -d "$gold" ] || { echo "eval_timex: no $gold, skipped"; exit 0; }
v=""; [ -n "$TIMEX_EVAL_VERBOSE" ] && v=-v
status=0
for c in TimeBank AQUAINT MEANTIME; do
  [ -d "$gold/$c" ] || continue
  "$BUILD/tools/timeml_eval" $v "$c" "$gold/$c" || status=1
done
exit $status
