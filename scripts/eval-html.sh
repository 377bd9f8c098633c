#!/usr/bin/env bash
# Scores CrossreadHTML against trafilatura 2.3.1 and htmldate on the same pages with the same scoring
# and prints one table: article-extraction-benchmark shingle P/R/F1, trafilatura-eval snippet P/R/F1,
# wcxb-dev word P/R/F1 (overall and per page type), title/author/date accuracy, pages/s and MB/s on
# one core, peak memory; then a whole-process timing on the article-extraction benchmark (each system
# alone in its own process on one core: CPU seconds and peak memory).
#
# Usage: scripts/eval-html.sh [--corpora DIR] [extra html-eval arguments]
# Environment: SCRATCH (SwiftPM scratch path, default .build), PYTHON (default python3), PEERS_JSON
# (a file keeping the peers' figures: written when absent, reused when present).
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
if ! .venv-bench/bin/python -c "import trafilatura, htmldate, justext, lxml_html_clean; assert trafilatura.__version__ == '2.3.1'" 2>/dev/null; then
    .venv-bench/bin/pip install --quiet "trafilatura==2.3.1" htmldate justext lxml_html_clean >&2
fi

if [[ -n "${PEERS_JSON:-}" && -s "$PEERS_JSON" ]]; then
    peers="$PEERS_JSON"   # the peers' figures from an earlier run, while iterating on Crossread
else
    peers="$(mktemp)"
    trap 'rm -f "$peers"' EXIT
    echo "running trafilatura and htmldate..." >&2
    .venv-bench/bin/python scripts/html_peers.py "$corpora" > "$peers"
    [[ -n "${PEERS_JSON:-}" ]] && cp "$peers" "$PEERS_JSON"
fi
echo "running Crossread..." >&2
"$bin/html-eval" --corpora "$corpora" --peers "$peers" "$@"

echo
echo "whole process, one core, article-extraction benchmark (CPU seconds user+sys, peak memory):"
timed() {  # label, command...: prints CPU seconds and peak RSS of the whole process; sets $cpu
    local label="$1"; shift
    local report; report="$(mktemp)"
    taskset -c 0 /usr/bin/time -f "%U %S %M" -o "$report" "$@" > /dev/null
    local user system kb
    read -r user system kb < "$report"; rm -f "$report"
    cpu="$(echo "$user + $system" | bc)"
    printf "  %-12s %6.2f s  %6.0f MB peak\n" "$label" "$cpu" "$(echo "$kb / 1024" | bc)"
}
timed Crossread "$bin/html-eval" --corpora "$corpora" --speed-only
ours="$cpu"
timed trafilatura .venv-bench/bin/python scripts/html_peers.py "$corpora" --speed-only
printf "  Crossread is %.1fx trafilatura's speed\n" "$(echo "$cpu / $ours" | bc -l)"
