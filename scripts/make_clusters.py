#!/usr/bin/env python3
"""Writes Sources/CrossreadLanguage/Resources/clusters.bin: Brown word clusters and word casing
statistics for the entity tagger.

Source: the English lexeme clusters and probabilities of the PyPI package spacy-lookups-data (MIT,
Explosion AI), computed over a large sample of web comments. Only words with a cluster are kept in
the first table; the second holds, for ASCII words, how frequent the word is and how much more often
it is written capitalized than in lower case ("florida" is mostly "Florida": a name even when typed
in lower case).
Run from the repository root:
    .venv-bench/bin/pip install spacy-lookups-data && .venv-bench/bin/python scripts/make_clusters.py

Format (little-endian): "CRCL" magic (UInt32 0x4C435243), version 2, count, then count pairs of
(UInt32 key, UInt32 cluster) sorted by key, where key is the low 32 bits of the 64-bit FNV-1a hash of
the word's exact UTF-8 bytes (ByteHash.hash(..., lowercased: false) in Swift), and cluster is the
Brown path read from its least significant bit (its first branch) upwards. Then a second count and
count pairs of (UInt32 key of the lower-case word, UInt8 stats): stats = frequency bucket (low four
bits, 1 = most frequent) | capitalization bucket << 4 (8 = as often capitalized as not, higher =
mostly capitalized).
"""
import gzip
import json
import os
import struct

import spacy_lookups_data

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CrossreadLanguage", "Resources", "clusters.bin")
SOURCE = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data", "en_lexeme_cluster.json.gz")


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def casing_stats(probabilities):
    stats = {}
    for word in probabilities:
        if not word.isascii() or not any(c.isalpha() for c in word):
            continue
        lower = word.lower()
        if lower in stats:
            continue
        title = lower[:1].upper() + lower[1:]
        p_lower = probabilities.get(lower, -25.0)
        p_capital = max(probabilities.get(title, -25.0), probabilities.get(lower.upper(), -25.0))
        best = max(p_lower, p_capital)
        if best < -19:
            continue
        frequency = min(15, max(1, int((-best - 3) / 1.2) + 1))
        capitalization = min(15, max(1, round(p_capital - p_lower) + 8))
        key = fnv1a64(lower.encode("utf-8")) & 0xFFFFFFFF
        if key:
            stats[key] = frequency | capitalization << 4
    return stats


def main():
    with gzip.open(SOURCE) as f:
        clusters = json.load(f)
    with gzip.open(SOURCE.replace("cluster", "prob")) as f:
        probabilities = json.load(f)
    pairs = {}
    for word, cluster in clusters.items():
        if cluster <= 0:
            continue
        key = fnv1a64(word.encode("utf-8")) & 0xFFFFFFFF
        if key == 0:
            continue
        pairs.setdefault(key, cluster)
    with open(OUT, "wb") as f:
        f.write(struct.pack("<III", 0x4C435243, 2, len(pairs)))
        for key in sorted(pairs):
            f.write(struct.pack("<II", key, pairs[key]))
        stats = casing_stats(probabilities)
        f.write(struct.pack("<I", len(stats)))
        for key in sorted(stats):
            f.write(struct.pack("<IB", key, stats[key]))
    print(f"{len(pairs)} clusters, {len(stats)} casing stats -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
