"""How often "a"/"an" does not fit the word after it, in honest writing and where a real spinner swapped that word.

    .venv/bin/python benchmarks/article_style.py

Prints the log-likelihood ratio that ``article_fit`` in resources/data/engine_weights.json takes (see
reader/core/articles.py): ln(P(the article left unfitting | the word after it was swapped for one of another initial
sound) / P(an unfitting article | honest writing)), add-one smoothed. The numerator comes from the seed's real
spinner (its gold substitutions right after "a"/"an" whose original and spun word begin with different sounds);
the denominator from every unspun text here (``evaluate.unspun_paths``: modern news, other registers, science
abstracts, the Brown press texts of 1961), counting only the places the engine judges (``articles.judged``).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from evaluate import unspun_paths  # noqa: E402
from score_suggestions import load_gold  # noqa: E402

from reader.core.articles import initial_sound, judged, misfit_sound  # noqa: E402
from reader.core.tokens import Kind, Token, tokenize  # noqa: E402

SEED = ROOT.parent / "shared" / "corpus" / "seed_spun_article.txt"
SEED_GOLD = ROOT.parent / "shared" / "corpus" / "seed_gold.tsv"


def article_places(text: str) -> list[tuple[Token, Token]]:
    """Each "a"/"an" of the text with the word after it, where the engine judges that word (``articles.judged``)."""
    tokens = [t for t in tokenize(text) if t.kind is not Kind.PUNCT]
    return [(article, word) for article, word in zip(tokens, tokens[1:], strict=False)
            if article.norm in ("a", "an") and judged(word)]


def honest_places() -> tuple[int, int, list[str]]:
    """(places where an article precedes a word of judged sound, places where it does not fit, examples)."""
    places = misfits = 0
    examples = []
    for path in unspun_paths():
        for article, word in article_places(path.read_text(encoding="utf-8")):
            places += 1
            if misfit_sound(article, word):
                misfits += 1
                examples.append(f"{article.text} {word.text} ({path.name})")
    return places, misfits, examples


def spinner_places() -> tuple[int, int]:
    """(seed substitutions right after an article whose spun word begins with another sound than its original,
    those where the article was left unfitting), at the places the engine judges, as for honest text."""
    text = SEED.read_text(encoding="utf-8")
    after_article = {word.start: (article, word) for article, word in article_places(text)}
    changed = left = 0
    for gold in load_gold(str(SEED_GOLD), text):
        if gold.kind not in "SD" or gold.start not in after_article:
            continue
        article, word = after_article[gold.start]
        original = initial_sound(gold.originals[0])
        if original is None or original == initial_sound(word.text):
            continue
        changed += 1
        left += misfit_sound(article, word) is not None
    return changed, left


def main() -> None:
    places, misfits, examples = honest_places()
    changed, left = spinner_places()
    honest = (misfits + 1) / (places + 2)
    spun = (left + 1) / (changed + 2)
    print(f"unspun text: {places} articles before a word of judged sound, {misfits} unfitting {examples}")
    print(f"seed: {changed} substitutions after an article that changed the initial sound, {left} left unfitting")
    ratio = math.log(spun / honest)
    print(f"P(unfitting | swapped) {spun:.4f}, P(unfitting | honest) {honest:.5f}, ln ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
