# --reprocess annotates and rewrites articles already stored unchanged
# (after an upgrade) and says so; without it they are left alone.
set -u
fail() { echo "FAIL: $*"; exit 1; }
mkdir in
printf 'PARIS, May 4 (AFP) - Ministers met in Paris on Thursday.\n' > in/a.txt
printf 'ROME, May 5 (AFP) - Talks ended in Rome on Friday.\n' > in/b.txt
$TIDINGS ingest --db s.db in 2>err || { cat err; fail "first ingest"; }
$TIDINGS ingest --db s.db --reprocess in 2>err || { cat err; fail "reprocess"; }
grep -q '^ingest: 0 ingested, 0 unchanged, 0 replaced, 0 rejected' err || { cat err; fail "reprocess summary"; }
grep -q '^ingest: 2 unchanged articles annotated again' err || { cat err; fail "reprocess count"; }
[ "$($TIDINGS docs --db s.db --format csv | wc -l)" -eq 3 ] || fail "still two articles"
$TIDINGS ingest --db s.db in 2>err || fail "plain ingest"
grep -q '^ingest: 0 ingested, 2 unchanged, 0 replaced, 0 rejected' err || { cat err; fail "unchanged after reprocess"; }
exit 0
