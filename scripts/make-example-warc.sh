#!/usr/bin/env bash
# Regenerates Examples/corpus/crawl/port-carrow-crawl.warc.gz from the example articles with warcio
# (PyPI, installed into .venv-bench/ on first use). See scripts/make_example_warc.py.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
if [[ ! -x .venv-bench/bin/python ]]; then
    echo "creating .venv-bench..." >&2
    "$python" -m venv .venv-bench
fi
if ! .venv-bench/bin/python -c "import warcio" 2>/dev/null; then
    .venv-bench/bin/pip install --quiet warcio >&2
fi
.venv-bench/bin/python scripts/make_example_warc.py
