"""The same article typed another way: "U.S." for "US", dashes as hyphens, straight quotes, indents, "&#8217;".

    .venv/bin/python benchmarks/typed_forms.py [--only PREFIX ...]

Writers and wire services differ in what they type: AP style writes "U.S." where the seed writes "US" (and so
"U.S.-provided"), plain-text archives and mail type a dash as " -- " or "--", many keyboards give straight quotes
and apostrophes, plain-text archives indent each paragraph (four spaces or a tab), scraped or twice-escaped text
keeps HTML character references ("Russia&#8217;s"), and a file once opened in the wrong encoding keeps UTF-8 read as
Windows-1252 ("Russiaâ€™s", mojibake). Every spun and unspun modern article here (not the 1961 Brown texts) is
checked as written and in each of these forms; the gold spans move with the text (an offset map). Printed per set
group: F1 / restoration and flags; for unspun sets, the flags.
"""

from __future__ import annotations

import re

from text_variants import Mapped, Variant, compare, unmoved


def substituted(text: str, pattern: str, replacement: str) -> Mapped:
    """``text`` with every match of ``pattern`` replaced; a replaced stretch's offsets go to its replacement."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    cursor = length = 0
    for match in re.finditer(pattern, text):
        for offset in range(cursor, match.start()):
            where[offset] = length + offset - cursor
        length += match.start() - cursor
        out.append(text[cursor : match.start()])
        for offset in range(match.start(), match.end()):
            where[offset] = length + min(offset - match.start(), max(len(replacement) - 1, 0))
        out.append(replacement)
        length += len(replacement)
        cursor = match.end()
    for offset in range(cursor, len(text)):
        where[offset] = length + offset - cursor
    out.append(text[cursor:])
    where[len(text)] = length + len(text) - cursor
    return "".join(out), where


def misread(text: str) -> Mapped:
    """The text's UTF-8 read as Windows-1252 ("’" as "â€™", "é" as "Ã©"): each character's offset moves to its
    first misread character."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    length = 0
    for offset, character in enumerate(text):
        where[offset] = length
        shown = "".join(
            bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in character.encode("utf-8")
        )
        out.append(shown)
        length += len(shown)
    where[len(text)] = length
    return "".join(out), where


VARIANTS: dict[str, Variant] = {
    "as written": unmoved,
    "U.S.": lambda text: substituted(text, r"\bUS\b", "U.S."),
    "spaced --": lambda text: substituted(text, r" ?[—–] ?", " -- "),
    "tight --": lambda text: substituted(text, r" ?[—–] ?", "--"),
    "straight quotes": lambda text: substituted(text, r"[‘’]", "'"),
    "indented": lambda text: substituted(text, r"(?m)^(?=\S)", "    "),
    "tab-indented": lambda text: substituted(text, r"(?m)^(?=\S)", "\t"),
    "HTML references": lambda text: substituted(text, r"’", "&#8217;"),
    "mojibake": lambda text: misread(text),
}


if __name__ == "__main__":
    compare(VARIANTS, __doc__ or "")
