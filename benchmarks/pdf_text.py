"""Text copied out of a PDF: line-end hyphens ("learn-" / "ing"), ligatures ("ﬁ", "ﬂ", "ﬀ"), citations ("[12]").

    .venv/bin/python benchmarks/pdf_text.py [--only PREFIX ...]

Research-integrity readers paste papers out of PDF viewers, which keep the typesetter's line-end hyphens and
ligatures. Every spun and unspun article here (not the 1961 Brown texts) is checked as written, wrapped at 72 columns
with long words hyphenated at the margin, with "fi", "fl" and "ff" as ligatures, with both, and with a numbered
citation (" [12]") before every comma and full stop. The gold spans move
with the text (an offset map), so each variant is scored against the same substitutions. Printed per set group:
F1 / restoration and flags; for unspun sets, the flags.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from evaluate import add_counts, clean_sets, micro_average, spun_sets  # noqa: E402
from headlines import suggestions  # noqa: E402
from score_suggestions import Gold, load_gold, score  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402

WIDTH = 72
LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}
_LIGATURE = re.compile("|".join(LIGATURES))
Mapped = tuple[str, list[int]]  # a text and, per offset of the original (and its end), the offset it moved to


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


def cited(text: str) -> Mapped:
    """A numbered citation (" [1]", " [2]", ...) before every comma and every full stop that follows a word."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    number = 0
    for offset, char in enumerate(text):
        ends = offset + 1 == len(text) or text[offset + 1].isspace()
        if char in ",." and offset and text[offset - 1].isalpha() and ends:
            number += 1
            out += list(f" [{number}]")
        where[offset] = len(out)
        out.append(char)
    where[len(text)] = len(out)
    return "".join(out), where


def both(text: str) -> Mapped:
    first, where = hyphenated(text)
    second, again = ligatured(first)
    return second, [again[offset] for offset in where]


VARIANTS: dict[str, Callable[[str], Mapped]] = {
    "as written": lambda text: (text, list(range(len(text) + 1))),
    "hyphenated": hyphenated,
    "ligatures": ligatured,
    "both": both,
    "cited": cited,
}


def moved(gold: list[Gold], where: list[int]) -> list[Gold]:
    return [Gold(g.kind, where[g.start], where[g.end - 1] + 1, g.originals) for g in gold]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()

    def wanted(group: str) -> bool:
        return not group.startswith("brown") and (not args.only or any(group.startswith(p) for p in args.only))

    engine = load_engine()
    totals: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for group, _name, article, gold_path in spun_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        gold = load_gold(str(gold_path), text)
        for variant, make in VARIANTS.items():
            version, where = make(text)
            add_counts(totals[(group, variant)], score(version, moved(gold, where), suggestions(engine, version)))
    print("spun: F1 / restoration, flags")
    for (group, variant), counts in totals.items():
        _p, _r, f1, restoration = micro_average(counts)
        print(f"  {group:18s} {variant:11s} {f1:.3f} / {restoration:.3f}, {int(counts['flags'])} flags")
    honest: dict[tuple[str, str], int] = defaultdict(int)
    for group, _name, article in clean_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        for variant, make in VARIANTS.items():
            honest[(group, variant)] += len(suggestions(engine, make(text)[0]))
    print("unspun: flags")
    for (group, variant), flags in honest.items():
        print(f"  {group:18s} {variant:11s} {flags}")


if __name__ == "__main__":
    main()
