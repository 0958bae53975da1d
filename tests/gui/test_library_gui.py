"""The window with its library: sidebar, search, read/starred, the personal lexicon, compare with source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TEXT, FakeEngine, SynchronousPool  # tests/gui/conftest.py
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.lexicon import Rule
from reader.core.suggestion import Analysis, Suggestion
from reader.core.weights import engine_version
from reader.gui.settings import Settings
from reader.gui.sidebar import VERDICT_COLOURS, ArticleTableModel
from reader.gui.window import MainWindow
from reader.library import Library

pytestmark = pytest.mark.gui

ORIGINAL = (
    "WASHINGTON - US officials said on Tuesday that Hurricane Maria would reach Puerto Rico by Friday, bringing "
    "up to 250 millimetres of rain. The National Hurricane Center told residents of San Juan to find shelter. "
    "Governor Ricardo Rossello said 3,400 soldiers stood ready to help, and lawmakers will debate the budget.")
# the spinner's thesaurus: "officers" and "stated" are what FakeEngine flags (and restores right)
SPINS = {"officials": "officers", "said": "stated", "reach": "attain", "bringing": "carrying", "told": "informed",
         "find": "discover", "help": "assist", "ready": "prepared"}


def spin(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Replace whole words by SPINS, left to right; the copy and the (spun, original) pairs made, in order."""
    made: list[tuple[str, str]] = []

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word in SPINS:
            made.append((SPINS[word], word))
            return SPINS[word]
        return word

    return re.sub(r"[A-Za-z]+", swap, text), made


@pytest.fixture()
def win(qtbot, settings: Settings, library: Library) -> MainWindow:  # noqa: ANN001
    window = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    window.sidebar.open_delay_ms = 0
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def answering(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """The window's questions (QMessageBox.question) answered with ``button``: the questions asked, in order."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *args: asked.append(text) or button)
    return asked


def listed(window: MainWindow) -> list[str]:
    return [row.title for row in window.sidebar.articles.rows]


def cell(window: MainWindow, row: int, column: int) -> str:
    model = window.sidebar.articles
    return str(model.data(model.index(row, column)))


def fill(library: Library) -> dict[str, int]:
    """Two feeds and a local article, with dates, one analysed (spin score 40%), one read, one starred."""
    daily = library.add_feed("http://127.0.0.1:9/daily.xml", "Daily")
    wire = library.add_feed("http://127.0.0.1:9/wire.xml", "Wire")
    ids = {
        "storm": library.add_article(title="Storm nears the coast", text="The storm would reach the coast by "
                                     "Friday, officials warned residents.", date="2024-03-05T10:00:00Z",
                                     feed_id=daily, guid="d1"),
        "budget": library.add_article(title="Budget debate", text="Lawmakers will debate the budget on Monday.",
                                      date="2024-03-07T09:00:00Z", feed_id=wire, guid="w1"),
        "local": library.add_article(title="My notes", text="Notes about gardening and tomatoes.",
                                     date="2024-03-06T12:00:00Z"),
    }
    text = "Lawmakers will debate the budget on Monday."
    flagged = tuple(Suggestion(text.index(w), text.index(w) + len(w), w, w.upper(), (), 0.3)
                    for w in ("Lawmakers", "debate", "budget", "Monday"))
    library.save_analysis(ids["budget"], Analysis(text, flagged, words=10), engine_version())
    library.mark_read(ids["local"])
    library.set_starred(ids["storm"])
    return ids


def test_sidebar_lists_articles_with_spin_date_feed_and_filters_them(win: MainWindow, library: Library) -> None:
    fill(library)
    win.sidebar.reload()
    assert listed(win) == ["Budget debate", "My notes", "Storm nears the coast"]  # newest first
    assert [cell(win, 0, c) for c in range(6)] == ["☆", "Budget debate", "40%", "7 Mar 24", "Wire", ""]
    assert [cell(win, 1, c) for c in (2, 4)] == ["—", "local"]  # not analysed yet; not from a feed
    assert cell(win, 2, ArticleTableModel.STAR) == "★"
    model = win.sidebar.articles
    assert model.data(model.index(0, ArticleTableModel.TITLE), Qt.ItemDataRole.FontRole).bold()  # unread
    assert model.data(model.index(1, ArticleTableModel.TITLE), Qt.ItemDataRole.FontRole) is None  # read
    # 40% of a ten-word text: too short for a verdict on the whole text, so orange, not red
    tooltip = model.data(model.index(0, ArticleTableModel.SPIN), Qt.ItemDataRole.ToolTipRole)
    assert "too short to judge" in tooltip
    brush = model.data(model.index(0, ArticleTableModel.SPIN), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == VERDICT_COLOURS["unclear"]

    win.sidebar.table.sortByColumn(ArticleTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert listed(win) == ["Budget debate", "My notes", "Storm nears the coast"]
    win.sidebar.table.sortByColumn(ArticleTableModel.FEED, Qt.SortOrder.AscendingOrder)
    assert [origin for origin in (cell(win, r, ArticleTableModel.FEED) for r in range(3))] == ["Daily", "local", "Wire"]
    win.sidebar.table.sortByColumn(ArticleTableModel.DATE, Qt.SortOrder.DescendingOrder)

    win.sidebar.unread.setChecked(True)
    assert listed(win) == ["Budget debate", "Storm nears the coast"]
    win.sidebar.starred.setChecked(True)
    assert listed(win) == ["Storm nears the coast"]
    win.sidebar.unread.setChecked(False)
    win.sidebar.starred.setChecked(False)
    win.sidebar.spin.setCurrentIndex(1)  # unclear or spun: the ten-word text is too short to judge
    assert listed(win) == ["Budget debate"]
    win.sidebar.spin.setCurrentIndex(2)  # looks spun: as its orange spin column says, it does not
    assert listed(win) == []
    win.sidebar.spin.setCurrentIndex(0)

    feeds = win.sidebar.feeds
    assert [feeds.data(feeds.index(r)) for r in range(3)] == ["All articles (3)", "Daily (1)", "Wire (1)"]
    win.sidebar.feed_view.setCurrentIndex(feeds.index(1))
    assert listed(win) == ["Storm nears the coast"]
    win.sidebar.feed_view.setCurrentIndex(feeds.index(0))
    assert len(listed(win)) == 3
    assert win.sidebar.count.text() == "3 articles listed"


def test_search_box_searches_the_library(win: MainWindow, library: Library, qtbot) -> None:  # noqa: ANN001
    fill(library)
    win.sidebar.reload()
    qtbot.keyClicks(win.sidebar.search, "tomat")  # the last word matches as a prefix
    qtbot.waitUntil(lambda: listed(win) == ["My notes"], timeout=3000)
    model = win.sidebar.articles
    assert "[tomatoes]" in model.data(model.index(0, ArticleTableModel.TITLE), Qt.ItemDataRole.ToolTipRole)
    assert win.sidebar.count.text() == "1 article found"
    win.sidebar.search.clear()
    qtbot.keyClicks(win.sidebar.search, "coast friday")
    qtbot.waitUntil(lambda: listed(win) == ["Storm nears the coast"], timeout=3000)
    win.sidebar.unread.setChecked(True)  # filters apply to search results too
    assert listed(win) == ["Storm nears the coast"]
    win.sidebar.search.clear()
    qtbot.keyClicks(win.sidebar.search, "gardening")
    qtbot.waitUntil(lambda: listed(win) == [], timeout=3000)  # found, but read: filtered out
    win.sidebar.unread.setChecked(False)
    assert listed(win) == ["My notes"]


def test_choosing_an_article_opens_it_marks_it_read_and_keys_star_and_unread_it(
        win: MainWindow, library: Library, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    ids = fill(library)
    win.sidebar.reload()
    row = win.sidebar.articles.row_of(ids["budget"])
    win.sidebar.table.setFocus()
    win.sidebar.table.setCurrentIndex(win.sidebar.articles.index(row, ArticleTableModel.TITLE))
    qtbot.waitUntil(lambda: win.article_id == ids["budget"], timeout=3000)
    assert win.published.toPlainText() == "Lawmakers will debate the budget on Monday."
    assert win.windowTitle().startswith("Budget debate")
    assert cell(win, row, ArticleTableModel.SPIN) == "40%"  # the stored analysis, not the engine, was shown
    assert library.article(ids["budget"]).is_read
    qtbot.keyClick(win.sidebar.table, "s")
    qtbot.keyClick(win.sidebar.table, "m")
    assert cell(win, row, ArticleTableModel.STAR) == "★"
    with Library(library.path) as again:  # written through to the file
        stored = again.article(ids["budget"])
        assert stored is not None and stored.starred and not stored.is_read
    qtbot.keyClick(win.sidebar.table, "s")
    assert not library.article(ids["budget"]).starred
    storm = win.sidebar.articles.row_of(ids["storm"])
    star = win.sidebar.table.visualRect(win.sidebar.articles.index(storm, ArticleTableModel.STAR)).center()
    qtbot.mouseClick(win.sidebar.table.viewport(), Qt.MouseButton.LeftButton, pos=star)  # a click on another star
    qtbot.wait(50)
    stored = library.article(ids["storm"])
    assert not stored.starred and not stored.is_read  # the click unstars it, and does not open it: no reading
    assert win.article_id == ids["budget"] and cell(win, storm, ArticleTableModel.STAR) == "☆"
    qtbot.mouseClick(win.sidebar.table.viewport(), Qt.MouseButton.LeftButton, pos=star)
    assert library.article(ids["storm"]).starred and not library.article(ids["storm"]).is_read


def test_keys_in_the_sidebar_do_not_review_the_open_article(
        win: MainWindow, library: Library, qtbot, monkeypatch) -> None:  # noqa: ANN001
    asked = answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    ids = fill(library)
    win.open_text("Reviewed", TEXT)
    opened = win.article_id
    win.select(0)
    win.sidebar.search.setFocus()
    qtbot.keyClicks(win.sidebar.search, "coast")
    qtbot.keyClick(win.sidebar.search, Qt.Key.Key_Return)  # Return searches; it accepts nothing
    qtbot.keyClick(win.sidebar.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: listed(win) == ["Storm nears the coast"], timeout=3000)
    win.sidebar.table.setFocus()
    win.sidebar.table.setCurrentIndex(win.sidebar.articles.index(0, ArticleTableModel.TITLE))
    qtbot.keyClick(win.sidebar.table, Qt.Key.Key_Delete)  # keeps nothing as published: asks to delete the article
    assert asked == ["Delete “Storm nears the coast” from the library?"]
    qtbot.keyClick(win.sidebar.table, Qt.Key.Key_Space)
    assert win.document.decisions == {} and library.stored_decisions(opened) == {}
    assert library.article(ids["storm"]) is not None  # cancelled
    win.sidebar.table.setCurrentIndex(win.sidebar.articles.index(0, ArticleTableModel.TITLE))
    qtbot.keyClick(win.sidebar.table, Qt.Key.Key_Return)  # opens the article chosen
    assert win.article_id == ids["storm"]
    assert win.open_article(opened)
    win.published.setFocus()
    win.select(0)
    qtbot.keyClick(win.published, Qt.Key.Key_Delete)  # in the article the keys review it
    assert [d.verdict.name for d in win.document.decisions.values()] == ["REJECT"]


def test_reopening_from_the_sidebar_brings_back_the_decisions(win: MainWindow, library: Library) -> None:
    win.open_text("Kept", TEXT)
    first = win.article_id
    assert first is not None and listed(win) == ["Kept"]
    win.select(0)
    win.accept_current("servicemen")
    win.open_text("Other", "The officers left.")
    assert listed(win) == ["Other", "Kept"] or sorted(listed(win)) == ["Kept", "Other"]
    assert win.open_article(first)
    assert win.restored.toPlainText().startswith("US servicemen said")
    assert win.sidebar.current_article() == first


def test_rules_from_the_popup_go_to_the_library_and_bend_the_next_analysis(win: MainWindow, library: Library) -> None:
    win.open_text("First", TEXT)
    win.select(2)  # debate -> discuss
    next(a for a in win.choices_menu().actions() if a.text().startswith("Never")).trigger()
    win.select(0)  # officers -> officials
    win.accept_current()
    entry = library.lexicon().get("debate", "discuss")
    assert entry is not None and entry.rule is Rule.NEVER and entry.rejected == 1
    assert library.lexicon().get("officers", "officials").accepted == 1  # accepted corrections count too

    second = "Officers would debate it, the officers said."
    win.open_text("Second", second)
    debate = next(s for s in win.document.suggestions if s.original == "debate")
    assert debate.replacement == "argue" and debate.confidence < 0.5  # "discuss" is never wanted any more
    assert "discuss" not in win.restored.toPlainText()
    officers = [s for s in win.document.suggestions if s.original.lower() == "officers"]
    assert all(s.confidence > 0.95 for s in officers)  # nudged up by the accepted correction

    win.select(win.document.suggestions.index(debate))
    next(a for a in win.choices_menu().actions() if a.text().startswith("Always")).trigger()
    assert library.lexicon().get("debate", "argue").rule is Rule.ALWAYS
    win.open_text("Third", "They debate again.")
    assert win.restored.toPlainText() == "They argue again."
    assert win.document.suggestions[0].confidence >= 0.97


def test_pair_rules_kept_in_qsettings_move_into_the_library_once(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings(QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat))
    settings.set_pair_rule("debate", "discuss", "never")
    settings.set_pair_rule("Home", "House", "always")
    library = Library(tmp_path / "lib.sqlite3")
    window = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    lexicon = library.lexicon()
    assert lexicon.get("debate", "discuss").rule is Rule.NEVER
    assert lexicon.get("home", "house").rule is Rule.ALWAYS
    assert settings.pair_rules() == []  # moved, not copied: a second start has nothing to move
    window.open_text("Test", TEXT)
    assert "debate it" in window.restored.toPlainText()
    library.close()


def test_lexicon_export_and_import_as_a_file(win: MainWindow, library: Library, tmp_path: Path) -> None:
    library.set_rule("stated", "said", Rule.ALWAYS)
    assert win.export_lexicon_file(str(tmp_path / "mine.json")) == 1
    with Library(tmp_path / "other.sqlite3") as other:
        window = MainWindow(FakeEngine, pool=SynchronousPool(), library=other,  # type: ignore[arg-type]
                            settings=win.settings)
        assert window.import_lexicon_file(str(tmp_path / "mine.json")) == 1
        assert other.lexicon().always_for("stated") == "said"
        (tmp_path / "bad.json").write_text('{"format": "something else"}', encoding="utf-8")
        assert window.import_lexicon_file(str(tmp_path / "bad.json")) is None
        assert "not an Unspin lexicon file" in window.bar.text()
        window.close()


def test_compare_with_source_shows_the_substitutions_the_spinner_made(win: MainWindow, library: Library) -> None:
    copy, made = spin(ORIGINAL)
    assert len(made) == 9
    win.open_text("Maria nears Puerto Rico", ORIGINAL)  # the reader read the original earlier
    source_id = win.article_id
    assert win.bar.text() == ""  # nothing else in the library tells this story
    win.open_text("Maria to attain Puerto Rico", copy)

    assert win.source_matches and win.source_matches[0].article_id == source_id
    assert "likely <b>source</b>" in win.bar.text()  # offered by itself, without being asked
    assert [b.text() for b in win.bar.buttons] == ["Compare with source", "Open it"]
    assert {cell(win, r, ArticleTableModel.STORY) for r in range(2)} == {"×2"}  # grouped in the sidebar too
    assert all(row.is_read for row in win.sidebar.articles.rows)  # opened, so read
    win.bar.buttons[0].click()
    dialog = win.compare_dialog
    assert dialog is not None and dialog.isVisible() and win.bar.text() == ""
    model = dialog.model
    rows = [(model.data(model.index(r, 0)), model.data(model.index(r, 1)), model.data(model.index(r, 2)))
            for r in range(model.rowCount())]
    assert [(spun, original) for spun, original, _ in rows] == made  # exactly the substitutions made
    # FakeEngine flags the first "officers" and the first "stated", and restores them rightly
    assert [verdict for _, _, verdict in rows] == ["restored", "restored"] + ["missed"] * 7
    comparison = dialog.comparison
    assert (comparison.flagged, comparison.restored_exactly, len(comparison.agreement.false_alarms)) == (2, 2, 1)
    summary = dialog.summary.text()
    assert "made 9 substitutions: the engine flagged 2 of them and restored 2 exactly" in summary
    assert "1 engine flag is not in the alignment" in summary  # "debate" is in the source too

    dialog.add_button.click()
    lexicon = library.lexicon()
    assert all(lexicon.get(spun, original).rule is Rule.ALWAYS for spun, original in made)
    # the open article is bent by the new pairs at once: every substitution is undone; the engine's false
    # alarm (debate -> discuss) is still applied
    assert win.restored.toPlainText() == ORIGINAL.replace("debate", "discuss")


def test_compare_with_pasted_source_without_a_library(qtbot, settings: Settings) -> None:  # noqa: ANN001
    window = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    copy, made = spin(ORIGINAL)
    window.open_text("Copy", copy)
    dialog = window.compare_with(ORIGINAL, "the pasted original")
    assert dialog is not None and [row.substitution.pair for row in dialog.comparison.rows] == made
    assert dialog.summary.text().startswith("82% of the words are the same as in the pasted original")
    dialog.add_button.click()
    assert window.session_lexicon.always_for("attain") == "reach"


def test_story_groups_show_in_the_sidebar(win: MainWindow, library: Library, monkeypatch) -> None:  # noqa: ANN001
    copy, _ = spin(ORIGINAL)
    first = library.add_article(title="Maria nears", text=ORIGINAL)
    second = library.add_article(title="Maria approaches", text=copy)
    library.add_article(title="Gardening", text="Tomatoes like sun, water and patience in equal measure.")
    win.sidebar.reload()
    win.find_story_groups()
    model = win.sidebar.articles
    copies = {row.title: cell(win, r, ArticleTableModel.STORY) for r, row in enumerate(model.rows)}
    assert copies == {"Maria nears": "×2", "Maria approaches": "×2", "Gardening": ""}
    assert model.groups[first] == model.groups[second]
    win.sidebar.table.sortByColumn(ArticleTableModel.STORY, Qt.SortOrder.DescendingOrder)
    assert listed(win)[2] == "Gardening"
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    win.delete_article(second)  # one copy fewer: the story is no longer told twice
    assert {row.title: cell(win, r, ArticleTableModel.STORY) for r, row in enumerate(model.rows)} == {
        "Maria nears": "", "Gardening": ""}


def test_unsubscribing_asks_and_keeps_what_the_reader_starred_reviewed_or_reads(
        win: MainWindow, library: Library, monkeypatch) -> None:  # noqa: ANN001
    ids = fill(library)  # "storm", of the Daily feed, is starred
    daily = library.article(ids["storm"]).feed_id
    library.add_article(title="Tide tables", text="High water at noon.", feed_id=daily, guid="d2")
    reading = library.add_article(title="Open one", text=TEXT, feed_id=daily, guid="d3")
    win.sidebar.reload()
    assert win.open_article(reading)
    asked = answering(monkeypatch, QMessageBox.StandardButton.Cancel)
    win.unsubscribe(daily)
    assert asked == ["Unsubscribe from “Daily”?\n\n1 article of it will leave the library; "
                     "the 2 articles you starred, reviewed or are reading will stay."]
    assert len(library.feeds()) == 2 and len(listed(win)) == 5  # cancelled: nothing changed
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    win.unsubscribe(daily)
    assert sorted(listed(win)) == ["Budget debate", "My notes", "Open one", "Storm nears the coast"]
    assert [f.title for f in library.feeds()] == ["Wire"]
    assert win.article_id == reading and library.article(reading).feed_id is None  # the open one stays, feedless
    win.select(0)
    win.accept_current()  # its decisions are still kept
    assert library.stored_decisions(reading)


def test_compare_with_source_asks_for_the_original_prefilled_with_the_likely_source(
        win: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.gui.compare import SourceDialog

    copy, made = spin(ORIGINAL)
    win.open_text("Original", ORIGINAL)
    win.open_text("Copy", copy)
    shown: list[str] = []

    def accept(dialog: SourceDialog) -> int:
        shown.append(dialog.text())
        return 1

    monkeypatch.setattr(SourceDialog, "exec", accept)
    win.ask_source()  # Ctrl+K
    assert shown == [ORIGINAL]  # the source found in the library is offered, ready to compare
    assert win.compare_dialog is not None
    assert [row.substitution.pair for row in win.compare_dialog.comparison.rows] == made
    assert win.compare_dialog.comparison.source_title == "“Original”"


FRENCH = ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui doit entrer en vigueur au "
          "printemps prochain. Les syndicats dénoncent un projet injuste et appellent à une journée de grève "
          "nationale jeudi, tandis que le ministre défend une mesure nécessaire pour l'équilibre des comptes.")


def test_spin_column_shows_no_score_for_a_text_not_in_english(win: MainWindow, library: Library) -> None:
    french = library.add_article(title="Retraites", text=FRENCH)
    win.sidebar.reload()
    model = win.sidebar.articles
    assert cell(win, 0, ArticleTableModel.SPIN) == "—"  # not analysed yet
    # Analysed (a 0% score, long enough to judge) after the list was made: the row is read again, language and all
    library.save_analysis(french, Analysis(FRENCH, (), words=300), engine_version())
    model.refresh_article(french)
    assert cell(win, 0, ArticleTableModel.SPIN) == "not EN"
    tooltip = model.data(model.index(0, ArticleTableModel.SPIN), Qt.ItemDataRole.ToolTipRole)
    assert "Not English text" in tooltip
    brush = model.data(model.index(0, ArticleTableModel.SPIN), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == VERDICT_COLOURS["unclear"]
    win.sidebar.spin.setCurrentIndex(2)  # looks spun: no verdict, so not listed
    assert listed(win) == []
    win.sidebar.spin.setCurrentIndex(1)  # unclear or spun
    assert listed(win) == ["Retraites"]


def test_background_analysis_goes_past_a_text_the_engine_refuses(
        qtbot, settings: Settings, library: Library) -> None:  # noqa: ANN001
    class Refusing(FakeEngine):
        def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
            if text.startswith("Too long"):
                raise ValueError("the text is too long to analyse")
            return super().analyze(text, progress)

    fine = library.add_article(title="Fine", text=TEXT)
    refused = library.add_article(title="Huge", text="Too long to read. " * 10)  # newest: analysed first
    window = MainWindow(Refusing, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert library.article(fine).spin_score is not None  # the run went on past the refused text
    assert library.article(refused).spin_score is None
    assert not window.background_analysing and "stopped" not in window.statusBar().currentMessage()


def test_deleting_an_article_asks_first_and_the_open_one_closes(
        win: MainWindow, library: Library, monkeypatch) -> None:  # noqa: ANN001
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    ids = fill(library)
    win.open_text("Reviewed", TEXT)
    reviewed = win.article_id
    win.select(0)
    win.accept_current()
    win.delete_article(ids["local"])  # one not open
    assert library.article(ids["local"]) is None and "My notes" not in listed(win)
    assert win.article_id == reviewed
    win.delete_article()  # the one open
    assert asked[-1] == "Delete “Reviewed” from the library? Your 1 decision on it will go too."
    assert library.article(reviewed) is None and library.stored_decisions(reviewed) == {}
    assert win.document is None and win.article_id is None and win.published.toPlainText() == ""
    assert win.windowTitle() == "Unspin" and "Open an article" in win.status.text()
    win.next_suggestion()  # nothing open: nothing happens
    win.accept_current()


def test_background_analysis_goes_past_an_article_deleted_while_it_is_analysed(
        qtbot, settings: Settings, library: Library) -> None:  # noqa: ANN001
    first = library.add_article(title="First", text=TEXT)
    doomed = library.add_article(title="Doomed", text="Doomed " + TEXT)  # newest: analysed first

    class Deleting(FakeEngine):
        def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
            if text.startswith("Doomed"):
                library.delete_article(doomed)  # the reader deletes it meanwhile
            return super().analyze(text, progress)

    window = MainWindow(Deleting, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert library.article(doomed) is None and library.article(first).spin_score is not None
    assert "stopped" not in window.statusBar().currentMessage()


def test_only_word_swaps_are_offered_as_rules(qtbot, settings: Settings) -> None:  # noqa: ANN001
    from reader.gui.compare import _rule_worthy

    assert _rule_worthy("officers", "officials") and _rule_worthy("White Home", "White House")
    assert not _rule_worthy("Home", "House")  # a word of a name (or a sentence's first) alone
    assert not _rule_worthy("In other news,", "Forecasters expect the rain to ease")  # a realigned passage
    assert _rule_worthy("make use of", "use")  # a phrase rewritten: three words for one are a spinner's swap
    assert not _rule_worthy("The", "A") and not _rule_worthy("fees", "12") and not _rule_worthy("Home", "home")
    window = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.open_text("Copy", spin(ORIGINAL)[0])
    dialog = window.compare_with("Tomatoes like sun, water and patience in equal measure, gardeners say.", "notes")
    assert dialog is not None and dialog.comparison.pairs and dialog.comparison.lexicon_pairs == []
    assert not dialog.add_button.isEnabled()  # another story: nothing to learn from it


def test_a_second_copy_does_not_hide_the_source(win: MainWindow, library: Library) -> None:
    copy, _ = spin(ORIGINAL)
    win.open_text("Maria nears Puerto Rico", ORIGINAL)
    source_id = win.article_id
    win.open_text("Maria to attain Puerto Rico", copy)  # analysed: more spun than the original
    win.open_text("Maria to attain Puerto Rico, again", copy + "\n")  # the same copy from another feed
    assert win.source_matches[0].article_id == source_id and win.source_matches[0].relation == "source"
    assert "likely <b>source</b>" in win.bar.text() and "Maria nears Puerto Rico" in win.bar.text()


def test_the_library_dock_is_where_the_reader_left_it(qtbot, settings: Settings, library: Library) -> None:  # noqa: ANN001
    first = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.show()
    first.dock.hide()
    first.close()
    assert "state=" in Path(settings.store.fileName()).read_text()  # on disk at once: app.run may end the process
    again = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(again)
    again.show()
    assert not again.dock.isVisible()
    again.dock.show()
    again.close()
    third = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(third)
    third.show()
    assert third.dock.isVisible()
