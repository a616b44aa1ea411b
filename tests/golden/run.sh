#!/bin/sh
# Golden test runner. Every tests/golden/*.sh other than this file is one
# test: it runs with $TIDINGS (the command to run, perhaps under valgrind),
# $SHARED (../shared), $GOLDEN (this directory) and a fresh empty working
# directory as its current directory. Exit 0 passes, 77 skips, anything
# else fails. The last line is "golden: N passed, N failed, N skipped".
GOLDEN=$(cd "$(dirname "$0")" && pwd)
: "${TIDINGS:?set TIDINGS to the tidings binary}"
SHARED=$(cd "${SHARED:-../shared}" 2>/dev/null && pwd || echo "${SHARED:-../shared}")
export TIDINGS SHARED GOLDEN
pass=0 fail=0 skip=0 failed=""
for t in "$GOLDEN"/*.sh; do
  name=$(basename "$t" .sh)
  [ "$name" = run ] && continue
  if [ -n "$GOLDEN_ONLY" ] && ! echo "$name" | grep -q "$GOLDEN_ONLY"; then continue; fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-golden.XXXXXX")
  out="$work/.log"
  (cd "$work" && sh "$t") >"$out" 2>&1
  rc=$?
  case $rc in
    0) pass=$((pass + 1)); echo "PASS $name" ;;
    77) skip=$((skip + 1)); echo "SKIP $name: $(tail -n 1 "$out")" ;;
    *) fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name (exit $rc)"; sed 's/^/    /' "$out" | tail -n 40 ;;
  esac
  rm -rf "$work"
done
echo "golden: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
