"""What the main window's parts share: the window's state, and how it runs work off the GUI thread and shows an
error. The parts (lexicon_actions, library_actions, feed_actions) are mixins of ``MainWindow``, which sets this
state up in its ``__init__``; the annotations here say what each part may rely on."""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QProgressBar

from reader.core.lexicon import PersonalLexicon
from reader.gui.compare import CompareDialog
from reader.gui.document import ArticleDocument
from reader.gui.messagebar import MessageBar
from reader.gui.settings import Settings
from reader.gui.sidebar import Sidebar
from reader.gui.worker import BackgroundTask, EngineHolder, Report, TaskRelay, TaskSignals
from reader.library import Library, SourceMatch
from reader.sources.article import Article

if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object  # at run time the window itself is the QMainWindow


def escape(text: str) -> str:
    """Text shown in a rich-text label, as text."""
    return html.escape(text, quote=False)


class WindowBase(_Window):
    settings: Settings
    library: Library | None
    session_lexicon: PersonalLexicon
    article_id: int | None
    engines: EngineHolder
    pool: QThreadPool
    document: ArticleDocument | None
    analysing: bool
    fetch_options: dict[str, Any]
    fetch_pages: bool
    fetching: str | None
    _open_when_fetching: ArticleDocument | None
    refreshing: bool
    source_matches: list[SourceMatch]
    looking_for_sources: bool
    compare_dialog: CompareDialog | None
    background_analysing: bool
    bar: MessageBar
    sidebar: Sidebar
    dock: QDockWidget
    fetch_progress: QProgressBar
    feed_progress: QProgressBar
    library_progress: QProgressBar
    fetch_signals: TaskSignals
    refresh_signals: TaskSignals
    subscribe_signals: TaskSignals
    source_signals: TaskSignals
    group_signals: TaskSignals
    library_signals: TaskSignals
    _cancel_refresh: threading.Event
    _cancel_background: threading.Event
    _relays: list[TaskRelay]
    _requests: dict[str, int]

    if TYPE_CHECKING:  # MainWindow's own

        def open_text(
            self, title: str, text: str, source: str = "", *, article_id: int | None = None,
            article: Article | None = None, reanalyse: bool = False,
        ) -> None: ...

        def open_article(self, article_id: int) -> bool: ...

        def _store_article(self, article: Article) -> int | None: ...

        def close_article(self) -> None: ...

        def refused_as_too_long(self, title: str, text: str) -> bool: ...

    def _task_signals(self, finished: Callable[[int, object], None], failed: Callable[[int, str], None],
                      progress: Callable[[int, int, int, str], None] | None = None) -> TaskSignals:
        signals = TaskSignals(self)
        self._relays.append(TaskRelay(signals, finished, failed, progress, self))
        return signals

    def _run(self, kind: str, signals: TaskSignals, work: Callable[[Report], object]) -> int:
        """Start ``work`` on the pool; returns its request number (results of older requests are ignored)."""
        self._requests[kind] += 1
        request = self._requests[kind]
        self.pool.start(BackgroundTask(request, signals, work))
        return request

    def _worker_library(self) -> Library:
        """A connection of its own for a worker thread (sqlite3 connections stay on the thread that made them)."""
        assert self.library is not None
        return Library(self.library.path, check=False)

    def _confirm(self, title: str, question: str) -> bool:
        """Whether the reader confirms a step that loses or replaces something (Cancel is the default)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(self, title, question, buttons, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _error(self, title: str, message: str) -> None:
        """Shown in the window (a bar above the article, and the status bar), never a modal box."""
        self.statusBar().showMessage(f"{title}: {message}", 10000)
        self.bar.show_message(f"<b>{title}</b>: {escape(message)}", "error")
