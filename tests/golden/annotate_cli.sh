# tidings annotate: JSON Lines in (id, date, text), one event per line out
# with the documented fields; TSV with a header; usage and input errors.
set -u
fail() { echo "FAIL: $*"; exit 1; }
cat > in.jsonl <<'X'
{"id":"a1","date":"2022-01-31","text":"Blinken held a telephone conversation with Lavrov on Monday."}
{"id":"a2","date":"2022-02-01","text":"Russia refused to withdraw its troops from the border."}
{"id":"a3","date":"2022-02-01","text":"The weather was fine."}
X
$TIDINGS annotate in.jsonl > out.jsonl 2>err || { cat err; fail "annotate jsonl"; }
[ "$(wc -l < out.jsonl)" -eq 2 ] || { cat out.jsonl; fail "two events expected"; }
for f in '"doc":"a1"' '"date":"2022-01-31"' '"date_how":"timex"' '"source":"USAGOV"' \
         '"target":"RUSGOV"' '"code":"041"' '"root":"04"' '"quad_class":1' \
         '"goldstein":1.0' '"modality":"asserted"' '"sentence":"Blinken held' \
         '"start":' '"end":' '"sent_start":0'; do
  head -n 1 out.jsonl | grep -q "$f" || { head -n 1 out.jsonl; fail "field $f"; }
done
# A refusal is coded as the rejection it is, with no target named.
sed -n 2p out.jsonl | grep -q '"target":null,.*"code":"1246"' || { cat out.jsonl; fail "refusal"; }
# Standard input and TSV.
$TIDINGS annotate --format tsv < in.jsonl > out.tsv 2>err || { cat err; fail "annotate tsv"; }
head -n 1 out.tsv | grep -q '^doc	date	date_how	source	target	code	root' || fail "tsv header"
[ "$(wc -l < out.tsv)" -eq 3 ] || fail "tsv rows"
# One plain article.
echo "Russia accused Ukraine of shelling civilians." > plain.txt
$TIDINGS annotate plain.txt | grep -q '"code":"112' || fail "plain article"
# Errors.
$TIDINGS annotate --format xml in.jsonl 2>err; [ $? -eq 2 ] || fail "bad format exit 2"
$TIDINGS annotate --bogus 2>err; [ $? -eq 2 ] || fail "unknown option exit 2"
$TIDINGS annotate missing.jsonl 2>err; [ $? -eq 1 ] || fail "missing input exit 1"
grep -q "missing.jsonl" err || fail "missing input named"
$TIDINGS annotate --help | grep -q -- '--dict' || fail "--help"
exit 0
