"""Immutable suggestion values and the one function that derives restored text from them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from reader.core.language import looks_english


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A suspected substitution: ``text[start:end]`` is believed to replace an original wording."""

    start: int
    end: int
    original: str
    replacement: str
    alternatives: tuple[str, ...] = ()
    confidence: float = 0.0
    reasons: tuple[str, ...] = ()

    def choices(self) -> tuple[str, ...]:
        """The best guess first, then the other ranked alternatives."""
        return (self.replacement, *[a for a in self.alternatives if a != self.replacement])

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "alternatives": list(self.alternatives),
            "confidence": round(self.confidence, 4),
            "reasons": list(self.reasons),
        }


def word_by_word(suggestion: Suggestion) -> tuple[Suggestion, ...]:
    """A change of several words that swapped each word on its own ("Protection Division" -> "Defense
    Department") as one suggestion per word, each with the whole change's confidence and reasons, so the reader
    sees, accepts or rejects each substitution where it was made; a suggestion whose replacement has another
    number of words as it is."""
    places = list(re.finditer(r"\S+", suggestion.original))
    count = len(places)
    aligned = [choice.split() for choice in suggestion.choices() if len(choice.split()) == count]
    if count < 2 or not aligned or aligned[0] != suggestion.replacement.split():
        return (suggestion,)
    why = f"Each word of '{suggestion.original}' was swapped on its own, for '{suggestion.replacement}'."
    return tuple(
        Suggestion(
            start=suggestion.start + place.start(),
            end=suggestion.start + place.end(),
            original=place.group(),
            replacement=aligned[0][index],
            # an alternative that keeps this word ("Defense Division") is no alternative for it
            alternatives=tuple(dict.fromkeys(w[index] for w in aligned if w[index].lower() != place.group().lower())),
            confidence=suggestion.confidence,
            reasons=(why, *suggestion.reasons),
        )
        for index, place in enumerate(places)
    )


class Verdict(Enum):
    ACCEPT = "accept"
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reader decided about one suggestion; ``choice`` is the wording accepted."""

    verdict: Verdict
    choice: str = ""


# Apply (and, in ``reader check --json``, list) suggestions from this confidence. Confidences are calibrated
# probabilities (the weights' ``confidence`` stage), and for calibrated scores the threshold that maximises F1 is
# half the F1 reached: 0.25-0.38 on the fitting texts (F1 0.50 on the odd Brown texts, 0.77 on the seed). At 0.2
# nearly every suggestion reported in a spun article is applied, while in an article that looks honest as a whole,
# a flag needs strong evidence of its own: every spun set scores the same F1 at 0.15, with more false flags, and
# the hand-spun texts lose F1 at 0.25 (benchmarks/README.md, "The share of an article flagged: two slopes").
APPLY_THRESHOLD = 0.2

# What an article's spin score says about the whole article. Set on the fitting texts (the seed, data/clean and
# the odd-numbered Brown texts, spun and unspun) with the weights fitted on honest text from many registers
# (2026-11-26, spans reported from a raw 0.4): every spun one scored 0.0509 or more, every honest one 0.0464 or
# less, the next highest 0.0327; the band leaves that one unclear (benchmarks/README.md, "Article verdicts").
HONEST_BELOW = 0.045
SPUN_FROM = 0.05
# A verdict on a whole text needs enough words that one suggestion more or less cannot carry it across the unclear
# band: below 1 / (SPUN_FROM - HONEST_BELOW) words a single suggestion moves the score by more than the band is wide
# (in a 20-word sentence it alone makes 5%). Shorter texts read as unclear, whatever their score.
MIN_VERDICT_WORDS = 200


def too_short_to_judge(words: int | None) -> bool:
    """Whether a text of this length (None: not known) is too short for a verdict on the whole text."""
    return words is not None and words < MIN_VERDICT_WORDS


def spin_verdict(score: float, words: int | None = None, english: bool = True) -> str:
    """``"honest"``, ``"unclear"`` or ``"spun"``: how an article's spin score reads (``words``: its length, where
    known; a text shorter than MIN_VERDICT_WORDS is too short to judge, and one not in English, ``english``
    (``language.looks_english``) false, cannot be judged)."""
    if too_short_to_judge(words) or not english:
        return "unclear"
    if score >= SPUN_FROM:
        return "spun"
    return "honest" if score < HONEST_BELOW else "unclear"


def passes_spin_filter(score: float | None, words: int | None, min_spin: float | None, english: bool = True) -> bool:
    """Whether an article belongs in a list filtered by minimum spin score. A text too short to judge, or not in
    English, reads as unclear whatever its score, so it is listed by a filter whose minimum is below SPUN_FROM
    ("unclear or spun") and left out by one at or above it ("looks spun"). The library's SQL (``Library._filters``)
    says the same."""
    if min_spin is None:
        return True
    if score is None:
        return False
    if too_short_to_judge(words) or not english:
        return min_spin < SPUN_FROM
    return score >= min_spin


VERDICT_WORDS = {"honest": "reads as honest text", "unclear": "unclear", "spun": "looks spun"}


NOT_ENGLISH = "not English text, which Unspin cannot judge (it checks English)"


def verdict_words(score: float, words: int | None = None, english: bool = True) -> str:
    """The verdict as the reader sees it, saying why a short text, or one not in English, gets none."""
    if not english:
        return NOT_ENGLISH
    if too_short_to_judge(words):
        return f"too short to judge the whole text (under {MIN_VERDICT_WORDS} words)"
    return VERDICT_WORDS[spin_verdict(score)]


def counted(count: int, noun: str) -> str:
    """"1 suggestion", "2 suggestions": the counts the reader sees (regular plurals only)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def flagged_words(suggestions: Iterable[Suggestion]) -> int:
    """How many of a text's words the suggestions cover: the numerator of every share of flagged words."""
    return sum(len(s.original.split()) for s in suggestions)


def calibration_share(suggestions: Iterable[Suggestion], words: int) -> float:
    """The article's flagged share as the confidence stage reads it. A text too short to judge as a whole counts
    at most as unclear (HONEST_BELOW): one flag in a pasted sentence does not vouch for itself, and a spun sentence
    is not taken for an honest article either."""
    share = flagged_words(suggestions) / max(words, 1)
    return min(share, HONEST_BELOW) if too_short_to_judge(words) else share


@dataclass(frozen=True, slots=True)
class Analysis:
    """The engine's result for one text."""

    text: str
    suggestions: tuple[Suggestion, ...] = field(default=())
    words: int = 0

    @property
    def spin_score(self) -> float:
        """Share of words suspected of being substituted."""
        if not self.words:
            return 0.0
        return min(1.0, flagged_words(self.suggestions) / self.words)

    @property
    def verdict(self) -> str:
        return spin_verdict(self.spin_score, self.words, looks_english(self.text))

    @property
    def verdict_words(self) -> str:
        return verdict_words(self.spin_score, self.words, looks_english(self.text))


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, replacement) edits left to right; overlapping ones are skipped."""
    out: list[str] = []
    cursor = 0
    for start, end, replacement in sorted(edits):
        if start < cursor or not 0 <= start <= end <= len(text):
            continue
        out.append(text[cursor:start])
        out.append(replacement)
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def restore(
    text: str,
    suggestions: Iterable[Suggestion],
    decisions: Mapping[int, Decision] | None = None,
    threshold: float = APPLY_THRESHOLD,
) -> str:
    """The restored text: decisions (keyed by suggestion index) win; otherwise apply those at ``threshold``."""
    decisions = decisions or {}
    edits: list[tuple[int, int, str]] = []
    for index, s in enumerate(suggestions):
        if text[s.start : s.end] != s.original:
            continue  # the span no longer holds what the suggestion was made for
        decision = decisions.get(index)
        if decision is None:
            if s.confidence >= threshold:
                edits.append((s.start, s.end, s.replacement))
        elif decision.verdict is Verdict.ACCEPT:
            edits.append((s.start, s.end, decision.choice or s.replacement))
    return apply_edits(text, edits)
