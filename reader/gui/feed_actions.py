"""The web in the window: an article opened from its address, feeds subscribed to and refreshed in the background,
subscriptions imported and exported as OPML."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from reader.core.suggestion import counted
from reader.gui.library_actions import LibraryActions
from reader.gui.window_base import escape
from reader.gui.worker import Report
from reader.library import LibraryError
from reader.sources.article import Article, ArticleError
from reader.sources.feeds import RefreshResult
from reader.sources.web import FeedAddress
from reader.sources.web import open_url as fetch_article

REFRESH_FAILED = "could not be refreshed"  # the bar's words for feeds a refresh failed on


@dataclass(frozen=True, slots=True)
class FeedFound:
    """What Open URL found at an address that holds a feed: the address as typed, which a subscription keeps (as
    Subscribe does: its redirects are followed at every refresh), and what was found there."""

    url: str
    message: str


class FeedActions(LibraryActions):
    def ask_url(self) -> None:
        clipboard = QGuiApplication.clipboard().text().strip()
        suggested = clipboard if clipboard.startswith(("http://", "https://")) and " " not in clipboard else ""
        url, ok = QInputDialog.getText(self, "Open URL", "Address of the article:", text=suggested)
        if ok and url.strip():
            self.open_url(url.strip())

    def open_url(self, url: str) -> None:
        """Fetch and extract the article at ``url`` on the pool; the window stays usable meanwhile. A feed's
        address is subscribed to, as the reader who opened it wants its articles."""
        options = dict(self.fetch_options)
        self.fetching = url
        self._open_when_fetching = self.document  # another article opened meanwhile is not replaced by the page
        self.fetch_progress.show()
        self.statusBar().showMessage(f"Fetching {url}…")

        def work(report: Report) -> object:
            try:
                return fetch_article(url, **options)
            except FeedAddress as feed:
                return FeedFound(url, str(feed))

        self._run("fetch", self.fetch_signals, work)

    def _url_fetched(self, request: int, article: object) -> None:
        if request != self._requests["fetch"]:
            return
        self.fetching = None
        self.fetch_progress.hide()
        self.statusBar().clearMessage()
        if isinstance(article, FeedFound):
            if self.library is None:
                self._error("Could not open the page", f"{article.message}; feeds need the library, which is "
                            "unavailable in this session")
            else:
                self.subscribe(article.url)
            return
        assert isinstance(article, Article)
        title = article.title or article.url or "Web article"
        if self.document is not self._open_when_fetching and self.document is not None:
            self._page_arrived_later(title, article)
            return
        self.open_text(title, article.text, article.source, article=article)
        if article.notes:
            self.statusBar().showMessage("; ".join(article.notes), 8000)

    def _page_arrived_later(self, title: str, article: Article) -> None:
        """A page that arrives after the reader opened another article: kept (in the library, where there is one)
        and offered, not put in place of what is being read."""
        if self.refused_as_too_long(title, article.text):
            return
        article_id = self._store_article(article)
        if article_id is not None:
            self.sidebar.reload(keep=self.article_id)
            self.bar.show_message(f"The page “{escape(title)}” has arrived; it is in your library.", "info",
                                  [("Open it", lambda: self.open_article(article_id))])
        else:
            self.bar.show_message(f"The page “{escape(title)}” has arrived.", "info", [
                ("Open it", lambda: self.open_text(title, article.text, article.source, article=article))])

    def _url_failed(self, request: int, message: str) -> None:
        if request != self._requests["fetch"]:
            return
        self.fetching = None
        self.fetch_progress.hide()
        self._error("Could not open the page", message)

    def ask_subscribe(self) -> None:
        if not self._needs_library("subscribe"):
            return
        url, ok = QInputDialog.getText(self, "Subscribe", "Address of the feed (RSS, Atom or JSON Feed):")
        if ok and url.strip():
            self.subscribe(url.strip())

    def subscribe(self, url: str) -> None:
        """Subscribe and read the feed's entries, in the background; a feed that cannot be read is not kept."""
        if not self._needs_library("subscribe"):
            return
        from reader.sources.feeds import FeedError, refresh_feeds

        options = dict(self.fetch_options)
        fetch_pages = self.fetch_pages

        def work(report: Report) -> object:
            with self._worker_library() as library:
                known = {feed.url for feed in library.feeds()}
                feed_id = library.add_feed(url)
                results = refresh_feeds(library, feed_ids=[feed_id], fetch_pages=fetch_pages, **options)
                if results and results[0].error:
                    if url not in known:
                        library.remove_feed(feed_id)
                    raise FeedError(results[0].error)
                return feed_id, results[0].new_entries if results else 0

        self.fetch_progress.show()
        self.statusBar().showMessage(f"Subscribing to {url}…")
        self._run("subscribe", self.subscribe_signals, work)

    def _subscribed(self, request: int, result: object) -> None:
        self.fetch_progress.hide()
        feed_id, new = cast(tuple[int, int], result)
        self.sidebar.reload(keep=self.article_id)
        title = next((f.title or f.url for f in self.sidebar.feeds.feeds if f.id == feed_id), "the feed")
        self.statusBar().showMessage(f"Subscribed to {title}: {counted(new, 'article')}", 6000)
        self.find_story_groups()
        self.analyse_library()

    def _subscribe_failed(self, request: int, message: str) -> None:
        self.fetch_progress.hide()
        self._error("Could not subscribe", message)

    def refresh_feeds(self) -> None:
        """Refresh every feed in the background, with progress in the status bar."""
        if not self._needs_library("refresh feeds") or self.refreshing:
            return
        from reader.sources.feeds import refresh_feeds

        options = dict(self.fetch_options)
        fetch_pages = self.fetch_pages
        self._cancel_refresh.clear()
        cancelled = self._cancel_refresh.is_set

        def work(report: Report) -> object:
            with self._worker_library() as library:
                return refresh_feeds(library, progress=report, cancelled=cancelled, fetch_pages=fetch_pages,
                                     **options)

        self.refreshing = True
        self.feed_progress.setRange(0, max(1, len(self.sidebar.feeds.feeds)))
        self.feed_progress.setValue(0)
        self.feed_progress.show()
        self._run("refresh", self.refresh_signals, work)

    def _feeds_progress(self, request: int, done: int, total: int, label: str) -> None:
        self.feed_progress.setRange(0, max(1, total))
        self.feed_progress.setValue(done)
        if label:
            self.statusBar().showMessage(f"Refreshing {label}…")

    def stop_refresh(self) -> None:
        """Stop a refresh after the feed being read (a feed that does not answer is given up after its timeouts)."""
        if self.refreshing:
            self._cancel_refresh.set()
            self.statusBar().showMessage("Stopping the refresh after the feed being read…", 5000)

    def _feeds_refreshed(self, request: int, results: object) -> None:
        self.refreshing = False
        self.feed_progress.hide()
        items = cast(list[RefreshResult], results)
        new = sum(r.new_entries for r in items)
        failed = [r for r in items if r.error]
        self.sidebar.reload(keep=self.article_id)
        message = f"Feeds refreshed: {counted(new, 'new article')}"
        if failed:
            message += f"; {len(failed)} of {counted(len(items), 'feed')} failed"
            self.bar.show_message(
                f"<b>{len(failed)} of {counted(len(items), 'feed')} {REFRESH_FAILED}</b>: "
                + "; ".join(escape(r.error or "") for r in failed[:3]), "warning")
        elif REFRESH_FAILED in self.bar.text():
            self.bar.dismiss()  # what an earlier refresh said is no longer so
        self.statusBar().showMessage(message, 8000)
        if new:
            self.find_story_groups()
            self.analyse_library()

    def _feeds_failed(self, request: int, message: str) -> None:
        self.refreshing = False
        self.feed_progress.hide()
        self._error("The feeds could not be refreshed", message)

    def _feed_menu(self, feed_id: int | None) -> None:
        from PySide6.QtGui import QCursor

        menu = QMenu(self)
        menu.addAction("Refresh feeds", self.refresh_feeds)
        menu.addAction("Subscribe to a feed…", self.ask_subscribe)
        if feed_id is not None:
            menu.addSeparator()
            menu.addAction("Unsubscribe", lambda: self.unsubscribe(feed_id))
        menu.popup(QCursor.pos())

    def unsubscribe(self, feed_id: int) -> None:
        """Unsubscribe after the reader confirms: the feed's articles leave the library, but for the ones starred or
        reviewed and the one open, which stay as articles of no feed."""
        if self.library is None:
            return
        feed = next((f for f in self.library.feeds() if f.id == feed_id), None)
        if feed is None:
            return
        reading = [self.article_id] if self.article_id is not None else []
        kept = self.library.kept_on_unsubscribe(feed_id, keep=reading)
        gone = feed.articles - kept
        detail = f"{counted(gone, 'article')} of it will leave the library" if gone else "No article will leave"
        if kept:
            detail += f"; the {counted(kept, 'article')} you starred, reviewed or are reading will stay"
        if not self._confirm("Unsubscribe", f"Unsubscribe from “{feed.title or feed.url}”?\n\n{detail}."):
            return
        self.library.remove_feed(feed_id, keep=reading)
        if self.sidebar.articles.feed_id == feed_id:
            self.sidebar.articles.feed_id = None
        self.sidebar.reload(keep=self.article_id)
        self.find_story_groups()  # copies of a story may have gone with the feed

    def import_opml_file(self, path: str) -> int | None:
        """Subscribe to the feeds of an OPML file, then refresh them in the background."""
        if not self._needs_library("import subscriptions"):
            return None
        assert self.library is not None
        try:
            count = self.library.import_opml(path)
        except ArticleError as error:
            self._error("Could not import the subscriptions", f"{Path(path).name}: {error}")
            return None
        except (OSError, LibraryError, sqlite3.Error) as error:
            self._error("Could not import the subscriptions", f"{path}: {getattr(error, 'strerror', None) or error}")
            return None
        self.sidebar.reload(keep=self.article_id)
        self.statusBar().showMessage(counted(count, 'new subscription'), 6000)
        if count:
            self.refresh_feeds()
        return count

    def export_opml_file(self, path: str) -> bool:
        if not self._needs_library("export subscriptions"):
            return False
        assert self.library is not None
        try:
            self.library.export_opml(path)
        except (OSError, LibraryError, sqlite3.Error) as error:
            self._error("Could not export the subscriptions", f"{path}: {getattr(error, 'strerror', None) or error}")
            return False
        self.statusBar().showMessage(f"Subscriptions exported to {Path(path).name}", 6000)
        return True

    def choose_opml_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import subscriptions", "", "OPML (*.opml *.xml);;All (*)")
        if path:
            self.import_opml_file(path)

    def choose_opml_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export subscriptions", "unspin.opml", "OPML (*.opml)")
        if path:
            self.export_opml_file(path)
