#!/usr/bin/env python3
"""Scores trafilatura and htmldate on the corpora html-eval uses, with the same scoring.

Times are CPU seconds of the one working thread (time.thread_time), as html-eval measures them.
Prints one JSON object on standard output; scripts/eval-html.sh hands it to html-eval, which
prints the table side by side. Usage: html_peers.py SHARED_CORPORA_DIR [--limit N] [--speed-only]

wcxb-dev is scored with that benchmark's own metric (lower-cased word-token multisets, P/R/F1 per
page, averaged over pages, overall and per page type); title exact after NFKC, case folding and
whitespace normalization; date on the first ten characters; author as the set of lower-cased name
words (so "A, B & C" and "A; B; C" agree).
"""
import gzip
import json
import os
import re
import resource
import sys
import time
import unicodedata
from collections import Counter

TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingles(text, n=4):
    tokens = TOKEN_RE.findall(text or "")
    out = []
    for i in range(0, max(1, len(tokens) - n + 1)):
        s = " ".join(tokens[i:i + n])
        if s:
            out.append(s)
    return Counter(out)


def shingle_match(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def norm_authors(value):
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(value)
    names = [norm_ws(a).casefold() for a in value.split(";")]
    return frozenset(a for a in names if a)


def article_benchmark(root, limit):
    import trafilatura
    base = os.path.join(root, "article-extraction-benchmark")
    truth = json.load(open(os.path.join(base, "ground-truth.json")))
    pages = []
    for key in sorted(truth):
        with gzip.open(os.path.join(base, "html", key + ".html.gz")) as f:
            pages.append((key, f.read()))
    if limit:
        pages = pages[:limit]
    total_bytes = sum(len(b) for _, b in pages)
    sums = [0.0, 0.0, 0.0]
    start = time.thread_time()
    outputs = {}
    for key, raw in pages:
        outputs[key] = trafilatura.extract(raw, include_comments=False, include_tables=True) or ""
    elapsed = time.thread_time() - start
    if "--speed-only" in sys.argv:  # the whole-process timing measures extraction, not scoring
        return {"name": "trafilatura", "pages": len(pages), "seconds": elapsed}
    for key, _ in pages:
        tp, fp, fn = shingle_match(truth[key]["articleBody"], outputs[key])
        sums[0] += tp; sums[1] += fp; sums[2] += fn
    p, r, f = prf(*sums)
    return {"name": "trafilatura", "pages": len(pages), "precision": p, "recall": r, "f1": f,
            "seconds": elapsed, "pagesPerSecond": len(pages) / elapsed, "mbPerSecond": total_bytes / 1e6 / elapsed}


def trafilatura_eval(root, limit):
    import trafilatura
    from htmldate import find_date
    base = os.path.join(root, "trafilatura-eval")
    data = json.load(open(os.path.join(base, "evaldata.json")))
    entries = []
    for url, e in data.items():
        for folder in ("cache", "eval"):
            path = os.path.join(base, folder, e["file"])
            if os.path.exists(path):
                entries.append((url, e, open(path, "rb").read()))
                break
    if limit:
        entries = entries[:limit]
    total_bytes = sum(len(b) for _, _, b in entries)
    results = {}
    start = time.thread_time()
    for url, e, raw in entries:
        doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True)
        results[url] = doc
    traf_seconds = time.thread_time() - start
    start = time.thread_time()
    dates = {url: find_date(raw, url=url, original_date=True) for url, e, raw in entries}
    htmldate_seconds = time.thread_time() - start

    counts = Counter()
    for url, e, raw in entries:
        doc = results[url]
        text = norm_ws(getattr(doc, "text", None) or "") if doc is not None else ""
        for snippet in e.get("with", []):
            counts["tp" if norm_ws(snippet) in text else "fn"] += 1
        for snippet in e.get("without", []):
            counts["fp" if norm_ws(snippet) in text else "tn"] += 1
        if e.get("title"):
            counts["titleN"] += 1
            got = getattr(doc, "title", None) if doc is not None else None
            counts["titleOK"] += int(norm_ws(got).casefold() == norm_ws(e["title"]).casefold())
        if e.get("author"):
            counts["authorN"] += 1
            got = getattr(doc, "author", None) if doc is not None else None
            counts["authorOK"] += int(norm_authors(got) == norm_authors(e["author"]))
        if e.get("date"):
            counts["dateN"] += 1
            got = getattr(doc, "date", None) if doc is not None else None
            counts["dateOK"] += int((got or "")[:10] == e["date"])
            counts["htmldateOK"] += int((dates[url] or "")[:10] == e["date"])
    p, r, f = prf(counts["tp"], counts["fp"], counts["fn"])
    acc = lambda ok, n: counts[ok] / counts[n] if counts[n] else 0.0
    traf = {"name": "trafilatura", "pages": len(entries), "precision": p, "recall": r, "f1": f,
            "seconds": traf_seconds, "pagesPerSecond": len(entries) / traf_seconds,
            "mbPerSecond": total_bytes / 1e6 / traf_seconds,
            "titleAccuracy": acc("titleOK", "titleN"), "authorAccuracy": acc("authorOK", "authorN"),
            "dateAccuracy": acc("dateOK", "dateN")}
    hd = {"name": "htmldate", "pages": len(entries), "dateAccuracy": acc("htmldateOK", "dateN"),
          "seconds": htmldate_seconds, "pagesPerSecond": len(entries) / htmldate_seconds,
          "mbPerSecond": total_bytes / 1e6 / htmldate_seconds}
    return traf, hd


def word_overlap(gold, pred):
    """wcxb's per-page word metric: (precision, recall, F1) of lower-cased \\w+ token multisets."""
    g = Counter(TOKEN_RE.findall((gold or "").lower()))
    p = Counter(TOKEN_RE.findall((pred or "").lower()))
    if not g:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return 0.0, 0.0, 0.0
    common = sum((g & p).values())
    precision, recall = common / sum(p.values()), common / sum(g.values())
    f = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f


def title_key(s):
    return " ".join(unicodedata.normalize("NFKC", s or "").casefold().split())


def author_key(value):
    if isinstance(value, list):
        value = " ".join(value)
    return frozenset(w for w in TOKEN_RE.findall((value or "").casefold()) if w != "and")


def wcxb_pages(root, limit):
    base = os.path.join(root, "wcxb-dev")
    pages = []
    for name in sorted(os.listdir(os.path.join(base, "ground-truth"))):
        truth = json.load(open(os.path.join(base, "ground-truth", name)))
        with gzip.open(os.path.join(base, "html", name[:-5] + ".html.gz")) as f:
            pages.append((truth, f.read()))
    return pages[:limit] if limit else pages


def wcxb(root, limit):
    """trafilatura (default settings, plain text: body then comments) and htmldate on wcxb-dev."""
    import trafilatura
    from htmldate import find_date
    pages = wcxb_pages(root, limit)
    total_bytes = sum(len(raw) for _, raw in pages)
    start = time.thread_time()
    docs = [trafilatura.bare_extraction(raw, url=t["url"], with_metadata=True) for t, raw in pages]
    traf_seconds = time.thread_time() - start
    start = time.thread_time()
    dates = [find_date(raw, url=t["url"], original_date=True) for t, raw in pages]
    htmldate_seconds = time.thread_time() - start

    def summary(name, seconds, predictions, with_body):
        """predictions: per page (text, title, author, date)."""
        rows = {}
        counts = Counter()
        for (truth, _), (text, title, author, date) in zip(pages, predictions):
            gold = truth["ground_truth"]
            kind = truth["_internal"]["page_type"]["primary"]
            for group in ("all", kind):
                row = rows.setdefault(group, [0, 0.0, 0.0, 0.0])
                row[0] += 1
                if with_body:
                    p, r, f = word_overlap(gold.get("main_content"), text)
                    row[1] += p; row[2] += r; row[3] += f
            if gold.get("title"):
                counts["titleN"] += 1
                counts["titleOK"] += int(title_key(title) == title_key(gold["title"]))
            if gold.get("author"):
                counts["authorN"] += 1
                counts["authorOK"] += int(author_key(author) == author_key(gold["author"]))
            if gold.get("publish_date"):
                counts["dateN"] += 1
                counts["dateOK"] += int((date or "")[:10] == gold["publish_date"])
            else:
                counts["undatedN"] += 1
                counts["falseDate"] += int(bool(date))
        acc = lambda ok, n: counts[ok] / counts[n] if counts[n] else 0.0
        out = {"name": name, "pages": len(pages), "seconds": seconds,
               "pagesPerSecond": len(pages) / seconds, "mbPerSecond": total_bytes / 1e6 / seconds,
               "dateAccuracy": acc("dateOK", "dateN"), "falseDateRate": acc("falseDate", "undatedN")}
        if with_body:
            out.update({"titleAccuracy": acc("titleOK", "titleN"), "authorAccuracy": acc("authorOK", "authorN")})
            out["byType"] = {group: {"pages": n, "precision": p / n, "recall": r / n, "f1": f / n}
                             for group, (n, p, r, f) in rows.items()}
            out.update(out["byType"]["all"])
        return out

    traf_predictions = []
    for doc in docs:
        if doc is None:
            traf_predictions.append(("", None, None, None))
            continue
        text = doc.text or ""
        if doc.comments:
            text += "\n" + doc.comments
        traf_predictions.append((text, doc.title, doc.author, doc.date))
    traf = summary("trafilatura", traf_seconds, traf_predictions, True)
    hd = summary("htmldate", htmldate_seconds, [("", None, None, d) for d in dates], False)
    return traf, hd


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora"
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 0
    bench = article_benchmark(root, limit)
    if "--speed-only" in sys.argv:  # the whole-process timing of scripts/eval-html.sh
        json.dump({"articleBenchmark": [bench]}, sys.stdout)
        print()
        return
    traf, hd = trafilatura_eval(root, limit)
    wcxb_traf, wcxb_hd = wcxb(root, limit)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"articleBenchmark": [bench], "trafilaturaEval": [traf, hd], "wcxbDev": [wcxb_traf, wcxb_hd],
               "peakMemoryMB": peak_mb},
              sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
