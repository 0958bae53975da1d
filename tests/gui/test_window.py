"""The desktop reader, offscreen: highlights, choices, undo, keyboard review, responsiveness."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from conftest import TEXT, FakeEngine, SynchronousPool, suggestion  # tests/gui/conftest.py
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QTextBrowser

from reader.gui.text_positions import utf16_offset
from reader.gui.window import MainWindow, export_path

pytestmark = pytest.mark.gui


def fragments(pane: QTextBrowser) -> list[tuple[str, str]]:
    """(href, text) of every anchored fragment in a pane, in order (a link across a line break is two)."""
    found = []
    block = pane.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref():
                found.append((fragment.charFormat().anchorHref(), fragment.text()))
            iterator += 1
        block = block.next()
    return found


def anchors(pane: QTextBrowser) -> dict[str, tuple[int, int, QTextCharFormat]]:
    """href -> (start, length, format) of every anchored fragment in a pane."""
    found = {}
    block = pane.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                found[href] = (fragment.position(), fragment.length(), fragment.charFormat())
            iterator += 1
        block = block.next()
    return found


@pytest.fixture()
def window(qtbot, settings) -> MainWindow:  # noqa: ANN001
    win = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.published.setFocus()
    win.open_text("Test", TEXT)
    return win


def test_text_and_highlights_at_the_engine_offsets(window: MainWindow) -> None:
    assert window.published.toPlainText() == TEXT
    found = anchors(window.published)
    suggestions = window.document.suggestions
    assert sorted(found) == [f"s:{i}" for i in range(len(suggestions))]
    for index, s in enumerate(suggestions):
        start, length, fmt = found[f"s:{index}"]
        assert start == utf16_offset(TEXT, s.start)  # the emoji before "White Home" counts twice in Qt
        assert length == len(s.original)
        assert fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    strong = found["s:0"][2].underlineStyle()
    weak = found["s:2"][2].underlineStyle()
    assert strong != weak  # confidence is shown by underline style, not colour alone
    assert "US officials said" in window.restored.toPlainText()


def bold(pane: QTextBrowser) -> list[str]:
    return sorted(href for href, (_, _, fmt) in anchors(pane).items() if fmt.fontWeight() == QFont.Weight.Bold)


def test_moving_through_suggestions_moves_the_bold_mark_in_place(window: MainWindow) -> None:
    """Only the current suggestion is bold, in both panes, and the text is not drawn again for a move."""
    window.select(0)
    text = window.published.toPlainText()
    for index in (1, 3, 2):
        window.select(index)
        assert bold(window.published) == [f"s:{index}"]
        assert bold(window.restored) == [f"r:{index}"]
    assert window.published.toPlainText() == text
    assert "at 3 of" in window.status.text()
    window.accept_current()  # a decision draws both panes again from the model: the mark stays
    assert bold(window.published) == ["s:2"] and bold(window.restored) == ["r:2"]


def test_accepting_an_alternative_changes_the_restored_pane_and_undo_restores_it(window: MainWindow) -> None:
    window.select(0)
    menu = window.choices_menu()
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels[0] == "Use “officials”" and "Use “servicemen”" in labels
    next(a for a in menu.actions() if a.text() == "Use “servicemen”").trigger()
    assert window.restored.toPlainText().startswith("US servicemen said")
    assert window.document.accepted_count() == 1
    window.undo()
    assert window.restored.toPlainText().startswith("US officials said")
    window.redo()
    assert window.restored.toPlainText().startswith("US servicemen said")


def test_the_choices_show_the_wording_in_use_and_always_keeps_it(window: MainWindow) -> None:
    window.select(0)
    checked = [a.text() for a in window.choices_menu().actions() if a.isChecked()]
    assert checked == ["Use “officials”"]  # applied by the engine
    next(a for a in window.choices_menu().actions() if a.text() == "Use “servicemen”").trigger()
    menu = window.choices_menu()
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Use “servicemen”"]
    next(a for a in menu.actions() if a.text() == "Always “officers” → “servicemen”").trigger()
    assert window.restored.toPlainText().startswith("US servicemen said")  # the reader's pick stands
    assert window.session_lexicon.get("officers", "servicemen").rule.value == "always"
    assert window.session_lexicon.get("officers", "officials") is None
    window.select(2)
    next(a for a in window.choices_menu().actions() if a.text().startswith("Keep")).trigger()
    assert [a.text() for a in window.choices_menu().actions() if a.isChecked()] == ["Keep “debate” as published"]


def test_keep_as_published_and_keyboard_review(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    visited = []
    for _ in range(len(window.document.suggestions)):
        qtbot.keyClick(window.published, "n")
        visited.append(window.current)
    assert visited == list(range(len(window.document.suggestions)))
    qtbot.keyClick(window.published, "n")
    assert window.current == len(visited) - 1 and window.statusBar().currentMessage() == "That was the last suggestion"
    qtbot.keyClick(window.published, "p")
    assert window.current == len(visited) - 2
    window.select(1)
    qtbot.keyClick(window.published, "r")
    assert "stated" in window.restored.toPlainText()
    assert "s:1" in anchors(window.published)  # still highlighted, marked as kept
    qtbot.keyClick(window.published, "a")
    assert "officials said" in window.restored.toPlainText()
    assert "1 accepted" in window.status.text()
    assert window.status.text().startswith("4 suggestions, 4 applied")  # "stated" accepted again, after being kept
    window.select(2)
    qtbot.keyClick(window.published, "r")
    assert window.status.text().startswith("4 suggestions, 3 applied · 1 accepted")


def test_moving_to_a_suggestion_kept_as_published_shows_it(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    filler = "A paragraph of honest text that pushes the article down the page.\n\n" * 120
    window.resize(900, 500)
    window.open_text("Long", filler + TEXT)
    window.select(0)
    qtbot.keyClick(window.published, "r")  # "officers" kept: the restored pane draws no twin of it
    window.published.verticalScrollBar().setValue(0)
    window.select(1)
    window.select(0)
    published = window.published
    assert published.verticalScrollBar().value() > 0  # not sent back to the top of the article
    assert published.viewport().rect().contains(published.cursorRect().center())  # the kept word is in view
    assert window.restored.verticalScrollBar().value() > 0  # the restored pane follows the published one


def test_a_text_too_long_to_analyse_is_refused_before_it_is_shown(window: MainWindow) -> None:
    from reader.core.engine import MAX_TEXT_CHARS

    window.open_text("Huge", "word " * (MAX_TEXT_CHARS // 5 + 1))
    assert "too long to analyse" in window.bar.text() and "open it in parts" in window.bar.text()
    assert window.published.toPlainText() == TEXT and window.document.title == "Test"  # the open article stays
    window.document.analysis = None  # an analysis that failed: no verdict
    window._update_status()
    assert window.status.text() == "Test: not analysed"


def test_a_pasted_article_is_titled_by_its_first_line(window: MainWindow, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    pasted = "Washington\nCNN\n—\nOfficers stated the plan\n\n" + TEXT
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args: (pasted, True))
    window.paste_article()
    assert window.document.title == "Officers stated the plan"  # its headline, past the dateline
    assert window.published.toPlainText() == pasted


def test_a_files_encoding_note_goes_with_it(window: MainWindow, tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Café officers stated the plan.\n".encode("cp1252"))
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain officers stated it.\n", encoding="utf-8")
    assert window.open_path(str(legacy))
    assert "Windows-1252" in window.statusBar().currentMessage()
    assert window.open_path(str(plain))
    assert "Windows-1252" not in window.statusBar().currentMessage()  # said of the file before, not of this one


def test_always_on_a_word_of_a_name_is_a_rule_for_the_name(window: MainWindow) -> None:
    home = next(i for i, s in enumerate(window.document.suggestions) if s.original == "Home")
    window.select(home)
    next(a for a in window.choices_menu().actions() if a.text().startswith("Always")).trigger()
    assert window.session_lexicon.get("White Home", "White House").rule.value == "always"
    assert window.session_lexicon.get("Home", "House") is None
    assert "“White Home” → “White House”: always" in window.statusBar().currentMessage()
    window.undo()  # the rule goes with the decision it made
    assert window.session_lexicon.get("White Home", "White House").rule is None
    window.redo()
    assert window.session_lexicon.get("White Home", "White House").rule.value == "always"
    window.open_text("Later", "She went home early. The Home Office agreed. At the White Home, all was calm.")
    assert window.restored.toPlainText().startswith("She went home early.")  # "home" stays home
    assert "At the White House, all was calm." in window.restored.toPlainText()


def test_the_name_around_a_word_is_a_name_not_a_headline_or_a_sentence() -> None:
    from reader.gui.window import name_around

    def around(text: str, word: str) -> str:
        start = text.index(word)
        first, last = name_around(text, start, start + len(word))
        return text[first:last]

    assert around("the White Home said", "Home") == "White Home"
    assert around("the Ministry of Protection said", "Protection") == "Ministry of Protection"
    assert around("The Home Office said", "Home") == "Home Office"  # no sentence's "The"
    assert around("White Home and the Kremlin met.", "Home") == "White Home"  # two names, not one
    assert around("Officials quit. But Officers disagreed.", "Officers") == "Officers"
    assert around("Police Officers Clash With Protesters At White Home", "Officers") == "Officers"  # a headline
    assert around("Officials said I Agree", "Agree") == "Agree"
    assert around("the UN said", "UN") == "UN" and around("officers stated", "stated") == "stated"
    assert around("the Élysée Palace said", "Palace") == "Élysée Palace"


def test_accept_all_above_a_confidence(window: MainWindow) -> None:
    assert window.document.accept_all(0.88) == 2
    assert window.document.accepted_count() == 2
    window.undo()
    assert window.document.accepted_count() == 0


def test_never_for_a_pair_is_remembered_for_later_articles_of_the_session(window: MainWindow) -> None:
    window.select(2)
    menu = window.choices_menu()
    next(a for a in menu.actions() if a.text().startswith("Never")).trigger()
    assert window.session_lexicon.get("debate", "discuss").rule.value == "never"  # no library: this session
    window.open_text("Again", TEXT)
    assert "debate" in window.restored.toPlainText()
    assert all(s.replacement != "discuss" for s in window.document.suggestions)


def test_export_and_bad_files_keep_the_app_running(window: MainWindow, tmp_path: Path) -> None:
    for name in ("out.txt", "out.md", "out.html"):
        window.write_export(str(tmp_path / name))
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == window.document.restored()
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# Test")
    assert "<p>US officials said" in (tmp_path / "out.html").read_text(encoding="utf-8")
    # A text that opens with its headline: the restored headline heads the Markdown, once.
    window.open_text("Officers stated the plan", "Officers stated the plan\n\n" + TEXT)
    window.write_export(str(tmp_path / "headed.md"))
    assert (tmp_path / "headed.md").read_text(encoding="utf-8").startswith("# Officers said the plan\n\nUS officials")
    window.write_export(str(tmp_path / "headed.html"))
    assert "<title>Officers said the plan</title>" in (tmp_path / "headed.html").read_text(encoding="utf-8")
    window.write_export(str(tmp_path / "typed_without_extension"), "Markdown (*.md)")
    assert (tmp_path / "typed_without_extension.md").read_text(encoding="utf-8").startswith("# Officers said")
    assert export_path("/x/Mr. Smith", "HTML (*.html)") == "/x/Mr. Smith.html"  # a dot is no extension
    assert export_path("/x/notes.v2", "Markdown (*.md)") == "/x/notes.v2.md"
    assert export_path("/x/a.", "Markdown (*.md)") == "/x/a.md"
    assert export_path("/x/a.HTML", "Plain text (*.txt)") == "/x/a.HTML"
    window.open_text("Test", TEXT)
    binary = tmp_path / "bad.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    assert not window.open_path(str(binary))
    assert "binary" in window.statusBar().currentMessage()
    assert window.published.toPlainText() == TEXT  # the open article and its decisions are untouched


def test_engine_errors_are_shown_not_raised(qtbot, settings) -> None:  # noqa: ANN001
    class Broken:
        def analyze(self, text, progress=None):  # noqa: ANN001, ANN202
            raise RuntimeError("the language model is missing")

    win = MainWindow(Broken, pool=SynchronousPool(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.open_text("Test", TEXT)
    assert "language model is missing" in win.statusBar().currentMessage()
    assert win.published.toPlainText() == TEXT


def test_slow_analysis_leaves_the_window_responsive(qtbot, settings) -> None:  # noqa: ANN001
    win = MainWindow(lambda: FakeEngine(delay=1.0), pool=QThreadPool(), settings=settings)
    qtbot.addWidget(win)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    started = time.perf_counter()
    win.open_text("Slow", TEXT)
    assert win.published.toPlainText() == TEXT  # the text shows at once
    assert win.analysing
    qtbot.waitUntil(lambda: not win.analysing, timeout=10_000)
    timer.stop()
    during = [t for t in ticks if t - started < 1.0]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(during) >= 20 and max(gaps) < 0.25  # the event loop kept ticking while the engine worked
    assert anchors(win.published)


def test_a_second_article_while_the_first_is_analysed(qtbot, settings) -> None:  # noqa: ANN001
    win = MainWindow(lambda: FakeEngine(delay=0.5), pool=QThreadPool(), settings=settings)
    qtbot.addWidget(win)
    win.open_text("First", TEXT)
    win.open_text("Second", "The officers left.")
    qtbot.waitUntil(lambda: not win.analysing, timeout=10_000)
    qtbot.wait(600)  # let the first (stale) result arrive too
    assert win.published.toPlainText() == "The officers left."
    assert [s.original for s in win.document.suggestions] == ["officers"]


def test_real_engine_on_a_spun_sentence(qtbot, settings) -> None:  # noqa: ANN001
    from reader.core.engine import load_engine

    win = MainWindow(load_engine, pool=QThreadPool(), settings=settings)
    qtbot.addWidget(win)
    win.open_text("Real", "US officers stated that the White Home would not count on a change.")
    # On a fresh machine the first load derives the WordNet index (30-40 s on two cores), then analyses.
    qtbot.waitUntil(lambda: not win.analysing, timeout=180_000)
    assert "White House" in win.restored.toPlainText()
    assert anchors(win.published)


def test_decisions_are_kept_in_the_library_and_restored(qtbot, settings, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.library import Library

    library = Library(tmp_path / "library.db")
    first = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=library)  # type: ignore[arg-type]
    qtbot.addWidget(first)
    first.open_text("Kept", TEXT)
    first.select(0)
    first.accept_current("servicemen")
    first.select(1)
    first.reject_current()
    library.close()

    reopened = Library(tmp_path / "library.db")
    second = MainWindow(FakeEngine, pool=SynchronousPool(), settings=settings, library=reopened)  # type: ignore[arg-type]
    qtbot.addWidget(second)
    second.open_text("Kept", TEXT)
    assert second.restored.toPlainText().startswith("US servicemen stated")
    second.undo()  # nothing to undo in the new session: the restored decisions are not undo history
    assert second.document.accepted_count() == 1
    reopened.close()


def test_a_text_not_in_english_says_so_instead_of_a_verdict(window: MainWindow) -> None:
    french = ("Le président de la République a annoncé mardi un nouveau plan pour réduire le prix de l'électricité, "
              "après que les factures des ménages ont augmenté de 30 pour cent au cours de la dernière année. ") * 8
    window.open_text("Prix", french)
    assert "not English text" in window.status.text() and "honest" not in window.status.text()
    window.open_text("Test", TEXT)
    assert "not English" not in window.status.text()


def test_a_suggestion_across_a_line_break_is_one_highlight(qtbot, settings) -> None:  # noqa: ANN001
    """Text copied out of a PDF: a word hyphenated at a line's end is one suggestion, drawn on both lines."""
    from reader.core.suggestion import Analysis

    paper = "We applied profound learn-\ning to the scans.\nA second paragraph stays here."

    class PaperEngine:
        def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
            return Analysis(text, (suggestion(text, "profound learn-\ning", "deep learning", 0.99),), words=12)

    win = MainWindow(PaperEngine, pool=SynchronousPool(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.open_text("Paper", paper)
    assert win.published.toPlainText() == paper
    parts = [fragment for fragment in fragments(win.published) if fragment[0] == "s:0"]
    assert [text for _href, text in parts] == ["profound learn-", "ing"]
    win.select(0)
    win.accept_current()
    assert win.restored.toPlainText().startswith("We applied deep learning to the scans.\n")


def test_a_hard_wrapped_article_is_drawn_as_paragraphs(window: MainWindow) -> None:
    """Its wraps are drawn as spaces (a hyphen's as nothing), so it reads as paragraphs; every offset holds."""
    first = ("US officers stated on Tuesday that the council would debate the budget at its next meeting, after "
             "weeks of talks between the two parties over the cost of the new bridge and the ring road.")
    text = textwrap.fill(first, 60) + "\n\nA second paragraph stays here on its own."
    window.open_text("Wrapped", text)
    shown = window.published.toPlainText()
    assert len(shown) == len(text) and shown.count("\n") == 2  # the blank line's two breaks; the wraps are spaces
    href, fragment = fragments(window.published)[0]
    assert (href, fragment) == ("s:0", "officers") and "US officials said on Tuesday" in window.restored.toPlainText()


def test_page_furniture_is_drawn_grey_with_a_reason(window: MainWindow) -> None:
    """A web page's "Advertisement" line pasted with the article is shown, in grey, and said not to be checked."""
    from reader.gui.render import FURNITURE_TIP

    text = TEXT + "\nAdvertisement\nThe last line stays black."
    window.open_text("Pasted", text)
    assert window.published.toPlainText() == text
    block = window.published.document().findBlock(utf16_offset(text, text.index("Advertisement")))
    formats = {fragment.text(): fragment.charFormat() for fragment in _block_fragments(block)}
    assert formats["Advertisement"].toolTip() == FURNITURE_TIP
    last = window.published.document().lastBlock()
    assert all(not f.charFormat().toolTip() for f in _block_fragments(last))


def _block_fragments(block):  # noqa: ANN001, ANN202
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1
