"""Hard-wrapped text: does the engine read an article wrapped at 60-80 columns as it reads one line per paragraph?

    .venv/bin/python benchmarks/wrapped.py [--only PREFIX ...]

Mail, terminals and plain-text archives break lines inside sentences. Every spun and unspun article here (not the
1961 Brown texts) is checked as written and wrapped at 60, 72 and 80 columns (a space turned into a line break, so
every offset and gold span stays), and as a reply quotes it: every line after "> ", as written and wrapped at 72.
Printed per set group: F1 / restoration and flags; for unspun sets, the flags.
"""

from __future__ import annotations

import re

from text_variants import Mapped, Variant, compare, composed, rebuilt, unmoved

WIDTHS = (60, 72, 80)


def wrap(text: str, width: int) -> str:
    """The text with a space turned into a line break wherever a line would pass ``width`` columns (greedy, as
    mail clients wrap); every offset stays."""
    out = list(text)
    line_start, last_space = 0, -1
    for index, char in enumerate(text):
        if char == "\n":
            line_start, last_space = index + 1, -1
            continue
        if char == " ":
            last_space = index
        if index - line_start >= width and last_space > line_start:
            out[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(out)


def wrapped_at(width: int) -> Variant:
    def make(text: str) -> Mapped:
        return wrap(text, width), list(range(len(text) + 1))  # a space turned into a break: every offset stays

    return make


def quoted(text: str) -> Mapped:
    """Every line after a mail reply's quote mark ("> "): each offset moves by the marks before it."""
    pieces: list[tuple[str, int | None]] = []
    for match in re.finditer(r"[^\n]*\n?", text):
        if match.group().strip("\n"):
            pieces.append(("> ", None))
        pieces.append((match.group(), match.start()))
    return rebuilt(text, pieces)


VARIANTS: dict[str, Variant] = {
    "as written": unmoved,
    **{f"wrapped at {width}": wrapped_at(width) for width in WIDTHS},
    "quoted": quoted,
    "wrapped at 72, quoted": composed(wrapped_at(72), quoted),
}


if __name__ == "__main__":
    compare(VARIANTS, __doc__ or "")
