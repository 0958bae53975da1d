"""Open URL, subscribe, refresh feeds and OPML from the window, against servers on 127.0.0.1 run by the tests.

These use a real QThreadPool: the network work runs off the GUI thread and the window keeps answering.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TEXT, FakeEngine, SynchronousPool  # tests/gui/conftest.py
from localserver import LocalServer, closed_port, send, static
from PySide6.QtCore import QThreadPool, QTimer

from reader.gui.settings import Settings
from reader.gui.window import MainWindow
from reader.library import Library
from reader.sources.feeds import parse_opml

pytestmark = pytest.mark.gui

BODY = ("US officers stated on Tuesday that the storm would reach the coast by Friday, bringing heavy rain and "
        "strong winds. The National Weather Service warned 2,000 residents to leave their homes at once.")
PAGE = (f"<!doctype html><html><head><title>Storm nears</title><meta name='author' content='Jane Roe'></head>"
        f"<body><nav>Home | World</nav><article><h1>Storm nears</h1><p>{BODY}</p><p>{BODY}</p></article>"
        "<footer>Copyright</footer></body></html>")
ITEM = ("<item><title>{title}</title><link>{base}/{guid}</link><guid>{guid}</guid>"
        "<pubDate>Tue, 0{day} Mar 2024 10:00:00 GMT</pubDate><description>{text}</description></item>")
FAST = {"timeout": 2.0, "total_timeout": 5.0, "retries": 0, "backoff": 0.01}


def rss(base: str, *items: tuple[str, str, int, str]) -> str:
    body = "".join(ITEM.format(guid=g, title=t, day=d, text=x, base=base) for g, t, d, x in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Daily</title>'
            f"<link>{base}/</link>{body}</channel></rss>")


@pytest.fixture()
def pool() -> Iterator[QThreadPool]:
    threads = QThreadPool()
    yield threads
    threads.waitForDone(10_000)


@pytest.fixture()
def win(qtbot, settings: Settings, library: Library, pool: QThreadPool) -> Iterator[MainWindow]:  # noqa: ANN001
    window = MainWindow(FakeEngine, pool=pool, settings=settings, library=library)
    window.fetch_options = dict(FAST)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()  # before the library closes: background results arriving later are dropped
    pool.waitForDone(10_000)


def slow(seconds: float, body: str, content_type: str = "text/html; charset=utf-8"):  # noqa: ANN201
    """A route that answers after ``seconds``."""
    def route(handler) -> None:  # noqa: ANN001
        time.sleep(seconds)
        send(handler, 200, body.encode(), content_type)
    return route


def test_open_url_fetches_off_the_gui_thread_and_opens_the_article(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    server.routes["/storm"] = slow(0.6, PAGE)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    started = time.perf_counter()
    win.open_url(server.url("/storm"))
    assert time.perf_counter() - started < 0.2  # returns at once
    assert win.fetching == server.url("/storm") and not win.fetch_progress.isHidden()
    qtbot.waitUntil(lambda: win.document is not None and not win.analysing, timeout=10_000)
    timer.stop()
    during = [t for t in ticks if t - started < 0.6]  # the server holds the page back that long
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(during) >= 15 and max(gaps) < 0.25  # the event loop kept running while the page was fetched

    assert win.document.title == "Storm nears"
    assert win.published.toPlainText().startswith(f"Storm nears\n\n{BODY}")  # the article, no navigation or footer
    assert "Home | World" not in win.published.toPlainText()
    assert "US officials said" in win.restored.toPlainText()
    assert win.fetch_progress.isHidden() and win.fetching is None
    stored = library.article(win.article_id)
    assert stored is not None and stored.article.url == server.url("/storm") and stored.article.byline == "Jane Roe"
    assert [row.title for row in win.sidebar.articles.rows] == ["Storm nears"]
    assert win.sidebar.articles.rows[0].is_read  # being read
    assert win.sidebar.current_article() == win.article_id


def test_a_page_that_arrives_after_another_article_was_opened_is_offered_not_put_in_its_place(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    server.routes["/storm"] = slow(0.5, PAGE)
    win.open_url(server.url("/storm"))
    win.open_text("Read meanwhile", TEXT)
    reading = win.article_id
    qtbot.waitUntil(lambda: win.fetching is None, timeout=10_000)
    assert win.article_id == reading and win.published.toPlainText() == TEXT  # what is being read stays
    assert "The page “Storm nears” has arrived; it is in your library." in win.bar.text()
    assert sorted(row.title for row in win.sidebar.articles.rows) == ["Read meanwhile", "Storm nears"]
    open_it = next(b for b in win.bar.buttons if b.text() == "Open it")
    open_it.click()
    qtbot.waitUntil(lambda: win.document is not None and win.document.title == "Storm nears", timeout=5000)
    assert win.published.toPlainText().startswith("Storm nears")


def test_unreachable_url_and_missing_page_are_errors_in_the_window(
        win: MainWindow, server: LocalServer, qtbot) -> None:  # noqa: ANN001
    win.open_text("Open before", TEXT)
    qtbot.waitUntil(lambda: not win.analysing, timeout=5000)
    port = closed_port()
    win.open_url(f"http://127.0.0.1:{port}/news")
    qtbot.waitUntil(lambda: win.fetching is None, timeout=10_000)
    assert "Could not open the page" in win.bar.text()
    assert f"could not reach 127.0.0.1:{port}" in win.bar.text()
    assert win.bar.kind == "error" and "could not reach" in win.statusBar().currentMessage()
    assert win.published.toPlainText() == TEXT  # the article open stays open
    win.open_url(server.url("/gone"))
    qtbot.waitUntil(lambda: win.fetching is None, timeout=10_000)
    assert "has no page at this address (404 Not Found)" in win.bar.text()
    server.routes["/empty"] = static("<html><body><script>x()</script></body></html>")
    win.open_url(server.url("/empty"))
    qtbot.waitUntil(lambda: win.fetching is None, timeout=10_000)
    assert "not an article" in win.bar.text()
    assert win.published.toPlainText() == TEXT


def test_subscribe_and_refresh_feeds_in_the_background_with_progress(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    items = [("a1", "Storm nears", 5, BODY), ("a2", "Budget passes", 6, "Lawmakers passed the budget.")]
    server.routes["/feed.xml"] = lambda h: send(h, 200, rss(server.base, *items).encode(), "application/rss+xml")
    more = "Forecasters expect the rain to ease by Sunday, when crews will begin to clear the roads."
    server.routes["/a1"] = static(PAGE.replace(f"<p>{BODY}</p></article>", f"<p>{more}</p></article>"))
    win.subscribe(server.url("/feed.xml"))
    qtbot.waitUntil(lambda: len(win.sidebar.articles.rows) == 2, timeout=10_000)
    assert [row.title for row in win.sidebar.articles.rows] == ["Budget passes", "Storm nears"]
    assert {row.feed_title for row in win.sidebar.articles.rows} == {"Local Daily"}
    feeds = win.sidebar.feeds
    assert feeds.data(feeds.index(1)) == "Local Daily (2)"
    assert "Subscribed to Local Daily: 2 articles" in win.statusBar().currentMessage()
    # articles never opened are analysed in the background, so the sidebar can sort and filter them by spin
    qtbot.waitUntil(lambda: all(row.spin_score is not None for row in win.sidebar.articles.rows), timeout=10_000)
    storm = win.sidebar.articles.row_of(next(r.id for r in win.sidebar.articles.rows if r.title == "Storm nears"))
    assert win.sidebar.articles.data(win.sidebar.articles.index(storm, 2)) == "4%"  # officers, stated: 2 of the words
    stored = library.article(win.sidebar.articles.rows[storm].id)
    # the feed gave a summary only: the entry's page was read in full, analysed, and is not marked read
    assert stored.article.text == f"Storm nears\n\n{BODY}\n\n{more}" and not stored.is_read
    assert server.hits["/a2"] == 1  # no page there (404): the feed's own text is kept

    broken = library.add_feed(server.url("/missing.xml"), "Broken")
    items.append(("a3", "Third story", 7, "A third story arrives."))
    progress: list[tuple[int, int]] = []
    win.refresh_signals.progress.connect(lambda _r, done, total, _label: progress.append((done, total)))
    win.refresh_feeds()
    assert win.refreshing and not win.feed_progress.isHidden()
    qtbot.waitUntil(lambda: not win.refreshing, timeout=10_000)
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    assert win.feed_progress.isHidden()
    assert [row.title for row in win.sidebar.articles.rows][0] == "Third story"
    assert "1 new article; 1 of 2 feeds failed" in win.statusBar().currentMessage()
    assert "1 of 2 feeds could not be refreshed" in win.bar.text() and "404" in win.bar.text()
    row = feeds.row_of(broken)
    assert str(feeds.data(feeds.index(row))).startswith("⚠ Broken")
    assert server.hits["/feed.xml"] == 2
    library.remove_feed(broken)
    win.sidebar.reload()
    win.refresh_feeds()
    qtbot.waitUntil(lambda: not win.refreshing, timeout=10_000)
    assert "could not be refreshed" not in win.bar.text()  # the earlier failure is no longer so


def test_opening_a_feed_address_subscribes_to_it(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    win.open_text("Open before", TEXT)
    qtbot.waitUntil(lambda: not win.analysing, timeout=5000)
    items = [("a1", "Storm nears", 5, BODY)]
    server.routes["/a1"] = static(PAGE)
    server.routes["/news.xml"] = lambda h: send(h, 200, rss(server.base, *items).encode(), "text/xml")
    server.routes["/latest"] = lambda h: send(h, 302, b"", headers={"Location": server.url("/news.xml")})
    win.open_url(server.url("/latest"))
    qtbot.waitUntil(lambda: len(win.sidebar.articles.rows) == 2, timeout=10_000)
    assert [feed.url for feed in library.feeds()] == [server.url("/latest")]  # as typed, as Subscribe keeps it
    assert "Subscribed to Local Daily: 1 article" in win.statusBar().currentMessage()
    assert win.published.toPlainText() == TEXT  # no feed XML opened as an article
    assert win.bar.kind != "error"


def test_a_feed_address_without_a_library_is_explained(
        qtbot, settings: Settings, pool: QThreadPool, server: LocalServer) -> None:  # noqa: ANN001
    window = MainWindow(FakeEngine, pool=pool, settings=settings, library=None)
    window.fetch_options = dict(FAST)
    qtbot.addWidget(window)
    server.routes["/news.xml"] = lambda h: send(h, 200, rss(server.base).encode(), "application/rss+xml")
    window.open_url(server.url("/news.xml"))
    qtbot.waitUntil(lambda: window.fetching is None, timeout=10_000)
    assert "sent a news feed, not an article; feeds need the library" in window.bar.text()
    window.close()
    pool.waitForDone(10_000)


def test_a_refresh_can_be_stopped_after_the_feed_being_read(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    server.routes["/alpha.xml"] = slow(0.6, rss(server.base), "application/rss+xml")
    server.routes["/beta.xml"] = lambda h: send(h, 200, rss(server.base).encode(), "application/rss+xml")
    library.add_feed(server.url("/alpha.xml"), "Alpha")
    library.add_feed(server.url("/beta.xml"), "Beta")
    win.sidebar.reload()
    win.refresh_feeds()
    qtbot.waitUntil(lambda: server.hits.get("/alpha.xml") == 1, timeout=5000)  # the first feed is being read
    win.stop_refresh()
    assert "Stopping the refresh" in win.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not win.refreshing, timeout=10_000)
    assert server.hits.get("/alpha.xml") == 1 and "/beta.xml" not in server.hits


def test_a_page_that_is_not_a_feed_is_not_subscribed(
        win: MainWindow, server: LocalServer, library: Library, qtbot) -> None:  # noqa: ANN001
    server.routes["/page"] = static(PAGE)
    win.subscribe(server.url("/page"))
    qtbot.waitUntil(lambda: win.fetch_progress.isHidden(), timeout=10_000)
    assert "Could not subscribe" in win.bar.text() and "not a feed" in win.bar.text()
    assert library.feeds() == []


def test_opml_import_refreshes_and_export_lists_the_feeds(
        qtbot, settings: Settings, library: Library, server: LocalServer, tmp_path: Path) -> None:  # noqa: ANN001
    window = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    window.fetch_options = dict(FAST)
    qtbot.addWidget(window)
    server.routes["/a.xml"] = static(rss(server.base, ("x1", "From A", 5, "Alpha.")), "application/rss+xml")
    server.routes["/b.xml"] = static(rss(server.base, ("y1", "From B", 6, "Beta.")), "application/rss+xml")
    opml = tmp_path / "subs.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="News">
        <outline text="A" xmlUrl="{server.url('/a.xml')}"/><outline text="B" xmlUrl="{server.url('/b.xml')}"/>
        </outline></body></opml>""", encoding="utf-8")
    assert window.import_opml_file(str(opml)) == 2
    assert sorted(row.title for row in window.sidebar.articles.rows) == ["From A", "From B"]  # refreshed at once
    assert window.import_opml_file(str(opml)) == 0  # already subscribed
    out = tmp_path / "out.opml"
    assert window.export_opml_file(str(out))
    assert sorted(ref.url for ref in parse_opml(out.read_bytes())) == [server.url("/a.xml"), server.url("/b.xml")]
    (tmp_path / "bad.opml").write_text("<html>not opml</html>", encoding="utf-8")
    assert window.import_opml_file(str(tmp_path / "bad.opml")) is None
    assert "not an OPML file" in window.bar.text()
