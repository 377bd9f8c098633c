#!/usr/bin/env bash
# Incremental corpus analysis (release): the whole CorpusAnalyzer over N generated documents (variants
# and composites of real articles, read at run time from ../shared, never stored), first from nothing,
# then with 10 new documents added, continuing the state the first run saved (stories, topics and
# per-story comparisons). Prints seconds per stage for both, for N = 10,000 and then 50,000.
# Usage: scripts/bench-analyze.sh [N...] (default 10000 50000); ALSO_REGROUP=1 adds a third run that
# regroups and compares everything again; SWIFT_SCRATCH=DIR to build elsewhere, CORPUS_EVAL=BINARY to
# use a release corpus-eval built already
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
[ -n "${ALSO_REGROUP:-}" ] && extra+=(--also-regroup)
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(10000 50000)
for n in "${counts[@]}"; do
    echo "== $n documents, adding 10"
    "$bin" analyze-scale --articles "$articles" "${extra[@]}" --count "$n" --add 10
done
