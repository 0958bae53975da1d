"""Is ``confidence`` calibrated? Bin suggestions by confidence and count how many are right.

    .venv/bin/python benchmarks/calibration.py [--held]

A suggestion is right when it touches a gold substitution (S or D); suggestions that only touch unsure (X) spans
are left out, and every suggestion on unspun text is wrong. Without ``--held``: the texts the weights are fitted on
(fit_weights.labelled_sets: the seed and data/clean). With ``--held``: held-out texts, as evaluate.py names them,
in three groups: modern held-out news (every held-out modern set, spun and unspun: hand, fresh, ninth, tenth,
eleventh, thirteenth, the two WordNet spinnings and the unspun news sets), the development sets (dev and devseed,
spun and unspun: diagnosed, never fitted on) and 1961 (even Brown texts, spun and unspun). Before session 40 the
modern group held only the sets of 2026-11-25 (hand-held, news-held, news-held-2, news-3, news-uk, news-diverse): 146
suggestions.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import clean_sets, spun_sets  # noqa: E402
from fit_weights import labelled_sets  # noqa: E402
from score_suggestions import load_gold  # noqa: E402

from reader.core.engine import Engine, load_engine  # noqa: E402

EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
MODERN_HELD = {
    "hand-held", "news-held", "news-held-2", "news-3", "news-uk", "news-diverse", "fresh-held", "news-fresh",
    "ninth-held", "news-ninth", "tenth-held", "news-tenth", "eleventh-held", "news-eleventh", "thirteenth-held",
    "news-thirteenth", "wordnet-held", "wordnet-all-held",
}
DEVELOPMENT = {"dev", "news-dev", "devseed", "news-devseed"}


def held_texts(names: set[str]) -> Iterable[tuple[str, Path | None]]:
    """(text, gold file or None) of the held-out sets with these evaluate.py names."""
    for name, _, path, gold in spun_sets(False):
        if name in names:
            yield path.read_text(encoding="utf-8"), gold
    for name, _, path in clean_sets(False):
        if name in names:
            yield path.read_text(encoding="utf-8"), None


def report(engine: Engine, title: str, texts: Iterable[tuple[str, Path | None]]) -> None:
    bins = [[0, 0] for _ in EDGES[:-1]]
    for text, gold_path in texts:
        gold = load_gold(str(gold_path), text) if gold_path else []
        for s in engine.analyze(text).suggestions:
            hits = [g for g in gold if s.start < g.end and g.start < s.end]
            if hits and not any(g.kind in "SD" for g in hits):
                continue
            index = next(i for i in range(len(EDGES) - 1) if s.confidence < EDGES[i + 1])
            bins[index][0] += 1
            bins[index][1] += bool(hits)
    print(title)
    print("confidence   suggestions   right")
    for (low, high), (count, right) in zip(zip(EDGES, EDGES[1:], strict=False), bins, strict=True):
        share = f"{right / count:.0%}" if count else "-"
        print(f"{low:.1f}-{min(high, 1.0):.1f}   {count:>11}   {share:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held", action="store_true", help="held-out texts instead of the fitted-on ones")
    args = parser.parse_args()
    engine = load_engine()
    if not args.held:
        report(engine, "fitted on (seed, data/clean)", ((text, gold) for _, text, gold in labelled_sets()))
        return
    report(engine, "held out, modern", held_texts(MODERN_HELD))
    report(engine, "development sets (dev, devseed)", held_texts(DEVELOPMENT))
    report(engine, "held out, 1961 (even Brown texts)", held_texts({"brown-held"}))


if __name__ == "__main__":
    main()
