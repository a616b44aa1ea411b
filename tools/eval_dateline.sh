#!/bin/sh
# Dateline places against Reuters-21578's DATELINE field (read in place):
# ingests the corpus, then compares each story's place with the first part
# of its DATELINE ("    SALVADOR, Feb 26 - " -> Salvador), ignoring case.
# Prints how many stories with a DATELINE got the right place, a wrong one,
# or none, and a few of the misses.
set -u
dir="$SHARED/corpora/reuters21578"
ls "$dir"/*.sgm >/dev/null 2>&1 || { echo "no Reuters corpus in $dir: skipped"; exit 0; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# rejects (if any) are the readers' business here; places are scored on the rest
"$TIDINGS" ingest --quiet --db "$tmp/r.db" "$dir" 2>"$tmp/err" || [ -s "$tmp/r.db" ] || { tail -n 3 "$tmp/err"; exit 1; }
"$TIDINGS" docs --db "$tmp/r.db" --format csv >"$tmp/docs.csv" || exit 1
# gold: NEWID <tab> place written in the DATELINE
cat "$dir"/*.sgm | awk '
  /<REUTERS / { match($0, /NEWID="[0-9]+"/); id = substr($0, RSTART + 7, RLENGTH - 8) }
  /<DATELINE>/ { s = $0; sub(/.*<DATELINE>/, "", s); sub(/[,<].*/, "", s)
                 sub(/ +-.*$/, "", s)
                 sub(/ +(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]* +[0-9].*$/, "", s)
                 gsub(/^[ *]+|[ ]+$/, "", s); print id "\t" s }' >"$tmp/gold.tsv"
awk -F'\t' -v docs="$tmp/docs.csv" '
  BEGIN { while ((getline l < docs) > 0) { split(l, f, ","); p[f[1]] = f[4] } }
  { n++; want = tolower($2); got = tolower(p[$1])
    if (got == want) ok++
    else if (got == "") { none++; if (none <= 5) print "  none:  " $1 " want \"" $2 "\"" }
    else { bad++; if (bad <= 5) print "  wrong: " $1 " \"" p[$1] "\" want \"" $2 "\"" } }
  END { printf "Reuters DATELINE places: %d stories, %d right (%.3f), %d wrong, %d missed\n",
        n, ok, n ? ok / n : 0, bad, none }' "$tmp/gold.tsv"
