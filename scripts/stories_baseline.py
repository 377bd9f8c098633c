#!/usr/bin/env python3
"""Baseline for story and topic clustering on ECB+: TF-IDF cosine with average-linkage
agglomerative clustering (scikit-learn), its distance threshold tuned on the same data, separately
for event level and topic level. Prints one JSON object with both levels' scores.

Usage: stories_baseline.py CORPUS_DIR   (the folder holding labels.json and the topic folders)
"""
import json
import os
import sys

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def bcubed(pred, gold):
    """B-cubed precision, recall, F1 of cluster labels `pred` against `gold` (lists, same order)."""
    n = len(pred)
    by_pred, by_gold = {}, {}
    for i, (p, g) in enumerate(zip(pred, gold)):
        by_pred.setdefault(p, set()).add(i)
        by_gold.setdefault(g, set()).add(i)
    precision = recall = 0.0
    for i in range(n):
        same_pred, same_gold = by_pred[pred[i]], by_gold[gold[i]]
        common = len(same_pred & same_gold)
        precision += common / len(same_pred)
        recall += common / len(same_gold)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def pairwise_f1(pred, gold):
    """F1 over document pairs: a pair is positive when both are in one cluster."""
    def pairs(counts):
        return sum(c * (c - 1) // 2 for c in counts)
    cells, pred_sizes, gold_sizes = {}, {}, {}
    for p, g in zip(pred, gold):
        cells[(p, g)] = cells.get((p, g), 0) + 1
        pred_sizes[p] = pred_sizes.get(p, 0) + 1
        gold_sizes[g] = gold_sizes.get(g, 0) + 1
    tp = pairs(cells.values())
    predicted, actual = pairs(pred_sizes.values()), pairs(gold_sizes.values())
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def cut(model, n, threshold):
    """Flat clusters of a fitted full tree: merges whose distance is below the threshold."""
    parent = list(range(n))
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    node_members = {}
    for step, ((a, b), distance) in enumerate(zip(model.children_, model.distances_)):
        if distance >= threshold:
            break
        node_members[n + step] = node_members.pop(a, [a] if a < n else []) + node_members.pop(b, [b] if b < n else [])
        ra = find(node_members[n + step][0])
        for member in node_members[n + step][1:]:
            parent[find(member)] = ra
    return [find(i) for i in range(n)]


def main():
    corpus = sys.argv[1]
    labels = json.load(open(os.path.join(corpus, "labels.json")))
    names = sorted(labels)
    texts = [open(os.path.join(corpus, name), encoding="utf-8").read() for name in names]
    events = [labels[name] for name in names]
    topics = [labels[name].split("-")[0] for name in names]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    result = {}
    # One tree, cut at every threshold: the same as refitting with distance_threshold, much faster.
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=0.0, compute_full_tree=True).fit(matrix)
    for level, gold in (("event", events), ("topic", topics)):
        best = None
        for threshold in np.arange(0.30, 1.0, 0.01):
            pred = cut(model, len(texts), float(threshold))
            p, r, f = bcubed(pred, gold)
            if best is None or f > best["f1"]:
                best = {"threshold": round(float(threshold), 2), "precision": p, "recall": r, "f1": f,
                        "pairwiseF1": pairwise_f1(pred, gold), "clusters": len(set(pred))}
        result[level] = best
    print(json.dumps(result))


if __name__ == "__main__":
    main()
