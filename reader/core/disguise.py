"""Letters that look Latin but are not: a disguise that hides a copy from plagiarism checkers.

Copy-evaders, and some spinners after them, swap Latin letters inside words for Cyrillic or Greek look-alikes
("оfficials" with a Cyrillic о): the copy reads the same but no longer matches its source, and to a thesaurus or a
context model the word is unknown. A word that mixes Latin letters with such look-alikes is disguised, and its Latin
spelling is the original; so is a word made of Cyrillic look-alikes alone in a text written in Latin letters (a
Cyrillic "а" for the article "a"; a Greek letter alone there is a symbol: "the frequency ν"). A word of another
script among words of that script (a Russian name, a Greek quotation) is no disguise. Each look-alike maps to one
Latin letter, so the unmasked text keeps every offset.
"""

from __future__ import annotations

import re
import unicodedata

from reader.core.suggestion import Suggestion

__all__ = ["DISGUISE_CONFIDENCE", "disguise_suggestion", "disguised", "unmasked"]

# Cyrillic and Greek letters drawn like a Latin one in common fonts (Unicode's confusables, the unambiguous ones).
LOOK_ALIKES: dict[str, str] = {
    # Cyrillic
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
    "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u0501": "d", "\u04bb": "h", "\u04cf": "l", "\u051b": "q",
    "\u051d": "w", "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0406": "I", "\u0408": "J",
    "\u0405": "S", "\u04ae": "Y",
    # Greek
    "\u03bf": "o", "\u03bd": "v", "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H",
    "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X",
}
_TO_LATIN = str.maketrans(LOOK_ALIKES)
_LOOK_ALIKE_SET = frozenset(LOOK_ALIKES)
_WORD = re.compile(r"[^\W\d_]+")
# A disguise is certain where it is found: honest English writes no word in two scripts (none in any text here).
DISGUISE_CONFIDENCE = 0.99
_LATIN_TEXT = 0.9  # share of a text's letters in Latin script for a word of look-alikes alone to be a disguise


def _latin(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN")


def _cyrillic(word: str) -> bool:
    """A word of look-alikes alone is a disguise only in Cyrillic: a Greek letter alone in a Latin text is a symbol
    ("the frequency ν", "Τ cells")."""
    return all(unicodedata.name(character, "").startswith("CYRILLIC") for character in word)


def disguised(text: str) -> list[tuple[int, int, str]]:
    """(start, end, Latin spelling) of every disguised word, in text order."""
    if _LOOK_ALIKE_SET.isdisjoint(text):
        return []  # the common case, decided in one pass (in C: this runs on every text analysed)
    letters = [character for character in text if character.isalpha()]
    latin_text = sum(map(_latin, letters)) >= _LATIN_TEXT * len(letters)
    found: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _LOOK_ALIKE_SET.isdisjoint(word):
            continue
        plain = word.translate(_TO_LATIN)
        if not all(_latin(character) for character in plain):
            continue  # other letters of that script too: a word of that language
        if any(_latin(character) for character in word) or (latin_text and _cyrillic(word)):
            found.append((match.start(), match.end(), plain))
    return found


def unmasked(text: str, found: list[tuple[int, int, str]]) -> str:
    """``text`` with each disguised word in Latin letters (the same length: every offset holds)."""
    parts: list[str] = []
    cursor = 0
    for start, end, plain in found:
        parts += [text[cursor:start], plain]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _scripts(word: str) -> str:
    names = sorted({unicodedata.name(c).split()[0].capitalize() for c in word if c in LOOK_ALIKES})
    return " and ".join(names)


def disguise_suggestion(text: str, start: int, end: int, plain: str) -> Suggestion:
    """The suggestion to spell a disguised word in Latin letters."""
    word = text[start:end]
    reason = (
        f"'{plain}' is spelled here with {_scripts(word)} letters that look Latin: a disguise that hides a copied "
        "text from plagiarism checkers."
    )
    return Suggestion(start, end, word, plain, (plain,), DISGUISE_CONFIDENCE, (reason,))


def disguise_reason(word: str) -> str:
    """The reason added to a suggestion whose span also holds a disguised word."""
    return f"The published wording is also spelled with {_scripts(word)} letters that look Latin (a disguise)."
