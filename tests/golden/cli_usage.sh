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
$TIDINGS ingest 2>err; [ $? -eq 2 ] || fail "ingest without path exit 2"
$TIDINGS --frob 2>err; [ $? -eq 2 ] || fail "unknown global option exit 2"
$TIDINGS 2>err; [ $? -eq 2 ] || fail "no command exit 2"
exit 0
