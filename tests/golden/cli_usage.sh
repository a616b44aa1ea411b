# The CLI's help, version and usage errors.
set -u
fail() { echo "FAIL: $*"; exit 1; }
$TIDINGS --version | grep -q '^tidings [0-9]' || fail "--version"
$TIDINGS help | grep -q 'ingest' || fail "help lists ingest"
$TIDINGS help docs | grep -q -- '--format' || fail "help docs"
$TIDINGS ingest --help | grep -q -- '--db' || fail "ingest --help"
$TIDINGS frobnicate 2>err; [ $? -eq 2 ] || fail "unknown command exit 2"
grep -q "unknown command 'frobnicate'" err || fail "unknown command message"
$TIDINGS docs --bogus 2>err; [ $? -eq 2 ] || fail "unknown option exit 2"
grep -q "unknown option '--bogus'" err || fail "unknown option message"
$TIDINGS docs --format xml 2>err; [ $? -eq 2 ] || fail "bad format exit 2"
grep -q "unknown format 'xml' (table, jsonl, csv)" err || fail "bad format message"
$TIDINGS timeline --format pdf 2>err; [ $? -eq 2 ] || fail "timeline bad format"
grep -q "(table, jsonl, csv, html)" err || fail "timeline formats listed"
# Every command names the option that lacks its value, and an unknown
# letter inside a bundle by itself.
for cmd in docs actors dups events timeline ingest; do
  $TIDINGS $cmd --db 2>err; [ $? -eq 2 ] || fail "$cmd --db without value"
  grep -q "option '--db' needs a value" err || fail "$cmd missing value message"
done
$TIDINGS annotate --dict 2>err; [ $? -eq 2 ] && grep -q "option '--dict' needs a value" err || fail "annotate --dict without value"
$TIDINGS timex --dct 2>err; [ $? -eq 2 ] || fail "timex --dct without value"
grep -q "option '--dct' needs a value" err || fail "timex missing value message"
$TIDINGS actors -mx 2>err; [ $? -eq 2 ] || fail "unknown bundled option"
grep -q "unknown option '-x'" err || fail "unknown bundled option message"
$TIDINGS ingest 2>err; [ $? -eq 2 ] || fail "ingest without path exit 2"
$TIDINGS --frob 2>err; [ $? -eq 2 ] || fail "unknown global option exit 2"
$TIDINGS 2>err; [ $? -eq 2 ] || fail "no command exit 2"
exit 0
