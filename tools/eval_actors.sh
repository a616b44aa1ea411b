#!/bin/sh
# Actor evaluation (make eval): the PETRARCH-2 Phoenix actor dictionaries
# are loaded on top of the built-in knowledge (count and time), every name
# in them is looked up again, and every date-restricted code is checked on
# a day inside its range. Reads $SHARED in place.
E="$SHARED/eval/events"
[ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ] || { echo "no Phoenix dictionaries in $E; skipped"; exit 0; }
"$BUILD/tools/eval_actors" "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
  "$E/petrarch2.dict.Phoenix.International.actors.txt" \
  "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt" \
  "$E/petrarch2.dict.Phoenix.agents.txt" 2>&1 | grep -v ': warning: '

# Actor codes of the PETRARCH validation sentences (fictional actors, read
# with their own dictionaries): the share of the expected source and target
# codes that are the code of some actor mention of the sentence (codes
# only: the suite's ERROR, --- and ### expectations are left out).
U="$E/derived.petrarch_unittest.tsv"
if [ -f "$U" ] && [ -f "$E/petrarch.PETR.Validate.actors.txt" ]; then
  w=$(mktemp -d)
  awk -F'\t' 'NR > 1 && $4 != "NONE" {
      d = substr($2, 1, 4) "-" substr($2, 5, 2) "-" substr($2, 7, 2)
      t = $5; gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t)
      printf "{\"id\":\"%s\",\"date\":\"%s\",\"text\":\"%s\"}\n", $1, d, t
      n = split($4, ev, ";")
      for (i = 1; i <= n; i++) { split(ev[i], f, "|"); print $1 "\t" f[1] > "'"$w"'/want"; print $1 "\t" f[2] > "'"$w"'/want" }
    }' "$U" >"$w/u.jsonl"
  "$TIDINGS" ingest --quiet --db "$w/u.db" --dict "$E/petrarch.PETR.Validate.actors.txt" \
    --dict "$E/petrarch.PETR.Validate.agents.txt" "$w/u.jsonl" 2>/dev/null
  "$TIDINGS" actors --db "$w/u.db" --mentions --format jsonl |
    sed -n 's/^{"doc":"\([^"]*\)".*"code":"\([^"]*\)".*/\1\t\2/p' >"$w/got"
  sort -u "$w/want" | awk -F'\t' -v got="$w/got" '
    BEGIN { while ((getline l < got) > 0) { split(l, f, "\t"); have[f[1] "\t" f[2]] = 1 } }
    $2 ~ /^[A-Z][A-Z][A-Z]/ { n++; if (($1 "\t" $2) in have) ok++ }
    END { printf "PETRARCH validation sentences: %d of %d expected actor codes found as mention codes (%.1f%%)\n", ok, n, n ? 100 * ok / n : 0 }'
  rm -rf "$w"
fi
