"""Hard-wrapped text: does the engine read an article wrapped at 60-80 columns as it reads one line per paragraph?

    .venv/bin/python benchmarks/wrapped.py [--only PREFIX ...]

Mail, terminals and plain-text archives break lines inside sentences. Every spun and unspun article here (not the
1961 Brown texts) is checked as written and wrapped at 60, 72 and 80 columns (a space turned into a line break, so
every offset and gold span stays). Printed per set group: F1 / restoration and flags; for unspun sets, the flags.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from evaluate import add_counts, clean_sets, micro_average, spun_sets  # noqa: E402
from headlines import suggestions  # noqa: E402
from score_suggestions import load_gold, score  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()

    def wanted(group: str) -> bool:
        return not group.startswith("brown") and (not args.only or any(group.startswith(p) for p in args.only))

    variants = {"as written": 0, **{f"wrapped at {width}": width for width in WIDTHS}}
    engine = load_engine()
    totals: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for group, _name, article, gold_path in spun_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        gold = load_gold(str(gold_path), text)
        for variant, width in variants.items():
            version = wrap(text, width) if width else text
            add_counts(totals[(group, variant)], score(version, gold, suggestions(engine, version)))
    print("spun: F1 / restoration, flags")
    for (group, variant), counts in totals.items():
        _p, _r, f1, restoration = micro_average(counts)
        print(f"  {group:18s} {variant:14s} {f1:.3f} / {restoration:.3f}, {int(counts['flags'])} flags")
    honest: dict[tuple[str, str], int] = defaultdict(int)
    for group, _name, article in clean_sets(False):
        if not wanted(group):
            continue
        text = article.read_text(encoding="utf-8")
        for variant, width in variants.items():
            honest[(group, variant)] += len(suggestions(engine, wrap(text, width) if width else text))
    print("unspun: flags")
    for (group, variant), flags in honest.items():
        print(f"  {group:18s} {variant:14s} {flags}")


if __name__ == "__main__":
    main()
