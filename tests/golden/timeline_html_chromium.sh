# The HTML timeline opens in headless Chromium with no console message and
# no request beyond the file itself, and the chart is drawn (its SVG is in
# the rendered DOM). Skipped when /usr/bin/chromium is not installed.
set -u
[ -x /usr/bin/chromium ] || { echo "no /usr/bin/chromium"; exit 77; }
bin=${TIDINGS##* }
fixture="$(dirname "$bin")/tools/timeline_fixture"
[ -x "$fixture" ] || { echo "no $fixture (make all builds it)"; exit 77; }
"$fixture" t.db "$GOLDEN/timeline_fixture.tsv" || exit 1
$TIDINGS timeline --db t.db --include-background --format html > page.html || exit 1
chrome() {
  profile="$PWD/profile-$1"; shift
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu \
    --disable-background-networking --no-first-run --disable-component-update \
    --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --window-size=1200,1000 "$@"
}
fail=0
chrome dom --dump-dom "file://$PWD/page.html" > dom.html 2> dom.err || { echo "FAIL: chromium"; tail dom.err; exit 1; }
chrome shot --screenshot="$PWD/shot.png" "file://$PWD/page.html" > /dev/null 2> shot.err || { echo "FAIL: chromium screenshot"; exit 1; }
# Console messages are logged as CONSOLE(line); a blocked or failed load
# as net:: errors.
if grep -E 'CONSOLE|Uncaught|net::ERR' dom.err shot.err; then echo "FAIL: console messages"; fail=1; fi
grep -q '<svg' dom.html || { echo "FAIL: no chart in the rendered page"; fail=1; }
[ "$(grep -o '<rect' dom.html | wc -l)" -ge 3 ] || { echo "FAIL: chart has no bars"; fail=1; }
[ -s shot.png ] || { echo "FAIL: no screenshot"; fail=1; }
[ -n "${TIMELINE_SHOT:-}" ] && cp shot.png "$TIMELINE_SHOT"
exit $fail
