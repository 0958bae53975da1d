"""The main window: published article and restored version side by side."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.language import looks_english
from reader.core.lexicon import PersonalLexicon, Rule, apply_lexicon
from reader.core.suggestion import Analysis, Decision, counted, verdict_words
from reader.core.weights import engine_version
from reader.gui.compare import CompareDialog
from reader.gui.document import ArticleDocument
from reader.gui.feed_actions import FeedActions
from reader.gui.messagebar import MessageBar
from reader.gui.render import anchor_span, mark_current, render_published, render_restored
from reader.gui.settings import Settings
from reader.gui.sidebar import Sidebar
from reader.gui.text_positions import utf16_offset
from reader.gui.worker import (
    AnalysisSignals,
    AnalysisTask,
    EngineHolder,
    TaskRelay,
)
from reader.library import Library, LibraryError, SourceMatch
from reader.sources.article import Article, ArticleError

EXPORT_FILTERS = "Plain text (*.txt);;Markdown (*.md);;HTML (*.html)"


class _SetRule(QUndoCommand):
    """A lexicon rule set as an undoable step (its text is the macro's that holds it)."""

    def __init__(self, store: Callable[[Rule | None], None], rule: Rule, before: Rule | None) -> None:
        super().__init__()
        self.store, self.rule, self.before = store, rule, before

    def redo(self) -> None:
        self.store(self.rule)

    def undo(self) -> None:
        self.store(self.before)


NAME_WORDS = 4  # a longer run of capitalised words is a headline in title case, not a name
# Capitalised words that open a sentence or stand alone, and are no part of the name after them.
_NOT_NAME = frozenset("The A An This That These Those But And Or When If In On At As For So Yet Then While I".split())


def name_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the name that ``text[start:end]`` is part of: capitalised words next to it, one space apart,
    with the lower-case joiners of names ("Ministry of Defence"), where the span itself is capitalised ("White
    Home" around "Home"); else the span itself (also for a word in capitals, and for a run of more than
    ``NAME_WORDS`` words: a headline)."""
    span = text[start:end]
    if not span[:1].isupper() or span.isupper() and len(span) > 1 or span in _NOT_NAME:
        return start, end
    first, last = start, end
    before = re.compile(r"(\w[\w'’-]*)(?: (?:of|for|the))* $")
    while (match := before.search(text, max(0, first - 80), first)) and match.group(1)[:1].isupper():
        if match.group(1) in _NOT_NAME:
            break
        first = match.start(1)
    after = re.compile(r"(?: (?:of|for|the))* (\w[\w'’-]*)")
    while (match := after.match(text, last)) and match.group(1)[:1].isupper() and match.group(1) not in _NOT_NAME:
        last = match.end(1)
    if len(text[first:last].split()) > NAME_WORDS:
        return start, end
    return first, last


EXPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def export_path(path: str, chosen_filter: str = "") -> str:
    """The file an export writes: the name as typed where it ends in an extension the export knows, else with the
    chosen filter's ("Mr. Smith" with the HTML filter is "Mr. Smith.html"; a trailing dot is dropped)."""
    if Path(path).suffix.lower() in EXPORT_SUFFIXES:
        return path
    suffix = ".html" if "HTML" in chosen_filter else ".md" if "Markdown" in chosen_filter else ".txt"
    return path.rstrip(".") + suffix


def _pane() -> QTextBrowser:
    pane = QTextBrowser()
    pane.setOpenLinks(False)
    pane.setOpenExternalLinks(False)
    pane.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
    pane.document().setDocumentMargin(28)
    pane.document().setUndoRedoEnabled(False)  # drawn from the model, never edited: nothing to undo
    return pane


class MainWindow(FeedActions, QMainWindow):
    """The reader's window. Its lexicon, library and web actions live in mixins of their own (``LexiconActions``,
    ``LibraryActions``, ``FeedActions``, on ``WindowBase``); here the article is opened, drawn and reviewed."""

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
        self._open_when_fetching: ArticleDocument | None = None  # the article open when the fetch began
        self.library_notice: QMessageBox | None = None  # what the app said of the library at start (app.main)
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
        self.sidebar.delete_requested.connect(self.delete_article)
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
        state = self.settings.window_state()
        if state is not None and library is not None:  # the dock as the reader left it (without a library: hidden)
            self.restoreState(state)
        if library is not None:
            self._migrate_pair_rules()
            if library.count_articles() > 1:
                self.find_story_groups()
            self.analyse_library()

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
        self._action(library, "&Delete article…", self.delete_article)  # Delete in the article list, too
        library.addSeparator()
        self._action(library, "Su&bscribe to a feed…", self.ask_subscribe, "Ctrl+Shift+N")
        self._action(library, "&Refresh feeds", self.refresh_feeds, QKeySequence.StandardKey.Refresh, "F5")
        self._action(library, "S&top refreshing", self.stop_refresh, "Shift+F5")
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
        if article_id is None and self.refused_as_too_long(title, text):  # before it is stored or drawn
            return
        self.bar.dismiss()  # what it and the status bar said was about the article before ("read as cp1251")
        self.statusBar().clearMessage()
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

    def refused_as_too_long(self, title: str, text: str) -> bool:
        """Whether a new text is over what the engine analyses; if so the reader is told, and it is not stored."""
        from reader.core.engine import MAX_TEXT_CHARS  # here: the window opens before the engine is loaded

        if len(text) <= MAX_TEXT_CHARS:
            return False
        self._error("Cannot open this text", f"“{title}” is too long to analyse ({len(text):,} characters; the "
                    f"limit is {MAX_TEXT_CHARS:,}, about 80,000 words): open it in parts")
        return True

    def close_article(self) -> None:
        """Show no article (the one open was deleted): the panes are emptied and nothing is stored for it."""
        self.request += 1  # an analysis still running for it is dropped when it ends
        self.document = None
        self.article_id = None
        self.current = None
        self.analysing = False
        self.progress.hide()
        self.published.clear()
        self.restored.clear()
        self.bar.dismiss()
        self.setWindowTitle("Unspin")
        self._update_status()

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
            from reader.sources.files import article_from_text

            article = article_from_text(text)  # titled by its first line, as a plain-text file is
            self.open_text(article.title or "Pasted article", article.text, article=article)

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
        if analysis is None:  # the analysis failed (the bar says why): no verdict to give
            self.status.setText(f"{document.title}: not analysed")
            return
        spin = analysis.spin_score
        verdict = verdict_words(spin, analysis.words, looks_english(document.text))
        where = f" · at {self.current + 1} of {count}" if self.current is not None else ""
        applied = sum(1 for index in range(count) if document.is_applied(index))  # what the restored pane shows
        self.status.setText(
            f"{counted(count, 'suggestion')}, {applied} applied · {document.accepted_count()} accepted · spin score "
            f"{spin:.0%}, {verdict}{where}"
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
            if pane is self.restored and restored is None:
                continue  # a twin not drawn (not applied): the restored pane follows the published one's scroll
            cursor = pane.textCursor()
            position = restored[0] if pane is self.restored and restored else utf16_offset(self.document.text, s.start)
            cursor.setPosition(min(position, pane.document().characterCount() - 1))
            pane.setTextCursor(cursor)
            pane.ensureCursorVisible()

    def next_suggestion(self) -> None:
        if self.document and self.document.suggestions:
            last = len(self.document.suggestions) - 1
            if self.current == last:
                self.statusBar().showMessage("That was the last suggestion", 3000)
            self.select(0 if self.current is None else min(self.current + 1, last))

    def previous_suggestion(self) -> None:
        if self.document and self.document.suggestions:
            if self.current == 0:
                self.statusBar().showMessage("That was the first suggestion", 3000)
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
        applied, wording = self.document.is_applied(index), self.document.wording(index)
        menu = QMenu(self)
        for choice in s.choices():
            action = menu.addAction(f"Use “{choice}”")
            action.setCheckable(True)
            action.setChecked(applied and choice == wording)  # what the restored text says now
            action.triggered.connect(lambda checked=False, c=choice: self._decide(index, c))
        menu.addSeparator()
        keep = menu.addAction(f"Keep “{s.original}” as published")
        keep.setCheckable(True)
        keep.setChecked(not applied)
        keep.triggered.connect(lambda: self._decide(index, None))
        menu.addSeparator()
        # The rules are for the wording chosen here: "Use 'said'", then "Always", means always "said".
        always = menu.addAction(f"Always “{s.original}” → “{wording}”")
        always.triggered.connect(lambda: self._rule(index, "always", wording))
        never = menu.addAction(f"Never “{s.original}” → “{wording}”")
        never.triggered.connect(lambda: self._rule(index, "never", wording))
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

    def _rule(self, index: int, rule: str, wording: str | None = None) -> None:
        """"Always" / "never" for the pair (the published words and ``wording``, by default the engine's best):
        into the lexicon (the library's, or this session's), then decided here."""
        if self.document is None:
            return
        s = self.document.suggestions[index]
        wording = wording or s.replacement
        # A word of a name is ruled on inside its name: "Always 'Home' -> 'House'" in "the White Home" must not turn
        # every later "home" into "house".
        text = self.document.text
        start, end = name_around(text, s.start, s.end)
        spun, original = text[start:end], text[start:s.start] + wording + text[s.end:end]
        value = Rule(rule)
        lexicon = self.library.lexicon() if self.library is not None else self.session_lexicon
        before = entry.rule if (entry := lexicon.get(spun, original)) is not None else None
        # One step to undo: the rule goes with the decision it made (Ctrl+Z after "Always" leaves no rule behind).
        stack = self.document.undo_stack
        stack.beginMacro(f"{rule.capitalize()} “{spun}” → “{original}”")
        stack.push(_SetRule(lambda ruled: self._store_rule(spun, original, ruled), value, before))
        if value is Rule.ALWAYS:
            self.document.accept(index, wording)
        else:
            self.document.reject(index)
        stack.endMacro()
        self.statusBar().showMessage(f"“{spun}” → “{original}”: {rule}, for later articles too", 5000)

    def _store_rule(self, spun: str, original: str, rule: Rule | None) -> None:
        """Into the lexicon: the library's, or this session's (None clears the rule, keeping the counts)."""
        if self.library is not None:
            try:
                self.library.set_rule(spun, original, rule)
            except (LibraryError, sqlite3.Error) as error:
                self._error("The rule could not be saved", str(error))
        else:
            self.session_lexicon.set_rule(spun, original, rule)

    # -- export ------------------------------------------------------------------------------------------
    def copy_restored(self) -> None:
        if self.document is not None:
            QGuiApplication.clipboard().setText(self.document.restored())
            self.statusBar().showMessage("Restored text copied", 3000)

    def export_restored(self) -> None:
        if self.document is None:
            return
        path, chosen = QFileDialog.getSaveFileName(self, "Export restored text", "", EXPORT_FILTERS)
        if not path:
            return
        final = export_path(path, chosen)
        # the dialog asked about the name typed, not this one
        if final != path and Path(final).exists() and not self._confirm("Export restored text",
                                                                         f"{Path(final).name} exists. Replace it?"):
            return
        self.write_export(final, chosen)

    def write_export(self, path: str, chosen_filter: str = "") -> None:
        """Write the restored text as the file's extension says, else as the chosen filter says (a name typed
        without an extension gets the filter's)."""
        assert self.document is not None
        restored = self.document.restored()
        lines = [line for line in restored.splitlines() if line.strip()]
        heading, paragraphs = self.document.title, lines
        if lines and self.document.text.lstrip().startswith(heading):
            heading, paragraphs = lines[0], lines[1:]  # the text opens with its headline: the restored one heads it
        path = export_path(path, chosen_filter)
        suffix = Path(path).suffix.lower()
        if suffix in (".html", ".htm"):
            import html

            body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
            content = f"<!doctype html>\n<meta charset='utf-8'>\n<title>{html.escape(heading)}</title>\n{body}"
        elif suffix in (".md", ".markdown"):
            content = f"# {heading}\n\n" + "\n\n".join(paragraphs) + "\n"
        else:
            content = restored
        try:
            Path(path).write_text(content, encoding="utf-8")
        except OSError as error:
            self._error("Could not export", f"{path}: {error.strerror or error}")

    # -- closing -----------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._cancel_refresh.set()
        self._cancel_background.set()
        for relay in self._relays:
            relay.active = False
        self.settings.set_geometry(self.saveGeometry())
        if self.library is not None:
            self.settings.set_window_state(self.saveState())
        self.settings.sync()
        super().closeEvent(event)
