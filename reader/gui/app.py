"""``reader`` / ``reader FILE``: the desktop app. ``--self-test`` and ``--screenshot PATH`` for scripts."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.suggestion import counted
from reader.resources import resource_path, resources_dir

if TYPE_CHECKING:
    from reader.gui.window import MainWindow

SAMPLE = ("sample", "sample_article.txt")
FALLBACK_SAMPLE = (
    "US officers stated they didn’t count on the president would instantly sign off on the plan, and individuals "
    "conversant in the matter stated the White Home would debate it on Friday."
)


class EngineNotices(QObject):
    """Carries the engine's first-use notices (building the WordNet index) from a worker to the status bar."""

    message = Signal(str)


QUIT_WAIT_MS = 2000  # background work a closed window waits for before the process ends


def engine_loader(notices: EngineNotices) -> Callable[[], object]:
    def load() -> object:
        from reader.core.engine import load_engine

        return load_engine(notify=notices.message.emit)  # emitted on a worker thread, delivered on the GUI's

    return load


def show_library_notice(window: MainWindow, notice: str) -> None:
    """What happened to the library (set aside as damaged, unavailable) in a window of its own, not modal, that
    stays until the reader closes it: the bar above the article is the article's, and the status bar forgets."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Unspin library", notice, QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    window.library_notice = box
    window.statusBar().showMessage(notice, 15000)


def run(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reader", description="Unspin: find and undo spun wording.")
    parser.add_argument("file", nargs="?", help="an article to open (.txt, .md, .html)")
    parser.add_argument("--self-test", action="store_true", help="open the sample, wait for analysis, exit")
    parser.add_argument("--screenshot", metavar="PNG", help="save the window once analysed, then exit")
    options = parser.parse_args(args)

    from reader.gui.window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Unspin")
    app.setOrganizationName("Unspin")
    icon = resources_dir() / "icons" / "unspin-256.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    from reader.library import Library, LibraryError

    library = None
    notice: str | None = None  # about the library, for the reader to see (not only a terminal)
    try:
        library = Library.open()
        notice = library.notice
    except (LibraryError, OSError) as error:
        notice = f"The library is unavailable, so decisions will not be kept in this session: {error}"
        print(f"reader: {notice}", file=sys.stderr)
    notices = EngineNotices()
    window = MainWindow(engine_loader(notices), library=library)
    notices.message.connect(lambda message: window.statusBar().showMessage(message, 60_000))
    window.show()
    if notice:
        show_library_notice(window, notice)
    if options.file:
        window.open_path(options.file)
    else:
        try:
            window.open_path(str(resource_path(*SAMPLE)))
        except FileNotFoundError:
            window.open_text("Sample", FALLBACK_SAMPLE)

    if options.self_test or options.screenshot:
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(lambda: app.exit(1))
        deadline.start(120_000)

        def finish() -> None:
            if window.analysing or window.looking_for_sources:
                return  # the analysis, then the search for its source, run on the pool
            poll.stop()
            count = len(window.document.suggestions) if window.document else 0
            if options.screenshot:
                window.next_suggestion()
                app.processEvents()
                window.grab().save(options.screenshot)
            print(f"self-test ok: {counted(count, 'suggestion')}")
            app.exit(0)

        poll = QTimer()
        poll.timeout.connect(finish)
        poll.start(100)
    code = app.exec()
    if not QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS):
        # Background work still running (a feed that does not answer holds its worker for up to its timeouts, about
        # 30 s): the window is gone and what the reader decided is stored already (each decision on disk when
        # made, the settings synced on close; an analysis is saved in one transaction, and a refresh cut short is
        # read again next time, its entries known by their ids), so the process ends now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
