#!/bin/sh
# Near-duplicate accuracy (make eval). Reads the corpora in place.
#
# Reuters-21578: every pair of articles that `tidings dups` puts in one
# cluster, against every pair with word 5-gram Jaccard >= 0.8 computed
# exactly by build/tools/dups_exact (AllPairs prefix filter, no hashing).
# (Clusters are complete-linkage, so every pair in one is a verified pair.)
# BBC: the same, and every group of articles with identical text (up to
# whitespace) must fall in one cluster; BBC has 100 such groups.
# Environment: SHARED, BUILD, TIDINGS (see tools/eval.sh); THRESHOLD.
set -u
T=${THRESHOLD:-0.8}
work=$(mktemp -d "${TMPDIR:-/tmp}/tidings-eval-dups.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
status=0

# pairs_of JSONL: "a b" lines (a < b) for the clusters' pairs and for all
# pairs of their docs, into $work/pairs.$2 and $work/clus.$2.
pairs_of() {
  awk -v P="$work/pairs.$2" -v C="$work/clus.$2" '
    /"kind":"cluster"/ {
      s = $0; sub(/.*"docs":\[/, "", s); sub(/\].*/, "", s); gsub(/"/, "", s)
      n = split(s, d, ",")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
        print ((d[i] "") < (d[j] "") ? d[i] " " d[j] : d[j] " " d[i]) > C
      s = $0; sub(/.*"pairs":\[\[/, "", s); sub(/\]\].*/, "", s)
      n = split(s, q, /\],\[/)
      for (i = 1; i <= n; i++) { split(q[i], f, ","); gsub(/"/, "", f[1]); gsub(/"/, "", f[2])
        print ((f[1] "") < (f[2] "") ? f[1] " " f[2] : f[2] " " f[1]) > P } }' "$1"
  touch "$work/pairs.$2" "$work/clus.$2"
}

# score NAME GOT EXACT: precision and recall of the pair set GOT.
score() {
  sort -u "$2" >"$2.s"; sort -u "$3" >"$3.s"
  awk -v name="$1" 'FNR == 1 { f++ } f == 1 { e[$0] = 1; ne++; next }
    { ng++; if ($0 in e) tp++ }
    END { p = ng ? tp / ng : 1; r = ne ? tp / ne : 1
      printf "%s: %d pairs, %d exact, %d correct: precision %.4f recall %.4f\n", name, ng, ne, tp, p, r }' "$3.s" "$2.s"
}

reut="$SHARED/corpora/reuters21578"
if ls "$reut"/*.sgm >/dev/null 2>&1; then
  $TIDINGS ingest --db "$work/r.db" "$reut" 2>"$work/ingest.err"
  n=$($TIDINGS docs --db "$work/r.db" --format csv | tail -n +2 | wc -l)
  if [ "$n" -lt 20000 ]; then
    echo "reuters: only $n articles stored (no SGML reader in this build?): skipped"
  else
    "$BUILD/tools/dups_exact" "$work/r.db" "$T" 2>"$work/exact.err" | awk '{ print $1 " " $2 }' >"$work/exact"
    sed 's/^dups_exact: /reuters exact: /' "$work/exact.err"
    $TIDINGS dups --db "$work/r.db" --threshold "$T" --format jsonl >"$work/r.jsonl" || status=1
    pairs_of "$work/r.jsonl" r
    score "reuters (Jaccard >= $T)" "$work/clus.r" "$work/exact"
  fi
else
  echo "reuters: no corpus at $reut: skipped"
fi

bbc="$SHARED/corpora/bbc"
if [ -d "$bbc" ]; then
  # Ids of files under a directory carry their path: business/001.
  $TIDINGS ingest --db "$work/b.db" "$bbc" 2>/dev/null
  $TIDINGS dups --db "$work/b.db" --threshold "$T" --format jsonl >"$work/b.jsonl" || status=1
  pairs_of "$work/b.jsonl" b
  "$BUILD/tools/dups_exact" "$work/b.db" "$T" 2>/dev/null | awk '{ print $1 " " $2 }' >"$work/bexact"
  score "bbc (Jaccard >= $T)" "$work/clus.b" "$work/bexact"
  # Exact groups: files whose text is identical up to whitespace.
  for f in "$bbc"/*/*.txt; do
    id=$(basename "$(dirname "$f")")/$(basename "$f" .txt)
    printf '%s %s\n' "$(tr -s ' \n\r\t' ' ' <"$f" | sed 's/ $//' | md5sum | cut -c1-32)" "$id"
  done | sort >"$work/md5"
  awk -v C="$work/clus.b" 'BEGIN { while ((getline l < C) > 0) in_c[l] = 1 }
    { m[$1] = m[$1] " " $2; k[$1]++ }
    END { g = 0; ok = 0
      for (h in k) if (k[h] > 1) { g++; n = split(m[h], d, " "); good = 1
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
          p = (d[i] "") < (d[j] "") ? d[i] " " d[j] : d[j] " " d[i]; if (!(p in in_c)) good = 0 }
        ok += good }
      printf "bbc: %d of %d exact duplicate groups found in one cluster\n", ok, g }' "$work/md5"
else
  echo "bbc: no corpus at $bbc: skipped"
fi
exit $status
