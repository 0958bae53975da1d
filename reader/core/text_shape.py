"""How a text is written, read off its tokens: names, title case and capitals, hyphenated compounds, British
spelling, an abbreviation that ends a sentence, the case a replacement takes (``match_case``); and which tokens a
spinner would have looked up at all (``spannable``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from reader.core.dialect import writes_british
from reader.core.names import NAME_JOINERS, is_name_word, written_as_names
from reader.core.tokens import LINE_END_HYPHEN, Kind, Token, cites_after


def match_case(span: list[Token], wording: str) -> str:
    """A wording in the case of the words it replaces: a name's words all capitalised ("Defense Department")."""
    template = span[0].text
    if template.isupper() and len(template) > 1:
        return wording.upper()
    if (
        len(span) > 1
        and is_name_word(span[0])
        and is_name_word(span[-1])  # "Regardless of" opens a sentence; "Centers for Disease Control" is a name
        and all(is_name_word(t) or t.norm in NAME_JOINERS for t in span)
    ):
        return " ".join(w if w in NAME_JOINERS else w[:1].upper() + w[1:] for w in wording.split())
    if template[:1].isupper():
        return wording[:1].upper() + wording[1:]
    return wording


def article_writes_british(groups: list[list[Token]]) -> bool:
    return writes_british(token.norm for chunk in groups for token in chunk)


def article_names(groups: list[list[Token]]) -> frozenset[str]:
    """The words an article writes capitalised after a lower-case word ("backed Keel", "said Judge Smith") and never
    in lower case: its own names, which a sentence may open with too ("Keel conceded"). Over the spun and unspun sets
    (session 40) such sentence-opening words were flagged 19 times at the default threshold, right twice."""

    def after_lower_case(chunk: list[Token], index: int) -> bool:
        return index > 0 and chunk[index - 1].kind is Kind.WORD and chunk[index - 1].text[:1].islower()

    return written_as_names(groups, after_lower_case)


# Of the words inside sentences, the benchmarks' texts capitalise 30% at most (a 1961 sports page of names).
TITLE_CASED_SHARE = 0.6
TITLE_CASED_WORDS = 50


def _mostly(groups: list[list[Token]], test: Callable[[Token], bool]) -> bool:
    inside = [token for chunk in groups for token in chunk[1:] if token.kind is Kind.WORD]
    return len(inside) >= TITLE_CASED_WORDS and sum(map(test, inside)) > TITLE_CASED_SHARE * len(inside)


def title_cased(groups: list[list[Token]]) -> bool:
    """Whether most words inside sentences are capitalised ("Officials Said On Tuesday ..."): then a capital names
    nothing, and taking every run of them for a name to mend was slow (500,000 title-cased characters: 62 s, 18 s
    since; session 40)."""
    return _mostly(groups, lambda token: token.is_capitalized)


def all_capitals(groups: list[list[Token]]) -> bool:
    """Whether most words inside sentences are in capitals ("OFFICIALS SAID ..."): then a word in capitals is no
    acronym, and is looked up as the word it is."""
    return _mostly(groups, lambda token: token.is_all_caps)


def in_lower_case(
    tokens: list[Token], groups: list[list[Token]], headlines: frozenset[int], names: frozenset[str]
) -> list[Token]:
    """The tokens, with the words of title-cased headlines in lower case but the names: as the tagger reads them in
    a sentence (it takes a capitalised word for a proper noun)."""
    if not headlines:
        return tokens
    lowered = {
        token.start for number in headlines for token in groups[number]
        if token.kind is Kind.WORD and token.norm not in names
    }
    return [replace(token, text=token.text.lower()) if token.start in lowered else token for token in tokens]


def hyphenated(text: str, chunk: list[Token], index: int) -> bool:
    """Whether the chunk's token at ``index`` is joined by a hyphen to the next one ("non-public")."""
    if index < 0 or index + 1 >= len(chunk):
        return False
    left, right = chunk[index], chunk[index + 1]
    return right.start == left.end + 1 and text[left.end] in "-\u2011"


def ends_sentence_with_period(text: str, chunk: list[Token], last: int) -> bool:
    """Whether the abbreviation that ends a span ("p.c.", "U.S.") also ends its sentence: its last period then
    belongs to the sentence, not to the word a replacement takes away. The next word starts a sentence, or the text
    or its line ends there."""
    token = chunk[last - 1]
    if not token.text.endswith(".") or len(token.text) < 2:
        return False
    if last < len(chunk):
        following = chunk[last]
        return following.kind is Kind.WORD and following.text[:1].isupper() and following.start != token.end
    rest = text[token.end :]
    return not rest.strip() or rest.lstrip(" \t").startswith(("\n", "\r"))


_ABBREVIATION_ENDS = frozenset(f"{letter}." for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # "U.S." + "-"
_BROKEN_BEFORE = re.compile(r"\w" + LINE_END_HYPHEN + r"\Z")
_BROKEN_AFTER = re.compile(LINE_END_HYPHEN + r"\w")


def spannable(text: str, token: Token, capitals: bool = False) -> bool:
    """Whether a spinner would have looked this token up: not an acronym (unless the text is in ``capitals``:
    ``all_capitals``), not part of a hyphenated compound.

    Spinners replace whitespace-delimited words; "US-provided", "long-range" or "20th" is not in their thesaurus.
    """
    if token.kind is not Kind.NUMBER and token.is_all_caps and not capitals:
        return False
    # ... after a word or an abbreviation's period ("US-provided", "U.S.-provided", "U.K.-based")
    joined_before = token.start >= 2 and text[token.start - 1] in "-\u2011" and (
        text[token.start - 2].isalnum() or text[token.start - 3 : token.start - 1] in _ABBREVIATION_ENDS
    )
    joined_after = token.end + 1 < len(text) and text[token.end] in "-\u2011" and text[token.end + 1].isalnum()
    # A compound a line's end broke at its own hyphen ("long-" / "range"; a word hyphenated there is one token).
    before = text[max(0, token.start - 40) : token.start]  # a window: a search back from the text's start is slow
    joined_before = joined_before or ("\n" in before and bool(_BROKEN_BEFORE.search(before)))
    joined_after = joined_after or bool(_BROKEN_AFTER.match(text, token.end))
    # Letters glued to digits ("20th", "5pm", "10m", "1990s") are one word to a spinner, and not in a thesaurus.
    glued = (token.start > 0 and text[token.start - 1].isalnum()) or (
        token.end < len(text) and text[token.end].isalnum() and cites_after(text, token) < 0
    )  # ... but a paper's reference mark glued to its word ("learning12") leaves the word a word
    return not (joined_before or joined_after or glued)
