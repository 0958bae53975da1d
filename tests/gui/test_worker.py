"""Background tasks whose window has gone: their results are dropped, without a traceback."""

from __future__ import annotations

import pytest
import shiboken6

from reader.core.suggestion import Analysis
from reader.gui.worker import AnalysisSignals, AnalysisTask, BackgroundTask, EngineHolder, TaskSignals

pytestmark = pytest.mark.gui


class ReportingEngine:
    def analyze(self, text: str, progress=None) -> Analysis:  # noqa: ANN001
        if progress:
            progress(1.0)
        return Analysis(text, (), words=len(text.split()))


def test_tasks_that_end_after_their_window_closed_drop_their_results(qtbot, capsys) -> None:  # noqa: ANN001
    signals, analysis_signals = TaskSignals(), AnalysisSignals()
    shiboken6.delete(signals)  # as closing the window deletes its children
    shiboken6.delete(analysis_signals)

    def work(report) -> str:  # noqa: ANN001
        report(1, 2, "halfway")
        return "done"

    BackgroundTask(1, signals, work).run()
    BackgroundTask(2, signals, lambda report: 1 / 0).run()
    AnalysisTask(3, "Some text.", EngineHolder(ReportingEngine), analysis_signals).run()
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "deleted" not in captured.err
