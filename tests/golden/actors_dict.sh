# --dict FILE adds PETRARCH/TABARI actors on top of the built-in knowledge:
# synonyms and dated codes work, a malformed line is reported as
# FILE:LINE and skipped, a missing dictionary is an error; `tidings
# actors` lists the actors with codes, kinds, how learnt and variants;
# people learnt from a title are used by a later ingest.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cat >d.txt <<'DICT'
# test dictionary
FREEDONIA_ [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_
+FIREFLY_
	[FRDGOV 330101-341231]
SYLVANIA_ [SYL 990101-bad]
DICT
printf 'Firefly warned Freedonian troops. Estonian Foreign Minister Mart Tammekivi said so.\n' >a.txt
$TIDINGS ingest --db a.db --dict d.txt a.txt 2>err || { cat err; fail "ingest with --dict"; }
grep -q '^d.txt:7: warning: malformed actor code' err || { cat err; fail "no d.txt:7 report"; }
$TIDINGS actors --db a.db --format jsonl >got || fail "actors"
grep -q '"code":"FRDGOV","kind":"[a-z]*","how":"dictionary"' got || { cat got; fail "Firefly not FRDGOV"; }
grep -q '"code":"FRDMIL"' got || { cat got; fail "Freedonian troops not FRDMIL"; }
grep -q '"name":"Mart Tammekivi","code":"ESTGOV","kind":"person","how":"title"' got || { cat got; fail "Tammekivi not learnt from his title"; }
# A missing dictionary stops the ingest before any article is read.
$TIDINGS ingest --db a.db --dict /nonexistent/d.txt a.txt 2>err2 && fail "missing dictionary accepted"
grep -q 'nonexistent/d.txt' err2 || { cat err2; fail "missing dictionary not named"; }
$TIDINGS actors --db a.db --format csv 2>/dev/null && fail "csv is not an actors format"
$TIDINGS actors --db a.db >table || fail "table"
head -1 table | grep -q '^NAME' || fail "table header"
exit 0
