# All of Reuters-21578 ingests with no rejects, every article dated by its
# DATE field. Slow under valgrind: skipped there (TIDINGS_SLOW=0).
set -u
dir="$SHARED/corpora/reuters21578"
ls "$dir"/*.sgm >/dev/null 2>&1 || { echo "no Reuters corpus"; exit 77; }
case "$TIDINGS" in *valgrind*) echo "skipped under valgrind"; exit 77;; esac
$TIDINGS ingest --db r.db "$dir" 2>err || { tail -n 20 err; echo "FAIL: rejects or store error"; exit 1; }
grep -q '^ingest: 21578 ingested, 0 unchanged, 0 replaced, 0 rejected' err || { tail -n 5 err; echo "FAIL: summary"; exit 1; }
n=$($TIDINGS docs --db r.db --format csv | awk -F, 'NR > 1 && $3 == "metadata" && $2 ~ /^1987-/' | wc -l)
[ "$n" -eq 21578 ] || { echo "FAIL: $n of 21578 dated from DATE"; exit 1; }
exit 0
