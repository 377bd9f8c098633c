#!/usr/bin/env bash
# WARC ingest at scale: generates a .warc.gz of at least 1 GB under /tmp (a gzip member a record, as
# Common Crawl writes them; mixed statuses and content types, re-crawled pages, pages the crawler cut
# short, a cut last record; page bodies built at run time from ../shared corpora HTML pages, see
# scripts/make_bench_warc.py), then runs a release `crossread ingest` over it, streaming, and prints
# documents/s, MB/s, peak memory (max RSS, target under 200 MB), every skipped record by reason, and
# whether each re-crawled page was stored once.
# Usage: scripts/bench-warc.sh [GIGABYTES] (default 1.0). BENCH_WARC_DIR=/tmp/somewhere keeps the
# generated file there and reuses it on the next run (generating takes minutes); SCRATCH is the
# SwiftPM scratch path (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
gigabytes=${1:-1.0}
if [ ! -d ../shared/corpora/article-extraction-benchmark/html ]; then
    echo "skipped: ../shared/corpora/article-extraction-benchmark is absent"; exit 0
fi
scratch="${SCRATCH:-.build}"   # SwiftPM scratch path of the release build
swift build -c release --product crossread --scratch-path "$scratch" >/dev/null
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/crossread
if [ -n "${BENCH_WARC_DIR:-}" ]; then
    tmp=$BENCH_WARC_DIR
    mkdir -p "$tmp"
else
    tmp=$(mktemp -d /tmp/crossread-bench-warc.XXXXXX)
    trap 'rm -rf "$tmp"' EXIT
fi
warc=$tmp/CC-NEWS-bench.warc.gz
rm -f "$tmp"/bench.db*

if [ ! -s "$tmp/manifest.json" ]; then
    echo "generating $warc ($gigabytes GB)..." >&2
    python3 scripts/make_bench_warc.py "$warc" "$tmp/manifest.json" --gigabytes "$gigabytes" >/dev/null
fi

echo "ingesting..." >&2
start=$(date +%s.%N)
/usr/bin/time -v "$bin" ingest "$warc" --db "$tmp/bench.db" >"$tmp/summary.txt" 2>"$tmp/time.txt" || true
end=$(date +%s.%N)

python3 - "$tmp" "$start" "$end" <<'PY'
import json, re, sys
tmp, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
manifest = json.load(open(f"{tmp}/manifest.json"))
summary = open(f"{tmp}/summary.txt").read()
timing = open(f"{tmp}/time.txt").read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1)) / 1024
elapsed = end - start
user = float(re.search(r"User time \(seconds\): ([\d.]+)", timing).group(1))
system = float(re.search(r"System time \(seconds\): ([\d.]+)", timing).group(1))
first = summary.splitlines()[0]
new, present, failed = (int(x) for x in re.match(r"(\d+) new, (\d+) already present, (\d+) failed", first).groups())
documents = new + present
counts = manifest["counts"]
print(f"file: {manifest['file']}: {manifest['bytes']/1e6:.0f} MB gzip ({manifest['bytes']/2**30:.2f} GiB), "
      f"{manifest['uncompressedBytes']/1e6:.0f} MB uncompressed, {manifest['records']} records in {manifest['captures']} captures")
print("generated: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
print(f"crossread ingest (release, streaming, SQLite + FTS5), {elapsed:.1f} s wall, {user + system:.1f} s CPU:")
print(f"  {documents / elapsed:.0f} documents/s ({new} new + {present} already present)   "
      f"{manifest['bytes'] / 1e6 / elapsed:.1f} MB/s gzip   {manifest['uncompressedBytes'] / 1e6 / elapsed:.1f} MB/s uncompressed   "
      f"peak memory {rss:.0f} MB (max RSS)   {failed} failed")
print(f"  distinct pages generated {manifest['distinctPages']}, stored new {new}; re-crawls {counts['recrawl']}, "
      f"already present {present} -> " + ("each page stored once" if present >= counts["recrawl"] and new <= manifest["distinctPages"] else "MISMATCH"))
print("summary of the run (skipped records by reason; failures, the first 20):")
lines = summary.splitlines()
failed_at = next((i for i, line in enumerate(lines) if line == "Failed:"), len(lines))
for line in lines[:failed_at + 21]:
    print("  " + line)
if len(lines) > failed_at + 21:
    print(f"  ... and {len(lines) - failed_at - 21} more failures")
PY
