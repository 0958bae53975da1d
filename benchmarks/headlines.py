"""Headlines in title case: does the engine read "US Officers Stated" in a headline as it reads "US officers stated"?

    .venv/bin/python benchmarks/headlines.py [--only PREFIX ...]

News sites and content farms often set a headline in title case. Every article here with a headline (a first line
of 4 to 25 words without a final stop) is checked four ways: as written (sentence case), with its headline in title
case as style guides set it (minor words such as "of", "to", "the" in lower case unless first or last), with every
word of it capitalised, and in capitals. Capitalising keeps every offset, so the same gold spans score every variant.

Printed per set group and variant: the headline's gold spans (certain or uncertain) flagged and restored, the flags
in the headline that touch no gold span (false flags), and the whole article's F1 / restoration as the scorer
counts them; for unspun articles, the flags in the headline and in the whole article.
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
from score_suggestions import load_gold, overlaps, score  # noqa: E402
from text_variants import suggestions  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402

MINOR = frozenset("a an the and but or nor for so yet as at by in of off on per to up via".split())
WORD_START = re.compile(r"(?<![\w'’])([^\W\d_])")


def headline_end(text: str) -> int:
    """The end offset of the text's headline, or 0: a first line of 4 to 25 words without a final stop."""
    first = text.split("\n", 1)[0]
    stripped = first.rstrip()
    if "\n" not in text or not stripped or stripped[-1] in ".!?\"”" or not 4 <= len(stripped.split()) <= 25:
        return 0
    return len(first)


def _capitalised(word_start: re.Match[str]) -> str:
    letter = word_start.group(1)
    upper = letter.upper()
    return upper if len(upper) == 1 else letter  # "ß" would become "SS" and move every offset after it


def title_case(text: str, end: int, minor_lower: bool) -> str:
    """The text with the words before ``end`` capitalised (with ``minor_lower``, the minor words but the first and
    the last as they were); every offset stays."""
    words = list(WORD_START.finditer(text, 0, end))
    out = list(text)
    for index, match in enumerate(words):
        word = re.match(r"[\w'’]+", text[match.start():end])
        if minor_lower and 0 < index < len(words) - 1 and word and word.group(0).lower() in MINOR:
            continue
        out[match.start()] = _capitalised(match)
    return "".join(out)


def in_capitals(text: str, end: int) -> str:
    """The text with its letters before ``end`` in capitals where that keeps every offset."""
    head = "".join(c.upper() if len(c.upper()) == 1 else c for c in text[:end])
    return head + text[end:]


VARIANTS: dict[str, Callable[[str, int], str]] = {
    "as written": lambda text, end: text,
    "title case": lambda text, end: title_case(text, end, minor_lower=True),
    "every word": lambda text, end: title_case(text, end, minor_lower=False),
    "capitals": lambda text, end: in_capitals(text, end),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=[])
    args = parser.parse_args()

    def wanted(group: str) -> bool:
        return not args.only or any(group.startswith(prefix) for prefix in args.only)

    engine = load_engine()
    spun: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    articles: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for group, _name, article, gold_path in spun_sets(False):
        text = article.read_text(encoding="utf-8")
        end = headline_end(text)
        if not end or not wanted(group):
            continue
        gold = load_gold(str(gold_path), text)
        inside = [g for g in gold if g.end <= end]
        for variant, make in VARIANTS.items():
            version = make(text, end)
            found = suggestions(engine, version)
            add_counts(articles[(group, variant)], score(version, gold, found))
            head = [s for s in found if s["start"] < end]
            t = spun[(group, variant)]
            t["articles"] += 1
            t["gold"] += sum(g.kind in "SD" for g in inside)
            t["detected"] += sum(g.kind in "SD" and any(overlaps(s["start"], s["end"], g.start, g.end) for s in head)
                                 for g in inside)
            head_score = score(version[:end], inside, head)
            t["restored"] += head_score["restored"]
            t["certain"] += head_score["certain"]
            t["false"] += sum(not any(overlaps(s["start"], s["end"], g.start, g.end) for g in inside) for s in head)
    print("spun: headline gold flagged, restored (of certain), false flags in headlines; articles' F1 / restoration")
    for (group, variant), t in spun.items():
        _p, _r, f1, restoration = micro_average(articles[(group, variant)])
        print(f"  {group:18s} {variant:10s} {int(t['articles']):2d} articles: headline {int(t['detected'])}/"
              f"{int(t['gold'])} flagged, {int(t['restored'])}/{int(t['certain'])} restored, {int(t['false'])} false;"
              f" article {f1:.3f} / {restoration:.3f}")
    honest: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for group, _name, article in clean_sets(False):
        text = article.read_text(encoding="utf-8")
        end = headline_end(text)
        if not end or not wanted(group):
            continue
        for variant, make in VARIANTS.items():
            flagged = suggestions(engine, make(text, end))
            counts = honest[(group, variant)]
            counts[0] += 1
            counts[1] += sum(s["start"] < end for s in flagged)
            counts[2] += len(flagged)
    print("unspun: flags in headlines, flags in whole articles")
    for (group, variant), (count, in_headline, whole_flags) in honest.items():
        print(f"  {group:18s} {variant:10s} {count:2d} articles: headline {in_headline}, article {whole_flags}")


if __name__ == "__main__":
    main()
