"""Library speed: open a 10,000-article library, search it, find the source of a new spun article.

Targets (issue 5): open and each search under 200 ms; finding the source under 1 s.
Articles are synthetic but shaped like news: a Zipf vocabulary of common words, per-story names, numbers
and a quotation, about 450 words each. Usage:  python benchmarks/library_bench.py [--articles N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.library import Library  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "ber", "qui", "tem", "po", "ral", "nex"]


def make_words(rng: random.Random, count: int, low: int, high: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))))
    return sorted(words)


def make_article(rng: random.Random, common: list[str], names: list[str], weights: list[float]) -> tuple[str, str]:
    people = [n.capitalize() for n in rng.sample(names, 4)]
    numbers = [str(rng.randint(10, 99999)) for _ in range(4)]
    sentences = []
    for _ in range(30):
        words = rng.choices(common, weights, k=rng.randint(10, 18))
        words.insert(rng.randrange(len(words)), rng.choice(people))
        if rng.random() < 0.4:
            words.insert(rng.randrange(len(words)), rng.choice(numbers))
        sentences.append(" ".join(words).capitalize() + ".")
    quote = " ".join(rng.choices(common, weights, k=12))
    sentences.insert(5, f'"{quote}," {people[0]} said.')
    return f"{people[0]} and {people[1]} on {numbers[0]}", " ".join(sentences)


def spin(rng: random.Random, text: str, synonyms: dict[str, str], rate: float = 0.3) -> str:
    """Swap 30% of the common words for a fixed "synonym" (another common word), as a thesaurus would."""
    return " ".join(synonyms[w] if w in synonyms and rng.random() < rate else w for w in text.split(" "))


def timed(fn, repeat: int = 1):  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return result, times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the library in this folder")
    args = parser.parse_args()
    rng = random.Random(5)
    common = make_words(rng, 6000, 1, 4)
    weights = [1 / (rank + 1) for rank in range(len(common))]
    names = make_words(rng, 3000, 3, 4)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="unspin-bench-"))
    path = folder / "library.sqlite3"
    texts: list[tuple[str, str]] = [make_article(rng, common, names, weights) for _ in range(args.articles)]
    if not path.exists():
        start = time.perf_counter()
        with Library(path) as lib, lib.transaction():
            feed = lib.add_feed("http://127.0.0.1/bench", "Bench")
            for i, (title, text) in enumerate(texts):
                lib.add_article(title=title, text=text, feed_id=feed, guid=str(i), date=f"2024-01-{i % 28 + 1:02d}")
        print(f"built {args.articles} articles in {time.perf_counter() - start:.1f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)")
    checked, check_ms = timed(lambda: Library(path, check=True))
    assert checked is not None
    checked.close()
    print(f"open with full integrity check (after a crash): {check_ms[0]:.0f} ms")
    lib, open_ms = timed(lambda: Library(path))
    assert lib is not None
    print(f"open (clean shutdown before): {open_ms[0]:.0f} ms")
    queries = [common[3], common[500], names[10].capitalize(), f"{common[40]} {common[41]}", common[2000][:3],
               f"{names[7]} {common[12]}"]
    search_ms = []
    for q in queries:
        hits, ms = timed(lambda q=q: lib.search(q, limit=50), repeat=3)
        search_ms.append(max(ms))
        print(f"search {q!r:24} {len(hits or []):3} hits  worst of 3: {max(ms):6.1f} ms")
    _, list_ms = timed(lambda: lib.list_articles(sort="spin", limit=500), repeat=3)
    print(f"list 500 by spin score: {max(list_ms):.1f} ms")
    source_index = rng.randrange(args.articles)
    copy = spin(rng, texts[source_index][1], {w: common[(i + 7) % 3000] for i, w in enumerate(common[:3000])})
    find_ms = []
    found = None
    for _ in range(3):
        found, ms = timed(lambda: lib.find_sources(copy, limit=5))
        find_ms.append(ms[0])
    assert found is not None
    rank = next((i for i, m in enumerate(found) if m.article_id == source_index + 1), None)
    print(f"find source of a spun copy: worst of 3: {max(find_ms):.0f} ms; the source is match #"
          f"{'none' if rank is None else rank + 1} (score {found[0].score:.2f}, similarity {found[0].similarity:.2f})")
    lib.close()
    ok = open_ms[0] < 200 and max(search_ms) < 200 and max(find_ms) < 1000 and rank == 0
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
