"""British and American spellings of one word are one word: neither a spinner's substitution nor bad context.

The context model is a US English trigram model, to which "programme", "colour" or "criticised" look rare or
unknown; left alone, an honest British article reads as heavily spun (every British spelling "restored", and the
article's spin-rate estimate raised by them). So the context model hears each word in the spelling it knows
better (``ContextModel.spelling``), a candidate that is only the other spelling of the published word is not
offered, and two spellings of one candidate count once. The spelling pairs are
breame's curated list (about 1,700 British forms with their inflections); "-isation" words it lacks follow the
regular Oxford/American correspondence.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from breame.data.american_terms_constants import AMERICAN_ENGLISH_ONLY_TERMS
from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

# breame files some American terms with their variants in one key ("cell phone, cellphone").
AMERICAN_TERMS = frozenset(
    term.strip() for key in AMERICAN_ENGLISH_ONLY_TERMS for term in key.split(",") if term.strip()
)


def american_spelling(word: str) -> str:
    """The American spelling of a lower-case word (the word itself when it has none). Not cached: a dictionary
    lookup costs no more than a cache's, and 50,000 cached words took 7.5 MB."""
    found = BRITISH_ENGLISH_SPELLINGS.get(word)
    if found:
        return found
    for british, american in (("isation", "ization"), ("isations", "izations")):
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


@lru_cache(maxsize=20_000)
def american_wording(wording: str) -> str:
    """A lower-case wording (space-separated words) with every word in its American spelling (asked of every
    candidate, so cached: the same neighbours come up for many words)."""
    if " " not in wording:
        return american_spelling(wording)
    return " ".join(map(american_spelling, wording.split(" ")))


def same_word(first: str, second: str) -> bool:
    """Whether two lower-case wordings differ only in British and American spelling ("favoured", "favored")."""
    return first == second or american_wording(first) == american_wording(second)


def writes_british(words: Iterable[str]) -> bool:
    """Whether an article's lower-case words spell British (at least two British spellings, more than American).

    In British news the US context model's preference for American vocabulary ("expressway" for "motorway",
    "parking lot" for "car park") is no evidence of spinning, so such candidates are not proposed there.
    """
    british = american = 0
    for word in words:
        british += word in BRITISH_ENGLISH_SPELLINGS
        american += word in AMERICAN_ENGLISH_SPELLINGS
    return british >= 2 and british > american


def american_only(wording: str) -> bool:
    """Whether a lower-case wording is a term of American English only (breame's curated list)."""
    return wording in AMERICAN_TERMS


def british_wording(wording: str) -> str:
    """A lower-case wording in British spelling where breame lists one ("color" -> "colour"), for the replacements
    proposed in an article spelled British."""
    return " ".join(AMERICAN_ENGLISH_SPELLINGS.get(word, word) for word in wording.split(" "))
