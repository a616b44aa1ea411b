# The README's first command: the example corpus ingests cleanly and lists
# the exact expected documents, through the default store and TIDINGS_DB.
set -u
fail() { echo "FAIL: $*"; exit 1; }
$TIDINGS ingest "$GOLDEN/../../examples" 2>err || { cat err; fail "ingest examples"; }
grep -q '^ingest: 6 ingested, 0 unchanged, 0 replaced, 0 rejected' err || { cat err; fail "summary"; }
[ -f tidings.db ] || fail "default store tidings.db not created"
$TIDINGS docs --format jsonl >got || fail "docs"
diff -u "$GOLDEN/examples_docs.expected" got || fail "docs differ"
# TIDINGS_DB overrides the default; --db overrides both.
TIDINGS_DB=other.db $TIDINGS ingest --quiet "$GOLDEN/../../examples/kyiv-air-defence.txt" || fail "TIDINGS_DB ingest"
[ "$($TIDINGS docs --db other.db --format csv | wc -l)" -eq 2 ] || fail "--db other.db"
[ "$(TIDINGS_DB=other.db $TIDINGS docs --format csv | wc -l)" -eq 2 ] || fail "TIDINGS_DB docs"
exit 0
