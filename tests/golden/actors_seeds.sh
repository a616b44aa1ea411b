# Every actor mention of the seed articles resolves to the right country
# and role (issue 5): the expectations in actors_seeds.expected are
# checked against `tidings actors --mentions --format jsonl` after the
# seeds (read in place from $SHARED) are ingested.
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ -d "$SHARED/seeds" ] || { echo "no $SHARED/seeds"; exit 77; }
# Once with the built-in knowledge, once with the PETRARCH-2 Phoenix
# dictionaries loaded on top (users keep their dictionaries; titles in the
# text and dated roles still win over stale entries).
E="$SHARED/eval/events"
status=0
for run in builtin phoenix; do
  rm -f s.db s.db-wal s.db-shm
  set --
  if [ $run = phoenix ]; then
    [ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ] || continue
    set -- --dict "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
      --dict "$E/petrarch2.dict.Phoenix.International.actors.txt" \
      --dict "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt"
  fi
  $TIDINGS ingest --db s.db "$@" "$SHARED"/seeds/*.txt 2>err || { cat err; fail "ingest seeds ($run)"; }
  $TIDINGS actors --db s.db --mentions --format jsonl >m.jsonl || fail "actors --mentions"
  [ -s m.jsonl ] || fail "no mentions"
  # doc<TAB>text<TAB>code<TAB>actor from the JSON lines (the fields are
  # plain strings in these articles).
  sed -e 's/^{"doc":"\([^"]*\)",.*"text":"\([^"]*\)","code":"\([^"]*\)","how":"[^"]*","actor":"\{0,1\}\([^",]*\)"\{0,1\}}$/\1	\2	\3	\4/' m.jsonl >m.tsv
  grep -q '^{' m.tsv && { grep '^{' m.tsv | head -3; fail "unparsed mention lines"; }
  echo "== $run"
  awk -F'\t' -v expfile="$GOLDEN/actors_seeds.expected" '
    BEGIN {
      while ((getline l < expfile) > 0) {
        if (l ~ /^#/ || l == "") continue
        split(l, f, "\t"); n++; D[n] = f[1]; T[n] = f[2]; C[n] = f[3]; A[n] = f[4]
      }
    }
    { for (i = 1; i <= n; i++) {
        if (D[i] != "*" && index($1, D[i]) != 1) continue
        if ($2 !~ T[i]) continue
        hit[i]++
        if ($3 !~ C[i] || (A[i] != "*" && $4 !~ A[i])) {
          print "FAIL: " $1 ": \"" $2 "\" coded " $3 " (" $4 "), want " C[i] " (" A[i] ")"; bad++
        }
      } }
    END {
      for (i = 1; i <= n; i++) if (!hit[i]) { print "FAIL: no mention matches \"" T[i] "\" in " D[i]; bad++ }
      print n " expectations, " NR " mentions, " bad + 0 " failures"; exit bad > 0 }' m.tsv || status=1
done
exit $status
