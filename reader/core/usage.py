"""Usage neighbours: words that English uses in the same places (``resources/data/usage_neighbours.tsv.gz``).

Spinners' thesauri link words that WordNet does not (military -> navy, important -> vital, foreign ->
international). ``scripts/build_usage_neighbours.py`` keeps two words as neighbours when each is among the other's
nearest by the words the context model sees right before and after them, Moby's thesaurus lists one under the
other, and WordNet does not call them antonyms. Pairs WordNet puts under one parent (year/month) are marked ``~``:
still neighbours, never offered for each other. Neighbours are candidates with their own fitted weight, never a
verdict.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from reader.resources import resources_dir

USAGE_FILE = "usage_neighbours.tsv.gz"


class UsageNeighbours:
    """Word form -> its mutual usage neighbours, nearest first. Lines are split on demand (most words of the
    list never occur in a given article)."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines
        self._parsed = lru_cache(maxsize=4096)(self._parse)

    def _parse(self, form: str) -> tuple[tuple[str, ...], frozenset[str]]:
        """A form's line, split once: every neighbour, and those marked ``~``."""
        line = self._lines.get(form)
        if not line:
            return (), frozenset()
        words = line.split(" ")
        return tuple(word.lstrip("~") for word in words), frozenset(w[1:] for w in words if w.startswith("~"))

    def __call__(self, form: str) -> tuple[str, ...]:
        """Every neighbour, nearest first, co-hyponyms included."""
        return self._parsed(form)[0]

    def set_apart(self, form: str) -> frozenset[str]:
        """The neighbours WordNet puts beside ``form`` under one parent (year: month): not to be offered."""
        return self._parsed(form)[1]


def parse_usage(text: str) -> UsageNeighbours:
    lines: dict[str, str] = {}
    for line in text.splitlines():
        word, _, neighbours = line.partition("\t")
        if neighbours:
            lines[word] = neighbours
    return UsageNeighbours(lines)


@lru_cache(maxsize=1)
def load_usage() -> UsageNeighbours:
    """The shipped list, or an empty one when its file is missing (candidates then come from WordNet alone)."""
    path = resources_dir() / "data" / USAGE_FILE
    if not path.is_file():
        return UsageNeighbours({})
    return parse_usage(gzip.decompress(path.read_bytes()).decode("utf-8"))
