# Regression: a feed's title holding a newline or tab broke the rows of
# `tidings docs` (table format); control characters print as spaces there,
# while csv and jsonl keep the title as it is.
set -u
fail=0
printf '%s\n' '{"id":"t1","title":"First line\nsecond\tpart","date":"2021-06-02","text":"OSLO, June 2 (NTB) - Ministers met."}' \
  '{"id":"t2","title":"Plain","date":"2021-06-03","text":"OSLO, June 3 (NTB) - Ministers met again."}' > feed.jsonl
$TIDINGS ingest --db s.db feed.jsonl 2>err || { cat err; exit 1; }
$TIDINGS docs --db s.db > table || exit 1
[ "$(wc -l < table)" -eq 3 ] || { cat table; echo "FAIL: want a header and two rows"; fail=1; }
grep -q 't1 .* First line seco' table || { cat table; echo "FAIL: title not on one line"; fail=1; }
$TIDINGS docs --db s.db --format jsonl | grep -q '"title": *"First line\\nsecond\\tpart"' || { echo "FAIL: jsonl title changed"; fail=1; }
exit $fail
