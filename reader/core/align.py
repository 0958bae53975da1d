"""Token alignment of an original article with a spun copy: the exact substitutions the spinner made.

Levenshtein opcodes over word tokens (rapidfuzz, C speed: a 3,000-token pair aligns in well under a
millisecond) compared case-insensitively. A run of replaced tokens of equal length is split into one-word
pairs, because spinners substitute word by word; runs of unequal length ("in order to" -> "to") stay phrases.
Punctuation takes part in the alignment as an anchor but edits touching only punctuation are not reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from reader.core.suggestion import Suggestion
from reader.core.tokens import Kind, Token, tokenize


@dataclass(frozen=True, slots=True)
class Substitution:
    """``copy[copy_start:copy_end]`` stands where the source had ``source[source_start:source_end]``."""

    source_start: int
    source_end: int
    source_text: str
    copy_start: int
    copy_end: int
    copy_text: str

    @property
    def pair(self) -> tuple[str, str]:
        """(spun wording, original wording): the orientation of the personal lexicon."""
        return self.copy_text, self.source_text


@dataclass(frozen=True, slots=True)
class Alignment:
    substitutions: tuple[Substitution, ...]
    insertions: tuple[tuple[int, int], ...]  # spans of the copy with nothing in the source
    deletions: tuple[tuple[int, int], ...]  # spans of the source left out of the copy
    equal_words: int
    source_words: int
    copy_words: int

    @property
    def similarity(self) -> float:
        """Share of words kept unchanged (0..1): near 1 for a spun copy, low for another story."""
        longest = max(self.source_words, self.copy_words)
        return self.equal_words / longest if longest else 0.0


def _words(tokens: Iterable[Token]) -> list[Token]:
    """All tokens: punctuation, commas included, anchors the alignment at clause boundaries."""
    return list(tokens)


def align(source: str, copy: str) -> Alignment:
    """Align ``source`` (the original) with ``copy`` (the spun version)."""
    a = _words(tokenize(source))
    b = _words(tokenize(copy))
    ops = Levenshtein.opcodes([t.norm for t in a], [t.norm for t in b])
    subs: list[Substitution] = []
    inserts: list[tuple[int, int]] = []
    deletes: list[tuple[int, int]] = []
    equal = 0

    def span(tokens: list[Token], i: int, j: int) -> tuple[int, int]:
        return tokens[i].start, tokens[j - 1].end

    def substitution(i1: int, i2: int, j1: int, j2: int) -> None:
        if all(t.kind is Kind.PUNCT for t in a[i1:i2]) and all(t.kind is Kind.PUNCT for t in b[j1:j2]):
            return
        (s0, s1), (c0, c1) = span(a, i1, i2), span(b, j1, j2)
        subs.append(Substitution(s0, s1, source[s0:s1], c0, c1, copy[c0:c1]))

    for op in _merged(ops):
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            equal += sum(1 for t in a[i1:i2] if t.kind is not Kind.PUNCT)
        elif tag == "insert":
            if any(t.kind is not Kind.PUNCT for t in b[j1:j2]):
                inserts.append(span(b, j1, j2))
        elif tag == "delete":
            if any(t.kind is not Kind.PUNCT for t in a[i1:i2]):
                deletes.append(span(a, i1, i2))
        elif i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                if a[i1 + k].norm != b[j1 + k].norm:
                    substitution(i1 + k, i1 + k + 1, j1 + k, j1 + k + 1)
        else:
            substitution(i1, i2, j1, j2)
    return Alignment(tuple(subs), tuple(inserts), tuple(deletes), equal,
                     sum(1 for t in a if t.kind is not Kind.PUNCT), sum(1 for t in b if t.kind is not Kind.PUNCT))


def _merged(ops: Iterable[object]) -> list[tuple[str, int, int, int, int]]:
    """Join a replace with an adjacent insert/delete into one unequal replace (a phrase substitution)."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        tag, i1, i2, j1, j2 = (op.tag, op.src_start, op.src_end,  # type: ignore[attr-defined]
                               op.dest_start, op.dest_end)  # type: ignore[attr-defined]
        if out and tag != "equal" and out[-1][0] != "equal":
            _, p1, _, q1, _ = out[-1]
            out[-1] = ("replace", p1, i2, q1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


@dataclass(frozen=True, slots=True)
class Agreement:
    """How the engine's suggestions on the copy compare with the true substitutions.

    ``restored``: right span and right original wording; ``wrong_wording``: right span, other wording;
    ``false_alarms``: suggestions where the copy kept the source's words; ``missed``: substitutions no
    suggestion covers.
    """

    restored: tuple[Suggestion, ...]
    wrong_wording: tuple[tuple[Suggestion, Substitution], ...]
    false_alarms: tuple[Suggestion, ...]
    missed: tuple[Substitution, ...]

    @property
    def precision(self) -> float:
        flagged = len(self.restored) + len(self.wrong_wording) + len(self.false_alarms)
        return len(self.restored) / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        truth = len(self.restored) + len(self.wrong_wording) + len(self.missed)
        return len(self.restored) / truth if truth else 1.0


def compare(alignment: Alignment, suggestions: Iterable[Suggestion]) -> Agreement:
    """Score suggestions made on the copy against ``alignment`` (whose copy is the text analysed)."""
    restored: list[Suggestion] = []
    wrong: list[tuple[Suggestion, Substitution]] = []
    alarms: list[Suggestion] = []
    covered: set[int] = set()
    for s in suggestions:
        hit = next((i for i, sub in enumerate(alignment.substitutions)
                    if s.start < sub.copy_end and sub.copy_start < s.end), None)
        if hit is None:
            alarms.append(s)
            continue
        covered.add(hit)
        sub = alignment.substitutions[hit]
        if s.replacement.casefold() == sub.source_text.casefold():
            restored.append(s)
        else:
            wrong.append((s, sub))
    missed = tuple(sub for i, sub in enumerate(alignment.substitutions) if i not in covered)
    return Agreement(tuple(restored), tuple(wrong), tuple(alarms), missed)
