#!/bin/sh
# Actor resolution against segmentation on the same articles (issue 5:
# actors may add at most 30% to the cost of segmentation). Wall-clock
# times are the best of 5 runs on a shared 2-core machine and are noisy;
# when valgrind is installed, instruction counts (callgrind) of one pass
# of each stage on a subset are printed too (with and without the Phoenix
# dictionaries), which do not depend on load.
dir="$SHARED/corpora/reuters21578"
[ -d "$dir" ] || dir="$SHARED/corpora/bbc"
[ -d "$dir" ] || { echo "no corpus under $SHARED/corpora: skipped"; exit 0; }
"$BUILD/bench/bench_actors" --reps 5 "$dir" || exit 1
E="$SHARED/eval/events"
if [ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ]; then
  echo "-- with the Phoenix actor dictionaries loaded (--dict):"
  "$BUILD/bench/bench_actors" --reps 5 --dict "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
    --dict "$E/petrarch2.dict.Phoenix.International.actors.txt" \
    --dict "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt" "$dir" | tail -4
fi
if command -v valgrind >/dev/null 2>&1; then
  # Whole-program instruction counts of three runs that stop after reading,
  # after segmenting, and after resolving actors: their differences are the
  # exact cost of each stage, callees and inlined code included.
  count() {
    m=$1; shift
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BUILD/bench/bench_actors" \
      --mode "$m" --max 2000 "$@" "$dir" 2>&1 >/dev/null | sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
  }
  rd=$(count read); sg=$(count seg); ac=$(count actors); fl=$(count floor)
  if [ -n "$rd" ] && [ -n "$sg" ] && [ -n "$ac" ] && [ -n "$fl" ]; then
    awk -v rd="$rd" -v sg="$sg" -v ac="$ac" -v fl="$fl" 'BEGIN {
      seg = sg - rd; act = ac - sg
      printf "instructions (callgrind, 2000 articles): segment %d, actors %d: actors add %.0f%% to segmentation\n", seg, act, 100 * act / seg
      printf "floor (one kb lookup per word, nothing resolved): %d: adds %.0f%% to segmentation\n", fl - sg, 100 * (fl - sg) / seg }'
    if [ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ]; then
      # The same with the Phoenix dictionaries (segmentation does not
      # change; both runs load them).
      set -- --dict "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
        --dict "$E/petrarch2.dict.Phoenix.International.actors.txt" \
        --dict "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt"
      sgd=$(count seg "$@"); acd=$(count actors "$@")
      [ -n "$sgd" ] && [ -n "$acd" ] && awk -v rd="$rd" -v sg="$sg" -v sgd="$sgd" -v acd="$acd" 'BEGIN {
        act = acd - sgd
        printf "with the Phoenix dictionaries: actors %d: actors add %.0f%% to segmentation\n", act, 100 * act / (sg - rd) }'
    fi
  fi
fi
