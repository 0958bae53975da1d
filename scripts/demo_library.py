"""Fill a library with demo articles for screenshots: originals in one feed, spun copies in another.

    UNSPIN_DATA_DIR=/tmp/demo .venv/bin/python scripts/demo_library.py

The feeds are labelled "(demo)" and point at example.org addresses, so nobody mistakes them for real ones.
Every article is analysed by the real engine, so the spin scores shown are the engine's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.engine import load_engine  # noqa: E402
from reader.core.weights import engine_version  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.sources.files import read_article  # noqa: E402

ORIGINALS = [
    (ROOT / "resources/sample/sample_article.original.txt", "2024-03-04T08:00:00Z"),
    (ROOT / "benchmarks/data/heldout/originals/hospital_strike.txt", "2024-03-05T09:30:00Z"),
    (ROOT / "benchmarks/data/heldout/originals/stadium_vote.txt", "2024-03-06T07:15:00Z"),
    (ROOT / "benchmarks/data/clean/lead_transit_budget.txt", "2024-03-06T18:00:00Z"),
    (ROOT / "benchmarks/data/clean/lead_drought_farmers.txt", "2024-03-07T06:45:00Z"),
]
COPIES = [
    (ROOT / "benchmarks/data/heldout/spun/hospital_strike.txt", "2024-03-05T15:10:00Z"),
    (ROOT / "benchmarks/data/heldout/spun/stadium_vote.txt", "2024-03-07T11:20:00Z"),
]


def main() -> int:
    engine = load_engine()
    with Library.open() as library:
        wire = library.add_feed("https://example.org/citywire.xml", "City Wire (demo)", "https://example.org/")
        farm = library.add_feed("https://example.com/farm.xml", "Content Farm (demo)", "https://example.com/")
        for feed_id, files in ((wire, ORIGINALS), (farm, COPIES)):
            for path, date in files:
                if not path.is_file():
                    continue
                article = read_article(path)
                article_id = library.add_article(title=article.title, text=article.text, date=date,
                                                 feed_id=feed_id, guid=path.name, source=str(path))
                library.save_analysis(article_id, engine.analyze(article.text), engine_version())
        print(f"{library.count_articles()} articles in {library.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
