# Bad input through the commands (QA): each case gets one clear message,
# a usage error exits 2, nothing crashes and the store stays intact.
set -u
fail=0
expect() { want=$1; shift; "$@" >out 2>err; rc=$?; [ $rc -eq "$want" ] || { echo "FAIL: $* exited $rc, want $want"; cat err; fail=1; }; }
printf 'BERLIN, June 1 (dpa) - Officials met in Berlin for talks.\n' > good.txt
expect 0 $TIDINGS ingest --db s.db good.txt
# Regression: --db "" opened SQLite's private temporary database, so the
# ingest said "1 ingested" and kept nothing.
expect 1 $TIDINGS ingest --db "" good.txt
for c in docs dups events; do expect 1 $TIDINGS $c --db ""; done
expect 2 $TIDINGS timeline --db ""
$TIDINGS ingest --db "" good.txt 2>err
grep -q 'store path is empty' err || { echo "FAIL: no message for --db ''"; cat err; fail=1; }
# Regression: --root 99 was taken although the roots are 01-20.
expect 2 $TIDINGS timeline --db s.db --root 99
expect 2 $TIDINGS timeline --db s.db --root 00
expect 2 $TIDINGS timeline --db s.db --root 21
expect 0 $TIDINGS timeline --db s.db --root 20
expect 0 $TIDINGS timeline --db s.db --root 01
# Not a database, a directory that cannot hold one, a newer schema.
echo 'not a database at all, just some text' > fake.db
expect 1 $TIDINGS docs --db fake.db
expect 1 $TIDINGS ingest --db fake.db good.txt
grep -q 'fake.db: file is not a database' err || { echo "FAIL: fake.db message"; cat err; fail=1; }
[ "$(cat fake.db)" = 'not a database at all, just some text' ] || { echo "FAIL: fake.db overwritten"; fail=1; }
expect 1 $TIDINGS ingest --db good.txt/x.db good.txt
expect 1 $TIDINGS docs --db /nonexistent/dir/x.db
# Usage errors on every command.
for c in ingest docs dups events timeline actors timex annotate; do
  expect 2 $TIDINGS $c --no-such-option
  grep -q "unknown option '--no-such-option'" err || { echo "FAIL: $c unknown option message"; fail=1; }
done
expect 2 $TIDINGS timex --dct notadate good.txt
expect 2 $TIDINGS timex --dct 2022-02-30 good.txt
expect 2 $TIDINGS timeline --db s.db --min-articles -3
expect 2 $TIDINGS timeline --db s.db --pair A,B,C
expect 2 $TIDINGS timeline --db s.db --from 99999999999999999999
expect 2 $TIDINGS ingest --db s.db --batch 0 good.txt
# A 1 MB run of digits, in an article and alone, goes through every stage.
head -c 1048576 /dev/zero | tr '\0' '7' > digits.txt
{ printf 'BERLIN, June 2 (dpa) - Ministers met on '; cat digits.txt; printf ' and talked.\n'; } > digits2.txt
expect 0 $TIDINGS ingest --db s.db digits.txt digits2.txt
expect 0 $TIDINGS timex --dct 2021-06-02 digits2.txt
expect 0 $TIDINGS annotate digits2.txt
for c in docs dups events timeline; do expect 0 $TIDINGS $c --db s.db; done
[ "$($TIDINGS docs --db s.db --format csv | wc -l)" -eq 4 ] || { echo "FAIL: store lost articles"; fail=1; }
exit $fail
