"""The sidebar on a large library, offscreen: how long the window takes to list, search, filter, sort and group.

    .venv/bin/python benchmarks/library_bench.py --keep /tmp/bench10k     # builds 10,000 articles once
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/sidebar_bench.py /tmp/bench10k/library.sqlite3

Every figure is wall time on the GUI thread (story groups run on a worker in the app; timed here directly).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.gui.library_actions import GROUPED_ARTICLES  # noqa: E402
from reader.gui.settings import Settings  # noqa: E402
from reader.gui.sidebar import ArticleTableModel  # noqa: E402
from reader.gui.window import MainWindow  # noqa: E402
from reader.library import Library  # noqa: E402


class NoPool:
    def start(self, runnable: object) -> None:
        pass  # background work is timed separately below


def ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:7.1f} ms"


def main() -> int:
    path = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    settings = Settings(QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
    start = time.perf_counter()
    library = Library(path, check=False)
    window = MainWindow(object, pool=NoPool(), settings=settings, library=library)  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    print(f"open library + window listing {len(window.sidebar.articles.rows)} of {library.count_articles()} "
          f"articles: {ms(start)}")
    model = window.sidebar.articles
    words = [row.title.split()[0] for row in model.rows[:5]]
    for word in [*words, "ananberber", "loi"]:
        start = time.perf_counter()
        model.set_query(search=word)
        app.processEvents()
        print(f"search {word!r:14} -> {len(model.rows):4} rows: {ms(start)}")
    model.set_query(search="")
    for label, change in (("unread only", {"unread_only": True}), ("starred only", {"starred_only": True}),
                          ("spin >= 10%", {"min_spin": 0.1}), ("all again", {"unread_only": False,
                                                                               "starred_only": False,
                                                                               "min_spin": None})):
        start = time.perf_counter()
        model.set_query(**change)
        app.processEvents()
        print(f"filter {label:14} -> {len(model.rows):4} rows: {ms(start)}")
    for column, name in ((ArticleTableModel.TITLE, "title (SQL)"), (ArticleTableModel.FEED, "feed (Python)"),
                         (ArticleTableModel.DATE, "date (SQL)")):
        start = time.perf_counter()
        window.sidebar.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        print(f"sort by {name:14}: {ms(start)}")
    ids = [row.id for row in model.rows[:GROUPED_ARTICLES]]
    start = time.perf_counter()
    groups = library.story_groups(ids)
    print(f"story groups among the {len(ids)} newest (worker thread in the app): {ms(start)}, {len(groups)} groups")
    start = time.perf_counter()
    matches = library.find_sources_of(ids[0])
    print(f"find the source of one article (worker thread in the app): {ms(start)}, {len(matches)} matches")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
