"""Where the engine loses a spun text: per gold substitution, whether the right wording was a candidate at all,
where it ranked, and whether the span was flagged.

    .venv/bin/python benchmarks/diagnose.py [ARTICLE GOLD] [--list]

Without arguments: the seed article. Prints counts per outcome (``no-candidate``: the original is not among the
span's candidates; ``ranked-N``: it is, but N-th; ``missed``: right first but not flagged at ``reader check``'s
default threshold; ``restored``) and, with ``--list``, every substitution that was not restored.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))

from score_suggestions import load_gold, norm  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402
from reader.core.suggestion import APPLY_THRESHOLD  # noqa: E402
from reader.sources.files import read_article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?", default=str(SHARED / "corpus" / "seed_spun_article.txt"))
    parser.add_argument("gold", nargs="?", default=str(SHARED / "corpus" / "seed_gold.tsv"))
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    engine = load_engine()
    text = read_article(Path(args.article)).text
    groups, options, rate = engine.options(text)
    # Flagged as `reader check` flags: a suggestion at or above the default threshold overlaps the span.
    reported = [s for s in engine.analyze(text).suggestions if s.confidence >= APPLY_THRESHOLD]
    spans: dict[tuple[int, int], list] = {}
    for option in options:
        start, end = groups[option.chunk][option.first].start, groups[option.chunk][option.last - 1].end
        spans.setdefault((start, end), []).append(option)
    outcomes: Counter[str] = Counter()
    lines = []
    for gold in load_gold(args.gold, text):
        if gold.kind != "S":
            continue
        wanted = {norm(o) for o in gold.originals}
        opts = sorted(spans.get((gold.start, gold.end), []), key=lambda o: -o.rank_score)
        rank = next((i for i, o in enumerate(opts) if norm(o.candidate.wording) in wanted), -1)
        flagged = any(s.start < gold.end and gold.start < s.end for s in reported)
        if rank < 0:
            outcome = "no-candidate"
        elif rank > 0:
            outcome = "ranked-2" if rank == 1 else "ranked-3+"
        else:
            outcome = "restored" if flagged else "missed"
        outcomes[outcome] += 1
        if outcome != "restored":
            top = ", ".join(f"{o.candidate.wording} ({o.candidate.relation} {o.log_odds:+.1f} g{o.gain:+.1f})"
                            for o in opts[:3])
            lines.append(f"{outcome:12} {text[gold.start:gold.end]!r} -> {gold.originals[0]!r}: {top}")
    total = sum(outcomes.values())
    print(f"article spin rate estimate {rate:.3f}; {total} certain substitutions")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:12} {count:4}  {count / total:.1%}")
    if args.list:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
