"""Spin unspun news the way the simplest free spinners do: WordNet's first sense, no grammar.

    .venv/bin/python benchmarks/spin_wordnet.py [--rate 1.0]

Many free and tutorial spinners swap a word for another lemma of the first synset WordNet gives it, sense-blind and
without inflecting. This one looks up whole lowercase words in their dictionary form only (WordNet's morphy gives
the word back: "report", "said" no, "reports" no), so that no inflection is lost; skips function words, names
(capitalised words but a sentence's first word that also occurs in lower case) and parts of compounds; replaces
about 30% of the words it can (``--rate``; all of them with 1.0: about 13% of an article's words) by a common lemma
of their first synset (commonness as in ``spin_brown.py``).
Deterministic (fixed seeds). The engine draws its candidates from WordNet too, so this set shows how it does on the
easiest spinner, not on other thesauri.

Reads ``benchmarks/data/heldout/originals2`` (news-held) and writes ``benchmarks/data/heldout/spun_wordnet`` (rate
0.3) or ``spun_wordnet_all`` (1.0).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from make_spun_set import write_spun  # benchmarks/make_spun_set.py
from spin_brown import spin  # the same spinner, with WordNet's first sense for a thesaurus

from reader.core.context_model import ContextModel
from reader.core.wordnet_data import ensure_wordnet

ROOT = Path(__file__).resolve().parent.parent
ORIGINALS = ROOT / "benchmarks" / "data" / "heldout" / "originals2"
OUT = ROOT / "benchmarks" / "data" / "heldout"


def first_sense_lemmas(word: str) -> list[str]:
    """The other lemmas of ``word``'s first WordNet synset, where ``word`` is its own dictionary form."""
    from nltk.corpus import wordnet as wn

    synsets = wn.synsets(word)
    if not synsets or wn.morphy(word, synsets[0].pos()) != word:
        return []
    return [name.replace("_", " ") for name in synsets[0].lemma_names() if name.lower() != word]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=0.3, help="share of the words it can swap that it swaps")
    args = parser.parse_args()
    out = OUT / ("spun_wordnet_all" if args.rate >= 1 else "spun_wordnet")
    ensure_wordnet()
    model = ContextModel()
    total = 0
    originals = sorted(ORIGINALS.glob("*.txt"))
    for number, original in enumerate(originals):
        spun, pairs = spin(original.read_text(encoding="utf-8"), first_sense_lemmas, model,
                           random.Random(7000 + number), rate=args.rate)
        note = (f"Made by benchmarks/spin_wordnet.py --rate {args.rate:g} from heldout/originals2/{original.name} "
                "(WordNet's first sense).")
        write_spun(out, original.stem, spun, pairs, note)
        total += len(pairs)
    print(f"{total} substitutions in {len(originals)} texts")


if __name__ == "__main__":
    main()
