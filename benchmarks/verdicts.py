"""Article verdicts: how well an article's spin score tells spun articles from honest ones.

    .venv/bin/python benchmarks/verdicts.py

Spin scores of every spun and unspun article we have, split as the weights are (fitting texts: the seed,
data/clean, the odd-numbered Brown texts; held out: the rest, the development set data/dev among them, which is
diagnosed but never fitted on), the area under the ROC curve, and how many articles
each verdict band (reader.core.suggestion.HONEST_BELOW, SPUN_FROM) puts where.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluate import FITTED_GROUPS, clean_sets, spun_sets  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402
from reader.core.suggestion import HONEST_BELOW, SPUN_FROM, spin_verdict  # noqa: E402


def articles() -> dict[tuple[str, bool], list[Path]]:
    """(fit or held, spun?) -> article files: every text evaluate.py scores, split as it names them."""
    split = {True: spun_sets(False), False: clean_sets(False)}
    return {
        (part, spun): [entry[2] for entry in entries if (entry[0] in FITTED_GROUPS) == (part == "fit")]
        for spun, entries in split.items()
        for part in ("fit", "held")
    }


def auc(spun: list[float], honest: list[float]) -> float:
    """Chance that a spun article scores above an honest one (ties count half)."""
    wins = sum((s > h) + 0.5 * (s == h) for s in spun for h in honest)
    return wins / (len(spun) * len(honest))


def main() -> None:
    engine = load_engine()
    scores = {key: [engine.analyze(p.read_text(encoding="utf-8")).spin_score for p in paths]
              for key, paths in articles().items()}
    print(f"bands: honest below {HONEST_BELOW:.1%}, spun from {SPUN_FROM:.1%}")
    for split in ("fit", "held"):
        spun, honest = scores[(split, True)], scores[(split, False)]
        print(f"{split}: {len(spun)} spun (lowest {min(spun):.3f}), {len(honest)} honest (highest {max(honest):.3f}); "
              f"AUC {auc(spun, honest):.4f}")
        for label, values in (("spun", spun), ("honest", honest)):
            verdicts = [spin_verdict(v) for v in values]
            counts = ", ".join(f"{verdicts.count(v)} {v}" for v in ("spun", "unclear", "honest"))
            print(f"  {label:6s} articles: {counts}")


if __name__ == "__main__":
    main()
