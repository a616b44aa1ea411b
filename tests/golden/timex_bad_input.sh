# tidings timex on malformed input: each gets one clear message naming the
# input, and a non-zero exit (2 for usage errors, 1 for bad input).
set -u
fail() { echo "FAIL: $*"; exit 1; }
printf '' > empty.txt
$TIDINGS timex --dct 2022-02-01 empty.txt > out 2> err; rc=$?
[ $rc -eq 1 ] && grep -q "empty.txt:1: empty input" err || { cat err; fail "empty file (exit $rc)"; }
printf 'ab\000cd\000\001\002' > bin.dat
$TIDINGS timex --dct 2022-02-01 bin.dat > out 2> err; rc=$?
[ $rc -eq 1 ] && grep -q "bin.dat:1: binary data" err || { cat err; fail "binary file (exit $rc)"; }
awk 'BEGIN { s = "1234567890"; while (length(s) < 1048576) s = s s; printf "%s", s }' > digits.txt
$TIDINGS timex --dct 2022-02-01 digits.txt > out 2> err; rc=$?
[ $rc -eq 1 ] && grep -q "digits.txt:1: no text" err || { cat err; fail "run of digits (exit $rc)"; }
[ -s out ] && fail "output for a run of digits"
echo "On Monday the talks began." > ok.txt
for bad in 2022-13-01 2022-02-30 yesterday 2022 ""; do
  $TIDINGS timex --dct "$bad" ok.txt > out 2> err; rc=$?
  [ $rc -eq 2 ] && grep -q "is not a date" err || { cat err; fail "--dct '$bad' (exit $rc)"; }
done
$TIDINGS timex --bogus ok.txt > out 2> err; [ $? -eq 2 ] || fail "unknown option"
$TIDINGS timex no-such-file.txt > out 2> err; rc=$?
[ $rc -eq 1 ] && grep -q "no-such-file.txt: cannot open" err || fail "missing file"
# a good one still works, from stdin too
$TIDINGS timex --dct 2022-02-01 - < ok.txt > out 2> err || fail "stdin"
grep -q '"value":"2022-01-31"' out || { cat out; fail "stdin value"; }
echo "bad input rejected clearly"
