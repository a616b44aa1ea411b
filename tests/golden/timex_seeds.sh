# Every time expression of the five seed articles (read in place from
# $SHARED/seeds, never copied) with its span and resolved TIMEX3 value.
# The document date of each article is given with --dct, taken from
# $SHARED/seeds/gold/documents.tsv, so this tests the tagger alone; the
# same expressions must come out without --dct once the dateline stage
# dates the articles itself (checked when it does). Expected output:
# timex_seeds.expected (id, then the JSON object of each expression). Among
# them the seeds: On December 17 -> 2021-12-17, on Monday (001) ->
# 2022-01-31, Earlier in the day (003) -> 2022-01-30, next week (003) ->
# 2022-W05, on Wednesday (004) -> 2022-01-26, February 16-17 (002) -> two
# values, From January 10 to 13 this year (001) -> 2022-01-10, 2022-01-13.
set -u
seeds="$SHARED/seeds"
gold="$seeds/gold/documents.tsv"
[ -f "$gold" ] || { echo "no $gold"; exit 77; }
: > got
: > got_nodct
awk -F'\t' '!/^#/ && $1 != "id" { print $1, $2 }' "$gold" | while read -r id dct; do
  $TIDINGS timex --dct "$dct" "$seeds/$id.txt" > out 2> err || { cat err; echo "FAIL: timex $id"; exit 1; }
  sed "s/^/$id /" out >> got
  $TIDINGS timex "$seeds/$id.txt" > out 2> err || { cat err; echo "FAIL: timex $id (no --dct)"; exit 1; }
  if grep -q "no document date" err; then echo nodate >> nodate; fi
  sed "s/^/$id /" out >> got_nodct
done || exit 1
if ! diff -u "$GOLDEN/timex_seeds.expected" got; then
  echo "FAIL: seed time expressions differ from timex_seeds.expected"
  exit 1
fi
if [ -f nodate ]; then
  echo "seeds: $(wc -l < got) expressions as expected with --dct (dateline stage not dating articles yet: no-DCT run not compared)"
  exit 0
fi
if ! diff -u "$GOLDEN/timex_seeds.expected" got_nodct; then
  echo "FAIL: without --dct (dates from the datelines) the expressions differ"
  exit 1
fi
echo "seeds: $(wc -l < got) expressions as expected, with and without --dct"
