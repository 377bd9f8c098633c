#!/usr/bin/env python3
"""Writes Sources/CrossreadCorpus/Resources/event-kinds.tsv: for each single English noun and verb of
WordNet 3.0, the kinds it names: its most frequent sense as a noun and as a verb, and their hypernyms
up to two steps up ("firebomb" -> incendiary bomb, bomb, explosive device; "slaying" -> murder,
homicide, killing). Topic grouping compares articles' leads through these kinds, so "a firebomb
attack on a bank" and "a bomb explosion at a bank" meet although their words differ.

Source: WordNet 3.0 (Princeton University, WordNet 3.0 license, redistribution permitted with the
notice kept; see Resources/README.md), read from Debian's wordnet-base package (/usr/share/wordnet).
Run from the repository root: `python3 scripts/make_event_kinds.py` (apt-get install wordnet-base).

Format: one line per word, `word<TAB>kind kind ...`, kinds as dense integers (a synset's row in no
particular order), words sorted. Irregular forms from WordNet's exception lists ("fled", "mice") are
lines of their own carrying their base form's kinds.
"""
import os

WORDNET = os.environ.get("WORDNET", "/usr/share/wordnet")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CrossreadCorpus", "Resources", "event-kinds.tsv")
DEPTH = 2


def wordnet_lines(name):
    """The entries of a WordNet database file, without its license header (lines starting with a space)."""
    with open(os.path.join(WORDNET, name), encoding="latin-1") as handle:
        for line in handle:
            if not line.startswith(" "):
                yield line


def read_synsets(pos):
    hypernyms = {}
    for line in wordnet_lines("data." + pos):
        fields = line.split(" | ")[0].split()
        offset, word_count = fields[0], int(fields[3], 16)
        i = 4 + 2 * word_count
        pointer_count = int(fields[i])
        i += 1
        found = []
        for _ in range(pointer_count):
            symbol, target, target_pos = fields[i], fields[i + 1], fields[i + 2]
            i += 4
            if symbol in ("@", "@i"):
                found.append(target_pos + target)
        hypernyms[pos[0] + offset] = found
    return hypernyms


def read_index(pos):
    first_sense = {}
    for line in wordnet_lines("index." + pos):
        fields = line.split()
        lemma, synset_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        offsets = fields[4 + pointer_count + 2:]
        if offsets and lemma.isalpha() and lemma.islower() and len(lemma) <= 24:
            first_sense[lemma] = pos[0] + offsets[0]
    return first_sense


def main():
    hypernyms = {**read_synsets("noun"), **read_synsets("verb")}
    ids = {}

    def kinds_of(synset):
        seen, frontier = [], [synset]
        for _ in range(DEPTH + 1):
            following = []
            for node in frontier:
                if node not in seen:
                    seen.append(node)
                    following += hypernyms.get(node, [])
            frontier = following
        return [ids.setdefault(node, len(ids)) for node in seen]

    kinds = {}
    for pos in ("noun", "verb"):
        for lemma, synset in read_index(pos).items():
            kinds.setdefault(lemma, [])
            kinds[lemma] += [k for k in kinds_of(synset) if k not in kinds[lemma]]
    for pos in ("noun", "verb"):
        with open(os.path.join(WORDNET, pos + ".exc"), encoding="latin-1") as handle:
            for line in handle:
                form, base = line.split()[:2]
                if form.isalpha() and form not in kinds and base in kinds:
                    kinds[form] = kinds[base]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        for word in sorted(kinds):
            out.write(word + "\t" + " ".join(map(str, kinds[word])) + "\n")
    print("wrote %s: %d words, %d kinds" % (OUT, len(kinds), len(ids)))


if __name__ == "__main__":
    main()
