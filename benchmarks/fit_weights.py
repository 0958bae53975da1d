"""Fit the engine's evidence weights on labelled text and write resources/data/engine_weights.json.

    .venv/bin/python benchmarks/fit_weights.py [--rounds 3] [--dry-run]

Labelled text: spun articles with gold files (the seed in ../shared/corpus, benchmarks/data/spun/*.gold.tsv and,
with --brown all, the odd-numbered Brown texts spun by spin_brown.py) and unspun articles (benchmarks/data/clean/*.txt
and, with --brown clean or all, the odd-numbered Brown press texts; with --registers, data/clean_registers: sport,
reviews and medical news), where every option is a "keep".
The model is a conditional logit per span: "keep as published" (score 0) against each candidate (score
w . features). A gold span whose original is not among the candidates still teaches detection: its target is
"some candidate". With --calibrate, a second stage then fits how the span's summed odds and the article prior map to
P(substituted) (three numbers, Weights.calibration) on more text, so detection is calibrated without disturbing how
candidates are ranked.
Features depend on the weights (spin-rate prior, repeats, refuted swaps, restored context), so fitting alternates with
re-running the engine a few rounds.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))

from score_suggestions import Gold, load_gold, norm  # noqa: E402

from reader.core.engine import Engine, load_engine  # noqa: E402
from reader.core.option import Option  # noqa: E402
from reader.core.suggestion import calibration_share  # noqa: E402
from reader.core.weights import Weights, confidence_evidence  # noqa: E402

KEEP, CORRECT, ANY = 0, 1, 2
RankingData = list[tuple[list[dict[str, float]], int, float]]  # per span: options' features, right one, weight


def spun_sets(folder: Path, prefix: str = "") -> list[tuple[str, str, Path | None]]:
    """Every spun article in ``folder`` that has a gold file beside it (NAME.txt, NAME.gold.tsv)."""
    sets: list[tuple[str, str, Path | None]] = []
    for gold in sorted(folder.glob("*.gold.tsv")):
        article = gold.with_name(gold.name.replace(".gold.tsv", ".txt"))
        sets.append((prefix + article.stem, article.read_text(encoding="utf-8"), gold))
    return sets


def clean_sets(folder: Path) -> list[tuple[str, str, Path | None]]:
    """Every unspun article in ``folder``."""
    return [(clean.stem, clean.read_text(encoding="utf-8"), None) for clean in sorted(folder.glob("*.txt"))]


def labelled_sets(
    include_seed: bool = True,
    brown: str = "none",
    fit_news: str = "none",
    registers: bool = False,
    dev: bool = False,
    more_clean: bool = False,
) -> list[tuple[str, str, Path | None]]:
    """(name, text, gold path or None for unspun text); of the Brown texts only the odd-numbered (the rest are held).
    With ``dev``, the two development sets (data/dev, data/dev_seedstyle), spun and unspun, are fitting texts too;
    with ``more_clean``, only their unspun originals and data/fit_news's (honest modern news to hold a refit)."""
    sets: list[tuple[str, str, Path | None]] = []
    data = ROOT / "benchmarks" / "data" / "brown"
    if brown in ("clean", "all"):
        for clean in sorted((data / "clean").glob("ca*.txt")):
            if int(clean.stem[2:]) % 2:
                sets.append((clean.stem, clean.read_text(encoding="utf-8"), None))
    if brown == "all":
        for spun in sorted((data / "spun").glob("ca*.txt")):
            if int(spun.stem[2:]) % 2:
                sets.append(("spun-" + spun.stem, spun.read_text(encoding="utf-8"), spun.with_suffix(".gold.tsv")))
    if include_seed:
        seed = SHARED / "corpus" / "seed_spun_article.txt"
        sets.append(("seed", seed.read_text(encoding="utf-8"), SHARED / "corpus" / "seed_gold.tsv"))
    sets += spun_sets(ROOT / "benchmarks" / "data" / "spun")
    sets += clean_sets(ROOT / "benchmarks" / "data" / "clean")
    if registers:
        sets += clean_sets(ROOT / "benchmarks" / "data" / "clean_registers")
    news = ROOT / "benchmarks" / "data" / "fit_news"
    if fit_news in ("spun", "all"):
        sets += spun_sets(news / "spun", prefix="moby-")
    if fit_news == "all":
        sets += clean_sets(news / "originals")
    if more_clean:
        for folder in ("fit_news", "dev", "dev_seedstyle"):
            sets += clean_sets(ROOT / "benchmarks" / "data" / folder / "originals")
    if dev:
        for folder in ("dev", "dev_seedstyle"):
            sets += spun_sets(ROOT / "benchmarks" / "data" / folder / "spun", prefix=f"{folder}-")
            sets += clean_sets(ROOT / "benchmarks" / "data" / folder / "originals")
    return sets


def labelled_spans(engine: Engine, text: str, gold_path: Path | None) -> Iterator[tuple[list[Option], Gold | None]]:
    """Each span the engine considered, with its options and its gold substitution (None: kept as published).

    Spans that overlap a gold span without matching it, or match an unsure (X) one, have no label and are skipped.
    """
    groups, options, _ = engine.options(text)
    gold = load_gold(str(gold_path), text) if gold_path else []
    spans: dict[tuple[int, int, int], list[Option]] = {}
    for option in options:
        spans.setdefault((option.chunk, option.first, option.last), []).append(option)
    for (chunk, first, last), opts in spans.items():
        start, end = groups[chunk][first].start, groups[chunk][last - 1].end
        hits = [g for g in gold if start < g.end and g.start < end]
        if not hits:
            yield opts, None
            continue
        exact = [g for g in hits if g.start == start and g.end == end and g.kind in ("S", "D")]
        if exact:
            yield opts, exact[0]


def groups_for(engine: Engine, text: str, gold_path: Path | None) -> list[tuple[list[dict[str, float]], int, int]]:
    """Per span: the options' features, the label kind and the index of the correct option (-1 if none)."""
    out = []
    for opts, substitution in labelled_spans(engine, text, gold_path):
        feats = [o.features() for o in opts]
        if substitution is None:
            out.append((feats, KEEP, -1))
            continue
        wanted = {norm(o) for o in substitution.originals}
        index = next((i for i, o in enumerate(opts) if norm(o.candidate.wording) in wanted), -1)
        out.append((feats, CORRECT if index >= 0 else ANY, index))
    return out


def span_rows(engine: Engine, text: str, gold_path: Path | None) -> list[tuple[float, float, int]]:
    """Per labelled span: its uncalibrated summed log-odds, the article prior, and 1 if it was substituted."""
    rows = []
    for opts, substitution in labelled_spans(engine, text, gold_path):
        summed = float(np.log(sum(np.exp(min(o.log_odds, 50.0)) for o in opts)))  # as Settling._settler sums
        rows.append((summed, opts[0].prior, int(substitution is not None)))
    return rows


def adam_step(w: np.ndarray, grad: np.ndarray, m: np.ndarray, v: np.ndarray, step: int, rate: float) -> None:
    """One Adam update of ``w`` in place (``m``, ``v``: its running moments, also updated in place)."""
    m *= 0.9
    m += 0.1 * grad
    v *= 0.999
    v += 0.001 * grad**2
    w -= rate * (m / (1 - 0.9 ** (step + 1))) / (np.sqrt(v / (1 - 0.999 ** (step + 1))) + 1e-8)


def calibrate(rows: list[tuple[float, float, int]], span_weights: list[float] | None = None,
              steps: int = 3000, use_prior: bool = True) -> dict[str, float]:
    """Logistic regression of "substituted" on (summed log-odds, prior): three numbers, each span counted once or
    with its weight."""
    finite = [i for i, (raw, _, _) in enumerate(rows) if np.isfinite(raw)]
    x = np.array([[rows[i][0], rows[i][1], 1.0] for i in finite])
    y = np.array([rows[i][2] for i in finite], dtype=float)
    weight = np.array([span_weights[i] for i in finite]) if span_weights else np.ones(len(finite))
    weight = weight / weight.mean()
    w = np.array([1.0, 0.0, 0.0])
    m = np.zeros(3)
    v = np.zeros(3)
    for step in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        adam_step(w, x.T @ ((p - y) * weight) / len(y), m, v, step, 0.02)
        if not use_prior:
            w[1] = 0.0  # rescale the evidence only: with few spun articles the prior alone would separate them
    return {"scale": round(float(w[0]), 4), "prior": round(float(w[1]), 4), "shift": round(float(w[2]), 4)}


ConfidenceRow = tuple[float, float, int, str]


def confidence_rows(engine: Engine, text: str, gold_path: Path | None) -> list[ConfidenceRow]:
    """(logit of the raw confidence, ln of the article's flagged share, right, relation) of each reported
    suggestion the stage judges; "right" as in calibration.py: it touches a gold substitution (suggestions touching
    only unsure spans are left out)."""
    suggestions, relations, words, staged, _ = engine.reported(text)
    gold = load_gold(str(gold_path), text) if gold_path else []
    share = calibration_share(suggestions, words)
    rows = []
    for s, relation, judged in zip(suggestions, relations, staged, strict=True):
        if not judged:
            continue  # shown at its raw confidence (Reported.staged)
        hits = [g for g in gold if s.start < g.end and g.start < s.end]
        if hits and not any(g.kind in "SD" for g in hits):
            continue
        rows.append((*confidence_evidence(s.confidence, share), int(bool(hits)), relation))
    return rows


def fit_confidence(rows: list[ConfidenceRow], relations: Sequence[str] = (), knot: float | None = None,
                   steps: int = 3000) -> dict[str, float]:
    """Logistic regression of "right" on (logit of the raw confidence, ln flagged share), plus an offset for each
    of ``relations`` (how the replacement is linked to the published word) and, with a ``knot``, a second slope of
    the share above it."""
    above = (lambda share: [max(0.0, share - math.log(knot))]) if knot else (lambda share: [])
    x = np.array([[evidence, share, 1.0, *above(share), *(float(r == name) for name in relations)]
                  for evidence, share, _, r in rows])
    y = np.array([right for _, _, right, _ in rows], dtype=float)
    w = np.zeros(x.shape[1])
    w[0] = 1.0
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -50, 50)))
        adam_step(w, x.T @ (p - y) / len(y), m, v, step, 0.02)
    fitted = {"scale": round(float(w[0]), 4), "spin": round(float(w[1]), 4), "shift": round(float(w[2]), 4)}
    if knot:
        fitted.update({"spin_knot": knot, "spin_above_knot": round(float(w[3]), 4)})
    offsets = w[4:] if knot else w[3:]
    fitted.update({f"relation:{name}": round(float(value), 4) for name, value in zip(relations, offsets, strict=True)})
    return fitted


def fit(data, names: list[str], start: dict[str, float], counts: list[float], l2: float = 0.02,
        steps: int = 800, frozen: frozenset[str] = frozenset()) -> dict[str, float]:
    rows, group_of, kinds, correct_rows = [], [], [], []
    for g, (feats, kind, index) in enumerate(data):
        base = len(rows)
        for f in feats:
            rows.append([f.get(n, 0.0) if n != "bias" else 1.0 for n in names])
            group_of.append(g)
        kinds.append(kind)
        correct_rows.append(base + index if kind == CORRECT else -1)
    x = np.array(rows)
    group_of_a = np.array(group_of)
    kinds_a = np.array(kinds)
    correct_a = np.array(correct_rows)
    n_groups = len(data)
    w = np.array([start.get(n, 0.0) for n in names])
    free = np.array([n not in frozen for n in names], dtype=float)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    # Spun spans are rarer than kept ones; weight classes so both matter, as the targets are F1 and restoration.
    counts_a = np.array(counts)
    ratio = counts_a[kinds_a == KEEP].sum() / max(counts_a[kinds_a != KEEP].sum(), 1.0)
    weights = counts_a * np.where(kinds_a == KEEP, 1.0, max(1.0, ratio) ** 0.5)
    for step in range(steps):
        z = np.clip(x @ w, -50, 50)
        ez = np.exp(z)
        denom = 1.0 + np.bincount(group_of_a, weights=ez, minlength=n_groups)
        p = ez / denom[group_of_a]  # probability of each option
        target = np.zeros_like(p)
        is_correct = correct_a[correct_a >= 0]
        target[is_correct] = 1.0
        any_rows = kinds_a[group_of_a] == ANY
        p_any = 1.0 - 1.0 / denom
        target[any_rows] = (p / p_any[group_of_a])[any_rows]
        grad_rows = (p - target) * weights[group_of_a]
        adam_step(w, (x.T @ grad_rows / counts_a.sum() + l2 * w) * free, m, v, step, 0.05)
    return {n: round(float(value), 4) for n, value in zip(names, w, strict=True)}


def fit_ranking(data: RankingData, names: list[str], start: dict[str, float],
                l2: float = 0.02, steps: int = 800) -> dict[str, float]:
    """Multinomial logit over a substituted span's candidates only (no "keep"): which one is the original.

    ``data`` holds, per restorable span, its options' features, the index of the right one and the span's weight.
    """
    rows, group_of, correct, weights = [], [], [], []
    for g, (feats, index, weight) in enumerate(data):
        correct.append(len(rows) + index)
        weights.append(weight)
        for f in feats:
            rows.append([f.get(n, 0.0) for n in names])
            group_of.append(g)
    x = np.array(rows)
    group_a = np.array(group_of)
    weight_a = np.array(weights)
    w = np.array([start.get(n, 0.0) for n in names])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(steps):
        z = x @ w
        top = np.full(len(data), -np.inf)
        np.maximum.at(top, group_a, z)
        ez = np.exp(z - top[group_a])
        p = ez / np.bincount(group_a, weights=ez, minlength=len(data))[group_a]
        target = np.zeros_like(p)
        target[correct] = 1.0
        adam_step(w, x.T @ ((p - target) * weight_a[group_a]) / weight_a.sum() + l2 * w, m, v, step, 0.05)
    return {n: round(float(value), 4) for n, value in zip(names, w, strict=True)}


def ranking_data(engine: Engine, sets: list[tuple[str, str, Path | None]]) -> RankingData:
    """Restorable spans of the spun sets; each source (the seed, the Brown texts) weighs the same in total."""
    by_source: dict[str, list[tuple[list[dict[str, float]], int]]] = {}
    for name, text, gold in sets:
        if gold is None:
            continue
        for feats, kind, index in groups_for(engine, text, gold):
            if kind == CORRECT and len(feats) > 1:
                by_source.setdefault(source_of(name, gold), []).append((feats, index))
    return [(feats, index, 1.0 / len(spans)) for spans in by_source.values() for feats, index in spans]


def source_of(name: str, gold: Path | None) -> str:
    """Which body of text a set belongs to: the seed, the Brown texts (spun or not), the hand-written texts."""
    brown = name.startswith(("spun-", "ca"))
    return ("brown" if brown else "seed" if name == "seed" else "hand") + ("-spun" if gold else "-clean")


def balanced(counts: list[float], sources: list[str]) -> list[float]:
    """Rescale span weights so that every source weighs what the smallest spun source weighs: one spinner's
    habits (the Brown texts' MyThes thesaurus has ten times the seed's spans) must not decide the weights."""
    totals: dict[str, float] = {}
    for count, source in zip(counts, sources, strict=True):
        totals[source] = totals.get(source, 0.0) + count
    reference = min(total for source, total in totals.items() if source.endswith("-spun"))
    return [count * reference / totals[source] for count, source in zip(counts, sources, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--registers", action="store_true",
                        help="add data/clean_registers (unspun sport, reviews, medical news) to the unspun texts")
    parser.add_argument("--no-seed", action="store_true", help="fit without the seed article (to test transfer)")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--fit-news", choices=("none", "spun", "all"), default="none",
                        help="add data/fit_news: the Moby-spun articles (spun) and their originals too (all)")
    parser.add_argument("--clean-weight", type=float, default=3, help="how many times unspun spans count")
    parser.add_argument("--brown", choices=("none", "clean", "all"), default="none",
                        help="also fit on the odd-numbered Brown texts: unspun only, or unspun and spun")
    parser.add_argument("--calibrate", choices=("none", "fit", "clean", "all"), default="none",
                        help="then fit the detection calibration on the fitting texts, adding the odd-numbered Brown "
                        "texts (clean: the unspun ones; all: both)")
    parser.add_argument("--calibrate-without-prior", action="store_true",
                        help="the calibration only rescales and shifts the evidence (no article-prior term)")
    parser.add_argument("--ranking", choices=("none", "seed", "all"), default="none",
                        help="fit a separate ranking model on substituted spans: the seed (and data/spun), or also "
                        "the odd-numbered Brown spun texts, each source weighing the same")
    parser.add_argument("--balance", action="store_true",
                        help="each source (seed, Brown spun, Brown unspun, hand-written unspun) weighs the same")
    parser.add_argument("--only-ranking", action="store_true", help="keep the detection coefficients as they are")
    parser.add_argument("--confidence", action="store_true",
                        help="fit only the confidence the reader sees (last stage), on the reported suggestions of "
                             "the seed, data/clean, data/clean_registers and the odd Brown texts, spun and unspun; "
                             "use with --rounds 0")
    parser.add_argument("--confidence-relations", nargs="*", default=[], metavar="RELATION",
                        help="with --confidence: also fit an offset for suggestions linked by each of these relations "
                             "(synonym, hypernym, hyponym, sibling, similar, pattern, ...)")
    parser.add_argument("--confidence-knot", type=float, metavar="SHARE",
                        help="with --confidence: the article's flagged share gets a second slope above this share")
    parser.add_argument("--dev", action="store_true",
                        help="also fit (and fit the confidence) on the development sets, spun and unspun")
    parser.add_argument("--more-clean", action="store_true",
                        help="also fit on the unspun originals of data/fit_news and the development sets")
    parser.add_argument("--freeze-known", action="store_true",
                        help="fit only features the current weights lack (a new source of evidence), keeping the rest")
    args = parser.parse_args()
    engine = load_engine()
    # counted_figure and article_fit are measured (benchmarks/figure_style.py, benchmarks/article_style.py), not
    # fitted: the fitting texts hold two such places each but the odd Brown texts.
    frozen = (frozenset(engine.weights.coefficients) if args.freeze_known else frozenset()) | {
        "counted_figure", "article_fit"}
    sets = labelled_sets(
        include_seed=not args.no_seed, brown=args.brown, fit_news=args.fit_news, registers=args.registers, dev=args.dev,
        more_clean=args.more_clean,
    )
    print(f"{len(sets)} texts: " + ", ".join(name for name, _, _ in sets))
    if args.rounds:
        engine.weights.calibration = Weights().calibration  # identity: the coefficients are fitted uncalibrated
    for round_number in range(args.rounds):
        data, counts, sources = [], [], []
        for name, text, gold in sets:
            # Unspun text counts more: a false flag on honest news costs a reader's trust.
            found = groups_for(engine, text, gold)
            data.extend(found)
            counts.extend([1.0 if gold else args.clean_weight] * len(found))
            sources.extend([source_of(name, gold)] * len(found))
        if args.balance:
            counts = balanced(counts, sources)
        names = sorted({n for feats, _, _ in data for f in feats for n in f} | {"bias"})
        kinds = [k for _, k, _ in data]
        print(f"round {round_number + 1}: {len(data)} spans ({kinds.count(CORRECT)} restorable, "
              f"{kinds.count(ANY)} spun without the right candidate, {kinds.count(KEEP)} kept)")
        if not args.only_ranking:
            coefficients = fit(data, names, engine.weights.coefficients, counts, frozen=frozen)
            print(json.dumps(coefficients))
            engine.weights.coefficients = coefficients
            engine.forget_rankings()  # the static cut of candidates depends on the coefficients
        if args.ranking != "none":
            ranked = ranking_data(engine, labelled_sets(not args.no_seed, "all" if args.ranking == "all" else "none"))
            rank_names = [n for n in names if n not in ("bias", "prior", "unknown", "multiword")]
            engine.weights.ranking = fit_ranking(ranked, rank_names, engine.weights.ranking_coefficients)
            engine.forget_rankings()
            print(f"ranking on {len(ranked)} restorable spans: " + json.dumps(engine.weights.ranking))
    if args.calibrate != "none":
        brown = "none" if args.calibrate == "fit" else args.calibrate
        calibration_sets = labelled_sets(include_seed=not args.no_seed, brown=brown)
        for round_number in range(2):
            rows, sources = [], []
            for name, text, gold in calibration_sets:
                found = span_rows(engine, text, gold)
                rows.extend(found)
                sources.extend([source_of(name, gold)] * len(found))
            span_weights = balanced([1.0] * len(rows), sources) if args.balance else None
            engine.weights.calibration = calibrate(rows, span_weights, use_prior=not args.calibrate_without_prior)
            print(f"calibration round {round_number + 1}: {len(rows)} spans ({sum(r[2] for r in rows)} substituted) "
                  + json.dumps(engine.weights.calibration))
    if args.confidence:
        rows = []
        for _, text, gold in labelled_sets(include_seed=not args.no_seed, brown="all", registers=True, dev=args.dev,
                                           more_clean=args.more_clean):
            rows.extend(confidence_rows(engine, text, gold))
        engine.weights.confidence = fit_confidence(rows, args.confidence_relations, args.confidence_knot)
        print(f"confidence on {len(rows)} reported suggestions ({sum(r[2] for r in rows)} right): "
              + json.dumps(engine.weights.confidence))
    if not args.dry_run:
        path = ROOT / "resources" / "data" / "engine_weights.json"
        document = {
            "coefficients": engine.weights.coefficients,
            "calibration": engine.weights.calibration,
            "ranking": engine.weights.ranking,
            "confidence": engine.weights.confidence,
        }
        path.write_text(json.dumps(document, indent=1) + "\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
