"""The main window: published article and restored version side by side."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.language import looks_english
from reader.core.lexicon import LexiconFormatError, PersonalLexicon, Rule, apply_lexicon
from reader.core.suggestion import Analysis, Decision, counted, verdict_words
from reader.core.weights import engine_version
from reader.gui.compare import CompareDialog, SourceDialog, build_comparison
from reader.gui.document import ArticleDocument
from reader.gui.messagebar import MessageBar
from reader.gui.render import anchor_span, mark_current, render_published, render_restored
from reader.gui.settings import Settings
from reader.gui.sidebar import LIST_LIMIT, Sidebar
from reader.gui.text_positions import utf16_offset
from reader.gui.worker import (
    AnalysisSignals,
    AnalysisTask,
    BackgroundTask,
    EngineHolder,
    Report,
    TaskRelay,
    TaskSignals,
)
from reader.library import Library, LibraryError, SourceMatch
from reader.sources.article import Article, ArticleError
from reader.sources.feeds import RefreshResult

EXPORT_FILTERS = "Plain text (*.txt);;Markdown (*.md);;HTML (*.html)"
GROUPED_ARTICLES = 300  # story groups are looked for among this many listed articles (each costs a query)
STORY_SCORE = 0.5  # find_sources score from which two articles are copies of one story (as in story_groups)
BACKGROUND_ANALYSES = 200  # articles analysed in the background after a refresh (newest first)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _pane() -> QTextBrowser:
    pane = QTextBrowser()
    pane.setOpenLinks(False)
    pane.setOpenExternalLinks(False)
    pane.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
    pane.document().setDocumentMargin(28)
    pane.document().setUndoRedoEnabled(False)  # drawn from the model, never edited: nothing to undo
    return pane


class MainWindow(QMainWindow):
    def __init__(
        self,
        engine_factory: Callable[[], object],
        pool: QThreadPool | None = None,
        settings: Settings | None = None,
        library: Library | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Unspin")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.library = library  # where articles and every decision are kept; None: this session only
        self.session_lexicon = PersonalLexicon()  # the reader's pairs when there is no library
        self.article_id: int | None = None
        self.engines = EngineHolder(engine_factory)
        self.pool = pool or QThreadPool.globalInstance()
        self.signals = AnalysisSignals()
        self.signals.finished.connect(self._analysis_finished)
        self.signals.failed.connect(self._analysis_failed)
        self.signals.progress.connect(self._analysis_progress)
        self.request = 0
        self.document: ArticleDocument | None = None
        self.current: int | None = None
        self.analysing = False
        self.fetch_options: dict[str, Any] = {}  # passed to reader.sources.web.fetch (tests: short timeouts)
        self.fetch_pages = True  # feed entries with only a summary are replaced by the article page they link to
        self.fetching: str | None = None  # the URL being fetched
        self.refreshing = False
        self.source_matches: list[SourceMatch] = []  # likely sources and copies of the open article
        self.looking_for_sources = False
        self.compare_dialog: CompareDialog | None = None
        self._cancel_refresh = threading.Event()
        self._cancel_background = threading.Event()  # background analysis of the library stops on close
        self.background_analysing = False
        self._relays: list[TaskRelay] = []  # silenced on close: late results must not touch a closed window
        self._requests = {"fetch": 0, "refresh": 0, "subscribe": 0, "sources": 0, "groups": 0, "library": 0}
        self.fetch_signals = self._task_signals(self._url_fetched, self._url_failed)
        self.refresh_signals = self._task_signals(self._feeds_refreshed, self._feeds_failed, self._feeds_progress)
        self.subscribe_signals = self._task_signals(self._subscribed, self._subscribe_failed)
        self.source_signals = self._task_signals(self._sources_found, self._sources_failed)
        self.group_signals = self._task_signals(self._groups_found, self._groups_failed)
        self.library_signals = self._task_signals(self._library_analysed, self._library_analysis_failed,
                                                  self._library_analysis_progress)

        self.published = _pane()
        self.restored = _pane()
        for pane in (self.published, self.restored):
            pane.anchorClicked.connect(self._anchor_clicked)
        self.published.verticalScrollBar().valueChanged.connect(
            lambda value: self._sync_scroll(self.published, self.restored)
        )
        self.restored.verticalScrollBar().valueChanged.connect(
            lambda value: self._sync_scroll(self.restored, self.published)
        )
        splitter = QSplitter()
        splitter.addWidget(self.published)
        splitter.addWidget(self.restored)
        self.bar = MessageBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.bar)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.sidebar = Sidebar(library)
        self.sidebar.article_chosen.connect(self.open_article)
        self.sidebar.on_feed_context(self._feed_menu)
        self.dock = QDockWidget("Library", self)
        self.dock.setObjectName("library")
        self.dock.setWidget(self.sidebar)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [480], Qt.Orientation.Horizontal)
        self.dock.setVisible(library is not None)

        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.feed_progress = QProgressBar()
        self.feed_progress.setMaximumWidth(200)
        self.feed_progress.setFormat("feeds %v/%m")
        self.feed_progress.hide()
        self.library_progress = QProgressBar()
        self.library_progress.setMaximumWidth(200)
        self.library_progress.setFormat("analysing library %v/%m")
        self.library_progress.setToolTip("spin scores for articles not opened yet")
        self.library_progress.hide()
        self.fetch_progress = QProgressBar()
        self.fetch_progress.setMaximumWidth(120)
        self.fetch_progress.setRange(0, 0)  # busy: a page has no known length until it arrives
        self.fetch_progress.setToolTip("fetching a page")
        self.fetch_progress.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.fetch_progress)
        self.statusBar().addPermanentWidget(self.feed_progress)
        self.statusBar().addPermanentWidget(self.library_progress)
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()
        self._apply_font()
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 820 if library is not None else 760)
        if library is not None:
            self._migrate_pair_rules()
            if library.count_articles() > 1:
                self.find_story_groups()
            self.analyse_library()

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

    # -- menus and keys ----------------------------------------------------------------------------------
    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], *keys: QKeySequence | QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open…", self.choose_file, QKeySequence.StandardKey.Open)
        self._action(file_menu, "Open &URL…", self.ask_url, "Ctrl+L")
        self._action(file_menu, "&Paste as new article", self.paste_article, "Ctrl+Shift+V")
        file_menu.addSeparator()
        self._action(file_menu, "&Export restored…", self.export_restored, "Ctrl+E")
        self._action(file_menu, "&Copy restored", self.copy_restored, "Ctrl+Shift+C")
        file_menu.addSeparator()
        self._action(file_menu, "Export my &lexicon…", self.choose_lexicon_export)
        self._action(file_menu, "&Import a lexicon…", self.choose_lexicon_import)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        edit = bar.addMenu("&Review")
        self._action(edit, "&Next suggestion", self.next_suggestion, "N", "F8", "Ctrl+Down")
        self._action(edit, "&Previous suggestion", self.previous_suggestion, "P", "Shift+F8", "Ctrl+Up")
        self._action(edit, "&Accept", self.accept_current, "A", "Return")
        self._action(edit, "&Keep as published", self.reject_current, "R", "Delete")
        self._action(edit, "Show &choices…", self.show_choices, "Space")
        self._action(edit, "Accept all &above…", self.accept_above, "Ctrl+Shift+A")
        edit.addSeparator()
        self.undo_action = self._action(edit, "&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit, "&Redo", self.redo, QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z")
        edit.addSeparator()
        self._action(edit, "Compare with &source…", self.ask_source, "Ctrl+K")
        self._action(edit, "Analyse a&gain", self.analyse_again, "Ctrl+Shift+R")
        self._action(edit, "Set &threshold…", self.choose_threshold, "Ctrl+T")
        library = bar.addMenu("&Library")
        self._action(library, "&Search…", self.focus_search, QKeySequence.StandardKey.Find)
        self._action(library, "Mark &read / unread", self.toggle_read, "M")
        self._action(library, "&Star / unstar", self.toggle_star, "S")
        library.addSeparator()
        self._action(library, "Su&bscribe to a feed…", self.ask_subscribe, "Ctrl+Shift+N")
        self._action(library, "&Refresh feeds", self.refresh_feeds, QKeySequence.StandardKey.Refresh, "F5")
        self._action(library, "&Import subscriptions (OPML)…", self.choose_opml_import)
        self._action(library, "&Export subscriptions (OPML)…", self.choose_opml_export)
        library.addSeparator()
        self._action(library, "Find &copies of each story", self.find_story_groups)
        view = bar.addMenu("&View")
        self._action(view, "&Larger text", lambda: self._change_font(1), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self._action(view, "&Smaller text", lambda: self._change_font(-1), QKeySequence.StandardKey.ZoomOut)
        library_view = self.dock.toggleViewAction()
        library_view.setEnabled(self.library is not None)
        view.addAction(library_view)

    def _apply_font(self) -> None:
        font = QFont(["Georgia", "Noto Serif", "DejaVu Serif", "serif"], self.settings.font_size)
        font.setStyleHint(QFont.StyleHint.Serif)
        for pane in (self.published, self.restored):
            pane.document().setDefaultFont(font)

    def _change_font(self, step: int) -> None:
        self.settings.font_size = self.settings.font_size + step
        self._apply_font()

    # -- articles ----------------------------------------------------------------------------------------
    def open_text(self, title: str, text: str, source: str = "", *, article_id: int | None = None,
                  article: Article | None = None, reanalyse: bool = False) -> None:
        """Show the text at once; the highlights follow when the analysis is ready.

        A new text is stored in the library first (``article`` carries what else is known of it); an
        ``article_id`` opens one already there, with its stored analysis unless ``reanalyse``.
        """
        self.bar.dismiss()  # what it said was about the article before
        self.document = ArticleDocument(title, text, self.settings.threshold)
        is_new = article_id is None
        if article_id is None:
            article_id = self._store_article(article or Article(title, text, source))
        self.article_id = article_id
        self.source_matches = []
        self.document.on_decision = self._save_decision
        self.document.changed.connect(self._redraw)
        self.document.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.current = None
        self.setWindowTitle(f"{title} — Unspin")
        self._redraw()
        self.request += 1
        if self.library is not None and article_id is not None:
            if is_new:
                self.sidebar.articles.set_read(article_id, True)  # being read now
                self.sidebar.reload(keep=article_id)
            else:
                self.sidebar.show_article(article_id)
            stored = None if reanalyse else self._stored_analysis(article_id)
            if stored is not None:
                self._show_analysis(stored, save=False)  # reopening is instant; decisions come back with it
                return
        self.analysing = True
        self.progress.setValue(0)
        self.progress.show()
        self._update_status()
        self.pool.start(AnalysisTask(self.request, text, self.engines, self.signals))

    def open_article(self, article_id: int) -> bool:
        """Open an article of the library (the sidebar's choice) and mark it read."""
        if self.library is None:
            return False
        try:
            stored = self.library.article(article_id)
        except (LibraryError, sqlite3.Error) as error:
            self._error("The library could not be read", str(error))
            return False
        if stored is None:
            return False
        if article_id != self.article_id or self.document is None:
            self.open_text(stored.article.title, stored.article.text, stored.article.source, article_id=article_id)
        if not stored.is_read:
            self.sidebar.articles.set_read(article_id, True)
            self.sidebar.feeds.reload()
        return True

    def open_path(self, path: str) -> bool:
        from reader.sources.files import read_article

        try:
            article = read_article(path)
        except ArticleError as error:
            self._error("Could not open the article", str(error))
            return False
        except OSError as error:
            self._error("Could not open the article", f"{path}: {error.strerror or error}")
            return False
        source = str(Path(path).resolve())
        title = article.title or Path(path).name
        self.open_text(title, article.text, source=source,
                       article=Article(title, article.text, source, article.byline, article.date, article.url))
        if article.notes:
            self.statusBar().showMessage("; ".join(article.notes), 8000)
        return True

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open article", "", "Articles (*.txt *.md *.html *.htm);;All (*)")
        if path:
            self.open_path(path)

    def paste_article(self) -> None:
        clipboard = QGuiApplication.clipboard().text()
        text, ok = QInputDialog.getMultiLineText(self, "Paste article", "Article text:", clipboard)
        if ok and text.strip():
            self.open_text("Pasted article", text)

    def analyse_again(self) -> None:
        """Run the engine again on the open article (e.g. after the engine was updated)."""
        if self.document is not None:
            self.open_text(self.document.title, self.document.text, article_id=self.article_id,
                           reanalyse=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                break
            if url.scheme() in ("http", "https"):
                self.open_url(url.toString())
                break

    def _store_article(self, article: Article) -> int | None:
        if self.library is None:
            return None
        digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=12).hexdigest()
        try:
            return self.library.add(article, guid=f"{article.url or article.source}#{digest}")
        except (LibraryError, sqlite3.Error) as error:
            self._error("The library could not save the article", str(error))
            return None

    def _stored_analysis(self, article_id: int) -> Analysis | None:
        assert self.library is not None
        try:
            return self.library.load_analysis(article_id, engine_version())
        except (LibraryError, sqlite3.Error, ValueError, KeyError) as error:
            self.statusBar().showMessage(f"The stored analysis could not be read ({error}); analysing again", 6000)
            return None

    def _save_decision(self, index: int, decision: Decision | None) -> None:
        if self.library is None or self.article_id is None or self.document is None:
            return
        try:
            self.library.set_decision(self.article_id, self.document.suggestions[index], decision)
        except (LibraryError, sqlite3.Error) as error:
            self._error("The decision could not be saved", str(error))

    # -- analysis results --------------------------------------------------------------------------------
    def _analysis_finished(self, request: int, analysis: Analysis) -> None:
        if request != self.request or self.document is None:
            return  # a result for an article that is no longer open
        self._show_analysis(analysis, save=True)

    def _show_analysis(self, analysis: Analysis, *, save: bool) -> None:
        """The engine's analysis (kept as the engine made it), bent by the reader's lexicon, with stored decisions."""
        assert self.document is not None
        if save and self.library is not None and self.article_id is not None:
            try:
                self.library.save_analysis(self.article_id, analysis, engine_version())
            except (LibraryError, sqlite3.Error) as error:
                self._error("The library could not save the analysis", str(error))
        analysis = apply_lexicon(analysis, self.lexicon())
        if self.library is not None and self.article_id is not None:
            try:
                self.document.decisions.update(self.library.decisions(self.article_id, analysis.suggestions))
            except (LibraryError, sqlite3.Error) as error:
                self._error("The library could not be read", str(error))
        self.analysing = False
        self.progress.hide()
        self.document.set_analysis(analysis)
        if self.library is not None and self.article_id is not None:
            self.sidebar.articles.refresh_article(self.article_id)
            self.find_sources()

    def _analysis_failed(self, request: int, message: str) -> None:
        if request != self.request:
            return
        self.analysing = False
        self.progress.hide()
        self._update_status()
        self._error("The analysis failed", message)

    def _analysis_progress(self, request: int, share: float) -> None:
        if request == self.request:
            self.progress.setValue(int(share * 100))

    # -- drawing -----------------------------------------------------------------------------------------
    def _redraw(self) -> None:
        if self.document is None:
            return
        position = self.published.verticalScrollBar().value()
        render_published(self.published.document(), self.document, self.current)
        render_restored(self.restored.document(), self.document, self.current)
        self.published.verticalScrollBar().setValue(position)
        self._update_status()

    def _undo_index_changed(self, _index: int) -> None:
        self._update_status()

    def _update_status(self) -> None:
        document = self.document
        if document is None:
            self.status.setText("Open an article (Ctrl+O) or paste one (Ctrl+Shift+V).")
            return
        if self.analysing:
            self.status.setText(f"{document.title}: analysing…")
            return
        count = len(document.suggestions)
        analysis = document.analysis
        spin = analysis.spin_score if analysis else 0.0
        verdict = verdict_words(spin, analysis.words if analysis else None, looks_english(document.text))
        where = f" · at {self.current + 1} of {count}" if self.current is not None else ""
        self.status.setText(
            f"{counted(count, 'suggestion')} · {document.accepted_count()} accepted · spin score {spin:.0%}, "
            f"{verdict}{where}"
        )

    def _sync_scroll(self, source: QTextBrowser, target: QTextBrowser) -> None:
        bar, other = source.verticalScrollBar(), target.verticalScrollBar()
        if bar.maximum() and other.maximum() is not None:
            other.blockSignals(True)
            other.setValue(round(bar.value() / bar.maximum() * other.maximum()))
            other.blockSignals(False)

    # -- reviewing ---------------------------------------------------------------------------------------
    def select(self, index: int) -> None:
        """Make a suggestion current and show it, and its twin, in both panes."""
        if self.document is None or not 0 <= index < len(self.document.suggestions):
            return
        previous, self.current = self.current, index
        restored: tuple[int, int] | None = None
        if previous is None or previous == index:
            if previous is None:
                self._redraw()
            restored = anchor_span(self.restored.document(), f"r:{index}")
        else:  # the panes show the model as it is: only the two marks move
            mark_current(self.published.document(), "s", previous, current=False)
            mark_current(self.published.document(), "s", index, current=True)
            mark_current(self.restored.document(), "r", previous, current=False)
            restored = mark_current(self.restored.document(), "r", index, current=True)
            self._update_status()
        s = self.document.suggestions[index]
        for pane in (self.published, self.restored):
            cursor = pane.textCursor()
            if pane is self.restored:
                position = 0 if restored is None else restored[0]  # a twin not drawn: the top of the pane
            else:
                position = utf16_offset(self.document.text, s.start)
            cursor.setPosition(min(position, pane.document().characterCount() - 1))
            pane.setTextCursor(cursor)
            pane.ensureCursorVisible()

    def next_suggestion(self) -> None:
        if self.document and self.document.suggestions:
            self.select(0 if self.current is None else min(self.current + 1, len(self.document.suggestions) - 1))

    def previous_suggestion(self) -> None:
        if self.document and self.document.suggestions:
            self.select(0 if self.current is None else max(self.current - 1, 0))

    def accept_current(self, choice: str | None = None) -> None:
        if self.document is not None and self.current is not None:
            self.document.accept(self.current, choice)

    def reject_current(self) -> None:
        if self.document is not None and self.current is not None:
            self.document.reject(self.current)

    def undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def accept_above(self) -> None:
        if self.document is None:
            return
        value, ok = QInputDialog.getDouble(
            self, "Accept all above", "Accept every suggestion at or above this confidence:", 0.8, 0.0, 1.0, 2
        )
        if ok:
            count = self.document.accept_all(value)
            self.statusBar().showMessage(f"Accepted {counted(count, 'suggestion')}", 4000)

    def choose_threshold(self) -> None:
        value, ok = QInputDialog.getDouble(
            self, "Threshold", "Apply suggestions at or above this confidence:", self.settings.threshold, 0, 1, 2
        )
        if ok:
            self.settings.threshold = value
            if self.document is not None:
                self.document.set_threshold(self.settings.threshold)

    def _anchor_clicked(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        if kind in ("s", "r") and number.isdigit():
            self.select(int(number))
            self.show_choices()

    def choices_menu(self) -> QMenu | None:
        """The popup for the current suggestion: ranked alternatives, keep, always / never."""
        if self.document is None or self.current is None:
            return None
        index = self.current
        s = self.document.suggestions[index]
        menu = QMenu(self)
        for choice in s.choices():
            action = menu.addAction(f"Use “{choice}”")
            action.triggered.connect(lambda checked=False, c=choice: self._decide(index, c))
        menu.addSeparator()
        keep = menu.addAction(f"Keep “{s.original}” as published")
        keep.triggered.connect(lambda: self._decide(index, None))
        menu.addSeparator()
        always = menu.addAction(f"Always “{s.original}” → “{s.replacement}”")
        always.triggered.connect(lambda: self._rule(index, "always"))
        never = menu.addAction(f"Never “{s.original}” → “{s.replacement}”")
        never.triggered.connect(lambda: self._rule(index, "never"))
        return menu

    def _decide(self, index: int, choice: str | None) -> None:
        """Accept ``choice`` for a suggestion, or keep the published wording when it is None."""
        if self.document is None:
            return
        if choice is None:
            self.document.reject(index)
        else:
            self.document.accept(index, choice)

    def show_choices(self) -> None:
        menu = self.choices_menu()
        if menu is None:
            return
        pane = self.published
        rect = pane.cursorRect()
        menu.popup(pane.viewport().mapToGlobal(rect.bottomLeft()))

    def _rule(self, index: int, rule: str) -> None:
        """"Always" / "never" for the pair: into the lexicon (the library's, or this session's), then decided here."""
        if self.document is None:
            return
        s = self.document.suggestions[index]
        value = Rule(rule)
        if self.library is not None:
            try:
                self.library.set_rule(s.original, s.replacement, value)
            except (LibraryError, sqlite3.Error) as error:
                self._error("The rule could not be saved", str(error))
        else:
            self.session_lexicon.set_rule(s.original, s.replacement, value)
        if value is Rule.ALWAYS:
            self.document.accept(index)
        else:
            self.document.reject(index)
        self.statusBar().showMessage(f"“{s.original}” → “{s.replacement}”: {rule}, for later articles too", 5000)

    # -- export ------------------------------------------------------------------------------------------
    def copy_restored(self) -> None:
        if self.document is not None:
            QGuiApplication.clipboard().setText(self.document.restored())
            self.statusBar().showMessage("Restored text copied", 3000)

    def export_restored(self) -> None:
        if self.document is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, "Export restored text", "", EXPORT_FILTERS)
        if path:
            self.write_export(path, chosen)

    def write_export(self, path: str, chosen_filter: str = "") -> None:
        assert self.document is not None
        restored = self.document.restored()
        if path.endswith((".html", ".htm")) or "HTML" in chosen_filter:
            import html

            paragraphs = [line for line in restored.splitlines() if line.strip()]
            title = html.escape(self.document.title)
            body = "".join(f"<p>{html.escape(line)}</p>\n" for line in paragraphs)
            content = f"<!doctype html>\n<meta charset='utf-8'>\n<title>{title}</title>\n{body}"
        elif path.endswith(".md") or "Markdown" in chosen_filter:
            paragraphs = [line for line in restored.splitlines() if line.strip()]
            heading = self.document.title
            if paragraphs and self.document.text.lstrip().startswith(heading):
                heading = paragraphs.pop(0)  # the text opens with its headline: the restored one is the heading
            content = f"# {heading}\n\n" + "\n\n".join(paragraphs) + "\n"
        else:
            content = restored
        try:
            Path(path).write_text(content, encoding="utf-8")
        except OSError as error:
            self._error("Could not export", f"{path}: {error.strerror or error}")

    # -- the personal lexicon ----------------------------------------------------------------------------
    def lexicon(self) -> PersonalLexicon:
        """The reader's pairs: the library's (rules and accepted/rejected counts), else this session's rules."""
        if self.library is None:
            return self.session_lexicon
        try:
            return self.library.lexicon()
        except (LibraryError, sqlite3.Error) as error:
            self.statusBar().showMessage(f"The lexicon could not be read: {error}", 8000)
            return PersonalLexicon()

    def _migrate_pair_rules(self) -> None:
        """Rules an earlier version kept in QSettings move into the library's lexicon, once."""
        assert self.library is not None
        rules = self.settings.pair_rules()
        if not rules:
            return
        try:
            with self.library.transaction():
                for original, replacement, rule in rules:
                    self.library.set_rule(original, replacement, Rule(rule))
        except (LibraryError, sqlite3.Error) as error:
            self._error("Your always/never rules could not be moved into the library", str(error))
            return
        self.settings.clear_pair_rules()

    def add_pairs(self, pairs: list[tuple[str, str]]) -> int:
        """Add (spun, original) pairs as "always" rules; the open article is bent by them at once."""
        if self.library is not None:
            try:
                count = self.library.add_pairs(pairs, Rule.ALWAYS)
            except (LibraryError, sqlite3.Error) as error:
                self._error("The pairs could not be added to your lexicon", str(error))
                return 0
        else:
            count = 0
            for spun, original in pairs:
                if spun.strip() and original.strip():
                    self.session_lexicon.set_rule(spun, original, Rule.ALWAYS)
                    count += 1
        self.reapply_lexicon()
        self.statusBar().showMessage(f"{count} pairs added to your lexicon", 6000)
        return count

    def reapply_lexicon(self) -> None:
        """Show the open article again, bent by the lexicon as it is now (decisions made are kept)."""
        if self.document is None or self.analysing:
            return
        if self.library is not None and self.article_id is not None:
            self.open_text(self.document.title, self.document.text, article_id=self.article_id)

    def export_lexicon_file(self, path: str) -> int | None:
        try:
            if self.library is not None:
                count = self.library.export_lexicon(path)
            else:
                Path(path).write_text(self.session_lexicon.to_json(), encoding="utf-8")
                count = len(self.session_lexicon)
        except (OSError, LibraryError, sqlite3.Error) as error:
            self._error("Could not export the lexicon", f"{path}: {getattr(error, 'strerror', None) or error}")
            return None
        self.statusBar().showMessage(f"{count} pairs exported to {Path(path).name}", 6000)
        return count

    def import_lexicon_file(self, path: str) -> int | None:
        try:
            if self.library is not None:
                count = self.library.import_lexicon(path)
            else:
                incoming = PersonalLexicon.from_json(Path(path).read_text(encoding="utf-8"))
                for entry in incoming:
                    self.session_lexicon.put(entry)
                count = len(incoming)
        except LexiconFormatError as error:
            self._error("Could not import the lexicon", f"{Path(path).name}: {error}")
            return None
        except (OSError, UnicodeDecodeError, LibraryError, sqlite3.Error) as error:
            self._error("Could not import the lexicon", f"{path}: {getattr(error, 'strerror', None) or error}")
            return None
        self.statusBar().showMessage(f"{count} pairs imported into your lexicon", 6000)
        self.reapply_lexicon()
        return count

    def choose_lexicon_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export my lexicon", "unspin-lexicon.json", "Lexicon (*.json)")
        if path:
            self.export_lexicon_file(path)

    def choose_lexicon_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a lexicon", "", "Lexicon (*.json);;All (*)")
        if path:
            self.import_lexicon_file(path)

    # -- the library: read, starred, search ----------------------------------------------------------------
    def _needs_library(self, what: str) -> bool:
        if self.library is None:
            self._error(f"Cannot {what}", "the library is unavailable in this session")
            return False
        return True

    def _target_article(self) -> int | None:
        """The article an action applies to: the one chosen in the sidebar, else the one open."""
        if self.sidebar.table.hasFocus():
            chosen = self.sidebar.current_article()
            if chosen is not None:
                return chosen
        return self.article_id

    def toggle_read(self) -> None:
        article_id = self._target_article()
        if self.library is None or article_id is None:
            return
        stored = self.library.article(article_id)
        if stored is not None:
            self.sidebar.articles.set_read(article_id, not stored.is_read)
            self.sidebar.feeds.reload()
            self.statusBar().showMessage("Marked unread" if stored.is_read else "Marked read", 3000)

    def toggle_star(self) -> None:
        article_id = self._target_article()
        if self.library is None or article_id is None:
            return
        stored = self.library.article(article_id)
        if stored is not None:
            self.sidebar.articles.set_starred(article_id, not stored.starred)
            self.statusBar().showMessage("Unstarred" if stored.starred else "Starred", 3000)

    def focus_search(self) -> None:
        self.dock.show()
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    # -- the web -------------------------------------------------------------------------------------------
    def ask_url(self) -> None:
        clipboard = QGuiApplication.clipboard().text().strip()
        suggested = clipboard if clipboard.startswith(("http://", "https://")) and " " not in clipboard else ""
        url, ok = QInputDialog.getText(self, "Open URL", "Address of the article:", text=suggested)
        if ok and url.strip():
            self.open_url(url.strip())

    def open_url(self, url: str) -> None:
        """Fetch and extract the article at ``url`` on the pool; the window stays usable meanwhile."""
        from reader.sources.web import open_url

        options = dict(self.fetch_options)
        self.fetching = url
        self.fetch_progress.show()
        self.statusBar().showMessage(f"Fetching {url}…")
        self._run("fetch", self.fetch_signals, lambda report: open_url(url, **options))

    def _url_fetched(self, request: int, article: object) -> None:
        if request != self._requests["fetch"]:
            return
        self.fetching = None
        self.fetch_progress.hide()
        self.statusBar().clearMessage()
        assert isinstance(article, Article)
        self.open_text(article.title or article.url or "Web article", article.text, article.source, article=article)
        if article.notes:
            self.statusBar().showMessage("; ".join(article.notes), 8000)

    def _url_failed(self, request: int, message: str) -> None:
        if request != self._requests["fetch"]:
            return
        self.fetching = None
        self.fetch_progress.hide()
        self._error("Could not open the page", message)

    # -- feeds ---------------------------------------------------------------------------------------------
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
        self.statusBar().showMessage(f"Subscribed to {title}: {new} articles", 6000)
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

    def _feeds_refreshed(self, request: int, results: object) -> None:
        self.refreshing = False
        self.feed_progress.hide()
        items = cast(list[RefreshResult], results)
        new = sum(r.new_entries for r in items)
        failed = [r for r in items if r.error]
        self.sidebar.reload(keep=self.article_id)
        message = f"Feeds refreshed: {new} new article{'s' if new != 1 else ''}"
        if failed:
            message += f"; {len(failed)} of {len(items)} feeds failed"
            self.bar.show_message(
                f"<b>{len(failed)} of {len(items)} feeds could not be refreshed</b>: "
                + "; ".join(_escape(r.error or "") for r in failed[:3]), "warning")
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
        if self.library is None:
            return
        self.library.remove_feed(feed_id)
        if self.sidebar.articles.feed_id == feed_id:
            self.sidebar.articles.feed_id = None
        if self.article_id is not None and self.library.article(self.article_id) is None:
            self.article_id = None  # it went with its feed: decisions on it are no longer kept
            self.statusBar().showMessage("The open article left the library with its feed", 6000)
        self.sidebar.reload(keep=self.article_id)

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
        self.statusBar().showMessage(f"{count} new subscriptions", 6000)
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

    # -- sources and copies --------------------------------------------------------------------------------
    def find_sources(self) -> None:
        """Look in the library, in the background, for the source of the open article and other copies."""
        if self.library is None or self.article_id is None:
            return
        article_id = self.article_id

        def work(report: Report) -> object:
            with self._worker_library() as library:
                return article_id, library.find_sources_of(article_id)

        self.looking_for_sources = True
        self._run("sources", self.source_signals, work)

    def _sources_found(self, request: int, result: object) -> None:
        article_id, matches = cast(tuple[int, list[SourceMatch]], result)
        if request != self._requests["sources"]:
            return
        self.looking_for_sources = False
        if article_id != self.article_id:
            return
        self.source_matches = list(matches)
        if not matches:
            return
        strong = [m.article_id for m in matches if m.score >= STORY_SCORE]
        if strong:
            self.sidebar.articles.merge_group([article_id, *strong])
        best = matches[0]
        similar = f" ({best.similarity:.0%} of the words are the same)" if best.similarity is not None else ""
        if best.relation == "source":
            text = f"A likely <b>source</b> of this article is in your library: “{_escape(best.title)}”{similar}."
        else:
            text = f"Another <b>copy</b> of this story is in your library: “{_escape(best.title)}”{similar}."
        others = len(matches) - 1
        if others:
            text += f" {others} more article{'s tell' if others != 1 else ' tells'} the same story."
        self.bar.show_message(text, "info", [
            ("Compare with source" if best.relation == "source" else "Compare with it",
             lambda: self.compare_with_article(best.article_id)),
            ("Open it", lambda: self.open_article(best.article_id))])

    def _sources_failed(self, request: int, message: str) -> None:
        if request == self._requests["sources"]:
            self.looking_for_sources = False
        self.statusBar().showMessage(f"Looking for the source failed: {message}", 6000)

    def ask_source(self) -> None:
        """Compare with source: the reader pastes the original, or opens it from a file."""
        if self.document is None:
            return

        def read(path: str) -> tuple[str, str]:
            from reader.sources.files import read_article

            article = read_article(path)
            return article.title, article.text

        dialog = SourceDialog(self, read)
        if self.source_matches:
            stored = self.library.article(self.source_matches[0].article_id) if self.library else None
            if stored is not None:
                dialog.editor.setPlainText(stored.article.text)
                dialog.title = f"“{stored.article.title}”"
        if dialog.exec() and dialog.text().strip():
            self.compare_with(dialog.text(), dialog.title)

    def compare_with_article(self, article_id: int) -> CompareDialog | None:
        if self.library is None:
            return None
        stored = self.library.article(article_id)
        if stored is None:
            return None
        return self.compare_with(stored.article.text, f"“{stored.article.title}”")

    def compare_with(self, source_text: str, title: str = "the source") -> CompareDialog | None:
        """Align the source with the open article and show the exact substitutions (a non-modal dialog)."""
        if self.document is None:
            return None
        comparison = build_comparison(source_text, self.document.text, self.document.suggestions, title)
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        self.compare_dialog = CompareDialog(comparison, self.add_pairs, self)
        if self.analysing:
            self.compare_dialog.summary.setText(comparison.summary() + " (The engine is still analysing this "
                                                "article: its flags are not counted yet.)")
        self.compare_dialog.show()
        self.statusBar().showMessage(comparison.summary(), 10000)
        return self.compare_dialog

    def find_story_groups(self) -> None:
        """Group copies of one story across feeds (the most recent articles listed), in the background."""
        if self.library is None:
            return
        ids = [row.id for row in self.sidebar.articles.rows[:GROUPED_ARTICLES]]

        def work(report: Report) -> object:
            with self._worker_library() as library:
                return library.story_groups(ids or None)

        self._run("groups", self.group_signals, work)

    def _groups_found(self, request: int, groups: object) -> None:
        if request == self._requests["groups"]:
            self.sidebar.articles.set_groups(cast(list[list[int]], groups))

    def _groups_failed(self, request: int, message: str) -> None:
        self.statusBar().showMessage(f"Grouping copies of stories failed: {message}", 6000)

    # -- spin scores for the whole library ----------------------------------------------------------------
    def analyse_library(self) -> None:
        """Analyse, in the background, articles never opened, newest first, so the sidebar can sort and filter
        them by spin score. One article at a time, sharing the engine with the open article."""
        if self.library is None or self.background_analysing:
            return
        engines = self.engines
        cancelled = self._cancel_background

        def work(report: Report) -> object:
            done = 0
            with self._worker_library() as library:
                todo = [row for row in library.list_articles(sort="added", limit=LIST_LIMIT)
                        if row.spin_score is None][:BACKGROUND_ANALYSES]
                for row in todo:
                    if cancelled.is_set():
                        break
                    stored = library.article(row.id)
                    if stored is None or library.load_analysis(row.id, engine_version()) is not None:
                        continue
                    engine = engines.get()
                    with engines.busy:
                        analysis = engine.analyze(stored.article.text)  # type: ignore[attr-defined]
                    library.save_analysis(row.id, analysis, engine_version())
                    done += 1
                    report(done, len(todo), str(row.id))
            return done

        self.background_analysing = True
        self._run("library", self.library_signals, work)

    def _library_analysis_progress(self, request: int, done: int, total: int, label: str) -> None:
        self.library_progress.setRange(0, max(1, total))
        self.library_progress.setValue(done)
        self.library_progress.setVisible(done < total)
        if label.isdigit():
            self.sidebar.articles.refresh_article(int(label))

    def _library_analysed(self, request: int, count: object) -> None:
        self.background_analysing = False
        self.library_progress.hide()
        if count and not self.statusBar().currentMessage():  # never hides a message that matters more
            self.statusBar().showMessage(f"Spin scores found for {count} more articles", 5000)

    def _library_analysis_failed(self, request: int, message: str) -> None:
        self.background_analysing = False
        self.library_progress.hide()
        self.statusBar().showMessage(f"Analysing the library stopped: {message}", 8000)

    # -- errors and closing ------------------------------------------------------------------------------
    def _error(self, title: str, message: str) -> None:
        """Shown in the window (a bar above the article, and the status bar), never a modal box."""
        self.statusBar().showMessage(f"{title}: {message}", 10000)
        self.bar.show_message(f"<b>{title}</b>: {_escape(message)}", "error")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._cancel_refresh.set()
        self._cancel_background.set()
        for relay in self._relays:
            relay.active = False
        self.settings.set_geometry(self.saveGeometry())
        super().closeEvent(event)
