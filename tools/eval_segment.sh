#!/bin/sh
# Sentence splitting against UD English EWT dev + test (read in place).
# EWT is web text (reviews, e-mail, forums): many sentences end without
# punctuation or start in lower case, which no punctuation-driven splitter
# finds; the ". ! ?" recall line is the figure to watch.
set -u
ud="$SHARED/ud"
ls "$ud"/*.conllu >/dev/null 2>&1 || { echo "no UD files in $ud: skipped"; exit 0; }
"$BUILD/tools/eval_segment" "$ud"/*.conllu
