"""Score the engine on every labelled text: the seed, our spun sets, and unspun news.

    .venv/bin/python benchmarks/evaluate.py [--threshold T (default: reader check's)] [--quick] [--brown-spun DIR]

Sets (``fit`` = the weights were fitted on it, ``held`` = never used for fitting):
  seed                      ../shared/corpus (fit)
  hand                      data/heldout: two unspun articles and the app's sample, spun by a hand-written
                            non-WordNet thesaurus (make_spun_set.py) (held); data/clean: two unspun articles (fit)
  news-held                 data/heldout/originals2: eight unspun wire-style articles written for the project (held)
  news-held-2               data/heldout/originals3: eight more, by another writer, on other topics (held)
  news-3                    data/fit_news/originals: ten more by a third writer, US and British (held by the
                            shipped weights; written for fitting with fit_weights.py --fit-news, which was not kept)
  news-uk                   data/heldout/originals_uk: six British articles (spellings and vocabulary) by a fourth
                            writer (held)
  news-diverse              data/heldout/originals_diverse: eight articles from other beats and registers (sport,
                            markets, science, a review, courts, Indian business, tech) by a fifth writer (held)
  fresh                     data/heldout/spun_fresh: eight unspun articles on other beats (fares, a museum, a
                            heatwave, a data breach, fruit pickers, stolen eggs, a port, an obituary; US and British),
                            written on 2026-12-05 by a sixth writer (a helper agent that saw no project file) and spun
                            by the same writer by hand as a sense-blind spinner would (held); news-fresh: the
                            originals, data/heldout/originals_fresh (held)
  science                   data/science: six scientific abstracts (imaging, IoT, oncology, solar cells, ecology,
                            genomics) written on 2026-12-05 by a helper agent that saw no project file, and spun by
                            it as SpinBot-style tools do (tortured phrases and word swaps, 127 substitutions) (held)
  dev                       data/dev: eight unspun articles (zoning, a pilots' strike vote, chip exports, a marathon, a
                            hurricane, a drug recall, a film festival, a mine rescue; five US, three British),
                            written on 2026-12-05 by an eighth writer (a helper agent that saw no project file) and
                            spun by it as commercial spinners do, four heavily (about 25% of words) and four lightly
                            (about 8%), 590 substitutions: a development set, diagnosed but never fitted on;
                            news-dev: the originals
  ninth                     data/heldout/spun_ninth: six unspun articles (a bridge closure, an airline merger, a solar
                            farm, panda twins, a teachers' pay deal, a tennis final; four US, two British), written
                            in session 33 by a ninth writer (a helper agent that saw no project file) and spun by it
                            as a free spinner does (a fifth to a quarter of the content words, blind to part of
                            speech and sense, not the same swap every time), 392 substitutions (held);
                            news-ninth: the originals, data/heldout/originals_ninth (held)
  tenth                     data/heldout/spun_tenth: six unspun articles (a water main break, a chess championship,
                            pharmacy closures, a volcano alert, a tuition vote, a ship aground; one British),
                            written in session 34 by a tenth writer (a helper agent that saw no project file) and
                            spun by it as a commercial spinner with a fixed dictionary does (one replacement per
                            word, the same everywhere, about a third of the content words, sense-blind), 776
                            substitutions (held); news-tenth: the originals, data/heldout/originals_tenth (held)
  eleventh                  data/heldout/spun_eleventh: six unspun articles (a budget standoff, retail earnings, a
                            bribery conviction, a measles outbreak, a data broker's order, tornadoes), written in
                            session 35 by an eleventh writer (a helper agent that read the seed and its gold file
                            and nothing else of the project) and spun by it as the seed's spinner does: one fixed
                            dictionary of about 480 entries that holds the seed's own pairs (stated, officers,
                            White Home) and mostly new ones, about 24 substitutions per 100 words like the seed, 850
                            substitutions (held; closest to the seed's spinner, so it shares pairs with the fitted-on
                            seed); news-eleventh: the originals, data/heldout/originals_eleventh (held)
  devseed                   data/dev_seedstyle: eight unspun articles (a mayoral election, an airline strike, a drug
                            approval, a housing market report, a wildfire, an energy price cap, an immigration ruling,
                            tech layoffs; six US, two British), written in session 35 by a twelfth writer (a helper
                            agent that read the seed and its gold file and nothing else of the project) and spun by
                            it as the seed's spinner does with a fixed dictionary of its own (about 525 entries, the
                            seed's pairs among them), five heavily (22-26 per 100 words) and three lightly (7-8),
                            776 substitutions: a development set for the seed's spinner, diagnosed, never fitted
                            on; news-devseed: the originals
  thirteenth                data/heldout/spun_thirteenth: six unspun articles (a train derailment, a rockslide in a
                            national park, a bank merger, a drought, a cancelled stadium tour, bike lanes; one
                            British), written in session 39 by a thirteenth writer (a helper agent that saw no project
                            file) and spun by its own script with one fixed dictionary of 210 entries (the same
                            replacement everywhere, about 80% of a listed word's places swapped, sense-blind, a few
                            common words inside names), 507 substitutions (held); news-thirteenth: the originals,
                            data/heldout/originals_thirteenth (held)
  brown                     data/brown: 44 Brown-corpus press texts of 1961, unspun, and spun by the MyThes
                            thesaurus of free spinners (spin_brown.py); odd-numbered texts fit, even-numbered held
The engine runs in this process (one load) and writes exactly what ``reader check --json`` writes; each output is
scored by ../shared/tools/score_suggestions.py, and totals are micro-averaged from its counts. ``--quick`` scores
only the seed, the hand sets and six Brown texts of each kind; ``--only PREFIX`` only the groups whose names begin
with one of the prefixes (``--only dev news-dev``). ``--brown-spun`` scores another spinning of the
Brown texts (``spin_brown.py --possessives DIR``) in place of data/brown/spun.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_suggestions.py"
DATA = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT))

from reader.cli import analysis_json  # noqa: E402
from reader.core.engine import Engine, load_engine  # noqa: E402
from reader.core.suggestion import APPLY_THRESHOLD  # noqa: E402
from reader.sources.files import read_article  # noqa: E402


def check(engine: Engine, path: Path, threshold: float, out: Path) -> None:
    analysis = engine.analyze(read_article(path).text)
    out.write_text(json.dumps(analysis_json(analysis, threshold), ensure_ascii=False), encoding="utf-8")


def score(args: list[str]) -> dict:
    result = subprocess.run([sys.executable, str(SCORER), *args, "--json"], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def add_counts(totals: dict[str, float], r: dict) -> None:
    """Add one text's scorer counts to a set's totals (flags, true flags, detected, gold, restored, certain)."""
    totals["flags"] += r["flags"]
    totals["tp"] += r["precision"] * r["flags"]
    totals["detected"] += r["recall"] * r["gold_spans"]
    totals["gold"] += r["gold_spans"]
    totals["restored"] += r["restored"]
    totals["certain"] += r["certain"]


def micro_average(t: dict[str, float]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and restoration of a set, from its summed counts."""
    p = t["tp"] / t["flags"] if t["flags"] else 0.0
    rec = t["detected"] / t["gold"] if t["gold"] else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1, t["restored"] / t["certain"] if t["certain"] else 0.0


# The groups the shipped weights were fitted on; every other group is held out.
FITTED_GROUPS = frozenset({"seed", "hand-fit", "brown-fit"})


def brown_split(path: Path) -> str:
    return "brown-fit" if int(path.stem[2:]) % 2 else "brown-held"


def gold_sets(group: str, golds: list[Path]) -> list[tuple[str, str, Path, Path]]:
    """(group, name, article, gold) for gold files named ``NAME.gold.tsv`` beside their ``NAME.txt``."""
    return [(group, gold.name[:-9], gold.with_name(gold.name[:-9] + ".txt"), gold) for gold in golds]


def spun_sets(quick: bool, brown_spun: Path = DATA / "brown/spun") -> list[tuple[str, str, Path, Path]]:
    sets = [("seed", "seed", SHARED / "corpus" / "seed_spun_article.txt", SHARED / "corpus" / "seed_gold.tsv")]
    hand = sorted((DATA / "heldout/spun").glob("*.gold.tsv")) + [ROOT / "resources/sample/sample_article.gold.tsv"]
    sets += gold_sets("hand-held", hand)
    sets += gold_sets("fresh-held", sorted((DATA / "heldout/spun_fresh").glob("*.gold.tsv")))
    sets += gold_sets("science-held", sorted((DATA / "science/spun").glob("*.gold.tsv")))
    sets += gold_sets("dev", sorted((DATA / "dev/spun").glob("*.gold.tsv")))
    sets += gold_sets("ninth-held", sorted((DATA / "heldout/spun_ninth").glob("*.gold.tsv")))
    sets += gold_sets("tenth-held", sorted((DATA / "heldout/spun_tenth").glob("*.gold.tsv")))
    sets += gold_sets("eleventh-held", sorted((DATA / "heldout/spun_eleventh").glob("*.gold.tsv")))
    sets += gold_sets("devseed", sorted((DATA / "dev_seedstyle/spun").glob("*.gold.tsv")))
    sets += gold_sets("thirteenth-held", sorted((DATA / "heldout/spun_thirteenth").glob("*.gold.tsv")))
    sets += gold_sets("wordnet-held", sorted((DATA / "heldout/spun_wordnet").glob("*.gold.tsv")))
    sets += gold_sets("wordnet-all-held", sorted((DATA / "heldout/spun_wordnet_all").glob("*.gold.tsv")))
    golds = sorted(brown_spun.glob("*.gold.tsv"))
    for gold in golds[:12] if quick else golds:
        text = gold.with_name(gold.name[:-9] + ".txt")
        sets.append((brown_split(text), text.stem, text, gold))
    return sets


def text_sets(group: str, folder: str) -> list[tuple[str, str, Path]]:
    """(group, name, article) for every text of a folder under benchmarks/data."""
    return [(group, p.stem, p) for p in sorted((DATA / folder).glob("*.txt"))]


def clean_sets(quick: bool) -> list[tuple[str, str, Path]]:
    sets = text_sets("hand-fit", "clean") + text_sets("hand-held", "heldout/originals")
    sets.append(("hand-held", "sample_original", ROOT / "resources/sample/sample_article.original.txt"))
    sets += text_sets("news-held", "heldout/originals2") + text_sets("news-held-2", "heldout/originals3")
    sets += text_sets("news-3", "fit_news/originals") + text_sets("news-uk", "heldout/originals_uk")
    sets += text_sets("news-diverse", "heldout/originals_diverse") + text_sets("news-fresh", "heldout/originals_fresh")
    sets += text_sets("science", "science/originals") + text_sets("news-dev", "dev/originals")
    sets += text_sets("news-ninth", "heldout/originals_ninth") + text_sets("news-tenth", "heldout/originals_tenth")
    sets += text_sets("news-eleventh", "heldout/originals_eleventh")
    sets += text_sets("news-devseed", "dev_seedstyle/originals")
    sets += text_sets("news-thirteenth", "heldout/originals_thirteenth")
    texts = sorted((DATA / "brown/clean").glob("*.txt"))
    sets += [(brown_split(p), p.stem, p) for p in (texts[:12] if quick else texts)]
    return sets


def unspun_paths(brown: bool = True) -> list[Path]:
    """Every unspun text the benchmarks hold (``clean_sets`` and data/clean_registers), the Brown press texts of 1961
    only with ``brown``: the honest side of the weights that are measured, not fitted (figure_style.py,
    article_style.py)."""
    paths = [path for group, _, path in clean_sets(quick=False) if brown or not group.startswith("brown")]
    return paths + sorted((DATA / "clean_registers").glob("*.txt"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threshold", type=float, default=APPLY_THRESHOLD)
    parser.add_argument("--quick", action="store_true", help="the seed, the hand sets and 6+6 Brown texts")
    parser.add_argument("--verbose", action="store_true", help="a line per text")
    parser.add_argument("--brown-spun", type=Path, default=DATA / "brown/spun", metavar="DIR",
                        help="the spun Brown texts to score (default: data/brown/spun)")
    parser.add_argument("--only", nargs="+", default=[""], metavar="PREFIX", help="only these groups")
    args = parser.parse_args()
    wanted = tuple(args.only)
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    engine = load_engine()
    results: dict[str, dict] = {}
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    print(f"{'spun text':24} {'P':>6} {'R':>6} {'F1':>6} {'restore':>8}")
    for group, name, article, gold in spun_sets(args.quick, args.brown_spun):
        if not group.startswith(wanted):
            continue
        out = out_dir / f"{group}_{name}.json"
        check(engine, article, args.threshold, out)
        r = score(["--gold", str(gold), "--article", str(article), "--suggestions", str(out)])
        results[f"{group}/{name}"] = r
        add_counts(totals[group], r)
        if args.verbose or group.startswith(("hand", "fresh", "science", "dev", "ninth")):
            print(f"{group + '/' + name:24} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                  f"{r['restoration']:8.3f}")
    for group, t in totals.items():
        p, rec, f1, rest = micro_average(t)
        print(f"{group + ', all':24} {p:6.3f} {rec:6.3f} {f1:6.3f} {rest:8.3f}   ({int(t['gold'])} substitutions)")
    print(f"\n{'unspun text':24} {'words':>6} {'flags':>6} {'per 1k':>7}")
    clean_totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for group, name, article in clean_sets(args.quick):
        if not group.startswith(wanted):
            continue
        out = out_dir / f"{group}_clean_{name}.json"
        check(engine, article, args.threshold, out)
        r = score(["--clean", str(article), "--suggestions", str(out)])
        results[f"{group}/clean/{name}"] = r
        clean_totals[group][0] += r["words"]
        clean_totals[group][1] += r["flags"]
        if args.verbose or group.startswith(("hand", "news", "science")):
            print(f"{group + '/' + name:24} {r['words']:6} {r['flags']:6} {r['flags_per_1k_words']:7.2f}  "
                  f"{', '.join(r['false_flags'])}")
    for group, (words, flags) in clean_totals.items():
        print(f"{group + ', all':24} {words:6} {flags:6} {1000 * flags / max(words, 1):7.2f}")
    (out_dir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
