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
        self._ruled: dict[Rule, dict[str, list[Entry]]] | None = None  # entries by rule and spun wording, as needed
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
        self._ruled = None
        return entry

    def _by_spun(self, rule: Rule) -> dict[str, list[Entry]]:
        """The entries with ``rule``, by spun wording: a lexicon of thousands of rules is looked up, not scanned,
        for every suggestion and every word of an article."""
        if self._ruled is None:
            self._ruled = {Rule.ALWAYS: {}, Rule.NEVER: {}}
            for entry in self._entries.values():
                if entry.rule is not None and entry.spun:
                    self._ruled[entry.rule].setdefault(entry.spun, []).append(entry)
        return self._ruled[rule]

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
        entries = self._by_spun(Rule.ALWAYS).get(normalise(spun))
        return entries[0].original if entries else None

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
        for entry, match in self._rule_matches(text, Rule.ALWAYS):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            out.append(Suggestion(match.start(), match.end(), match.group(),
                                  _match_case(entry.original, match.group()), (), ALWAYS_CONFIDENCE,
                                  ("you always restore this pair",)))
        return sorted(out, key=lambda s: s.start)

    def inside_names(self, text: str, suggestions: Iterable[Suggestion]) -> list[Suggestion | None]:
        """The engine's suggestions as rules made on a name bend them: a rule "White Home" -> "White House" is about
        the word "Home" in that name, which the engine may flag alone. A suggestion for one word of a ruled name
        takes the rule's word ("always") or loses it ("never": None where no other choice is left)."""
        suggestions = list(suggestions)
        named: list[tuple[int, int, str, Entry]] = []  # (start, end, published word, rule) of each ruled name's word
        for rule in (Rule.ALWAYS, Rule.NEVER):
            for entry, match in self._rule_matches(text, rule):
                published = list(re.finditer(r"\S+", match.group()))
                wanted = entry.original.split()
                if len(published) < 2 or len(published) != len(wanted):
                    continue  # one word, or a phrase rewritten: no word-for-word reading of it
                named += [(match.start() + w.start(), match.start() + w.end(), want, entry)
                          for w, want in zip(published, wanted, strict=True) if normalise(w.group()) != want]
        if not named:
            return list(suggestions)
        out: list[Suggestion | None] = []
        for s in suggestions:
            ruled = next(((word, e) for a, b, word, e in named if a == s.start and b == s.end), None)
            if ruled is None:
                out.append(s)
                continue
            want, entry = ruled
            if entry.rule is Rule.ALWAYS:
                rest = tuple(c for c in s.choices() if normalise(c) != want)
                out.append(replace(s, replacement=_match_case(want, s.original), alternatives=rest,
                                   confidence=max(s.confidence, ALWAYS_CONFIDENCE),
                                   reasons=(*s.reasons, f"you always restore “{entry.original}” here")))
            else:
                choices = [c for c in s.choices() if normalise(c) != want]
                out.append(replace(s, replacement=choices[0], alternatives=tuple(choices[1:]),
                                   confidence=s.confidence * NEXT_CHOICE_SHARE) if choices else None)
        return out

    def _rule_matches(self, text: str, rule: Rule) -> Iterator[tuple[Entry, re.Match[str]]]:
        """Where ``rule``'s pairs' spun wordings stand in ``text`` (whole words, any case, any spacing, either
        apostrophe). Only the pairs whose first word is a word of the text are tried, each once: a lexicon of
        thousands of rules is looked up, not scanned."""
        by_spun = self._by_spun(rule)
        if not by_spun:
            return
        words = set(_WORD.findall(normalise(text))) | {""}
        for spun, entries in by_spun.items():
            if _first_word(spun) not in words:
                continue
            parts = [re.escape(word).replace("'", "['’]") for word in spun.split()]
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)
            for match in pattern.finditer(text):
                for entry in entries:
                    yield entry, match

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "version": 1, "pairs": [e.to_json() for e in self]},
                          ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, data: str) -> PersonalLexicon:
        """A lexicon file's pairs. Each wording must be text with a word in it, each count a whole number (capped
        at ``MAX_COUNT``): a blank "spun" would match between every two characters of every article."""
        try:
            doc = json.loads(data.removeprefix("\ufeff"))  # a BOM, as Windows editors write one
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            raise LexiconFormatError(f"not a lexicon file: {reason}") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("pairs"), list):
            raise LexiconFormatError("not an Unspin lexicon file")
        entries = []
        for item in doc["pairs"]:
            try:
                spun, original = item["spun"], item["original"]
                if not (isinstance(spun, str) and isinstance(original, str) and normalise(spun)
                        and normalise(original)):
                    raise ValueError("a wording that is not text")
                rule = Rule(item["rule"]) if item.get("rule") else None
                entries.append(Entry(spun, original, rule, _count(item.get("accepted", 0)),
                                     _count(item.get("rejected", 0))))
            except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
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
    kept = [s for s in lexicon.inside_names(analysis.text, kept) if s is not None]
    added = lexicon.missing_suggestions(analysis.text, kept)
    suggestions = tuple(sorted((*kept, *added), key=lambda s: (s.start, s.end)))
    return Analysis(analysis.text, suggestions, analysis.words)


_WORD = re.compile(r"\w+")
_JOINERS = frozenset({"of", "for", "the", "and", "on", "in", "to"})  # lower case inside a name: "Ministry of Defence"


def _first_word(wording: str) -> str:
    """The first run of word characters of a (normalised) wording: the key its rule is looked up by; "" when it
    has none, and such a rule is always tried."""
    match = _WORD.search(wording)
    return match.group() if match else ""


def lexicon_text(data: bytes) -> str:
    """A lexicon file's text: UTF-8 (with or without a BOM) or UTF-16 with its BOM, as editors save JSON."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


MAX_COUNT = 1_000_000  # decisions counted per pair: far beyond a reader's, and within SQLite's integers


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("a count that is not a number")
    return min(max(0, int(value)), MAX_COUNT)


def _match_case(wording: str, like: str) -> str:
    """Keep the capitalisation of the spun text: its first letter ("Officers" -> "Officials"), and every word's
    where it is a name ("White Home" -> "White House") or an acronym ("UN" -> "United Nations")."""
    words = like.split()
    if len(words) > 1 and like.isupper():
        return wording.upper()  # "WHITE HOME" -> "WHITE HOUSE"
    if words and all(w[:1].isupper() for w in words) and (len(words) > 1 or (len(like) > 1 and like.isupper())):
        return " ".join(w if w in _JOINERS and n else w[:1].upper() + w[1:] for n, w in enumerate(wording.split()))
    if like[:1].isupper() and wording[:1].islower():
        return wording[:1].upper() + wording[1:]
    return wording
