"""Score ``reader check`` on every labelled text: the seed, our spun sets, and unspun news.

    .venv/bin/python benchmarks/evaluate.py [--threshold 0.5]

Sets: the seed (../shared/corpus), fitted-on unspun text (benchmarks/data/clean), and the held-out set
(benchmarks/data/heldout: unspun originals, and their copies spun by a hand-written non-WordNet thesaurus, plus the
app's sample). Uses ../shared/tools/score_suggestions.py; totals are micro-averaged from its counts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_suggestions.py"
READER = ROOT / ".venv" / "bin" / "reader"


def check(path: Path, threshold: float, out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run(
            [str(READER), "check", str(path), "--json", "--threshold", str(threshold)], check=True, stdout=handle
        )


def score(args: list[str]) -> dict:
    result = subprocess.run([sys.executable, str(SCORER), *args, "--json"], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    spun = [("seed", SHARED / "corpus" / "seed_spun_article.txt", SHARED / "corpus" / "seed_gold.tsv")]
    for gold in sorted((ROOT / "benchmarks/data/heldout/spun").glob("*.gold.tsv")) + [
        ROOT / "resources/sample/sample_article.gold.tsv"
    ]:
        spun.append((f"heldout/{gold.name[:-9]}", gold.with_name(gold.name[:-9] + ".txt"), gold))
    clean = [("fitted/" + p.stem, p) for p in sorted((ROOT / "benchmarks/data/clean").glob("*.txt"))]
    clean += [("heldout/" + p.stem, p) for p in sorted((ROOT / "benchmarks/data/heldout/originals").glob("*.txt"))]
    clean.append(("heldout/sample_original", ROOT / "resources/sample/sample_article.original.txt"))
    results: dict[str, dict] = {}
    print(f"{'spun text':34} {'P':>6} {'R':>6} {'F1':>6} {'restore':>8}")
    heldout = {"tp": 0.0, "flags": 0, "detected": 0.0, "gold": 0, "restored": 0, "certain": 0}
    for name, article, gold in spun:
        out = out_dir / (name.replace("/", "_") + ".json")
        check(article, args.threshold, out)
        r = score(["--gold", str(gold), "--article", str(article), "--suggestions", str(out)])
        results[name] = r
        print(f"{name:34} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['restoration']:8.3f}")
        if name.startswith("heldout/"):
            heldout["flags"] += r["flags"]
            heldout["detected"] += r["recall"] * r["gold_spans"]
            heldout["gold"] += r["gold_spans"]
            heldout["restored"] += r["restored"]
            heldout["certain"] += r["certain"]
            heldout["tp"] += r["precision"] * r["flags"]
    p = heldout["tp"] / heldout["flags"] if heldout["flags"] else 0.0
    rec = heldout["detected"] / heldout["gold"] if heldout["gold"] else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    rest = heldout["restored"] / heldout["certain"] if heldout["certain"] else 0.0
    print(f"{'held-out spun, all':34} {p:6.3f} {rec:6.3f} {f1:6.3f} {rest:8.3f}")
    print(f"\n{'unspun text':34} {'words':>6} {'flags':>6} {'per 1k':>7}")
    totals = {"fitted": [0, 0], "heldout": [0, 0]}
    for name, article in clean:
        out = out_dir / (name.replace("/", "_") + ".json")
        check(article, args.threshold, out)
        r = score(["--clean", str(article), "--suggestions", str(out)])
        results[name] = r
        totals[name.split("/")[0]][0] += r["words"]
        totals[name.split("/")[0]][1] += r["flags"]
        print(f"{name:34} {r['words']:6} {r['flags']:6} {r['flags_per_1k_words']:7.2f}  {', '.join(r['false_flags'])}")
    for group, (words, flags) in totals.items():
        print(f"{group + ' unspun, all':34} {words:6} {flags:6} {1000 * flags / max(words, 1):7.2f}")
    (out_dir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
