# Incremental merging: articles stored in two batches join the entries of
# the first batch, giving the timeline that one batch gives; storing them
# again changes nothing; a replaced article leaves its entries.
set -u
bin=${TIDINGS##* }
fixture="$(dirname "$bin")/tools/timeline_fixture"
[ -x "$fixture" ] || { echo "no $fixture (make all builds it)"; exit 77; }
fail=0
"$fixture" two.db "$GOLDEN/timeline_fixture.tsv" || exit 1
grep -v '^---$' "$GOLDEN/timeline_fixture.tsv" > one.tsv
"$fixture" one.db one.tsv || exit 1
# Entry ids depend on the order of creation: compare without them.
strip() { $TIDINGS timeline --db "$1" --include-background --format csv | cut -d, -f2-; }
strip two.db > two.csv; strip one.db > one.csv
diff -u one.csv two.csv || { echo "FAIL: two batches differ from one"; fail=1; }
"$fixture" two.db "$GOLDEN/timeline_fixture.tsv" || exit 1
strip two.db > again.csv
diff -u two.csv again.csv || { echo "FAIL: storing again changed the timeline"; fail=1; }
# n3 rewritten: it now reports only the accusation, so the visit entry
# loses it and the call entry is back to two articles.
grep '^n1' "$GOLDEN/timeline_fixture.tsv" > v2.tsv
printf 'n3\t2023-03-11\tNordic Daily\tNORGOV\tKari Holm\tDNK\tDenmark\t112\t2023-03-01\t-\tHolm repeated that Denmark had been stalling.\n' >> v2.tsv
"$fixture" two.db v2.tsv || exit 1
$TIDINGS timeline --db two.db --format csv | cut -d, -f2- > replaced.csv
diff -u "$GOLDEN/timeline_incremental.csv" replaced.csv || { echo "FAIL: replaced article"; fail=1; }
exit $fail
