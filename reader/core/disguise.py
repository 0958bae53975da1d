"""Letters that look Latin but are not: a disguise that hides a copy from plagiarism checkers.

Copy-evaders, and some spinners after them, swap Latin letters inside words for Cyrillic or Greek look-alikes
("оfficials" with a Cyrillic о): the copy reads the same but no longer matches its source, and to a thesaurus or a
context model the word is unknown. A word that mixes Latin letters with such look-alikes is disguised, and its Latin
spelling is the original; so is a word made of Cyrillic look-alikes alone in a text written in Latin letters (a
Cyrillic "а" for the article "a"; a Greek letter alone there is a symbol: "the frequency ν"). A word of another
script among words of that script (a Russian name, a Greek quotation) is no disguise. Each look-alike maps to one
Latin letter, so the unmasked text keeps every offset.

Invisible characters inside a word are the other disguise ("offi\u200bcials" with a zero-width space): the word reads
the same, but a checker that compares words sees another. The tokenizer reads through them; here they are reported,
and the word's plain spelling drops them. A soft hyphen is no disguise (web text carries them as hyphenation hints),
nor is a zero-width joiner in a word of another script (Persian and Indic writing need them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from reader.core.suggestion import Suggestion
from reader.core.tokens import INVISIBLE, LETTERS

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
# Invisible characters a copy-evader hides inside words: those the tokenizer reads through (``INVISIBLE``) but the
# soft hyphen, which web text carries honestly.
_HIDDEN_SET = frozenset(INVISIBLE) - {"\u00ad"}
_DROPPED = str.maketrans(dict.fromkeys(INVISIBLE))
_LOOK_ALIKE_OR_HIDDEN = _LOOK_ALIKE_SET | _HIDDEN_SET
_WORD = re.compile(LETTERS)
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
    """(start, end, plain spelling) of every disguised word, in text order: its look-alikes in Latin letters, its
    invisible characters dropped (so the plain spelling may be shorter than the word)."""
    if _LOOK_ALIKE_OR_HIDDEN.isdisjoint(text):
        return []  # the common case, decided in one pass (in C: this runs on every text analysed)
    letters = [character for character in text if character.isalpha()]
    latin_text = sum(map(_latin, letters)) >= _LATIN_TEXT * len(letters)
    found: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _LOOK_ALIKE_OR_HIDDEN.isdisjoint(word):
            continue
        plain = word.translate(_TO_LATIN).translate(_DROPPED)
        if not all(_latin(character) for character in plain):
            continue  # other letters of that script too: a word of that language
        latin_letters = any(_latin(character) for character in word.translate(_DROPPED))
        if latin_letters or (latin_text and _cyrillic(word.translate(_DROPPED))):
            found.append((match.start(), match.end(), plain))
    return found


def unmasked(text: str, found: list[tuple[int, int, str]]) -> str:
    """``text`` with each disguised word's look-alikes in Latin letters (the same length: every offset holds; its
    invisible characters stay, as the tokenizer reads through them)."""
    parts: list[str] = []
    cursor = 0
    for start, end, _plain in found:
        parts += [text[cursor:start], text[start:end].translate(_TO_LATIN)]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


def _how(word: str) -> str:
    """How a word is disguised: "with Cyrillic letters that look Latin", "with invisible characters (zero-width
    space) inside it", or both."""
    ways: list[str] = []
    names = sorted({unicodedata.name(c).split()[0].capitalize() for c in word if c in LOOK_ALIKES})
    if names:
        ways.append(f"with {' and '.join(names)} letters that look Latin")
    hidden = sorted({unicodedata.name(c).lower() for c in word if c in _HIDDEN_SET})
    if hidden:
        ways.append(f"with invisible characters ({', '.join(hidden)}) inside it")
    return " and ".join(ways)


def disguise_suggestion(text: str, start: int, end: int, plain: str) -> Suggestion:
    """The suggestion to spell a disguised word plainly."""
    word = text[start:end]
    reason = f"'{plain}' is written here {_how(word)}: a disguise that hides a copied text from plagiarism checkers."
    return Suggestion(start, end, word, plain, (plain,), DISGUISE_CONFIDENCE, (reason,))


def disguise_reason(word: str) -> str:
    """The reason added to a suggestion whose span also holds a disguised word."""
    return f"The published wording is also written {_how(word)} (a disguise)."


def with_disguises(text: str, suggestions: list[Suggestion], masks: list[tuple[int, int, str]]) -> list[Suggestion]:
    """The suggestions of the unmasked text, as published (their ``original`` from ``text``, a disguise said in
    their reasons), and one suggestion per disguised word that no other covers, in text order."""
    out: list[Suggestion] = []
    for suggestion in suggestions:
        inside = [text[start:end] for start, end, _ in masks if suggestion.start < end and start < suggestion.end]
        reasons = suggestion.reasons + tuple(disguise_reason(word) for word in inside[:1])
        out.append(replace(suggestion, original=text[suggestion.start : suggestion.end], reasons=reasons))
    for start, end, plain in masks:
        if not any(s.start < end and start < s.end for s in suggestions):
            out.append(disguise_suggestion(text, start, end, plain))
    return sorted(out, key=lambda s: s.start)
