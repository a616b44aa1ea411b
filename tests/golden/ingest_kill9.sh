# Crash safety: an ingest killed with SIGKILL at several moments leaves a
# consistent store that every command reads, and rerunning the same ingest
# (once after a second kill, mid-rerun) ends with the same store as one
# clean run: same articles, timeline, event mentions and duplicate clusters.
# Four Reuters files (4000 stories) keep it to a few seconds a kill.
# Slow under valgrind: skipped there.
set -u
dir="$SHARED/corpora/reuters21578"
ls "$dir"/reut2-003.sgm >/dev/null 2>&1 || { echo "no Reuters corpus"; exit 77; }
case "$TIDINGS" in *valgrind*) echo "skipped under valgrind"; exit 77;; esac
fail() { echo "FAIL: $*"; exit 1; }
files="$dir/reut2-000.sgm $dir/reut2-001.sgm $dir/reut2-002.sgm $dir/reut2-003.sgm"
snapshot() {
  $TIDINGS docs --db "$1" --format csv > "$2.docs" || return 1
  $TIDINGS events --db "$1" --format csv > "$2.events" || return 1
  $TIDINGS timeline --db "$1" --format csv > "$2.timeline" || return 1
  $TIDINGS dups --db "$1" > "$2.dups" || return 1
}
$TIDINGS ingest --db clean.db $files 2>err || { tail -n 5 err; fail "clean ingest"; }
snapshot clean.db clean || fail "reading the clean store"
[ "$(wc -l < clean.docs)" -eq 4001 ] || fail "clean store has $(wc -l < clean.docs) lines of docs"
killed=0
# The SIGKILL lands after $delay seconds; the last round also kills the
# first rerun, so a store is recovered twice.
for delay in 0.3 1 2 0.5; do
  rm -f k.db k.db-wal k.db-shm
  $TIDINGS ingest --db k.db $files 2>/dev/null &
  pid=$!
  sleep $delay
  kill -9 $pid 2>/dev/null && killed=$((killed + 1))
  wait $pid 2>/dev/null
  if [ "$delay" = 0.5 ]; then
    $TIDINGS ingest --db k.db $files 2>/dev/null &
    pid=$!
    sleep 1
    kill -9 $pid 2>/dev/null && killed=$((killed + 1))
    wait $pid 2>/dev/null
  fi
  if command -v sqlite3 >/dev/null && [ -f k.db ]; then
    ok=$(sqlite3 k.db 'PRAGMA integrity_check' 2>&1)
    [ "$ok" = ok ] || fail "after a kill at ${delay}s: integrity_check says $ok"
  fi
  snapshot k.db partial || fail "a command fails on the store killed at ${delay}s"
  echo "killed at ${delay}s: $(($(wc -l < partial.docs) - 1)) articles stored"
  $TIDINGS ingest --db k.db $files 2>err || { tail -n 5 err; fail "rerun after a kill at ${delay}s"; }
  grep -q ' 0 replaced, 0 rejected' err || { tail -n 1 err; fail "rerun after ${delay}s replaced or rejected articles"; }
  snapshot k.db k || fail "reading the rerun store"
  for part in docs events timeline dups; do
    cmp -s clean.$part k.$part || { diff clean.$part k.$part | head; fail "$part differ from a clean run after a kill at ${delay}s"; }
  done
done
echo "$killed ingests killed mid-run"
exit 0
