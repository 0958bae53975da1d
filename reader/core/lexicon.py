"""The reader's personal lexicon: pairs (spun wording -> original wording) the reader ruled on or accepted.

Pure and in memory; the library stores it (reader.library) and the engine calls ``adjust`` on each of its
suggestions. "Always" makes a pair certain, "never" removes it; accepted and rejected corrections nudge
confidence, a little per decision, so one accidental click does not decide for ever.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import Enum

from reader.core.suggestion import Analysis, Suggestion

FORMAT = "unspin-lexicon"
ALWAYS_CONFIDENCE = 0.97
_STEP = 0.15  # share of the remaining distance to 1 (or 0) moved per accepted (or rejected) decision
_MAX_NUDGE = 0.6
# Where the engine's first choice is not the original, its next choice is, in about one place in eight (the seed:
# 16 of 125, benchmarks/diagnose.py): the confidence a suggestion keeps when the reader never wants its first choice.
NEXT_CHOICE_SHARE = 0.13


class Rule(Enum):
    ALWAYS = "always"
    NEVER = "never"


def normalise(wording: str) -> str:
    """Pairs match case-insensitively and across spacing, the way the reader thinks of them."""
    return " ".join(wording.replace("\u2019", "'").casefold().split())


@dataclass(frozen=True, slots=True)
class Entry:
    spun: str
    original: str
    rule: Rule | None = None
    accepted: int = 0
    rejected: int = 0

    def to_json(self) -> dict[str, object]:
        return {"spun": self.spun, "original": self.original, "rule": self.rule.value if self.rule else None,
                "accepted": self.accepted, "rejected": self.rejected}


class LexiconFormatError(ValueError):
    """An imported lexicon file is not one; the message is for the reader."""


class PersonalLexicon:
    """In-memory pairs keyed by normalised (spun, original) wording."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._entries: dict[tuple[str, str], Entry] = {}
        for entry in entries:
            self.put(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def get(self, spun: str, original: str) -> Entry | None:
        return self._entries.get((normalise(spun), normalise(original)))

    def put(self, entry: Entry) -> Entry:
        entry = replace(entry, spun=normalise(entry.spun), original=normalise(entry.original))
        self._entries[(entry.spun, entry.original)] = entry
        return entry

    def set_rule(self, spun: str, original: str, rule: Rule | None) -> Entry:
        entry = self.get(spun, original) or Entry(spun, original)
        return self.put(replace(entry, rule=rule))

    def record(self, spun: str, original: str, accepted: bool) -> Entry:
        entry = self.get(spun, original) or Entry(spun, original)
        if accepted:
            return self.put(replace(entry, accepted=entry.accepted + 1))
        return self.put(replace(entry, rejected=entry.rejected + 1))

    def always_for(self, spun: str) -> str | None:
        """The original wording the reader always wants for ``spun``, if any."""
        key = normalise(spun)
        return next((e.original for e in self._entries.values() if e.spun == key and e.rule is Rule.ALWAYS), None)

    def adjust(self, suggestion: Suggestion) -> Suggestion | None:
        """The suggestion as the reader's history bends it; None when the reader never wants any of it."""
        choices = [c for c in suggestion.choices()
                   if (e := self.get(suggestion.original, c)) is None or e.rule is not Rule.NEVER]
        if not choices:
            return None
        always = self.always_for(suggestion.original)
        if always is not None:
            best = next((c for c in choices if normalise(c) == always), always)
            rest = tuple(c for c in choices if c != best)
            return replace(suggestion, replacement=_match_case(best, suggestion.original), alternatives=rest,
                           confidence=max(suggestion.confidence, ALWAYS_CONFIDENCE),
                           reasons=(*suggestion.reasons, "you always restore this pair"))
        best = choices[0]
        confidence = suggestion.confidence * (1.0 if best == suggestion.replacement else NEXT_CHOICE_SHARE)
        reasons = suggestion.reasons
        if best != suggestion.replacement:
            reasons = (*reasons, f"you never restore {suggestion.replacement!r} here")
        entry = self.get(suggestion.original, best)
        if entry is not None and (entry.accepted or entry.rejected):
            up = 1.0 - (1.0 - _STEP) ** entry.accepted
            down = 1.0 - (1.0 - _STEP) ** entry.rejected
            confidence += (1.0 - confidence) * min(up, _MAX_NUDGE) - confidence * min(down, _MAX_NUDGE)
            reasons = (*reasons, f"you accepted this {entry.accepted}x, rejected it {entry.rejected}x")
        return replace(suggestion, replacement=best, alternatives=tuple(choices[1:]),
                       confidence=min(1.0, max(0.0, confidence)), reasons=reasons)

    def missing_suggestions(self, text: str, existing: Iterable[Suggestion] = ()) -> list[Suggestion]:
        """Suggestions for "always" pairs the engine did not flag itself (whole words, case-insensitive)."""
        taken = [(s.start, s.end) for s in existing]
        out: list[Suggestion] = []
        for entry in self._entries.values():
            if entry.rule is not Rule.ALWAYS:
                continue
            pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, entry.spun.split())) + r"(?!\w)"
            for match in re.finditer(pattern, text, re.IGNORECASE):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                taken.append((match.start(), match.end()))
                out.append(Suggestion(match.start(), match.end(), match.group(),
                                      _match_case(entry.original, match.group()), (), ALWAYS_CONFIDENCE,
                                      ("you always restore this pair",)))
        return sorted(out, key=lambda s: s.start)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": 1, "pairs": [e.to_json() for e in self]},
                          ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, data: str) -> PersonalLexicon:
        try:
            doc = json.loads(data)
        except json.JSONDecodeError as error:
            raise LexiconFormatError(f"not a lexicon file: {error}") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("pairs"), list):
            raise LexiconFormatError("not an Unspin lexicon file")
        entries = []
        for item in doc["pairs"]:
            try:
                rule = Rule(item["rule"]) if item.get("rule") else None
                entries.append(Entry(str(item["spun"]), str(item["original"]), rule,
                                     max(0, int(item.get("accepted", 0))), max(0, int(item.get("rejected", 0)))))
            except (KeyError, TypeError, ValueError, AttributeError):
                raise LexiconFormatError(f"a damaged pair in the lexicon file: {item!r:.80}") from None
        return cls(entries)


def apply_lexicon(analysis: Analysis, lexicon: PersonalLexicon) -> Analysis:
    """The engine's analysis as the reader's lexicon bends it.

    Each suggestion goes through ``adjust`` ("never" pairs drop out or fall back to another choice, "always"
    pairs become near certain, accepted/rejected counts nudge confidence); then "always" pairs the engine did
    not flag are added. Suggestions stay sorted by position. An empty lexicon returns ``analysis`` itself.
    """
    if not len(lexicon):
        return analysis
    kept = [adjusted for s in analysis.suggestions if (adjusted := lexicon.adjust(s)) is not None]
    added = lexicon.missing_suggestions(analysis.text, kept)
    suggestions = tuple(sorted((*kept, *added), key=lambda s: (s.start, s.end)))
    return Analysis(analysis.text, suggestions, analysis.words)


def _match_case(wording: str, like: str) -> str:
    """Keep the capitalisation of the spun text ("Officers" -> "Officials")."""
    if like[:1].isupper() and wording[:1].islower():
        return wording[:1].upper() + wording[1:]
    return wording
