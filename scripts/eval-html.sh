#!/usr/bin/env bash
# Scores CrossreadHTML against trafilatura and htmldate on the same pages with the same scoring and
# prints one table: article-extraction-benchmark shingle P/R/F1, trafilatura-eval snippet P/R/F1,
# title/author/date accuracy, pages/s and MB/s on one core, peak memory.
#
# Usage: scripts/eval-html.sh [--corpora DIR] [extra html-eval arguments]
# Environment: SCRATCH (SwiftPM scratch path, default .build), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."

corpora="../shared/corpora"
if [[ "${1:-}" == "--corpora" ]]; then corpora="$2"; shift 2; fi
scratch="${SCRATCH:-.build}"
python="${PYTHON:-python3}"

echo "building html-eval (release)..." >&2
swift build -c release --product html-eval --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

if [[ ! -x .venv-bench/bin/python ]]; then
    echo "creating .venv-bench..." >&2
    "$python" -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c "import trafilatura, htmldate, justext, lxml_html_clean" 2>/dev/null; then
    .venv-bench/bin/pip install --quiet trafilatura htmldate justext lxml_html_clean >&2
fi

peers="$(mktemp)"
trap 'rm -f "$peers"' EXIT
echo "running trafilatura and htmldate..." >&2
.venv-bench/bin/python scripts/html_peers.py "$corpora" > "$peers"
echo "running Crossread..." >&2
"$bin/html-eval" --corpora "$corpora" --peers "$peers" "$@"
