#!/bin/sh
# Evaluation runner (make eval): runs every tools/eval_*.sh in name order.
# Each prints accuracy figures against gold data read in place from
# $SHARED. Environment: SHARED, BUILD, TIDINGS (the binary), TOOLS (here).
TOOLS=$(cd "$(dirname "$0")" && pwd)
BUILD=$(cd "${BUILD:-build}" && pwd)
SHARED=$(cd "${SHARED:-../shared}" 2>/dev/null && pwd || echo "${SHARED:-../shared}")
TIDINGS="$BUILD/tidings"
export TOOLS BUILD SHARED TIDINGS
status=0
for e in "$TOOLS"/eval_*.sh; do
  [ -f "$e" ] || continue
  echo "== $(basename "$e" .sh)"
  sh "$e" || status=1
done
exit $status
