"""The engine's compact ranked lists read exactly like the tuples they replace."""

from __future__ import annotations

from reader.core.candidates import Candidate
from reader.core.ranked import RankedList


def _entries() -> list[tuple[Candidate, float, float, float]]:
    return [
        (Candidate(wording, "synonym", f"x ~ {wording}"), 0.1 * number, -1 / 3 * number, 2.0**-40 * number)
        for number, wording in enumerate(["said", "stated", "told", "noted"])
    ]


def test_iteration_gives_back_the_same_entries_bit_for_bit() -> None:
    entries = _entries()
    assert list(RankedList(entries)) == entries


def test_slices_and_length_read_like_a_tuple() -> None:
    entries = _entries()
    ranked = RankedList(entries)
    assert len(ranked) == 4
    assert list(ranked[:2]) == entries[:2]
    assert list(ranked[3:]) == entries[3:]
    assert list(ranked[10:]) == []
    assert ranked[1] == entries[1] and ranked[-1] == entries[-1]
    assert [candidate.wording for candidate, *_ in ranked] == ["said", "stated", "told", "noted"]


def test_an_empty_list() -> None:
    assert list(RankedList()) == [] and len(RankedList()) == 0
