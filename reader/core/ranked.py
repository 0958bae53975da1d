"""A phrase's candidates ranked by static score, stored compactly for the engine's long-lived cache.

The engine keeps these lists for 12,000 words and 6,000 word groups, its largest caches (about 5.6 KB a word).
Three arrays of doubles hold the same numbers exactly, without a tuple and three float objects per candidate: on
every second text of benchmarks/data the peak fell from 283 to 273 MB.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import overload

from reader.core.candidates import Candidate

Entry = tuple[Candidate, float, float, float]  # candidate, commonness, static score, static rank score
Ranked = tuple[Entry, ...]  # a phrase's entries, best first


class RankedList:
    """Reads like a tuple of entries: iteration, ``len``, indices and slices."""

    __slots__ = ("candidates", "_commonness", "_static", "_static_rank")

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        listed = tuple(entries)
        self.candidates = tuple(entry[0] for entry in listed)
        self._commonness = array("d", [entry[1] for entry in listed])
        self._static = array("d", [entry[2] for entry in listed])
        self._static_rank = array("d", [entry[3] for entry in listed])

    def __iter__(self) -> Iterator[Entry]:
        return zip(self.candidates, self._commonness, self._static, self._static_rank, strict=True)

    def __len__(self) -> int:
        return len(self.candidates)

    @overload
    def __getitem__(self, part: int) -> Entry: ...

    @overload
    def __getitem__(self, part: slice) -> RankedList: ...

    def __getitem__(self, part: int | slice) -> Entry | RankedList:
        if isinstance(part, slice):
            return RankedList(tuple(self)[part])
        return self.candidates[part], self._commonness[part], self._static[part], self._static_rank[part]
