"""The seed's own spinner, spun more lightly: recall and restoration where few words were swapped.

    .venv/bin/python benchmarks/light_seed.py [--weights FILE] [--threshold T]

Each variant is the seed article with a random share of its gold substitutions (S and D) put back to their original
wording (first listed, in the case of the spun phrase), seeds 1-6 for each share kept (25% and 50%), so the spun
words that stay are a real spinner's, at the density of a more lightly spun copy (about 7% and 14% of the words in
substituted spans; the seed has 399 of its 1,406 words in them, 28%). The seed is fitted on, so these are not held
out: they probe how the engine behaves as the density falls.
Scored with ../shared/tools/score_suggestions.py's own functions, micro-averaged over the six variants of each share.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import add_counts, micro_average  # noqa: E402
from score_suggestions import Gold, load_gold, score  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402
from reader.core.suggestion import APPLY_THRESHOLD  # noqa: E402
from reader.core.weights import weights_from_document  # noqa: E402

SEED = ROOT.parent / "shared" / "corpus" / "seed_spun_article.txt"
SEED_GOLD = ROOT.parent / "shared" / "corpus" / "seed_gold.tsv"
SHARES_KEPT = (0.25, 0.5)
VARIANTS = range(1, 7)


def lighter(text: str, gold: list[Gold], keep: float, rng: random.Random) -> tuple[str, list[Gold]]:
    """The text with each S/D substitution kept with probability ``keep`` (else its original restored), and the
    gold spans that remain, at their new offsets."""
    out: list[str] = []
    remaining: list[Gold] = []
    position = length = 0
    for g in gold:
        out.append(text[position : g.start])
        length += g.start - position
        spun = text[g.start : g.end]
        if g.kind in "SD" and rng.random() >= keep:
            original = g.originals[0]
            if spun[:1].isupper():
                original = original[:1].upper() + original[1:]
            out.append(original)
            length += len(original)
        else:
            remaining.append(Gold(g.kind, length, length + len(spun), g.originals))
            out.append(spun)
            length += len(spun)
        position = g.end
    out.append(text[position:])
    return "".join(out), remaining


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", type=Path, help="an engine_weights.json to try instead of the shipped one")
    parser.add_argument("--threshold", type=float, default=APPLY_THRESHOLD)
    args = parser.parse_args()
    # Trial weights choose the candidates' links too (a store of their own, derived once: about half a minute).
    trial = weights_from_document(json.loads(args.weights.read_text(encoding="utf-8"))) if args.weights else None
    engine = load_engine(weights=trial)
    seed = SEED.read_text(encoding="utf-8")
    gold = load_gold(str(SEED_GOLD), seed)
    totals: dict[float, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for keep in SHARES_KEPT:
        for variant in VARIANTS:
            text, remaining = lighter(seed, gold, keep, random.Random(variant))
            suggestions = [s.to_json() for s in engine.analyze(text).suggestions if s.confidence >= args.threshold]
            add_counts(totals[keep], score(text, remaining, suggestions))
    print(f"threshold {args.threshold}")
    for keep in SHARES_KEPT:
        p, r, f1, restoration = micro_average(totals[keep])
        print(f"{keep:.0%} of the seed's substitutions kept: {totals[keep]['gold']:.0f} spans, "
              f"P {p:.3f} R {r:.3f} F1 {f1:.3f} restoration {restoration:.3f}")


if __name__ == "__main__":
    main()
