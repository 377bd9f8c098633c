#!/usr/bin/env bash
# Near-duplicate detection benchmark (release): generates 10,000 and then 100,000 documents in families
# (a real article, or a composite of real sentences, and its copies: exact, site boilerplate added,
# sentences dropped or reordered, words substituted), streams them through fingerprinting (both
# cores) and the incremental LSH index, and reports time, peak memory, how both grow, and pairwise
# precision and recall of the groups against the generator's families. Article text is read at run
# time from ../shared (article-extraction-benchmark bodies and ecbplus-dev texts), never stored.
# Usage: scripts/bench-duplicates.sh [THRESHOLD] (default 0.8); SWIFT_SCRATCH=DIR to build elsewhere,
# CORPUS_EVAL=BINARY to use a release corpus-eval built already
set -euo pipefail
cd "$(dirname "$0")/.."
articles=../shared/corpora/article-extraction-benchmark/ground-truth.json
ecb=../shared/corpora/ecbplus-dev
threshold=${1:-0.8}
if [ ! -f "$articles" ]; then echo "skipped: $articles is absent"; exit 0; fi
if [ -n "${CORPUS_EVAL:-}" ]; then
    bin=$CORPUS_EVAL  # a corpus-eval built elsewhere
else
    scratch=${SWIFT_SCRATCH:-.build}
    if ! log=$(swift build -c release --scratch-path "$scratch" --product corpus-eval 2>&1); then
        echo "$log" | grep -E "error" | head -20; exit 1
    fi
    bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/corpus-eval
fi
extra=()
[ -d "$ecb" ] && extra=(--ecb "$ecb")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for n in 10000 100000; do
    "$bin" duplicates --articles "$articles" "${extra[@]}" --count "$n" --threshold "$threshold" > "$tmp/$n.json"
done
"$bin" duplicates --articles "$articles" "${extra[@]}" --count 10000 --threshold "$threshold" --exact > "$tmp/exact.json"
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
runs = [(label, json.load(open(os.path.join(tmp, name)))) for label, name in
        (("10,000", "10000.json"), ("100,000", "100000.json"), ("10,000, exact Jaccard", "exact.json"))]
r0 = runs[0][1]
print(f"near-duplicates: word {r0['shingleSize']}-gram shingles, 128 one-permutation MinHash values, threshold {r0['threshold']}")
print(f"{'documents':24} {'words':>6} {'detect s':>9} {'fingerpr.':>9} {'index':>6} {'docs/s':>8} {'peak MB':>8} {'index MB':>8} "
      f"{'groups':>7} {'pair P':>7} {'pair R':>7} {'R >= t':>7}")
for label, r in runs:
    s = r["seconds"]
    print(f"{label:24} {r['words']/1e6:5.1f}M {s['detection']:9.2f} {s['fingerprint']:9.2f} {s['index']:6.2f} "
          f"{r['documents']/s['detection']:8.0f} {r['peakMemoryMB']:8.1f} {r['indexMemoryMB']:8.1f} {r['groups']:7d} "
          f"{r['pairPrecision']:7.4f} {r['pairRecall']:7.4f} {r['recallAboveThreshold']:7.4f}")
a, b = runs[0][1], runs[1][1]
print(f"growth 10,000 -> 100,000 (x10 documents): detection time x{b['seconds']['detection']/a['seconds']['detection']:.1f}, "
      f"peak memory x{b['peakMemoryMB']/a['peakMemoryMB']:.1f}, index memory x{b['indexMemoryMB']/a['indexMemoryMB']:.1f}")
print("pair R: recall over all pairs of one family; R >= t: over the family pairs whose exact shingle Jaccard reaches the threshold")
print("(generation time is excluded: " + ", ".join(f"{r['seconds']['generate']:.1f} s" for _, r in runs[:2]) + ")")
PY
