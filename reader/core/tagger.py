"""Part of speech of each word in its sentence: which WordNet reading of a word the writer meant.

The model is nltk's averaged perceptron tagger trained on the tagged Brown corpus (benchmarks/train_tagger.py),
mapped to a coarse tag set. This module only applies it: the same features and decision as
``nltk.tag.perceptron.PerceptronTagger.tag``, without importing nltk (half a second of a cold check).
"""

from __future__ import annotations

import gzip
import json
import sys
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reader.core.tokens import Kind, Token, fold
from reader.resources import resources_dir

START = ("-START-", "-START2-")
END = ("-END-", "-END2-")
SENTENCE_ENDS = frozenset(".!?")

# The WordNet parts of speech (n, v, a, r) a word with this tag can be. Participles serve as adjectives ("rising
# prices") and gerunds as nouns ("the bombing"); function words are none, and a tag absent here tells nothing.
PROGRESSIVE = "VBG after be"  # not the tagger's: an -ing form after a form of "be" (the engine tells it)
READINGS = {
    "NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "VBG": "vna", "VBN": "va", "ADJ": "a", "ADV": "r",
    "DET": "", "ADP": "", "PRON": "", "CONJ": "", "PRT": "r", PROGRESSIVE: "va",
}


def _normalize(word: str) -> str:
    if "-" in word and word[0] != "-":
        return "!HYPHEN"
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word and word[0].isdigit():
        return "!DIGITS"
    return word.lower()


LIST_MARKS = frozenset("•◦▪▫‣●○■□➢►▶✓✔>")  # bullets that open a list item, and mail's quote mark


class Tagger:
    """The model, stored flat: feature name -> row; a row's weights are ``weights[offsets[row]:offsets[row + 1]]``
    for the classes numbered in ``labels`` (a dict per feature would take 30 MB and a tenth of a second to load)."""

    def __init__(
        self,
        tagdict: dict[str, str],
        classes: Sequence[str],
        rows: dict[str, int],
        offsets: Sequence[int],
        labels: Sequence[int],
        weights: Sequence[float],
    ) -> None:
        self.tagdict = tagdict
        self.classes = tuple(classes)
        self.rows = rows
        self.offsets = offsets
        self.labels = labels
        self.weights = weights

    @classmethod
    def from_weights(
        cls, tagdict: dict[str, str], weights: dict[str, dict[str, float]], classes: Iterable[str]
    ) -> Tagger:
        """A tagger from nltk's form of the model (``AveragedPerceptron.weights``)."""
        names = tuple(sorted(classes))
        number = {name: index for index, name in enumerate(names)}
        rows: dict[str, int] = {}
        offsets = array("I", [0])
        labels = array("B")
        flat = array("d")
        for feature, by_tag in sorted(weights.items()):
            rows[feature] = len(rows)
            for tag, weight in sorted(by_tag.items()):
                labels.append(number[tag])
                flat.append(weight)
            offsets.append(len(flat))
        return cls(tagdict, names, rows, offsets, labels, flat)

    def by_feature(self) -> dict[str, dict[str, float]]:
        """The model in nltk's form again."""
        out = {}
        for feature, row in self.rows.items():
            span = range(self.offsets[row], self.offsets[row + 1])
            out[feature] = {self.classes[self.labels[i]]: self.weights[i] for i in span}
        return out

    def _predict(self, features: Iterable[str]) -> str:
        scores = [0.0] * len(self.classes)
        rows, offsets, labels, weights = self.rows, self.offsets, self.labels, self.weights
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                for i in range(offsets[row], offsets[row + 1]):
                    scores[labels[i]] += weights[i]
        # nltk breaks ties by the later label in alphabetical order
        best = max(range(len(scores)), key=lambda index: (scores[index], index))
        return self.classes[best]

    def tag(self, words: Sequence[str]) -> list[str]:
        """One tag per word of a sentence."""
        context = [*START, *(_normalize(w) for w in words), *END]
        prev, prev2 = START
        tags = []
        for i, word in enumerate(words):
            tag = self.tagdict.get(word)
            if not tag:
                j = i + 2
                features = (
                    "bias",
                    f"i suffix {word[-3:]}",
                    f"i pref1 {word[:1]}",
                    f"i-1 tag {prev}",
                    f"i-2 tag {prev2}",
                    f"i tag+i-2 tag {prev} {prev2}",
                    f"i word {context[j]}",
                    f"i-1 tag+i word {prev} {context[j]}",
                    f"i-1 word {context[j - 1]}",
                    f"i-1 suffix {context[j - 1][-3:]}",
                    f"i-2 word {context[j - 2]}",
                    f"i+1 word {context[j + 1]}",
                    f"i+1 suffix {context[j + 1][-3:]}",
                    f"i+2 word {context[j + 2]}",
                )
                tag = self._predict(features)
            tags.append(tag)
            prev2, prev = prev, tag
        return tags

    def tag_tokens(self, tokens: Sequence[Token]) -> dict[int, str]:
        """Tags of a text's word tokens by start offset, tagged sentence by sentence."""
        out: dict[int, str] = {}
        sentence: list[Token] = []
        for index, token in enumerate(tokens):
            unread = token.kind is Kind.LINK or token.kind is Kind.PUNCT and token.text in LIST_MARKS
            if unread and index < len(tokens) - 1:
                continue  # a bullet or a web address is in no sentence the tagger learnt from: it would read a word
            sentence.append(token)
            ends = token.kind is Kind.PUNCT and token.text in SENTENCE_ENDS
            if ends or index == len(tokens) - 1:
                words = [fold(t.text + t.clitic) for t in sentence]  # as written, ligatures and all read through
                for item, tag in zip(sentence, self.tag(words), strict=True):
                    if item.kind is not Kind.PUNCT and item.kind is not Kind.LINK:
                        out[item.start] = tag
                sentence = []
        return out


MODEL = "pos_tagger.bin.gz"


def save_model(path: Path, tagger: Tagger) -> None:
    """Write the model: a JSON header line, the feature names one per line, then the three arrays (little-endian).
    The gzip header carries no name or time, so the same model gives the same bytes."""
    names = "\n".join(tagger.rows).encode()
    arrays: list[array[Any]] = [array("I", tagger.offsets), array("B", tagger.labels), array("d", tagger.weights)]
    if sys.byteorder == "big":
        for item in arrays:
            item.byteswap()
    header = {
        "classes": list(tagger.classes), "tagdict": tagger.tagdict, "names_bytes": len(names),
        "lengths": [len(item) for item in arrays],
    }
    body = json.dumps(header, sort_keys=True).encode() + b"\n" + names + b"".join(item.tobytes() for item in arrays)
    with open(path, "wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as handle:
        handle.write(body)


def read_model(path: Path) -> Tagger:
    data = gzip.decompress(path.read_bytes())
    newline = data.index(b"\n")
    header = json.loads(data[:newline])
    at = newline + 1
    names = data[at : at + header["names_bytes"]].decode().split("\n")
    at += header["names_bytes"]
    arrays = []
    for code, length in zip("IBd", header["lengths"], strict=True):
        item = array(code)
        size = item.itemsize * length
        item.frombytes(data[at : at + size])
        at += size
        if sys.byteorder == "big":
            item.byteswap()
        arrays.append(item)
    if at != len(data) or len(arrays[0]) != len(names) + 1:
        raise ValueError(f"{path.name} is damaged: reinstall Unspin or rebuild it with benchmarks/train_tagger.py")
    offsets, labels, weights = arrays
    rows = {name: row for row, name in enumerate(names)}
    return Tagger(header["tagdict"], header["classes"], rows, offsets, labels, weights)


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The shipped tagger, or None when its model file is missing (the engine then ignores parts of speech)."""
    path = resources_dir() / "data" / MODEL
    return read_model(path) if path.is_file() else None
