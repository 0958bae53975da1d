"""Text copied out of a PDF: line-end hyphens ("learn-" / "ing"), ligatures ("ﬁ", "ﬂ", "ﬀ"), citations ("[12]").

    .venv/bin/python benchmarks/pdf_text.py [--only PREFIX ...]

Research-integrity readers paste papers out of PDF viewers, which keep the typesetter's line-end hyphens and
ligatures. Every spun and unspun article here (not the 1961 Brown texts) is checked as written, wrapped at 72 columns
with long words hyphenated at the margin, with "fi", "fl" and "ff" as ligatures, with both, with a numbered citation
(" [12]") before every comma and full stop, with one by author and year (" (Smith et al., 2020)"), and with a
superscript's figures glued to the word ("learning12"). The gold spans move with the text (an offset map), so each
variant is scored against the same substitutions. Printed per set group: F1 / restoration and flags; for unspun sets,
the flags.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from text_variants import Mapped, Variant, compare, composed, unmoved

WIDTH = 72
LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
_LIGATURE = re.compile("|".join(LIGATURES))


def hyphenated(text: str, width: int = WIDTH) -> Mapped:
    """Greedy wrapping at ``width``; a word of seven letters or more that passes the margin is split there with a
    hyphen (at least three letters on each side), as typesetters do."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    column = 0
    for match in re.finditer(r"\S+|\s+", text):
        piece, start = match.group(), match.start()
        if piece.isspace():
            for offset, char in enumerate(piece):
                where[start + offset] = len(out)
                out.append(char)
                column = 0 if char == "\n" else column + 1
            continue
        room = width - column
        if column and len(piece) > room:
            if piece.isalpha() and len(piece) >= 7 and room - 1 >= 3 and len(piece) - (room - 1) >= 3:
                cut = room - 1
                for offset, char in enumerate(piece[:cut]):
                    where[start + offset] = len(out)
                    out.append(char)
                out += ["-", "\n"]
                for offset, char in enumerate(piece[cut:], cut):
                    where[start + offset] = len(out)
                    out.append(char)
                column = len(piece) - cut
                continue
            if out and out[-1] == " ":
                out[-1] = "\n"  # the space before the word becomes the break; offsets stay
            column = 0
        for offset, char in enumerate(piece):
            where[start + offset] = len(out)
            out.append(char)
        column += len(piece)
    where[len(text)] = len(out)
    return "".join(out), where


def ligatured(text: str) -> Mapped:
    out: list[str] = []
    where = [0] * (len(text) + 1)
    cursor = 0
    for match in _LIGATURE.finditer(text):
        for offset in range(cursor, match.start()):
            where[offset] = len(out)
            out.append(text[offset])
        for offset in range(match.start(), match.end()):
            where[offset] = len(out)
        out.append(LIGATURES[match.group()])
        cursor = match.end()
    for offset in range(cursor, len(text)):
        where[offset] = len(out)
        out.append(text[offset])
    where[len(text)] = len(out)
    return "".join(out), where


AUTHORS = ("Smith et al.", "Lee and Park", "García", "O’Brien et al.", "Chen, Wang and Liu")


def numbered(number: int) -> str:
    return f" [{number}]"


def by_name(number: int) -> str:
    return f" ({AUTHORS[number % len(AUTHORS)]}, {2000 + number % 24})"


def cited(text: str, mark: Callable[[int], str] = numbered) -> Mapped:
    """A citation (" [1]", " [2]", ... or by author and year) before every comma and full stop that follows a word."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    number = 0
    for offset, char in enumerate(text):
        ends = offset + 1 == len(text) or text[offset + 1].isspace()
        if char in ",." and offset and text[offset - 1].isalpha() and ends:
            number += 1
            out += list(mark(number))
        where[offset] = len(out)
        out.append(char)
    where[len(text)] = len(out)
    return "".join(out), where


VARIANTS: dict[str, Variant] = {
    "as written": unmoved,
    "hyphenated": hyphenated,
    "ligatures": ligatured,
    "both": composed(hyphenated, ligatured),
    "cited": cited,
    "by name": lambda text: cited(text, by_name),
    "superscript": lambda text: cited(text, str),
}


if __name__ == "__main__":
    compare(VARIANTS, __doc__ or "")
