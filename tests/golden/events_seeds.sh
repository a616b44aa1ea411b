# Mention level: the events behind every line of
# $SHARED/seeds/gold/timeline.jsonl are found in the articles that report
# them. For each gold event, at least min_docs of its listed articles must
# hold an event mention with one of the gold dates, a source and target
# matching the gold patterns (either way round for symmetric events) and
# one of the gold roots. Gold and articles are read in place.
set -u
gold="$SHARED/seeds/gold/timeline.jsonl"
[ -f "$gold" ] || { echo "no $gold"; exit 77; }
$TIDINGS annotate --format tsv "$SHARED"/seeds/*.txt > events.tsv 2>err ||
  { cat err; echo "FAIL: annotate seeds"; exit 1; }
[ "$(wc -l < events.tsv)" -gt 20 ] || { echo "FAIL: too few events"; exit 1; }
# No event is dated by the re-post stamp.
if cut -f2 events.tsv | grep -q '^2022-06-12'; then
  echo "FAIL: an event dated 2022-06-12"; exit 1
fi
awk -F'\t' -v gold="$gold" '
  function field(s, k,   r) {   # a string field of a flat JSON object
    if (match(s, "\"" k "\":\"[^\"]*\"")) {
      r = substr(s, RSTART + length(k) + 4, RLENGTH - length(k) - 5); return r }
    return "" }
  function list(s, k, arr,   r) {  # a list of strings
    delete arr
    if (!match(s, "\"" k "\":\\[[^]]*\\]")) return 0
    r = substr(s, RSTART + length(k) + 4, RLENGTH - length(k) - 5)
    gsub(/"/, "", r)
    return split(r, arr, ",") }
  function num(s, k) { if (match(s, "\"" k "\":[0-9]+")) return substr(s, RSTART + length(k) + 3, RLENGTH - length(k) - 3) + 0; return 0 }
  NR > 1 { n++; doc[n] = $1; date[n] = $2; src[n] = $4; tgt[n] = $5; root[n] = $7 }
  END {
    while ((getline line < gold) > 0) {
      id = field(line, "id"); s = field(line, "source"); t = field(line, "target")
      sym = index(line, "\"symmetric\":true") > 0
      nd = list(line, "dates", D); nr = list(line, "roots", R); nk = list(line, "docs", K)
      need = num(line, "min_docs"); got = 0; have = ""
      for (k = 1; k <= nk; k++) {
        found = 0
        for (i = 1; i <= n && !found; i++) {
          if (doc[i] != K[k]) continue
          okd = 0; for (j = 1; j <= nd; j++) if (date[i] == D[j]) okd = 1
          okr = 0; for (j = 1; j <= nr; j++) if (root[i] == R[j]) okr = 1
          oka = (src[i] ~ s && tgt[i] ~ t) || (sym && tgt[i] ~ s && src[i] ~ t)
          if (okd && okr && oka && src[i] != "") found = 1
        }
        if (found) { got++; have = have " " K[k] }
      }
      total++
      if (got >= need) { ok++; print "ok   " id " (" got "/" need " articles)" }
      else { print "MISS " id ": " got " of " need " articles:" have; bad++ }
    }
    print ok + 0 " of " total " gold events found at mention level"
    exit bad > 0 }' events.tsv
