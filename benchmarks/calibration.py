"""Is ``confidence`` calibrated? Bin suggestions by confidence and count how many are right.

    .venv/bin/python benchmarks/calibration.py

A suggestion is right when it touches a gold substitution (S or D); suggestions that only touch unsure (X) spans
are left out. Uses every spun text with a gold file: the seed and benchmarks/data/spun/*.gold.tsv, and counts
every suggestion on benchmarks/data/clean/*.txt as wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from fit_weights import labelled_sets  # noqa: E402
from score_suggestions import load_gold  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402

EDGES = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def main() -> None:
    engine = load_engine()
    engine.weights.report_floor = EDGES[0]
    bins = [[0, 0] for _ in EDGES[:-1]]
    for _, text, gold_path in labelled_sets():
        gold = load_gold(str(gold_path), text) if gold_path else []
        for s in engine.analyze(text).suggestions:
            hits = [g for g in gold if s.start < g.end and g.start < s.end]
            if hits and not any(g.kind in "SD" for g in hits):
                continue
            index = next(i for i in range(len(EDGES) - 1) if s.confidence < EDGES[i + 1])
            bins[index][0] += 1
            bins[index][1] += bool(hits)
    print("confidence   suggestions   right")
    for (low, high), (count, right) in zip(zip(EDGES, EDGES[1:], strict=False), bins, strict=True):
        share = f"{right / count:.0%}" if count else "-"
        print(f"{low:.1f}-{min(high, 1.0):.1f}   {count:>11}   {share:>5}")


if __name__ == "__main__":
    main()
