#!/usr/bin/env bash
# Ingest throughput: release build, the whole `crossread ingest` (read, decompress, decode, extract,
# store) over a corpus folder, reported in documents/s and MB/s with peak memory.
# Usage: scripts/bench-ingest.sh [FOLDER] (default ../shared/corpora/article-extraction-benchmark/html)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/article-extraction-benchmark/html}
if [ ! -d "$corpus" ]; then echo "skipped: $corpus is absent"; exit 0; fi
swift build -c release --product crossread >/dev/null
bin=$(swift build -c release --show-bin-path)/crossread
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

python3 - "$bin" "$corpus" "$tmp" <<'PY'
import gzip, os, resource, subprocess, sys, time
binary, corpus, tmp = sys.argv[1:4]
files = [os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if not f.startswith('.')]
stored = sum(os.path.getsize(f) for f in files)
def raw_size(f):
    if f.endswith('.gz'):
        with gzip.open(f) as g: return len(g.read())
    return os.path.getsize(f)
raw = sum(raw_size(f) for f in files)
rows = []
for run in range(3):
    db = os.path.join(tmp, f"bench{run}.db")
    start = time.perf_counter()
    out = subprocess.run([binary, "ingest", corpus, "--db", db, "--quiet"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0: sys.exit(f"ingest failed: {out.stderr}")
    rows.append(elapsed)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
best = min(rows)
n = len(files)
print(f"corpus: {corpus} ({n} files, {stored/1e6:.1f} MB on disk, {raw/1e6:.1f} MB uncompressed)")
print(f"crossread ingest (release, both cores, SQLite + FTS5), best of {len(rows)}:")
print(f"  {best:.2f} s   {n/best:.0f} documents/s   {raw/1e6/best:.1f} MB/s uncompressed   peak memory {peak:.0f} MB")
PY
