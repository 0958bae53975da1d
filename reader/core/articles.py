"""The indefinite article as evidence: "a"/"an" agrees with the sound of the word after it.

Spinners swap words and leave the article before them, so a spun copy writes "an vital", "a assertion", "a
attorney": the article still agrees with the original ("an important", "a statement", "a lawyer"). Honest writing
almost never gets it wrong (benchmarks/article_style.py measures how rarely), so a mismatch says that the word after
the article was swapped, and which sound its original began with.

Only spelling is read, not pronunciation: a word whose sound its first letter does not settle ("h": "an hour", "a
house", British "an historic"; "u": "a union", "an umbrella") says nothing, nor does an acronym ("an FBI agent"), a
single letter or a function word ("A and E", "type A is"), or a capitalised word (a name: "A Abatuno", "an Uber").
"""

from __future__ import annotations

from typing import Literal

from reader.core.candidates import CLOSED_CLASS
from reader.core.tokens import Kind, Token

Sound = Literal["vowel", "consonant"]

# A vowel letter read as a consonant sound ("a one-off", "a European", "a university", "a usual"), and the h-words
# read with a silent h ("an hour", "an honest").
_CONSONANT_VOWELS = ("one", "once", "eu", "ewe", "uni", "use", "usu", "uti", "ura", "ure", "uro", "ubi", "uku")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
_WANTS: dict[str, Sound] = {"a": "consonant", "an": "vowel"}


def initial_sound(word: str) -> Sound | None:
    """Whether ``word`` (any case) begins with a vowel or a consonant sound, or None where spelling cannot tell."""
    if len(word) < 2 or not word[0].isalpha() or word.isupper():
        return None
    lower = word.lower()
    if lower.startswith(_CONSONANT_VOWELS):
        return "consonant"
    if lower.startswith(_SILENT_H):
        return "vowel"
    if lower[0] in "hu":
        return None
    return "vowel" if lower[0] in "aeio" else "consonant"


def wanted_sound(article: str, word: str) -> Sound | None:
    """The sound an original must begin with where ``article`` ("a"/"an", any case) does not fit the published
    ``word``; None where it fits, cannot be judged, or is no indefinite article."""
    needed = _WANTS.get(article.lower())
    heard = initial_sound(word)
    if needed is None or heard is None or heard == needed:
        return None
    return needed


def misfit_sound(article: Token, word: Token) -> Sound | None:
    """The sound the original of ``word`` began with, where the article before it does not fit it; None where it
    fits or cannot be judged (see the module docstring)."""
    return wanted_sound(article.text, word.text) if judged(word) else None


def judged(word: Token) -> bool:
    """Whether the article before ``word`` can say anything about it: a lower-case content word whose initial
    sound its spelling settles."""
    return (
        word.kind is Kind.WORD and not word.is_capitalized and word.norm not in CLOSED_CLASS
        and initial_sound(word.text) is not None
    )


def fits_sound(wording: str, sound: Sound) -> bool:
    """Whether a candidate wording may follow the article that wants ``sound`` (a wording spelling cannot judge
    may)."""
    heard = initial_sound(wording.split(" ", 1)[0])
    return heard is None or heard == sound
