#!/usr/bin/env python3
"""The hand-annotated test set Tests/CrossreadLanguageTests/Gold/benchmark30.json: build it from
annotation notes, and print it back with the article text read from ../shared.

    python3 scripts/gold_show.py show [ID-PREFIX ...]        # every article when no prefix is given
    python3 scripts/gold_show.py check                        # offsets in bounds, no overlaps, hashes
    python3 scripts/gold_show.py convert NOTES-DIR [--out FILE] [--header FILE]

The committed file holds offsets only (no article text). `show` prints each article with its
mentions in brackets, [PER Jane Doe], and its quotes in guillemets, «...»{speaker}, then the list of
quotes with their speakers, so a reviewer can check every span against the text.

Notes format for `convert` (one file per article, `*.txt` in NOTES-DIR, kept outside the repository):

    id: <full article id>
    PER: Jane Doe | Doe            every whole-word occurrence of each string (longest strings first,
    ORG: Acme Corp. | Acme         never overlapping a span already taken)
    LOC: Springfield@2             only the 2nd whole-word occurrence of the string
    not: Doe@3                     leave out the 3rd occurrence of the string (counted like @n)
    noq: Acme Phone@2              quoted spans starting with these words are no speech (a title, a
                                   scare quote, a name); `convert` lists every quoted span that is
                                   neither Q nor noq
    skip: Acme Phone               text that is no mention (a product, a title) and that shorter
                                   strings must not be found in
    Q: first words of the quote = Jane Doe        speaker: first occurrence of that mention text
    Q: other words@2 = Doe@4                      @n picks an occurrence; `= null` when unsaid

A quote runs from the opening mark just before its first words to the matching closing mark, or
to the end of the paragraph when the paragraph ends before the mark closes (news style for a
quote continued in the next paragraph). The marks are not part of the span.
"""
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD = os.environ.get("GOLD_FILE") or os.path.join(ROOT, "Tests", "CrossreadLanguageTests", "Gold", "benchmark30.json")
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "article-extraction-benchmark", "ground-truth.json")
TYPES = ("PER", "ORG", "LOC")
CLOSERS = {"“": "”\"", '"': '"”', "‘": "’'", "'": "'’", "«": "»", "„": "“\""}


def bodies():
    with open(CORPUS, encoding="utf-8") as f:
        return {k: v["articleBody"] for k, v in json.load(f).items()}


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def occurrences(text, needle):
    """Start offsets of `needle` where it is not glued to a letter or digit on either side."""
    found, start = [], 0
    while True:
        k = text.find(needle, start)
        if k < 0:
            return found
        before = text[k - 1] if k > 0 else " "
        after = text[k + len(needle)] if k + len(needle) < len(text) else " "
        glued = (needle[0].isalnum() and before.isalnum()) or (needle[-1].isalnum() and after.isalnum())
        if not glued:
            found.append(k)
        start = k + 1


def split_occurrence(item):
    m = re.fullmatch(r"(.*?)@(\d+)", item.strip())
    return (m.group(1).strip(), int(m.group(2))) if m else (item.strip(), None)


def nth(text, needle, n, where):
    found = occurrences(text, needle)
    if n < 1 or n > len(found):
        raise ValueError(f"{where}: {needle!r}@{n} but it occurs {len(found)} times")
    return found[n - 1]


def quote_span(text, start, where):
    while start > 0 and text[start - 1] in " \u00a0":
        start -= 1
    opener = text[start - 1] if start > 0 else ""
    if opener not in CLOSERS:
        raise ValueError(f"{where}: no opening quote mark before {text[start:start + 30]!r}")
    closer = CLOSERS[opener]
    paragraph_end = text.find("\n\n", start)
    if paragraph_end < 0:
        paragraph_end = len(text)
    k = start
    while k < paragraph_end:
        if text[k] in closer:
            # an apostrophe inside a single-quoted quote (don't, Rudolph's) is not the closer
            if closer in "’'" and k + 1 < len(text) and text[k + 1].isalpha() and text[k - 1].isalpha():
                k += 1
                continue
            return trimmed(text, start, k)
        k += 1
    return trimmed(text, start, paragraph_end)


def trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def marked_spans(text):
    """Every span between quote marks (curly pairs, straight pairs per paragraph), trimmed, for the
    completeness check of the notes."""
    spans = []
    for paragraph_start, paragraph in paragraphs(text):
        k = 0
        while k < len(paragraph):
            c = paragraph[k]
            if c in "“\"«":
                closer = CLOSERS[c]
                end = k + 1
                while end < len(paragraph) and paragraph[end] not in closer:
                    end += 1
                s, e = trimmed(paragraph, k + 1, end)
                if e > s:
                    spans.append((paragraph_start + s, paragraph_start + e))
                k = end + 1
            elif c == "‘" and (k == 0 or not paragraph[k - 1].isalnum()):
                end = k + 1
                while end < len(paragraph) and not (paragraph[end] == "’" and
                                                    not (end + 1 < len(paragraph) and paragraph[end + 1].isalpha())):
                    end += 1
                s, e = trimmed(paragraph, k + 1, end)
                if e > s:
                    spans.append((paragraph_start + s, paragraph_start + e))
                k = end + 1
            else:
                k += 1
    return spans


def paragraphs(text):
    start = 0
    for block in text.split("\n\n"):
        yield start, block
        start += len(block) + 2


def convert_one(path, texts):
    entry, global_items, single_items, drops, quote_lines, not_speech = None, [], [], [], [], []

    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            where = f"{os.path.basename(path)}:{number}"
            if key == "id":
                entry = value
            elif key in TYPES or key == "skip":
                for item in value.split("|"):
                    if not item.strip():
                        continue
                    needle, n = split_occurrence(item)
                    (single_items if n else global_items).append((needle, n, key, where))
            elif key == "not":
                for item in value.split("|"):
                    drops.append(split_occurrence(item) + (where,))
            elif key == "Q":
                quote_lines.append((value, where))
            elif key == "noq":
                for item in value.split("|"):
                    needle, n = split_occurrence(item)
                    not_speech.append((needle, n))
            else:
                raise ValueError(f"{where}: unknown key {key!r}")
    if entry not in texts:
        raise ValueError(f"{path}: unknown id {entry!r}")
    text = texts[entry]
    dropped = {(nth(text, needle, n, where), needle) for needle, n, where in drops}
    taken = []

    def free(s, e):
        return all(e <= a or s >= b for a, b, _ in taken)

    items = [(needle, n, kind, where) for needle, n, kind, where in single_items + global_items]
    for needle, n, kind, where in sorted(items, key=lambda x: (-len(x[0]), x[1] is None)):
        if n:
            s = nth(text, needle, n, where)
            if not free(s, s + len(needle)):
                raise ValueError(f"{where}: {needle!r}@{n} overlaps another mention")
            taken.append((s, s + len(needle), kind))
            continue
        found = occurrences(text, needle)
        if not found:
            raise ValueError(f"{where}: {needle!r} does not occur")
        for s in found:
            if (s, needle) not in dropped and free(s, s + len(needle)):
                taken.append((s, s + len(needle), kind))
    taken = sorted(span for span in taken if span[2] != "skip")
    by_text = {}
    for s, e, kind in taken:
        by_text.setdefault(text[s:e], []).append((s, e, kind))
    quotes = []
    for value, where in quote_lines:
        words, _, speaker = value.rpartition("=")
        needle, n = split_occurrence(words)
        s = nth(text, needle, n or 1, where)
        qs, qe = quote_span(text, s, where)
        speaker = speaker.strip()
        if speaker == "null":
            quotes.append({"start": qs, "end": qe, "speaker": None})
            continue
        name, k = split_occurrence(speaker)
        spans = by_text.get(name, [])
        if not spans or (k and k > len(spans)):
            raise ValueError(f"{where}: speaker {speaker!r} is not a marked mention")
        ms, me, kind = spans[(k or 1) - 1]
        if kind not in ("PER", "ORG"):
            raise ValueError(f"{where}: speaker {speaker!r} is a {kind}")
        quotes.append({"start": qs, "end": qe, "speaker": [ms, me]})
    quotes.sort(key=lambda q: q["start"])
    for a, b in zip(quotes, quotes[1:]):
        if b["start"] < a["end"]:
            raise ValueError(f"{path}: quotes overlap at {b['start']}")
    spans = marked_spans(text)
    unlisted = {s for s, e in spans} - {q["start"] for q in quotes}
    for needle, n in not_speech:
        starts = [s for s, e in spans if text.startswith(needle, s)]
        if not starts or (n and n > len(starts)):
            raise ValueError(f"{path}: noq {needle!r} matches no quoted span")
        unlisted -= set(starts[n - 1:n] if n else starts)
    for s in sorted(unlisted):
        print(f"{os.path.basename(path)}: quoted text neither Q nor noq: {text[s:s + 50]!r}")
    return {"id": entry, "bodySHA256": sha256(text),
            "mentions": [[s, e, kind] for s, e, kind in taken], "quotes": quotes}


def convert(notes_dir, out, header_path):
    texts = bodies()
    articles = [convert_one(os.path.join(notes_dir, name), texts)
                for name in sorted(os.listdir(notes_dir)) if name.endswith(".txt")]
    with open(header_path, encoding="utf-8") as f:
        header = json.load(f)
    header["articles"] = sorted(articles, key=lambda a: a["id"])
    with open(out, "w", encoding="utf-8") as f:
        f.write(dumps(header))
    print(f"{len(articles)} articles, {sum(len(a['mentions']) for a in articles)} mentions, "
          f"{sum(len(a['quotes']) for a in articles)} quotes -> {out}")


def dumps(gold):
    """One article's mention list per line keeps diffs readable."""
    head = {k: v for k, v in gold.items() if k != "articles"}
    lines = [json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ",", '  "articles": [']
    for n, article in enumerate(gold["articles"]):
        lines.append("    {")
        lines.append(f'      "id": "{article["id"]}",')
        lines.append(f'      "bodySHA256": "{article["bodySHA256"]}",')
        lines.append('      "mentions": [')
        mentions = [json.dumps(m) for m in article["mentions"]]
        for k in range(0, len(mentions), 6):
            tail = "," if k + 6 < len(mentions) else ""
            lines.append("        " + ", ".join(mentions[k:k + 6]) + tail)
        lines.append("      ],")
        lines.append('      "quotes": [')
        quotes = [json.dumps(q) for q in article["quotes"]]
        for k, q in enumerate(quotes):
            lines.append("        " + q + ("," if k + 1 < len(quotes) else ""))
        lines.append("      ]")
        lines.append("    }" + ("," if n + 1 < len(gold["articles"]) else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def load_gold():
    with open(GOLD, encoding="utf-8") as f:
        return json.load(f)


def check():
    texts, problems = bodies(), []
    for article in load_gold()["articles"]:
        text = texts.get(article["id"])
        if text is None:
            problems.append(f"{article['id']}: not in the corpus")
            continue
        if sha256(text) != article["bodySHA256"]:
            problems.append(f"{article['id']}: body changed")
        spans = sorted(article["mentions"])
        for s, e, kind in spans:
            if not (0 <= s < e <= len(text)) or kind not in TYPES or text[s:e] != text[s:e].strip():
                problems.append(f"{article['id']}: bad mention {s}-{e} {kind}")
        for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
            if s2 < e1:
                problems.append(f"{article['id']}: mentions overlap at {s2}")
        kinds = {(s, e): kind for s, e, kind in spans}
        for q in article["quotes"]:
            if not (0 <= q["start"] < q["end"] <= len(text)):
                problems.append(f"{article['id']}: bad quote {q['start']}-{q['end']}")
            if q["speaker"] is not None and kinds.get(tuple(q["speaker"])) not in ("PER", "ORG"):
                problems.append(f"{article['id']}: quote speaker {q['speaker']} is no PER/ORG mention")
    print("\n".join(problems) if problems else "ok")
    return not problems


def show(prefixes):
    texts = bodies()
    for article in load_gold()["articles"]:
        if prefixes and not any(article["id"].startswith(p) for p in prefixes):
            continue
        text = texts[article["id"]]
        inserts = []
        for s, e, kind in article["mentions"]:
            inserts.append((s, 1, f"[{kind} "))
            inserts.append((e, 0, "]"))
        for q in article["quotes"]:
            speaker = text[q["speaker"][0]:q["speaker"][1]] if q["speaker"] else "null"
            inserts.append((q["start"], 0.5, "«"))
            inserts.append((q["end"], 0.2, "»{" + speaker + "}"))
        out, last = [], 0
        for pos, _, mark in sorted(inserts, key=lambda x: (x[0], x[1])):
            out.append(text[last:pos])
            out.append(mark)
            last = pos
        out.append(text[last:])
        print(f"=== {article['id']}  ({len(article['mentions'])} mentions, {len(article['quotes'])} quotes)")
        print("".join(out))
        print("--- quotes")
        for q in article["quotes"]:
            speaker = text[q["speaker"][0]:q["speaker"][1]] if q["speaker"] else None
            words = text[q["start"]:q["end"]]
            print(f"  {speaker!s:24} {words[:70]!r}{'...' if len(words) > 70 else ''}")
        print()


def main():
    args = sys.argv[1:]
    if not args or args[0] not in ("show", "check", "convert"):
        print(__doc__)
        sys.exit(2)
    if not os.path.exists(CORPUS):
        print(f"corpus not found: {CORPUS}")
        sys.exit(1)
    if args[0] == "show":
        show(args[1:])
    elif args[0] == "check":
        sys.exit(0 if check() else 1)
    else:
        out, header = GOLD, os.path.join(args[1], "header.json")
        if "--out" in args:
            out = args[args.index("--out") + 1]
        if "--header" in args:
            header = args[args.index("--header") + 1]
        convert(args[1], out, header)


if __name__ == "__main__":
    main()
