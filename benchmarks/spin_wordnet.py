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
import re
from pathlib import Path

from make_spun_set import case_like, write_spun  # benchmarks/make_spun_set.py
from spin_brown import SKIP, common

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


def spin(text: str, model: ContextModel, rng: random.Random, rate: float) -> tuple[str, list[tuple[str, str]]]:
    out: list[str] = []
    pairs: list[tuple[str, str]] = []
    cursor = 0
    for match in re.finditer(r"\b[A-Za-z]+\b", text):
        original = match.group(0)
        key = original.lower()
        sentence_start = match.start() == 0 or re.search(r"[.!?\u201d\u201c]\s*$|\n\s*$", text[: match.start()])
        lower_elsewhere = re.search(rf"\b{key}\b", text) is not None
        if key in SKIP or len(key) < 3 or (original[:1].isupper() and not (sentence_start and lower_elsewhere)):
            continue
        after, before = text[match.end() : match.end() + 1], text[match.start() - 1 : match.start()]
        if after in ("-", "'", "\u2019") or before == "-":
            continue  # whole words, not parts of compounds or contractions
        choices = [w for w in first_sense_lemmas(key) if w.isascii() and not w[:1].isupper() and common(w, model)]
        if not choices or rng.random() >= rate:
            continue
        choice = case_like(original, rng.choice(choices))
        out.append(text[cursor : match.start()])
        out.append(choice)
        pairs.append((choice, original))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), pairs


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
        spun, pairs = spin(original.read_text(encoding="utf-8"), model, random.Random(7000 + number), args.rate)
        note = (f"Made by benchmarks/spin_wordnet.py --rate {args.rate:g} from heldout/originals2/{original.name} "
                "(WordNet's first sense).")
        write_spun(out, original.stem, spun, pairs, note)
        total += len(pairs)
    print(f"{total} substitutions in {len(originals)} texts")


if __name__ == "__main__":
    main()
