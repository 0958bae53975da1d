from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.core.suggestion import Analysis, Suggestion
from reader.gui.settings import Settings
from reader.library import Library

TEXT = "US officers stated they would debate it 😀 at the White Home.\nA second paragraph stays here."


def suggestion(text: str, word: str, replacement: str, confidence: float, *others: str) -> Suggestion:
    start = text.index(word)
    return Suggestion(start, start + len(word), word, replacement, (replacement, *others), confidence, ("a reason.",))


class FakeEngine:
    """Known suggestions for TEXT, optionally slow (sleeping on the worker thread)."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
        if self.delay:
            time.sleep(self.delay)
        if progress:
            progress(1.0)
        found = []
        for word, replacement, confidence, others in (
            ("officers", "officials", 0.95, ("servicemen",)),
            ("stated", "said", 0.9, ("declared",)),
            ("debate", "discuss", 0.6, ("argue",)),
            ("Home", "House", 0.85, ()),
        ):
            if word in text:
                found.append(suggestion(text, word, replacement, confidence, *others))
        found.sort(key=lambda s: s.start)
        return Analysis(text, tuple(found), words=len(text.split()))


class SynchronousPool:
    """Runs tasks at once on the calling thread, so tests need no waiting (Picard's FakeThreadPool)."""

    def start(self, runnable) -> None:  # noqa: ANN001
        runnable.run()


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()
