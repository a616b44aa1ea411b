# A directory is read recursively in name order: article files by
# extension (.txt/.text, .jsonl/.ndjson, .sgm), everything else skipped
# silently (README.md, .tsv, files without an extension, hidden entries,
# README.txt); a .jsonl whose first record has no text field is no feed and
# is skipped with a warning, not a reject. Ids of files in subdirectories
# carry their relative path (2022/02/a-paris).
set -u
export LC_ALL=C
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p corpus/2022/02 corpus/gold corpus/.cache
printf 'BERLIN, Feb 1 (dpa) - Ministers met.\n' > corpus/2022/02/b-berlin.txt
printf 'PARIS, Feb 2 (AFP) - Talks went on.\n' > corpus/2022/02/a-paris.text
printf '{"id": "w1", "text": "ROME, Feb 3 (ANSA) - A vote was held."}\n' > corpus/wire.ndjson
printf '# Corpus\nNot an article.\n' > corpus/README.md
printf 'About this corpus.\n' > corpus/README.txt
printf 'id\tdate\nb-berlin\t2022-02-01\n' > corpus/gold/documents.tsv
printf '{"id": "G01", "what": "a meeting", "dates": ["2022-02-01"]}\n' > corpus/gold/timeline.jsonl
printf 'no extension\n' > corpus/NOTES
printf 'hidden\n' > corpus/.hidden.txt
printf 'cached\n' > corpus/.cache/c.txt
# The same file name in two folders: two articles, not one replacing the
# other (the BBC corpus has business/001.txt and sport/001.txt).
mkdir -p corpus/sport corpus/business
printf 'LONDON, Feb 4 - A match was played.\n' > corpus/sport/001.txt
printf 'LONDON, Feb 4 - Shares rose.\n' > corpus/business/001.txt
$TIDINGS ingest --db s.db corpus 2>err || { cat err; fail "ingest must succeed"; }
cat err
grep -q '^ingest: 5 ingested, 0 unchanged, 0 replaced, 0 rejected' err || fail "summary"
grep -q 'corpus/gold/timeline.jsonl:1: warning: not an article feed' err || fail "non-feed .jsonl warned about"
[ "$(grep -c 'error' err)" -eq 0 ] || fail "no errors expected"
[ "$(grep -c 'warning' err)" -eq 1 ] || fail "exactly one warning expected"
$TIDINGS docs --db s.db --format csv | cut -d, -f1 | sort > ids
printf '2022/02/a-paris\n2022/02/b-berlin\nbusiness/001\nid\nsport/001\nw1\n' | diff - ids || fail "stored ids"
# Named explicitly, the same .jsonl is a feed and its record is rejected.
$TIDINGS ingest --db s.db corpus/gold/timeline.jsonl 2>err2; [ $? -eq 1 ] || fail "explicit non-feed must be rejected"
grep -q 'timeline.jsonl:1: error: no text field' err2 || { cat err2; fail "explicit reject message"; }
exit 0
