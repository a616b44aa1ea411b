# `tidings ingest -` reads JSON Lines from standard input: good lines are
# stored, a bad line is reported as "-:LINE: error", and a record without
# an id gets a stable one ("stdin:LINE").
set -u
export LC_ALL=C
fail() { echo "FAIL: $*"; exit 1; }
printf '%s\n' \
  '{"id": "s1", "title": "First", "date": "2022-03-01", "text": "KYIV, March 1 (Example Wire) - Sirens sounded over the city."}' \
  '{"id": "s2", "text": "unterminated' \
  '{"maintext": "ODESA, March 2 (Example Wire) - The port reopened.", "date_publish": "2022-03-02 08:00:00"}' |
  $TIDINGS ingest --db s.db - 2>err
rc=$?
cat err
[ $rc -eq 1 ] || fail "exit status $rc, want 1 (one rejected line)"
grep -q '^-:2: error: malformed JSON' err || fail "bad stdin line reported as -:2"
grep -q '^ingest: 2 ingested, 0 unchanged, 0 replaced, 1 rejected' err || fail "summary"
$TIDINGS docs --db s.db --format csv | cut -d, -f1 | sort > ids
printf 'id\ns1\nstdin:3\n' | diff - ids || fail "stored ids"
# The same input again changes nothing: the derived id is stable.
printf '%s\n' \
  '{"id": "s1", "title": "First", "date": "2022-03-01", "text": "KYIV, March 1 (Example Wire) - Sirens sounded over the city."}' \
  '{"id": "s2", "text": "unterminated' \
  '{"maintext": "ODESA, March 2 (Example Wire) - The port reopened.", "date_publish": "2022-03-02 08:00:00"}' |
  $TIDINGS ingest --db s.db - 2>err2
grep -q '^ingest: 0 ingested, 2 unchanged, 0 replaced, 1 rejected' err2 || { cat err2; fail "re-ingest of stdin"; }
exit 0
