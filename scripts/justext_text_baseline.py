#!/usr/bin/env python3
"""jusText on the plain-text evaluation pages, scored like clean-eval, for a side-by-side figure.

Each page's lines become HTML paragraphs; jusText (3.0.2) keeps the ones it does not judge
boilerplate. The stop list is the one of jusText's English, German, French, Spanish, Polish,
Italian, Dutch and Portuguese lists that matches the most words of the page. Prints one TSV row
per page: file, TP, FN, FP, TN (snippet counts, whitespace-normalized substring match), and the
totals on standard error.

Usage: justext_text_baseline.py PAGES_FOLDER EVALDATA_JSON > baseline.tsv
"""
import html
import json
import os
import re
import sys

import justext

LANGUAGES = ["English", "German", "French", "Spanish", "Polish", "Italian", "Dutch", "Portuguese"]


def normalize(text):
    return re.sub(r"\s+", " ", text).strip()


def main():
    pages, evaldata = sys.argv[1], sys.argv[2]
    stoplists = {name: justext.get_stoplist(name) for name in LANGUAGES}
    with open(evaldata, encoding="utf-8") as handle:
        entries = json.load(handle)
    totals = [0, 0, 0, 0]
    for entry in entries.values():
        path = os.path.join(pages, entry["file"] + ".txt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            lines = [line.strip() for line in handle if line.strip()]
        words = re.findall(r"\w+", " ".join(lines).lower())
        language = max(LANGUAGES, key=lambda name: sum(1 for w in words if w in stoplists[name]))
        markup = "<html><body>" + "".join("<p>" + html.escape(line) + "</p>" for line in lines) + "</body></html>"
        kept = [p.text for p in justext.justext(markup.encode("utf-8"), stoplists[language]) if not p.is_boilerplate]
        text = normalize(" ".join(kept))
        tp = sum(1 for s in entry.get("with", []) if normalize(s) in text)
        fn = len(entry.get("with", [])) - tp
        fp = sum(1 for s in entry.get("without", []) if normalize(s) and normalize(s) in text)
        tn = len(entry.get("without", [])) - fp
        for k, value in enumerate((tp, fn, fp, tn)):
            totals[k] += value
        print(f"{entry['file']}\t{tp}\t{fn}\t{fp}\t{tn}")
    tp, fn, fp, tn = totals
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"jusText: F1 {f1:.3f} precision {precision:.3f} recall {recall:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
