"""Headlines set in title case ("US Officers Stated The Missiles Can Be Fired"): there a capital names nothing.

Inside a sentence the engine takes a capitalised word for a name and leaves it alone. News sites and content farms
set headlines in title case, so a spun headline kept its swaps: in the 59 spun benchmark articles with a headline,
the engine flagged 69 of the headlines' 114 swaps as written and 13 with the headlines title-cased
(benchmarks/headlines.py). A line of its own
whose words are all capitalised but the minor ones ("of", "to", "the"), or all in capitals, is read as a headline:
its words are judged as the words they are, except those the article's body writes as names or acronyms.
"""

from __future__ import annotations

from reader.core.names import written_as_names
from reader.core.tokens import Kind, Token

# Words style guides leave in lower case inside a title-cased headline.
MINOR_WORDS = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs".split())
HEADLINE_WORDS = 4  # fewer words than this on a line of capitals is a byline, a dateline or a name


def _alone_on_its_line(text: str, chunk: list[Token]) -> bool:
    """Whether nothing but the chunk stands on its line, and no full stop closes it (that would be a sentence)."""
    start = text.rfind("\n", 0, chunk[0].start) + 1
    end = text.find("\n", chunk[-1].end)
    end = len(text) if end < 0 else end
    before, after = text[start : chunk[0].start], text[chunk[-1].end : end]
    return not any(c.isalnum() for c in before + after) and "." not in after


def _title_cased(text: str, chunk: list[Token]) -> bool:
    words = [token for token in chunk if token.kind is Kind.WORD]
    if len(words) < HEADLINE_WORDS:
        return False
    inside = [
        token for token in words[1:]
        if token.norm not in MINOR_WORDS and text[token.start - 1] != "-"  # "Boil-water" is title case too
    ]
    return len(inside) >= HEADLINE_WORDS - 1 and all(token.is_capitalized for token in inside)


def title_cased_lines(text: str, groups: list[list[Token]]) -> frozenset[int]:
    """The numbers of the chunks that are headlines in title case."""
    return frozenset(
        number
        for number, chunk in enumerate(groups)
        if chunk and _title_cased(text, chunk) and _alone_on_its_line(text, chunk)
    )


def in_capitals(chunk: list[Token]) -> bool:
    """Whether every word of a headline is in capitals ("US OFFICERS STATED"): then none is an acronym by that."""
    return all(token.text.isupper() for token in chunk if token.kind is Kind.WORD)


def body_names(groups: list[list[Token]]) -> frozenset[str]:
    """The words the chunks write capitalised inside a sentence and never in lower case, and those they write in
    capitals (acronyms): names, in a headline too."""
    acronyms = {token.norm for chunk in groups for token in chunk if token.kind is Kind.WORD and token.is_all_caps}
    return written_as_names(groups, lambda _chunk, index: index > 0) | acronyms


def runs_of(named: list[bool]) -> list[tuple[int, int]]:
    """The runs of consecutive named words, as ``names.name_runs`` gives a sentence's runs of capitals."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(named):
        if named[index]:
            end = index
            while end < len(named) and named[end]:
                end += 1
            runs.append((index, end))
            index = end
        else:
            index += 1
    return runs
