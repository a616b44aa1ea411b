# Ingesting the same content twice stores it once and says so; a changed
# article with the same id replaces the old version; a JSONL duplicate id
# keeps the later line.
set -u
fail() { echo "FAIL: $*"; exit 1; }
mkdir in
printf 'PARIS, May 4 (AFP) - Ministers met in Paris on Thursday.\n' > in/a.txt
printf 'ROME, May 5 (AFP) - Talks ended in Rome on Friday.\n' > in/b.txt
$TIDINGS ingest --db s.db in 2>err || { cat err; fail "first ingest"; }
grep -q '^ingest: 2 ingested, 0 unchanged, 0 replaced, 0 rejected' err || { cat err; fail "first summary"; }
$TIDINGS ingest --db s.db in 2>err || { cat err; fail "second ingest"; }
grep -q '^ingest: 0 ingested, 2 unchanged, 0 replaced, 0 rejected' err || { cat err; fail "second summary"; }
grep -q 'already stored' err || fail "says it was already stored"
printf 'ROME, May 5 (AFP) - Talks ended in Rome on Friday without a deal.\n' > in/b.txt
$TIDINGS ingest --db s.db in 2>err || fail "third ingest"
grep -q '^ingest: 0 ingested, 1 unchanged, 1 replaced, 0 rejected' err || { cat err; fail "replace summary"; }
[ "$($TIDINGS docs --db s.db --format csv | wc -l)" -eq 3 ] || fail "two articles after replace"
# words = word and number tokens (td_doc.n_words): ROME May 5 AFP Talks ended
# in Rome on Friday without a deal = 13 (the first version had 10).
$TIDINGS docs --db s.db --format jsonl | grep '"id":"b"' | grep -q '"words":13' || { $TIDINGS docs --db s.db --format jsonl; fail "replaced version stored"; }
exit 0
