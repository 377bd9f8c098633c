#!/usr/bin/env bash
# Crossread's quotes, speakers and quoted terms on the held-out set quotes60 (60 hand-annotated
# articles of article-extraction-benchmark and ecbplus-dev, Tests/CrossreadLanguageTests/Gold/quotes60.json,
# never tuned on) and, for comparison, on benchmark30 (the set the rules were fitted to).
#
# Usage: scripts/eval-quotes.sh [extra gold-eval arguments, e.g. --errors]
# Environment: SCRATCH (SwiftPM scratch path, default .build).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${SCRATCH:-.build}"
echo "building gold-eval (release)..." >&2
swift build -c release --product gold-eval --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

for gold in quotes60 benchmark30; do
    "$bin/gold-eval" --corpus ../shared/corpora/article-extraction-benchmark/ground-truth.json \
        --ecbplus ../shared/corpora/ecbplus-dev --gold "Tests/CrossreadLanguageTests/Gold/$gold.json" "$@"
    echo
done
