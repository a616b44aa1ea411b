#!/bin/sh
# Actor resolution against segmentation on the same articles (issue 5:
# actors may add at most 30% to the cost of segmentation). Wall-clock
# times are the best of 5 runs on a shared 2-core machine and are noisy;
# when valgrind is installed, instruction counts (callgrind) of one pass
# of each stage on a subset are printed too, which do not depend on load.
dir="$SHARED/corpora/reuters21578"
[ -d "$dir" ] || dir="$SHARED/corpora/bbc"
[ -d "$dir" ] || { echo "no corpus under $SHARED/corpora: skipped"; exit 0; }
"$BUILD/bench/bench_actors" --reps 5 "$dir" || exit 1
E="$SHARED/eval/events"
if [ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ]; then
  echo "-- with the Phoenix actor dictionaries loaded (--dict):"
  "$BUILD/bench/bench_actors" --reps 5 --dict "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
    --dict "$E/petrarch2.dict.Phoenix.International.actors.txt" \
    --dict "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt" "$dir" | tail -3
fi
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1; then
  out=$(mktemp -d)
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$BUILD/bench/bench_actors" \
    --mode actors --max 2000 "$dir" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes "$out/cg" 2>/dev/null | awk '
    /:td_segment \[/ { gsub(",", "", $1); seg = $1 }
    /:td_normalize \[/ { gsub(",", "", $1); nor = $1 }
    /:td_dateline_parse \[/ { gsub(",", "", $1); dl = $1 }
    /:td_actors_resolve \[/ { gsub(",", "", $1); act = $1 }
    END { if (seg > 0) printf "instructions (callgrind, 2000 articles): segment %d, actors %d: actors add %.0f%% to segmentation, %.0f%% to normalize+dateline+segment\n", seg, act, 100 * act / seg, 100 * act / (seg + nor + dl) }'
  rm -rf "$out"
fi
