# Usage errors of `tidings timeline` and `tidings events` exit 2 with a
# message; --help exits 0.
set -u
fail=0
expect() { want=$1; shift; "$@" >out 2>err; rc=$?; [ $rc -eq "$want" ] || { echo "FAIL: $* exited $rc, want $want"; cat err; fail=1; }; }
expect 0 $TIDINGS timeline --help
expect 0 $TIDINGS events --help
expect 2 $TIDINGS timeline --format xml
expect 2 $TIDINGS timeline --pair USA
expect 2 $TIDINGS timeline --pair ,RUS
expect 2 $TIDINGS timeline --root 4
expect 2 $TIDINGS timeline --from yesterday
expect 2 $TIDINGS timeline --db e.db --from 2022-02 --to 2022-01-31
expect 2 $TIDINGS timeline --min-articles many
expect 2 $TIDINGS timeline --actor
expect 2 $TIDINGS timeline stray
expect 2 $TIDINGS events --format html
$TIDINGS timeline --root 4 2>err; grep -q "two-digit" err || { echo "FAIL: no message for --root"; fail=1; }
# An empty store gives an empty timeline.
expect 0 $TIDINGS timeline --db e.db --format jsonl
[ -s out ] && { echo "FAIL: output from an empty store"; fail=1; }
exit $fail
