# The five seed articles get the date, place and agency of
# $SHARED/seeds/gold/documents.tsv (read in place, never copied).
set -u
gold="$SHARED/seeds/gold/documents.tsv"
[ -f "$gold" ] || { echo "no $gold"; exit 77; }
$TIDINGS ingest --db s.db "$SHARED/seeds" 2>err || { cat err; echo "FAIL: ingest seeds"; exit 1; }
$TIDINGS docs --db s.db --format csv > docs.csv || exit 1
# csv: id,date,date_source,place,agency,title,words; gold: id date place agency
awk -F'\t' -v docs=docs.csv '
  BEGIN { while ((getline l < docs) > 0) { split(l, f, ","); d[f[1]] = f[2]; p[f[1]] = f[4]; a[f[1]] = f[5] } }
  /^#/ || $1 == "id" { next }
  { n++
    place = ($3 == "-") ? "" : $3; agency = ($4 == "-") ? "" : $4
    if (!($1 in d)) { print "FAIL: " $1 " not stored"; bad++; next }
    if (d[$1] != $2) { print "FAIL: " $1 " date " d[$1] ", want " $2; bad++ }
    if (p[$1] != place) { print "FAIL: " $1 " place \"" p[$1] "\", want \"" place "\""; bad++ }
    if (a[$1] != agency) { print "FAIL: " $1 " agency \"" a[$1] "\", want \"" agency "\""; bad++ } }
  END { print n - 0 " gold documents, " bad + 0 " mismatches"; exit bad > 0 }' "$gold"
