"""The library in the window: read and starred marks, search, the source and other copies of the open article,
copies of one story grouped, and spin scores found in the background for articles never opened."""

from __future__ import annotations

import sqlite3
from typing import cast

from reader.core.suggestion import counted
from reader.core.weights import engine_version
from reader.gui.compare import CompareDialog, SourceDialog, build_comparison
from reader.gui.lexicon_actions import LexiconActions
from reader.gui.sidebar import LIST_LIMIT
from reader.gui.window_base import escape
from reader.gui.worker import Report
from reader.library import LibraryError, SourceMatch

GROUPED_ARTICLES = 300  # story groups are looked for among this many listed articles (each costs a query)
STORY_SCORE = 0.5  # find_sources score from which two articles are copies of one story (as in story_groups)
BACKGROUND_ANALYSES = 200  # articles analysed in the background after a refresh (newest first)


class LibraryActions(LexiconActions):
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

    def delete_article(self, article_id: int | None = None) -> None:
        """Delete an article (the one chosen in the list, else the one open) from the library, with its decisions,
        after the reader confirms."""
        article_id = self._target_article() if article_id is None else article_id
        if not self._needs_library("delete an article") or article_id is None:
            return
        assert self.library is not None
        stored = self.library.article(article_id)
        if stored is None:
            return
        decided = len(self.library.stored_decisions(article_id))
        detail = f" Your {counted(decided, 'decision')} on it will go too." if decided else ""
        if not self._confirm("Delete article", f"Delete “{stored.article.title}” from the library?{detail}"):
            return
        try:
            self.library.delete_article(article_id)
        except (LibraryError, sqlite3.Error) as error:
            self._error("The article could not be deleted", str(error))
            return
        if article_id == self.article_id:
            self.close_article()
        self.sidebar.reload(keep=self.article_id)
        self.find_story_groups()  # the copies of its story are one fewer
        self.statusBar().showMessage(f"Deleted “{stored.article.title}”", 5000)

    def focus_search(self) -> None:
        self.dock.show()
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

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
        # The likely source first: a second copy of the same spun text matches it best (99%) and would hide it.
        self.source_matches = sorted(matches, key=lambda m: m.relation != "source")
        matches = self.source_matches
        if not matches:
            return
        strong = [m.article_id for m in matches if m.score >= STORY_SCORE]
        if strong:
            self.sidebar.articles.merge_group([article_id, *strong])
        best = matches[0]
        similar = f" ({best.similarity:.0%} of the words are the same)" if best.similarity is not None else ""
        if best.relation == "source":
            text = f"A likely <b>source</b> of this article is in your library: “{escape(best.title)}”{similar}."
        else:
            text = f"Another <b>copy</b> of this story is in your library: “{escape(best.title)}”{similar}."
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
                    try:
                        with engines.busy:
                            analysis = engine.analyze(stored.article.text)  # type: ignore[attr-defined]
                    except ValueError:
                        continue  # a text the engine refuses (too long: stored before it was refused on opening)
                    try:
                        library.save_analysis(row.id, analysis, engine_version())
                    except sqlite3.IntegrityError:
                        continue  # deleted (or unsubscribed from) while it was analysed
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
