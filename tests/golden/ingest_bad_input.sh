# Bad input: each bad article gets one "file:line: message", is counted as
# rejected, the rest of the batch is stored, and the exit status is 1.
set -u
fail() { echo "FAIL: $*"; exit 1; }
mkdir in
printf 'BERLIN, June 1 (dpa) - A good article about a meeting in Berlin.\n' > in/good.txt
: > in/empty.txt
printf '   \n\n  \n' > in/blank.txt
printf 'ELF\001\000\000\000\002\003binary\000junk' > in/binary.txt
cat > in/feed.jsonl <<'JSON'
{"id": "j1", "text": "OSLO, June 2 (NTB) - The first good line.", "date": "2021-06-02"}
{"id": "j2", "text": "broken
{"id": "j3", "title": "no text here"}
{"id": "j4", "text": ""}
[1, 2, 3]
{"id": "j6", "maintext": "HELSINKI, June 3 (STT) - A news-please record.", "date_publish": "2021-06-03 10:00:00"}
JSON
$TIDINGS ingest --db s.db in /nonexistent/path.txt 2>err
rc=$?
cat err
[ $rc -eq 1 ] || fail "exit status $rc, want 1"
grep -q 'empty.txt:1: error' err || fail "empty file reported with line"
grep -q 'blank.txt:1: error' err || fail "blank file reported"
grep -q 'binary.txt:1: error' err || fail "binary file reported"
grep -q 'feed.jsonl:2: error' err || fail "malformed JSON reported with its line"
grep -q 'feed.jsonl:3: error' err || fail "missing text reported with its line"
grep -q 'feed.jsonl:4: error' err || fail "empty text reported with its line"
grep -q 'feed.jsonl:5: error' err || fail "non-object line reported"
grep -q '/nonexistent/path.txt.*error\|error.*/nonexistent/path.txt' err || fail "unreadable path reported"
grep -q '^ingest: 3 ingested, 0 unchanged, 0 replaced, 8 rejected' err || fail "summary counts"
$TIDINGS docs --db s.db --format csv > docs.csv
grep -q '^good,' docs.csv || fail "good article stored"
grep -q '^j1,2021-06-02,metadata' docs.csv || fail "j1 stored with metadata date"
# date_publish has a time: the date keeps it (minute precision).
grep -q '^j6,2021-06-03T10:00,metadata' docs.csv || fail "news-please fields"
# Invalid UTF-8 is replaced with a warning naming file and line, and stored.
printf 'line one\nSOFIA, June 4 (BTA) - Caf\351 talks \377 went on.\n' > bad-utf8.txt
$TIDINGS ingest --db s.db bad-utf8.txt 2>err2 || { cat err2; fail "invalid UTF-8 article must be stored"; }
grep -q 'bad-utf8.txt:2: warning' err2 || { cat err2; fail "invalid UTF-8 warning with line 2"; }
# A 50 MB single line is rejected without harming what is stored.
head -c 52428800 /dev/zero | tr '\0' 'a' > huge.txt
$TIDINGS ingest --db s.db huge.txt 2>err3; [ $? -eq 1 ] || fail "huge file exit"
grep -q 'huge.txt.*error' err3 || { cat err3; fail "huge file reported"; }
[ "$($TIDINGS docs --db s.db --format csv | wc -l)" -eq 5 ] || fail "store intact after rejects"
exit 0
