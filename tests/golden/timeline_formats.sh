# Each output format of `tidings timeline` and `tidings events` on a small
# hand-written input (timeline_fixture.tsv, stored by
# build/tools/timeline_fixture apart from the annotate stages): table,
# JSON Lines and CSV exactly as expected; CSV parses with one value per
# header column; HTML is one self-contained page with its chart.
set -u
bin=${TIDINGS##* }
fixture="$(dirname "$bin")/tools/timeline_fixture"
[ -x "$fixture" ] || { echo "no $fixture (make all builds it)"; exit 77; }
"$fixture" t.db "$GOLDEN/timeline_fixture.tsv" || { echo "FAIL: fixture"; exit 1; }
fail=0
for fmt in table jsonl csv; do
  $TIDINGS timeline --db t.db --include-background --format $fmt > out.$fmt || { echo "FAIL: timeline --format $fmt"; fail=1; }
  diff -u "$GOLDEN/timeline_formats.$fmt" out.$fmt || { echo "FAIL: timeline --format $fmt differs"; fail=1; }
done
$TIDINGS timeline --db t.db > default.out || fail=1
grep -q '^2023-02 ' default.out && { echo "FAIL: background entry shown by default"; fail=1; }
grep -q '^2023-02 ' out.table || { echo "FAIL: background entry missing with --include-background"; fail=1; }
awk 'length($0) > 100 { print "FAIL: line over 100 columns: " $0; bad=1 } END { exit bad }' out.table || fail=1
# Grouping: the two entries told in one sentence of n4 (Vang hosted Holm
# and Berg) are one row, its articles counted once, the other entry under
# it; --ungrouped gives each its row; JSON Lines names the group's leader.
[ "$(grep -c '^2023-03-14 ' out.table)" -eq 1 ] || { echo "FAIL: want one grouped row for 2023-03-14"; fail=1; }
grep -q '^2023-03-14  Mette Vang -> Lars Berg .* 2$' out.table || { echo "FAIL: group led by the entry with 2 articles"; fail=1; }
grep -q '^            + Mette Vang -> Kari Holm 043 Host a visit$' out.table || { echo "FAIL: group member line"; fail=1; }
$TIDINGS timeline --db t.db --ungrouped > ungrouped.out || fail=1
[ "$(grep -c '^2023-03-14 ' ungrouped.out)" -eq 2 ] || { echo "FAIL: --ungrouped wants two rows for 2023-03-14"; fail=1; }
grep -q '^            + ' ungrouped.out && { echo "FAIL: member lines with --ungrouped"; fail=1; }
[ "$(grep -c '"code":"043".*"group":7,' out.jsonl)" -eq 2 ] || { echo "FAIL: both 043 entries in group 7"; fail=1; }
$TIDINGS events --db t.db --format jsonl > events.jsonl || fail=1
diff -u "$GOLDEN/timeline_formats.events.jsonl" events.jsonl || { echo "FAIL: events --format jsonl differs"; fail=1; }
$TIDINGS events --db t.db --format csv > events.csv || fail=1
if command -v python3 >/dev/null 2>&1; then
  for f in out.csv events.csv; do
    python3 - "$f" <<'PY' || { echo "FAIL: $f does not parse as CSV"; fail=1; }
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head = rows[0]
assert len(rows) > 1, "no rows"
for r in rows[1:]:
    assert len(r) == len(head), (len(r), len(head), r)
    if 'GoldsteinScale' in head:
        float(r[head.index('GoldsteinScale')]); int(r[head.index('SQLDATE')])
        int(r[head.index('NumArticles')])
PY
  done
fi
$TIDINGS timeline --db t.db --pair NOR,SWE --format html > page.html || fail=1
grep -q '<svg' page.html || { echo "FAIL: no chart"; fail=1; }
grep -q '</html>' page.html || { echo "FAIL: page not finished"; fail=1; }
grep -Eiq '(src|href)=|<script|@import|url\(' page.html && { echo "FAIL: page loads something"; fail=1; }
[ "$(grep -c '^<tr>' page.html)" -eq 2 ] || { echo "FAIL: want 2 entries for the pair"; fail=1; }
exit $fail
