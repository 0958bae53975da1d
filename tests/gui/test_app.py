"""The app's wiring: what the engine says while it loads reaches the reader."""

from __future__ import annotations

import threading

import pytest

from reader.core.suggestion import Analysis
from reader.gui.app import EngineNotices, engine_loader, show_library_notice
from reader.gui.window import MainWindow


class NoEngine:
    def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
        return Analysis(text, (), words=len(text.split()))


class AtOnce:
    def start(self, runnable) -> None:  # noqa: ANN001
        runnable.run()


def test_a_notice_from_the_engine_loading_on_a_worker_reaches_the_gui_thread(
    qtbot, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    import reader.core.engine as engine_module

    loaded = object()

    def fake_load_engine(notify=None) -> object:  # noqa: ANN001
        notify("Building the WordNet index")
        return loaded

    monkeypatch.setattr(engine_module, "load_engine", fake_load_engine)
    notices = EngineNotices()
    heard: list[tuple[str, bool]] = []
    main = threading.current_thread()
    notices.message.connect(lambda message: heard.append((message, threading.current_thread() is main)))
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(engine_loader(notices)()))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(heard), timeout=2000)
    assert heard == [("Building the WordNet index", True)]
    assert results == [loaded]


def test_what_happened_to_the_library_stays_on_screen_until_read(qtbot, settings) -> None:  # noqa: ANN001
    window = MainWindow(NoEngine, pool=AtOnce(), settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    show_library_notice(window, "The library file was damaged. It was set aside as library.sqlite3.damaged-1.")
    window.open_text("Later", "An article opened after the notice.")  # the bar above the article is cleared
    box = window.library_notice
    assert box is not None and box.isVisible() and not box.isModal()
    assert box.text().startswith("The library file was damaged.")
