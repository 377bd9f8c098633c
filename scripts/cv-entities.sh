#!/usr/bin/env bash
# Five-fold cross-validation of the entity recognizer over UNER English-EWT's train split, by document:
# each fold is trained on the other four folds plus dev and scored on its own documents (7,005 gold
# names in all, far more than dev's 966, so small changes can be told from seed noise). Never the test split.
#   scripts/cv-entities.sh [--keep DIR]     (from the repository root; ../shared must be beside it)
# Prints each fold's score and the pooled precision, recall and F1. --keep DIR leaves the folds, models and
# per-fold `--errors` listings in DIR. SCRATCH=.build-x picks the SwiftPM build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
UNER=../shared/corpora/uner-english-ewt
[ -f "$UNER/en_ewt-ud-train.iob2" ] || { echo "missing $UNER (../shared is not beside the repository)"; exit 1; }
SCRATCH=${SCRATCH:-.build}
WORK=$(mktemp -d)
KEEP=""
if [ "${1:-}" = "--keep" ]; then KEEP=$2; mkdir -p "$KEEP"; WORK=$KEEP; fi
[ -n "$KEEP" ] || trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path "$SCRATCH" --product train-tagger >&2
swift build -c release --scratch-path "$SCRATCH" --product language-eval >&2

python3 - "$UNER" "$WORK" <<'PY'
import os, sys
uner, work = sys.argv[1], sys.argv[2]
documents, current = [], []
for line in open(os.path.join(uner, "en_ewt-ud-train.iob2"), encoding="utf-8"):
    if line.startswith("# newdoc") and current:
        documents.append(current)
        current = []
    current.append(line)
if current:
    documents.append(current)
dev = open(os.path.join(uner, "en_ewt-ud-dev.iob2"), encoding="utf-8").read()
for k in range(5):
    folder = os.path.join(work, str(k))
    os.makedirs(folder, exist_ok=True)
    train = "".join("".join(d) for i, d in enumerate(documents) if i % 5 != k)
    held = "".join("".join(d) for i, d in enumerate(documents) if i % 5 == k)
    open(os.path.join(folder, "en_ewt-ud-train.iob2"), "w", encoding="utf-8").write(train + "\n" + dev)
    open(os.path.join(folder, "heldout.iob2"), "w", encoding="utf-8").write(held)
PY

# Two folds at a time (two cores).
for k in 0 1 2 3 4; do
    "$SCRATCH/release/train-tagger" --corpus "$WORK/$k" --train-only --out "$WORK/$k/model.bin" > "$WORK/$k/train.log" &
    if [ $((k % 2)) = 1 ]; then wait; fi
done
wait
for k in 0 1 2 3 4; do
    "$SCRATCH/release/language-eval" entities --model "$WORK/$k/model.bin" --errors "$WORK/$k/heldout.iob2" > "$WORK/$k/errors.txt"
    echo "fold $k: $(grep '^crossread recognizer' "$WORK/$k/errors.txt" | sed 's/^crossread recognizer: //')"
done
cat "$WORK"/*/errors.txt | python3 -c '
import re, sys
tp = predicted = gold = 0
for line in sys.stdin:
    m = re.search(r"^crossread recognizer: .*tp (\d+), predicted (\d+), gold (\d+)", line)
    if m:
        tp += int(m[1]); predicted += int(m[2]); gold += int(m[3])
p, r = tp / predicted, tp / gold
print("pooled: P=%.4f R=%.4f F1=%.4f (tp %d, predicted %d, gold %d)" % (p, r, 2 * p * r / (p + r), tp, predicted, gold))'
