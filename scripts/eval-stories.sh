#!/usr/bin/env bash
# Stories and topics on ECB+ (dev split): B-cubed P/R/F1 at event level (stories vs events) and topic
# level (topics vs topic folders), and pairwise F1, for Crossread (batch; batch over annotated documents;
# incremental arrival in three shuffled orders; 90% grouped then 10% added into the kept stories and
# topics, as `crossread analyze` does over a grown library) next to the baseline: TF-IDF cosine with average-linkage
# agglomerative clustering (scikit-learn), its distance threshold tuned on the same data per level;
# and streamed in publication-date order through the StoryWindow that `crossread analyze` keeps in the library.
# Usage: scripts/eval-stories.sh [CORPUS] (default ../shared/corpora/ecbplus-dev); SWIFT_SCRATCH=DIR to build elsewhere,
# CORPUS_EVAL=BINARY to use a release corpus-eval built already
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/ecbplus-dev}
if [ ! -f "$corpus/labels.json" ]; then echo "skipped: $corpus is absent"; exit 0; fi
if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import sklearn" 2>/dev/null; then
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install --quiet scikit-learn
fi
if [ -n "${CORPUS_EVAL:-}" ]; then
    bin=$CORPUS_EVAL  # a corpus-eval built elsewhere
else
    scratch=${SWIFT_SCRATCH:-.build}  # another build folder avoids waiting on a busy .build
    if ! log=$(swift build -c release --scratch-path "$scratch" --product corpus-eval 2>&1); then
        echo "$log" | grep -E "error" | head -20; exit 1
    fi
    bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)/corpus-eval
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
.venv-bench/bin/python scripts/stories_baseline.py "$corpus" > "$tmp/baseline.json"
"$bin" stories "$corpus" > "$tmp/batch.json"
"$bin" stories "$corpus" --annotate > "$tmp/annotated.json"
for seed in 1 2 3; do "$bin" stories "$corpus" --incremental "$seed" > "$tmp/incremental$seed.json"; done
for seed in 1 2 3; do "$bin" stories "$corpus" --continue "$seed" > "$tmp/continued$seed.json"; done
# Streamed as `crossread analyze` keeps a library: publication-date order through the StoryWindow,
# in one batch, in batches of 50, and one article at a time.
for batch in 1000 50 1; do "$bin" stories "$corpus" --stream "$batch" > "$tmp/stream$batch.json" 2>/dev/null; done
"$bin" stories "$corpus" --stream 1 --annotate > "$tmp/stream1annotated.json" 2>/dev/null
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
load = lambda name: json.load(open(os.path.join(tmp, name)))
base = load("baseline.json")
rows = [("baseline: TF-IDF + average linkage (threshold %.2f / %.2f, tuned here)" % (base["event"]["threshold"], base["topic"]["threshold"]), base)]
rows.append(("crossread, batch", load("batch.json")))
rows.append(("crossread, batch, LanguageAnnotator entities and times", load("annotated.json")))
for seed in (1, 2, 3):
    rows.append(("crossread, incremental, shuffled arrival (seed %d)" % seed, load("incremental%d.json" % seed)))
for seed in (1, 2, 3):
    rows.append(("crossread, 90%% grouped then 10%% added, kept (seed %d)" % seed, load("continued%d.json" % seed)))
for batch, name in ((1000, "one batch"), (50, "batches of 50"), (1, "one article at a time")):
    rows.append(("crossread, streamed in date order, %s" % name, load("stream%d.json" % batch)))
rows.append(("crossread, streamed one at a time, annotated", load("stream1annotated.json")))
print(f"{'':62} {'event level':^34} | {'topic level':^34}")
print(f"{'':62} {'P':>6} {'R':>6} {'F1':>6} {'pairF1':>7} {'n':>4} | {'P':>6} {'R':>6} {'F1':>6} {'pairF1':>7} {'n':>4}")
for name, r in rows:
    e, t = r["event"], r["topic"]
    print(f"{name[:62]:62} {e['precision']:6.3f} {e['recall']:6.3f} {e['f1']:6.3f} {e['pairwiseF1']:7.3f} {e['clusters']:4d} | "
          f"{t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f} {t['pairwiseF1']:7.3f} {t['clusters']:4d}")
ours = load("batch.json")
print()
print("targets: event F1 >= 0.92 and topic F1 >= 0.95, both above the baseline")
print(f"  event: {ours['event']['f1']:.3f} vs baseline {base['event']['f1']:.3f}   topic: {ours['topic']['f1']:.3f} vs baseline {base['topic']['f1']:.3f}")
print(f"  crossread batch time: {ours['seconds']:.2f} s for {ours['documents']} documents")
PY
