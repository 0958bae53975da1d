"""Curated spinner patterns (``resources/data/spinner_patterns.tsv``): wordings spinners swap that WordNet lacks."""

from __future__ import annotations

from dataclasses import dataclass

from reader.resources import resource_path

# Explained in the head of spinner_patterns.tsv; each direction but "any" names only its first member an original.
# The relation says how the engine weighs the link: a tortured phrase is near proof, a rewrite is ordinary English
# and so no sign of a close synonym in the article's spin estimate.
RELATIONS = {"any": "pattern", "first": "tortured", "misread": "pattern", "rewrite": "rewrite"}
CURATED_RELATIONS = frozenset(RELATIONS.values())  # the relations of candidates from this book


@dataclass(frozen=True, slots=True)
class PatternGroup:
    reason: str
    members: tuple[str, ...]
    first_only: bool  # only members[0] is an original; the rest are known spinner output
    relation: str = "pattern"  # how a candidate from this group is linked: "pattern", "tortured" or "rewrite"


@dataclass(slots=True)
class PatternBook:
    groups: list[PatternGroup]
    by_wording: dict[str, list[tuple[PatternGroup, int]]]
    longest: int

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
        group = PatternGroup(
            reason=reason, members=members, first_only=direction != "any", relation=RELATIONS[direction]
        )
        groups.append(group)
        for position, member in enumerate(members):
            by_wording.setdefault(member, []).append((group, position))
    longest = max((len(w.split()) for w in by_wording), default=1)
    return PatternBook(groups=groups, by_wording=by_wording, longest=longest)


def load_patterns() -> PatternBook:
    return parse_patterns(resource_path("data", "spinner_patterns.tsv").read_text(encoding="utf-8"))
