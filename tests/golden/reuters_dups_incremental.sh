# Incremental near-duplicates: Reuters-21578 ingested in two runs (files
# 000-010, then 011-021) gives the same clusters, repeated passages and
# per-article repeated shares as one run over the whole corpus. Slow under
# valgrind: skipped there.
set -u
fail() { echo "FAIL: $*"; exit 1; }
R="$SHARED/corpora/reuters21578"
ls "$R"/reut2-0*.sgm >/dev/null 2>&1 || { echo "no Reuters corpus"; exit 77; }
case "$TIDINGS" in *valgrind*) echo "skipped under valgrind"; exit 77;; esac
$TIDINGS ingest --db a.db "$R"/reut2-00*.sgm "$R"/reut2-010.sgm 2>/dev/null
$TIDINGS ingest --db a.db "$R"/reut2-01[1-9].sgm "$R"/reut2-02*.sgm 2>/dev/null
$TIDINGS ingest --db b.db "$R" 2>/dev/null
for db in a b; do
  $TIDINGS dups --db $db.db --format jsonl >$db.dups || fail "dups $db"
  # Repeats without paraphrases (those are a query-time report).
  $TIDINGS dups --db $db.db --passages --paraphrase 1 --format jsonl |
    grep '"kind":"repeat"' | sort >$db.rep || fail "repeats $db"
  $TIDINGS docs --db $db.db --format csv | cut -d, -f1,8- | sort >$db.docs || fail "docs $db"
done
[ "$(grep -c '"kind":"cluster"' a.dups)" -gt 100 ] || fail "too few clusters: $(wc -l <a.dups)"
[ "$(wc -l <a.rep)" -gt 1000 ] || fail "too few repeats: $(wc -l <a.rep)"
cmp -s a.dups b.dups || { diff a.dups b.dups | head; fail "clusters differ"; }
cmp -s a.rep b.rep || { diff a.rep b.rep | head; fail "repeats differ"; }
cmp -s a.docs b.docs || { diff a.docs b.docs | head; fail "docs differ"; }
exit 0
