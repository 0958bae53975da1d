"""Trade-off of detection and false flags across confidence thresholds, for the current or another weights file.

    .venv/bin/python benchmarks/sweep.py [--weights FILE] [--quick]

Runs the engine once per text (every suggestion it reports), then scores the suggestions at or above each
threshold with ../shared/tools/score_suggestions.py's own functions. Sets as in evaluate.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from evaluate import add_counts, clean_sets, micro_average, spun_sets  # noqa: E402
from score_suggestions import load_gold, score  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402
from reader.core.weights import weights_from_document  # noqa: E402
from reader.sources.files import read_article  # noqa: E402

THRESHOLDS = (0.2, 0.3, 0.5, 0.7, 0.9)  # 0.2: reader check's default (APPLY_THRESHOLD)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", type=Path, help="an engine_weights.json to try instead of the shipped one")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    # Trial weights choose the candidates' links too (a store of their own, derived once: about half a minute).
    trial = weights_from_document(json.loads(args.weights.read_text(encoding="utf-8"))) if args.weights else None
    engine = load_engine(weights=trial)
    spun: dict[tuple[str, float], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for group, _, article, gold_path in spun_sets(args.quick):
        text = read_article(article).text
        suggestions = [s.to_json() for s in engine.analyze(text).suggestions]
        gold = load_gold(str(gold_path), text)
        for threshold in THRESHOLDS:
            r = score(text, gold, [s for s in suggestions if s["confidence"] >= threshold])
            add_counts(spun[(group, threshold)], r)
    clean: dict[tuple[str, float], list[int]] = defaultdict(lambda: [0, 0])
    for group, _, article in clean_sets(args.quick):
        text = read_article(article).text
        analysis = engine.analyze(text)
        for threshold in THRESHOLDS:
            clean[(group, threshold)][0] += len(re.findall(r"\w+", text))
            clean[(group, threshold)][1] += sum(s.confidence >= threshold for s in analysis.suggestions)
    print(f"{'set':12} " + " ".join(f"{'@' + str(t):>16}" for t in THRESHOLDS))
    for group in dict.fromkeys(g for g, _ in spun):
        cells = []
        for threshold in THRESHOLDS:
            _, _, f1, restoration = micro_average(spun[(group, threshold)])
            cells.append(f"F1 {f1:.3f} R {restoration:.3f}")
        print(f"{group:12} " + " ".join(f"{c:>16}" for c in cells))
    for group in dict.fromkeys(g for g, _ in clean):
        cells = [f"{1000 * clean[(group, t)][1] / max(clean[(group, t)][0], 1):.2f}/1k" for t in THRESHOLDS]
        print(f"{group + ' clean':12} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
