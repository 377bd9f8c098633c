#!/usr/bin/env bash
# Library analysis at scale (release): N generated documents (variants and composites of real articles
# read at run time from ../shared, never stored; dated over a year in order; families known) are
# annotated and stored in a new SQLite library (timed apart), then `LibraryAnalyzer` brings the analysis
# up to date from nothing (copies, stories, topics, comparison, timeline), then 10 and 1,000 more are
# added and analysed. Prints seconds per stage and per tenth of the documents, peak memory, library size,
# and pairwise precision and recall of stories against the generator's families.
# Usage: scripts/bench-library.sh [N...] (default 10000 100000); DB=PATH for the library (default under
# /tmp); SWIFT_SCRATCH=DIR to build elsewhere, CORPUS_EVAL=BINARY to use a release corpus-eval built already;
# GENERATED=DIR keeps each size's annotated library there before analysis and starts from it on later runs
# (the analysis is then timed without generating and annotating again)
set -euo pipefail
cd "$(dirname "$0")/.."
articles=../shared/corpora/article-extraction-benchmark/ground-truth.json
ecb=../shared/corpora/ecbplus-dev
if [ ! -f "$articles" ]; then echo "skipped: $articles is absent"; exit 0; fi
if [ -n "${CORPUS_EVAL:-}" ]; then
    bin=$CORPUS_EVAL
else
    scratch=${SWIFT_SCRATCH:-.build}
    if ! log=$(swift build -c release --scratch-path "$scratch" --product corpus-eval 2>&1); then
        echo "$log" | grep -E "error" | head -20; exit 1
    fi
    bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/corpus-eval
fi
extra=()
[ -d "$ecb" ] && extra+=(--ecb "$ecb")
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(10000 100000)
for n in "${counts[@]}"; do
    db=${DB:-/tmp/crossread-bench-library-$n.db}
    echo "== $n documents, then 10 and 1000 added ($db)"
    keep=()
    [ -n "${GENERATED:-}" ] && { mkdir -p "$GENERATED"; keep=(--generated "$GENERATED/library-$n.db"); }
    "$bin" library-scale --articles "$articles" "${extra[@]}" --count "$n" --db "$db" --add 10,1000 "${keep[@]}"
done
