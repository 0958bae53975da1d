"""The app's wiring: what the engine says while it loads reaches the reader."""

from __future__ import annotations

import threading

import pytest

from reader.gui.app import EngineNotices, engine_loader


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
