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

from functools import lru_cache

from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS


@lru_cache(maxsize=50_000)
def american_spelling(word: str) -> str:
    """The American spelling of a lower-case word (the word itself when it has none)."""
    found = BRITISH_ENGLISH_SPELLINGS.get(word)
    if found:
        return found
    for british, american in (("isation", "ization"), ("isations", "izations")):
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


def american_wording(wording: str) -> str:
    """A lower-case wording (space-separated words) with every word in its American spelling."""
    return " ".join(american_spelling(word) for word in wording.split(" "))


def same_word(first: str, second: str) -> bool:
    """Whether two lower-case wordings differ only in British and American spelling ("favoured", "favored")."""
    return first == second or american_wording(first) == american_wording(second)
