"""The main window: published article and restored version side by side."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTextBrowser,
)

from reader.core.suggestion import Analysis, Decision, Verdict
from reader.gui.document import ArticleDocument
from reader.gui.render import render_published, render_restored
from reader.gui.settings import Settings
from reader.gui.text_positions import utf16_offset
from reader.gui.worker import AnalysisSignals, AnalysisTask, EngineHolder
from reader.library import Library, LibraryError

EXPORT_FILTERS = "Plain text (*.txt);;Markdown (*.md);;HTML (*.html)"


def _pane() -> QTextBrowser:
    pane = QTextBrowser()
    pane.setOpenLinks(False)
    pane.setOpenExternalLinks(False)
    pane.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
    pane.document().setDocumentMargin(28)
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
        self.setCentralWidget(splitter)
        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self._build_menus()
        self._apply_font()
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

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
        self._action(file_menu, "&Paste as new article", self.paste_article, "Ctrl+Shift+V")
        self._action(file_menu, "&Export restored…", self.export_restored, "Ctrl+E")
        self._action(file_menu, "&Copy restored", self.copy_restored, "Ctrl+Shift+C")
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
        self._action(edit, "Set &threshold…", self.choose_threshold, "Ctrl+T")
        view = bar.addMenu("&View")
        self._action(view, "&Larger text", lambda: self._change_font(1), QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self._action(view, "&Smaller text", lambda: self._change_font(-1), QKeySequence.StandardKey.ZoomOut)

    def _apply_font(self) -> None:
        font = QFont(["Georgia", "Noto Serif", "DejaVu Serif", "serif"], self.settings.font_size)
        font.setStyleHint(QFont.StyleHint.Serif)
        for pane in (self.published, self.restored):
            pane.document().setDefaultFont(font)

    def _change_font(self, step: int) -> None:
        self.settings.font_size = self.settings.font_size + step
        self._apply_font()

    # -- articles ----------------------------------------------------------------------------------------
    def open_text(self, title: str, text: str, source: str = "") -> None:
        """Show the text at once; the highlights follow when the analysis is ready."""
        self.document = ArticleDocument(title, text, self.settings.threshold)
        self.article_id = self._store_article(title, text, source)
        self.document.on_decision = self._save_decision
        self.document.changed.connect(self._redraw)
        self.document.undo_stack.indexChanged.connect(self._undo_index_changed)
        self.current = None
        self.setWindowTitle(f"{title} — Unspin")
        self._redraw()
        self.request += 1
        self.analysing = True
        self.progress.setValue(0)
        self.progress.show()
        self._update_status()
        self.pool.start(AnalysisTask(self.request, text, self.engines, self.signals))

    def open_path(self, path: str) -> bool:
        from reader.sources.files import ArticleError, read_article

        try:
            article = read_article(path)
        except ArticleError as error:
            self._error("Could not open the article", str(error))
            return False
        except OSError as error:
            self._error("Could not open the article", f"{path}: {error.strerror or error}")
            return False
        self.open_text(article.title or Path(path).name, article.text, source=str(Path(path).resolve()))
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
                break

    def _store_article(self, title: str, text: str, source: str) -> int | None:
        if self.library is None:
            return None
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()
        try:
            return self.library.add_article(title=title, text=text, source=source, guid=f"{source}#{digest}")
        except (LibraryError, sqlite3.Error) as error:
            self._error("The library could not save the article", str(error))
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
        decisions: dict[int, Decision] = {}
        for index, s in enumerate(analysis.suggestions):
            rule = self.settings.pair_rule(s.original, s.replacement)
            if rule == "always":
                decisions[index] = Decision(Verdict.ACCEPT, s.replacement)
            elif rule == "never":
                decisions[index] = Decision(Verdict.REJECT)
        if self.library is not None and self.article_id is not None:
            try:
                decisions.update(self.library.decisions(self.article_id, analysis.suggestions))
                self.library.save_analysis(self.article_id, analysis)
            except (LibraryError, sqlite3.Error) as error:
                self._error("The library could not be read", str(error))
        self.document.decisions.update(decisions)
        self.analysing = False
        self.progress.hide()
        self.document.set_analysis(analysis)

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
        spin = document.analysis.spin_score if document.analysis else 0.0
        where = f" · at {self.current + 1} of {count}" if self.current is not None else ""
        self.status.setText(
            f"{count} suggestions · {document.accepted_count()} accepted · spin score {spin:.0%}{where}"
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
        self.current = index
        self._redraw()
        s = self.document.suggestions[index]
        for pane in (self.published, self.restored):
            cursor = pane.textCursor()
            if pane is self.restored:
                position = self._restored_position(index, 0)
            else:
                position = utf16_offset(self.document.text, s.start)
            cursor.setPosition(min(position, pane.document().characterCount() - 1))
            pane.setTextCursor(cursor)
            pane.ensureCursorVisible()

    def _restored_position(self, index: int, fallback: int) -> int:
        document = self.restored.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.charFormat().anchorHref() == f"r:{index}":
                    return fragment.position()
                iterator += 1
            block = block.next()
        return fallback

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
            self.statusBar().showMessage(f"Accepted {count} suggestions", 4000)

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
        if self.document is None:
            return
        s = self.document.suggestions[index]
        self.settings.set_pair_rule(s.original, s.replacement, rule)
        if rule == "always":
            self.document.accept(index)
        else:
            self.document.reject(index)

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
            content = f"# {self.document.title}\n\n" + "\n\n".join(paragraphs) + "\n"
        else:
            content = restored
        try:
            Path(path).write_text(content, encoding="utf-8")
        except OSError as error:
            self._error("Could not export", f"{path}: {error.strerror or error}")

    # -- errors and closing ------------------------------------------------------------------------------
    def _error(self, title: str, message: str) -> None:
        self.statusBar().showMessage(f"{title}: {message}", 10000)
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):
            QMessageBox.warning(self, title, message)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set_geometry(self.saveGeometry())
        super().closeEvent(event)

