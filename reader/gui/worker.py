"""Analysis off the GUI thread: a QRunnable on a QThreadPool posts its result or error back by signal."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance

from reader.core.suggestion import Analysis


def emit(signal: SignalInstance, *args: object) -> None:
    """Emit from a worker thread; a window closed meanwhile took the signal's object with it, and then the result
    has no one to go to (quitting during an analysis printed "Signal source has been deleted")."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


class AnalysisSignals(QObject):
    finished = Signal(int, object)  # request id, Analysis
    failed = Signal(int, str)  # request id, message for the reader
    progress = Signal(int, float)


class EngineHolder:
    """Loads the engine once, on the first worker that needs it (loading takes a moment).

    ``busy`` is held while the engine analyses: one text at a time (the context model is a C library not
    known to be thread-safe), so background analysis of the library delays the open article by one article
    at most.
    """

    def __init__(self, factory: Callable[[], object]) -> None:
        self._factory = factory
        self._engine: object | None = None
        self._lock = threading.Lock()
        self.busy = threading.Lock()

    def get(self) -> object:
        with self._lock:
            if self._engine is None:
                self._engine = self._factory()
            return self._engine


class AnalysisTask(QRunnable):
    def __init__(self, request: int, text: str, engines: EngineHolder, signals: AnalysisSignals) -> None:
        super().__init__()
        self.request = request
        self.text = text
        self.engines = engines
        self.signals = signals

    def run(self) -> None:
        try:
            engine = self.engines.get()
            with self.engines.busy:
                analysis: Analysis = engine.analyze(  # type: ignore[attr-defined]
                    self.text, progress=lambda share: emit(self.signals.progress, self.request, share)
                )
        except Exception as error:  # noqa: BLE001 - any engine failure is shown to the reader, never a crash
            emit(self.signals.failed, self.request, str(error) or error.__class__.__name__)
            return
        emit(self.signals.finished, self.request, analysis)


class TaskSignals(QObject):
    """Results of one kind of background job; connect them to methods of a QObject living on the GUI thread
    (never to lambdas: those would run on the worker thread)."""

    finished = Signal(int, object)  # request id, result
    failed = Signal(int, str)  # request id, message for the reader
    progress = Signal(int, int, int, str)  # request id, done, total, what is being done


Report = Callable[[int, int, str], None]


class TaskRelay(QObject):
    """Hands one kind of job's signals to plain callables on the GUI thread (its methods are slots of an object
    living there, so a queued connection carries them across), until ``active`` is cleared, e.g. on close."""

    def __init__(self, signals: TaskSignals, finished: Callable[[int, object], None],
                 failed: Callable[[int, str], None], progress: Callable[[int, int, int, str], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = True
        self._finished, self._failed, self._progress = finished, failed, progress
        signals.finished.connect(self._on_finished)
        signals.failed.connect(self._on_failed)
        signals.progress.connect(self._on_progress)

    def _on_finished(self, request: int, result: object) -> None:
        if self.active:
            self._finished(request, result)

    def _on_failed(self, request: int, message: str) -> None:
        if self.active:
            self._failed(request, message)

    def _on_progress(self, request: int, done: int, total: int, label: str) -> None:
        if self.active and self._progress is not None:
            self._progress(request, done, total, label)


class BackgroundTask(QRunnable):
    """Runs ``work(report)`` on a pool thread; its result, or its error as a message, comes back by signal.

    Errors from sources (ArticleError and subclasses) already speak to the reader; anything else is shown
    with its type so a bug is visible without taking the window down.
    """

    def __init__(self, request: int, signals: TaskSignals, work: Callable[[Report], object]) -> None:
        super().__init__()
        self.request = request
        self.signals = signals
        self.work = work

    def run(self) -> None:
        from reader.sources.article import ArticleError

        try:
            result = self.work(lambda done, total, label: emit(self.signals.progress, self.request, done, total, label))
        except ArticleError as error:
            emit(self.signals.failed, self.request, str(error))
            return
        except Exception as error:  # noqa: BLE001 - shown to the reader, never a crash of the window
            emit(self.signals.failed, self.request, f"{error.__class__.__name__}: {error}")
            return
        emit(self.signals.finished, self.request, result)
