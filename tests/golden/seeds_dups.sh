# Near-duplicates and repeated background on the five seed articles (read
# in place): 000 and 002 share four background paragraphs (linked to 000,
# the earlier by date then id) but are different articles, not one
# cluster; 004 paraphrases that background and its similarity is
# reported; 001 and 003 share no repeated material.
set -u
fail() { echo "FAIL: $*"; exit 1; }
seeds="$SHARED/seeds"
ls "$seeds"/*.txt >/dev/null 2>&1 || { echo "no seeds"; exit 77; }
$TIDINGS ingest --db s.db "$seeds"/*.txt 2>err || { cat err; fail "ingest"; }
$TIDINGS dups --db s.db --passages --format jsonl >dups.jsonl || fail "dups"
grep '"kind":"cluster"' dups.jsonl && fail "the seeds form a near-duplicate cluster"
# The repeats, without their text.
grep '"kind":"repeat"' dups.jsonl | sed 's/,"text":.*//' >repeats
diff -u "$GOLDEN/seeds_dups.expected" repeats || fail "repeated passages differ"
# 004's paraphrase of the Peskov background paragraph, with its similarity.
grep '"kind":"paraphrase"' dups.jsonl | grep '004_d65d945e41268f5a' |
  grep -E '000_7624f58726f81ab6|002_8613dff471c2ec5b' | grep -q '"similarity":0\.[3-9]' ||
  { cat dups.jsonl; fail "004's paraphrase not reported"; }
# docs: the share of repeated material per article.
$TIDINGS docs --db s.db --format csv >docs.csv || fail "docs"
awk -F, 'NR > 1 { r[substr($1, 1, 3)] = $NF; c[substr($1, 1, 3)] = $(NF - 1) }
  END { bad = 0
    if (r["000"] < 0.5 || r["002"] < 0.5) { print "000/002 repeated " r["000"] " " r["002"]; bad = 1 }
    if (r["001"] != 0 || r["003"] != 0) { print "001/003 repeated " r["001"] " " r["003"]; bad = 1 }
    for (k in c) if (c[k] != "") { print k " in cluster " c[k]; bad = 1 }
    exit bad }' docs.csv || { cat docs.csv; fail "docs repeated share"; }
# Annotating again (ingest --reprocess) rewrites the fingerprints and
# relinks the groups to the same result.
$TIDINGS ingest --db s.db --reprocess "$seeds"/*.txt 2>/dev/null || fail "reprocess"
$TIDINGS dups --db s.db --passages --format jsonl | grep '"kind":"repeat"' |
  sed 's/,"text":.*//' | diff -u "$GOLDEN/seeds_dups.expected" - || fail "repeats after --reprocess"
# The table and its threshold option work; a bad threshold is a usage error.
$TIDINGS dups --db s.db --threshold 0.5 | grep -q '^0 clusters' || fail "table at 0.5"
$TIDINGS dups --db s.db --threshold 0.2 2>/dev/null; [ $? -eq 2 ] || fail "--threshold 0.2 accepted"
$TIDINGS dups --db s.db --bogus 2>/dev/null; [ $? -eq 2 ] || fail "--bogus accepted"
exit 0
