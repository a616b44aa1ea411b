# People learnt from a title are remembered in the store with the
# article's date and used by later ingests; a newer title wins from its
# date on, an article dated before it keeps the older code.
set -u
fail() { echo "FAIL: $*"; exit 1; }
printf '%s\n' '{"id":"a1","date":"2023-05-01","text":"Estonian Foreign Minister Mart Tammekivi met his Latvian counterpart in Riga on Monday."}' >a.jsonl
printf '%s\n' '{"id":"a2","date":"2023-06-01","text":"Mart Tammekivi said the talks went well."}' >b.jsonl
printf '%s\n' '{"id":"a3","date":"2024-01-10","text":"NATO spokesman Mart Tammekivi said the alliance would respond."}' >c.jsonl
printf '%s\n' '{"id":"a4","date":"2024-02-01","text":"Mart Tammekivi repeated the warning."}' \
  '{"id":"a5","date":"2023-08-01","text":"Mart Tammekivi visited Vilnius."}' >d.jsonl
for f in a b c d; do
  $TIDINGS ingest --db l.db --quiet $f.jsonl || fail "ingest $f"
done
$TIDINGS actors --db l.db --mentions --format jsonl >m.jsonl || fail "actors"
want() { # doc text code how
  grep -q "\"doc\":\"$1\".*\"text\":\"$2\",\"code\":\"$3\",\"how\":\"$4\"" m.jsonl ||
    { grep "\"doc\":\"$1\"" m.jsonl; fail "$1: want '$2' $3 ($4)"; }
}
want a1 'Estonian Foreign Minister Mart Tammekivi' ESTGOV title
want a2 'Mart Tammekivi' ESTGOV learnt
want a3 'NATO spokesman Mart Tammekivi' IGOWSTNAT title
want a4 'Mart Tammekivi' IGOWSTNAT learnt
want a5 'Mart Tammekivi' ESTGOV learnt
$TIDINGS actors --db l.db --format jsonl | grep -q '"name":"Mart Tammekivi"' || fail "actors list"
# A known person with no role on the article's date (David Blunkett
# between his two terms as home secretary) is listed nowhere uncoded.
printf '%s\n' '{"id":"b1","date":"2005-03-03","text":"David Blunkett said he would stand again."}' >e.jsonl
$TIDINGS ingest --db l.db --quiet e.jsonl || fail "ingest e"
$TIDINGS actors --db l.db --format jsonl | grep '"code":""' && fail "an uncoded actor listed"
exit 0
