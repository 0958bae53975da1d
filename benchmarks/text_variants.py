"""Shared by the benchmarks that check the engine on other forms of the same articles (wrapped.py, pdf_text.py).

A variant turns an article into another form of it and says where each offset moved, so the gold spans move with the
text; every spun and unspun modern article (not the 1961 Brown texts) is checked in each form, and F1 / restoration
and flags are printed per set group.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from evaluate import add_counts, clean_sets, micro_average, spun_sets  # noqa: E402
from score_suggestions import Gold, load_gold, score  # noqa: E402

from reader.cli import analysis_json  # noqa: E402
from reader.core.engine import Engine, load_engine  # noqa: E402
from reader.core.suggestion import APPLY_THRESHOLD  # noqa: E402

Mapped = tuple[str, list[int]]  # a text and, per offset of the original (and its end), the offset it moved to
Variant = Callable[[str], Mapped]


def unmoved(text: str) -> Mapped:
    """A form of the text with every offset where it was."""
    return text, list(range(len(text) + 1))


def rebuilt(text: str, pieces: list[tuple[str, int | None]]) -> Mapped:
    """The text from pieces: (inserted text, None) or (original text, its offset in ``text``)."""
    out: list[str] = []
    where = [0] * (len(text) + 1)
    length = 0
    for piece, start in pieces:
        if start is not None:
            for offset in range(len(piece)):
                where[start + offset] = length + offset
        out.append(piece)
        length += len(piece)
    where[len(text)] = length
    return "".join(out), where


def composed(first: Variant, second: Variant) -> Variant:
    """One form after another ("hyphenated" then "ligatures"), each offset carried through both."""

    def make(text: str) -> Mapped:
        middle, where = first(text)
        last, again = second(middle)
        return last, [again[offset] for offset in where]

    return make


def suggestions(engine: Engine, text: str) -> list[dict]:
    """What ``reader check --json`` lists for the text: the suggestions at the default threshold."""
    return list(analysis_json(engine.analyze(text), APPLY_THRESHOLD)["suggestions"])  # type: ignore[call-overload]


def moved(gold: list[Gold], where: list[int]) -> list[Gold]:
    return [Gold(g.kind, where[g.start], where[g.end - 1] + 1, g.originals) for g in gold]


def compare(variants: dict[str, Variant], description: str) -> None:
    """Check every modern article in every form (``--only PREFIX ...`` for some set groups) and print the figures."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()

    def wanted(group: str) -> bool:
        return not group.startswith("brown") and (not args.only or any(group.startswith(p) for p in args.only))

    engine = load_engine()
    width = max(map(len, variants))
    totals: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for group, _name, article, gold_path in spun_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        gold = load_gold(str(gold_path), text)
        for variant, make in variants.items():
            version, where = make(text)
            add_counts(totals[(group, variant)], score(version, moved(gold, where), suggestions(engine, version)))
    print("spun: F1 / restoration, flags")
    for (group, variant), counts in totals.items():
        _p, _r, f1, restoration = micro_average(counts)
        print(f"  {group:18s} {variant:{width}s} {f1:.3f} / {restoration:.3f}, {int(counts['flags'])} flags")
    honest: dict[tuple[str, str], int] = defaultdict(int)
    for group, _name, article in clean_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        for variant, make in variants.items():
            honest[(group, variant)] += len(suggestions(engine, make(text)[0]))
    print("unspun: flags")
    for (group, variant), flags in honest.items():
        print(f"  {group:18s} {variant:{width}s} {flags}")
