"""Where the engine loses a spun text: per gold substitution, whether the right wording was a candidate at all,
where it ranked, and whether the span was flagged.

    .venv/bin/python benchmarks/diagnose.py [ARTICLE GOLD] [--list]

Without arguments: the seed article. Prints counts per outcome (``no-candidate``: the original is not among the
span's candidates; ``ranked-N``: it is, but N-th; ``missed``: right first but not flagged at ``reader check``'s
default threshold; ``flagged-wrong``: right first at its span, flagged, but the reported change around it restores
something else; ``restored``, as the scorer judges it) and, with ``--list``, every substitution that was not
restored.
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

from score_suggestions import Gold, apply, load_gold, norm, overlaps  # noqa: E402

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
    # One analysis: the options it settles are kept as it makes them (a text this short is one section).
    made: list[tuple[list, list, float]] = []
    options_of = engine.options

    def kept_options(*args, **kwargs):
        made.append(options_of(*args, **kwargs))
        return made[-1]

    engine.options = kept_options  # type: ignore[method-assign]
    # Flagged as `reader check` flags: a suggestion at or above the default threshold overlaps the span.
    reported = [s for s in engine.analyze(text).suggestions if s.confidence >= APPLY_THRESHOLD]
    if len(made) != 1:
        sys.exit(f"{args.article}: analysed in {len(made)} sections; diagnose a shorter text")
    groups, options, rate = made[0]
    spans: dict[tuple[int, int], list] = {}
    for option in options:
        start, end = groups[option.chunk][option.first].start, groups[option.chunk][option.last - 1].end
        spans.setdefault((start, end), []).append(option)
    outcomes: Counter[str] = Counter()
    lines = []
    golds = load_gold(args.gold, text)
    edits = [(s.start, s.end, s.replacement) for s in reported]

    def restored(gold: Gold) -> bool:
        """Whether the reported suggestions around the substitution restore it, as the scorer judges (a name
        mended as one change over two words counts for both)."""
        near = [edit for edit in edits if overlaps(edit[0], edit[1], gold.start, gold.end)]
        if not near:
            return False
        lo, hi = min([gold.start] + [e[0] for e in near]), max([gold.end] + [e[1] for e in near])
        inside = [x for x in golds if x.start >= lo and x.end <= hi and x.kind in ("S", "D")]
        want = {
            norm(apply(text, lo, hi, [(x.start, x.end, x.originals[0] if x is not gold else alt) for x in inside]))
            for alt in gold.originals
        }
        return norm(apply(text, lo, hi, near)) in want

    for gold in golds:
        if gold.kind != "S":
            continue
        wanted = {norm(o) for o in gold.originals}
        opts = sorted(spans.get((gold.start, gold.end), []), key=lambda o: -o.rank_score)
        rank = next((i for i, o in enumerate(opts) if norm(o.candidate.wording) in wanted), -1)
        flagged = any(s.start < gold.end and gold.start < s.end for s in reported)
        if restored(gold):
            outcome = "restored"
        elif rank < 0:
            outcome = "no-candidate"
        elif rank > 0:
            outcome = "ranked-2" if rank == 1 else "ranked-3+"
        else:
            outcome = "flagged-wrong" if flagged else "missed"
        outcomes[outcome] += 1
        if outcome != "restored":
            top = ", ".join(f"{o.candidate.wording} ({o.candidate.relation} {o.log_odds:+.1f} g{o.gain:+.1f})"
                            for o in opts[:3])
            lines.append(f"{outcome:13} {text[gold.start:gold.end]!r} -> {gold.originals[0]!r}: {top}")
    total = sum(outcomes.values())
    print(f"article spin rate estimate {rate:.3f}; {total} certain substitutions")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:13} {count:4}  {count / total:.1%}")
    if args.list:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
