# The README shows exactly two set-up commands, and .ci/run runs the second
# one (the test command), so CI tests what a newcomer runs.
set -u
fail() { echo "FAIL: $*"; exit 1; }
root="$GOLDEN/../.."
cmds=$(awk '/^```sh$/ { inblk = 1; next } /^```$/ { inblk = 0; next } inblk' "$root/README.md" | grep -c '^apt-get')
[ "$cmds" -ge 2 ] || fail "README has $cmds apt-get set-up commands"
first=$(awk '/^```sh$/ { inblk = 1; next } /^```$/ { inblk = 0; next } inblk' "$root/README.md" | grep '^apt-get' | sed -n 1p)
second=$(awk '/^```sh$/ { inblk = 1; next } /^```$/ { inblk = 0; next } inblk' "$root/README.md" | grep '^apt-get' | sed -n 2p)
grep -qxF "$second" "$root/.ci/run" || fail ".ci/run does not run the README's test command"
echo "$first" | grep -q 'ingest examples' || fail "first command does not ingest the examples"
echo "$second" | grep -q 'make test' || fail "second command does not run the tests"
exit 0
