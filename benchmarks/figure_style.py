"""How news writes a count under ten: spelled out ("two leaders") or as a figure ("2 leaders").

    .venv/bin/python benchmarks/figure_style.py

Applies the engine's own test (``Engine.counts_things``: the word counts the plural noun after it, which is no
unit of measurement) to every "2"-"9" and "two"-"nine" in the modern unspun texts (``evaluate.unspun_paths``) and
in the seed's spun article, and prints the counts with the log-likelihood ratio that ``counted_figure`` in
resources/data/engine_weights.json takes: ln(P(figure | spun) / P(figure | unspun)), add-one smoothed, the spun
share from the seed's real spinner.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import unspun_paths  # noqa: E402

from reader.core.engine import load_engine  # noqa: E402
from reader.core.tokens import chunks, tokenize  # noqa: E402

SPELLED = frozenset("two three four five six seven eight nine".split())
FIGURES = frozenset("23456789")
UNSPUN = unspun_paths(brown=False)  # modern writing: 1961's news style is no guide to today's
SPUN = [ROOT.parent / "shared" / "corpus" / "seed_spun_article.txt"]


def count(paths: list[Path]) -> tuple[int, int, list[str]]:
    engine = load_engine()
    spelled = figures = 0
    examples = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        tokens = tokenize(text)
        tags = engine.tagger.tag_tokens(tokens) if engine.tagger else {}
        for chunk in chunks(text, tokens):
            for index, token in enumerate(chunk):
                if token.norm in FIGURES or token.norm in SPELLED:
                    if engine.counts_things(text, chunk, index, tags):
                        if token.norm in FIGURES:
                            figures += 1
                            examples.append(" ".join(t.text for t in chunk[index : index + 3]))
                        else:
                            spelled += 1
    return spelled, figures, examples


def main() -> None:
    honest_spelled, honest_figures, honest_examples = count(UNSPUN)
    spun_spelled, spun_figures, spun_examples = count(SPUN)
    print(f"unspun news ({len(UNSPUN)} texts): spelled {honest_spelled}, figures {honest_figures} {honest_examples}")
    print(f"seed (spun): spelled {spun_spelled}, figures {spun_figures} {spun_examples}")
    honest = (honest_figures + 1) / (honest_figures + honest_spelled + 2)
    spun = (spun_figures + 1) / (spun_figures + spun_spelled + 2)
    print(f"P(figure | unspun) {honest:.4f}, P(figure | spun) {spun:.4f}, ln ratio {math.log(spun / honest):.2f}")


if __name__ == "__main__":
    main()
