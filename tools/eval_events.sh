#!/bin/sh
# Event coding accuracy (make eval): the CAMEO manual's example sentences
# (root and exact code) and the PETRARCH validation sentences with their
# own fictional actor dictionary loaded through --dict - once with
# tidings' CAMEO verb patterns, once with the suite's own verb dictionary
# (its codes are KEDS/WEIS-based, not CAMEO, so only that run can match
# them exactly). Gold is read in place from $SHARED. Add -v through
# EVAL_VERBOSE=1 to list the misses.
: "${BUILD:=build}" "${SHARED:=../shared}"
V=${EVAL_VERBOSE:+-v}
CAMEO="$SHARED/eval/cameo/icews.cameo_examples.tsv"
PET="$SHARED/eval/events/derived.petrarch_unittest.tsv"
ACT="$SHARED/eval/events/petrarch.PETR.Validate.actors.txt"
AGT="$SHARED/eval/events/petrarch.PETR.Validate.agents.txt"
VRB="$SHARED/eval/events/petrarch.PETR.Validate.verbs.txt"
status=0
if [ -f "$CAMEO" ]; then
  "$BUILD/tools/eval_events" cameo "$CAMEO" $V || status=1
else
  echo "skip: $CAMEO not found"
fi
if [ -f "$PET" ]; then
  echo "== PETRARCH validation, tidings' verb patterns"
  "$BUILD/tools/eval_events" petrarch "$PET" --dict "$ACT" --dict "$AGT" $V ||
    status=1
  if [ -f "$VRB" ]; then
    echo "== PETRARCH validation, the suite's own verb dictionary (--verbs)"
    "$BUILD/tools/eval_events" petrarch "$PET" --dict "$ACT" --dict "$AGT" \
      --verbs "$VRB" $V || status=1
  fi
else
  echo "skip: $PET not found"
fi
exit $status
