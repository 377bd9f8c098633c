#!/usr/bin/env bash
# The plain-text cleaner on the trafilatura evaluation pages rendered as text: snippet precision,
# recall and F1 (clean-eval, release build), next to jusText on the same pages when it can run.
# Then, as a check on pages the cleaner was never tuned on, the article-extraction benchmark
# (../shared/corpora/article-extraction-benchmark) rendered to text with inscriptis, scored by word
# 4-gram shingles against its hand-made article bodies (skipped when absent or not installable).
#
# Usage: scripts/eval-clean-text.sh [FOLDER] [clean-eval arguments, e.g. --verbose, --cv]
#   FOLDER defaults to ../shared/corpora/trafilatura-eval-text (holding pages/); the annotations are
#   read from FOLDER/../trafilatura-eval/evaldata.json.
# Environment: SCRATCH (SwiftPM scratch path, default .build), PYTHON (default python3),
#   NO_JUSTEXT=1 to skip the jusText run.
set -euo pipefail
cd "$(dirname "$0")/.."

folder="../shared/corpora/trafilatura-eval-text"
if [[ $# -gt 0 && "$1" != --* ]]; then folder="$1"; shift; fi
if [[ ! -d "$folder/pages" ]]; then
    echo "skipped: $folder/pages is absent"
    exit 0
fi
evaldata="$folder/../trafilatura-eval/evaldata.json"
scratch="${SCRATCH:-.build}"
python="${PYTHON:-python3}"

echo "building clean-eval (release)..." >&2
swift build -c release --product clean-eval --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

baseline=()
if [[ -z "${NO_JUSTEXT:-}" ]]; then
    if [[ ! -x .venv-bench/bin/python ]]; then
        echo "creating .venv-bench..." >&2
        "$python" -m venv .venv-bench
    fi
    if ! .venv-bench/bin/python -c "import justext, lxml_html_clean" 2>/dev/null; then
        .venv-bench/bin/pip install --quiet justext lxml_html_clean >&2 || true
    fi
    if .venv-bench/bin/python -c "import justext, lxml_html_clean" 2>/dev/null; then
        tsv="$(mktemp)"
        trap 'rm -f "$tsv"' EXIT
        echo "running jusText..." >&2
        .venv-bench/bin/python scripts/justext_text_baseline.py "$folder/pages" "$evaldata" > "$tsv" 2>/dev/null
        baseline=(--baseline "$tsv")
    else
        echo "note: jusText is not installable here; printing Crossread only" >&2
    fi
fi

"$bin/clean-eval" "$folder" --evaldata "$evaldata" "${baseline[@]}" "$@"

benchmark="../shared/corpora/article-extraction-benchmark"
if [[ -d "$benchmark/html" && -x .venv-bench/bin/python ]]; then
    if ! .venv-bench/bin/python -c "import inscriptis" 2>/dev/null; then
        .venv-bench/bin/pip install --quiet inscriptis >&2 || true
    fi
    if .venv-bench/bin/python -c "import inscriptis" 2>/dev/null; then
        rendered="$(mktemp -d)"
        trap 'rm -rf "$rendered" "${tsv:-}"' EXIT
        echo "rendering the article-extraction benchmark to text..." >&2
        .venv-bench/bin/python - "$benchmark" "$rendered" <<'PY'
import gzip, json, os, sys
from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
source, target = sys.argv[1], sys.argv[2]
config = ParserConfig(css=CSS_PROFILES["strict"])
for item in json.load(open(os.path.join(source, "ground-truth.json"), encoding="utf-8")):
    html = gzip.open(os.path.join(source, "html", item + ".html.gz")).read().decode("utf-8", "replace")
    lines = [line.strip() for line in get_text(html, config).split("\n")]
    with open(os.path.join(target, item + ".txt"), "w", encoding="utf-8") as out:
        out.write("\n".join(lines))
PY
        "$bin/clean-eval" --bodies "$benchmark/ground-truth.json" "$rendered"
    fi
fi
