#!/bin/sh
# Actor evaluation (make eval): the PETRARCH-2 Phoenix actor dictionaries
# are loaded on top of the built-in knowledge (count and time), every name
# in them is looked up again, and every date-restricted code is checked on
# a day inside its range. Reads $SHARED in place.
E="$SHARED/eval/events"
[ -f "$E/petrarch2.dict.Phoenix.Countries.actors.txt" ] || { echo "no Phoenix dictionaries in $E; skipped"; exit 0; }
"$BUILD/tools/eval_actors" "$E/petrarch2.dict.Phoenix.Countries.actors.txt" \
  "$E/petrarch2.dict.Phoenix.International.actors.txt" \
  "$E/petrarch2.dict.Phoenix.MilNonState.actors.txt" \
  "$E/petrarch2.dict.Phoenix.agents.txt" 2>&1 | grep -v ': warning: '
