"""Curated spinner patterns (``resources/data/spinner_patterns.tsv``): wordings spinners swap that WordNet lacks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.resources import resource_path

# Explained in the head of spinner_patterns.tsv; each direction but "any" names only its first member an original.
# The relation says how the engine weighs the link: a tortured phrase is near proof, a rewrite is ordinary English
# and so no sign of a close synonym in the article's spin estimate.
RELATIONS = {"any": "pattern", "first": "tortured", "misread": "pattern", "rewrite": "rewrite"}
CURATED_RELATIONS = frozenset(RELATIONS.values())  # the relations of candidates from this book
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # letters joined by periods, without a last one
# A group whose reason names the original's part of speech as swapped for a word of another sense ("noun, wrong
# sense": the noun "figure" -> "determine"; 'the verb "said" misread as the adjective') keeps the original's slot.
_SLOTTED = re.compile(r'\b(noun|verb)\b[^,]*, wrong sense|^the (noun|verb) "')


@dataclass(frozen=True, slots=True)
class PatternGroup:
    reason: str
    members: tuple[str, ...]
    first_only: bool  # only members[0] is an original; the rest are known spinner output
    relation: str = "pattern"  # how a candidate from this group is linked: "pattern", "tortured" or "rewrite"
    part: str = ""  # "n" or "v": the original's part of speech, where a word of another sense replaced it


@dataclass(slots=True)
class PatternBook:
    groups: list[PatternGroup]
    by_wording: dict[str, list[tuple[PatternGroup, int]]]
    longest: int
    slotted: frozenset[str] = field(default_factory=frozenset)  # spinner output of groups with a ``part``

    def original_part(self, wording: str, original: str) -> str:
        """The part of speech ("n", "v") of ``original`` where a group says a spinner put ``wording`` for it in a
        sense of another part of speech; "" where none does."""
        for group, position in self.by_wording.get(wording, ()):
            if group.part and position > 0 and group.members[0] == original:
                return group.part
        return ""

    def alternatives(self, wording: str) -> list[tuple[str, PatternGroup]]:
        """Wordings that may have been the original of ``wording``, with the group that says so."""
        out: list[tuple[str, PatternGroup]] = []
        for group, position in self.by_wording.get(wording, ()):
            if group.first_only:
                if position > 0:
                    out.append((group.members[0], group))
            else:
                out.extend((m, group) for m in group.members if m != wording)
        return out


def parse_patterns(text: str) -> PatternBook:
    groups: list[PatternGroup] = []
    by_wording: dict[str, list[tuple[PatternGroup, int]]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            direction, reason, wordings = line.split("\t")
        except ValueError as error:
            raise ValueError(f"spinner patterns line {number}: expected 3 tab-separated columns") from error
        if direction not in RELATIONS:
            raise ValueError(f"spinner patterns line {number}: direction must be one of {', '.join(RELATIONS)}")
        members = tuple(dict.fromkeys(w.strip().lower() for w in wordings.split("|") if w.strip()))
        named = _SLOTTED.search(reason) if direction != "any" else None
        part = (named.group(1) or named.group(2))[0] if named else ""
        group = PatternGroup(
            reason=reason, members=members, first_only=direction != "any", relation=RELATIONS[direction], part=part
        )
        groups.append(group)
        for position, member in enumerate(members):
            by_wording.setdefault(member, []).append((group, position))
            if _INITIALS.fullmatch(member):  # "p.c" is written "p.c." too, and the tokenizer keeps the last period
                by_wording.setdefault(member + ".", []).append((group, position))
    longest = max((len(w.split()) for w in by_wording), default=1)
    slotted = frozenset(member for group in groups if group.part for member in group.members[1:])
    return PatternBook(groups=groups, by_wording=by_wording, longest=longest, slotted=slotted)


def load_patterns() -> PatternBook:
    return parse_patterns(resource_path("data", "spinner_patterns.tsv").read_text(encoding="utf-8"))
