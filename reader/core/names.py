"""Capitalised names inside a sentence: which words run together as one name, and which change mends a broken one.

"White Home" is a broken "White House": a multiword name WordNet knows is evidence of a spinner's swap, while any
other capitalised word is taken as a name and left alone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from reader.core.tokens import Kind, Token

NAME_JOINERS = frozenset({"of", "the", "and", "for", "on"})  # lower-case words inside names: Bank of England
LONGEST_NAME = 9  # words in WordNet's longest multiword lemma: a mend looks no further along a run of capitals


def written_as_names(groups: list[list[Token]], counts: Callable[[list[Token], int], bool]) -> frozenset[str]:
    """The words the chunks write capitalised where ``counts(chunk, index)`` says such a place names, and never in
    lower case anywhere: the article's own names."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for chunk in groups:
        for index, token in enumerate(chunk):
            if token.kind is not Kind.WORD:
                continue
            if not token.is_capitalized:
                lower.add(token.norm)
            elif counts(chunk, index):
                capitalised.add(token.norm)
    return frozenset(capitalised - lower)


def is_name_word(token: Token) -> bool:
    """A capitalised word (not a figure)."""
    return token.is_capitalized and token.kind is Kind.WORD


def _joins_name(chunk: list[Token], index: int, step: int) -> bool:
    """Whether a lower-case word inside a name joins its capitalised words ("Secretary of Defense", "House of
    Representatives"): a joiner with a capitalised word on the side the scan goes on to."""
    beyond = index + step
    return chunk[index].norm in NAME_JOINERS and 0 <= beyond < len(chunk) and is_name_word(chunk[beyond])


def name_runs(chunk: list[Token]) -> list[tuple[int, int]]:
    """The runs of capitalised words in a chunk, joined through lower-case joiners ("Secretary of Defense"); a
    possessive ends its run ("Russia's | Federal Security Service")."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(chunk):
        if is_name_word(chunk[index]):
            end = index
            while end < len(chunk) and (is_name_word(chunk[end]) or _joins_name(chunk, end, 1)):
                end += 1
                if chunk[end - 1].clitic:
                    break
            runs.append((index, end))
            index = end
        else:
            index += 1
    return runs


def run_holding(runs: list[tuple[int, int]], first: int, last: int) -> tuple[int, int] | None:
    """The run that holds the span [first, last), if any (``runs`` in order and apart, as ``name_runs`` gives them:
    found by bisection, as a chunk of many short names asks for every option of each)."""
    at = bisect_right(runs, (first, float("inf"))) - 1  # the last run that starts at or before the span
    if at >= 0:
        lo, hi = runs[at]
        if lo <= first and last <= hi:
            return lo, hi
    return None


@lru_cache(maxsize=2_048)
def _placements(
    replacement: tuple[str, ...], multiword_parts: Callable[[str], tuple[tuple[str, ...], ...]]
) -> tuple[tuple[tuple[str, ...], int], ...]:
    """The multiword lemmas that hold ``replacement`` as consecutive words, each with the offset where it starts,
    in the order ``multiword_parts`` lists them. Found once per wording: a common word is in hundreds of lemmas, and
    name mending asks for every candidate of every capitalised word."""
    if len(replacement) == 1:  # most wordings: each place of the word in each lemma, without slicing
        word = replacement[0]
        return tuple(
            (parts, offset) for parts in multiword_parts(word) for offset, part in enumerate(parts) if part == word
        )
    return tuple(
        (parts, offset)
        for parts in multiword_parts(replacement[0])
        for offset in range(len(parts) - len(replacement) + 1)
        if parts[offset : offset + len(replacement)] == replacement
    )


def name_mends(
    first: int,
    last: int,
    wording: str,
    words: list[str],
    run: tuple[int, int],
    singles: dict[int, list[str]],
    multiword_parts: Callable[[str], tuple[tuple[str, ...], ...]],
    with_neighbour: bool = False,
) -> Iterator[tuple[int, str] | None]:
    """The ways ``wording`` in place of ``words[first:last]``, with at most one more change in the run of
    capitalised words, forms a multiword WordNet lemma ("White Home" -> "White House"; not "Savings and Loan
    Association" -> "building society"): for each, the other change it needs (its place and word), or None.
    ``singles`` holds the one-word candidates at each place. With ``with_neighbour``, the lemma must take in another
    word of the run: the span is a name WordNet knows, and only a name it completes ("International Minister" ->
    "Foreign Minister") mends it, not a synonym of the name itself ("Austin" -> "capital of Texas")."""
    lo, hi = run
    replacement = tuple(wording.split())
    # A span holding a joiner is a multiword name itself: swapping it whole is a synonym, not a mend.
    joined = any(word in NAME_JOINERS for word in words[first:last])
    room = hi - lo + len(replacement) - (last - first)  # the most words a lemma can have and fit in the run
    if room < 2:
        return  # a lone capitalised word given a one-word candidate: no multiword lemma fits
    for parts, offset in _placements(replacement, multiword_parts):
        if len(parts) > room:
            continue
        start = first - offset
        end = last + (len(parts) - offset - len(replacement))
        if start < lo or end > hi:
            continue
        outside = [i for i in range(start, end) if not first <= i < last]
        if with_neighbour and not outside:
            continue
        expected = parts[:offset] + parts[offset + len(replacement) :]
        change: tuple[int, str] | None = None
        for i, want in zip(outside, expected, strict=True):
            if words[i] == want:
                continue
            if change is not None or want not in singles.get(i, ()):
                break
            change = (i, want)
        else:
            changes = 0 if change is None else 1
            if changes < len(outside) or not joined:
                yield change


def within_known_name(
    first: int,
    last: int,
    words: list[str],
    run: tuple[int, int],
    multiword_parts: Callable[[str], tuple[tuple[str, ...], ...]],
) -> bool:
    """Whether the published words around the span already form a multiword WordNet lemma that holds it: the name
    is whole as published ("South Viet Nam"), nothing to mend."""
    lo, hi = run
    for parts in multiword_parts(words[first]):
        for start in range(max(lo, last - len(parts)), min(first, hi - len(parts)) + 1):
            if tuple(words[start : start + len(parts)]) == parts:
                return True
    return False


ACRONYM_WINDOW = 4  # tokens between a name and its acronym: "Army Tactical Missile Systems (ATACMS)", "— known as X"
Alignment = tuple[int, tuple[tuple[int, str], ...]]  # words missing the acronym, and (place, letter) for each


def is_acronym(token: Token) -> bool:
    return token.kind is Kind.WORD and 2 <= len(token.text) <= 8 and token.text.isalpha() and token.text.isupper()


def acronym_letters(words: list[str], acronym: str) -> dict[int, str] | None:
    """Where a name's words spell its acronym except for a few: for each word that does not, the letters its
    original began with ("military tactical missile techniques", "atacms" -> {0: "a", 3: "s"}). A word gives the
    acronym a prefix of itself (tactical: "tac"); a joiner gives its initial or nothing (Department of Defense,
    DoD). None where the words spell it whole, or where more words miss than spell it (no evidence then)."""
    letters = acronym.lower()

    @cache
    def align(i: int, j: int) -> Alignment | None:
        """The fewest missing words aligning words[i:] with letters[j:], and their letters."""
        if i == len(words):
            return (0, ()) if j == len(letters) else None
        word = words[i]
        options: list[Alignment] = []
        if word in NAME_JOINERS:
            for skip in (0, 1):
                if skip == 0 or (j < len(letters) and letters[j] == word[0]):
                    rest = align(i + 1, j + skip)
                    if rest is not None:
                        options.append(rest)
        else:
            for length in range(1, min(len(word), len(letters) - j) + 1):
                rest = align(i + 1, j + length)
                if rest is None:
                    continue
                if word[:length] == letters[j : j + length]:
                    options.append(rest)
                elif length == 1:  # a swapped word gave one letter, its original's initial
                    options.append((rest[0] + 1, ((i, letters[j]), *rest[1])))
        return min(options, key=lambda option: option[0]) if options else None

    found = align(0, 0)
    if found is None or not found[0]:
        return None
    spelled = sum(1 for word in words if word not in NAME_JOINERS) - found[0]
    return dict(found[1]) if spelled >= found[0] else None


def acronym_hints(tokens: list[Token]) -> dict[int, str]:
    """Per word (by start offset): the letters its original began with, where a run of capitalised words stands
    within a few tokens of an acronym that it spells all but a few words of (see ``acronym_letters``). Spinners
    swap the words of a name and leave its acronym, which is no word to them."""
    hints: dict[int, str] = {}
    tokens = [token for token in tokens if token.text != ">"]  # a quoted mail's marks are inside no name
    acronyms = [index for index, token in enumerate(tokens) if is_acronym(token)]
    if not acronyms:
        return hints
    # A dash typed as two hyphens ("Systems -- known as ATACMS") is one token's distance, as "—" is.
    distance: list[int] = []  # each token's place, a doubled hyphen counted once
    at = -1
    for index, token in enumerate(tokens):
        doubled = index and token.text == "-" and tokens[index - 1].text == "-" and tokens[index - 1].end == token.start
        at += 0 if doubled else 1
        distance.append(at)
    distance.append(at + 1)
    for lo, hi in name_runs(tokens):
        members = [index for index in range(lo, hi) if not is_acronym(tokens[index])]
        if sum(1 for index in members if tokens[index].norm not in NAME_JOINERS) < 2:
            continue
        start, end = distance[lo], distance[hi]
        near = [i for i in acronyms
                if end <= distance[i] < end + ACRONYM_WINDOW or start - ACRONYM_WINDOW <= distance[i] < start]
        for index in near:
            letters = acronym_letters([tokens[m].norm for m in members], tokens[index].text)
            if letters:
                for place, initial in letters.items():
                    hints[tokens[members[place]].start] = initial
                break
    return hints
