"""Start-up of the desktop reader: process start to a painted window with text, and memory once analysed.

    .venv/bin/python benchmarks/gui_startup.py [--runs 3]      (offscreen; under Xvfb with QT_QPA_PLATFORM=xcb)

Target (issue 3): <= 1.5 s to a painted window with text after the first run; <= 350 MB with the engine loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

PROBE = r"""
import resource, sys, time
start = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.gui.window import MainWindow
from reader.gui.app import EngineNotices, engine_loader
from reader.resources import resource_path
window = MainWindow(engine_loader(EngineNotices()))
window.show()
window.open_path(str(resource_path("sample", "sample_article.txt")))
result = {}
def painted():
    window.published.viewport().repaint()
    result["painted_seconds"] = round(time.time() - start, 3)
def done():
    if window.analysing:
        return
    result["analysed_seconds"] = round(time.time() - start, 3)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(result)
    app.exit(0)
QTimer.singleShot(0, painted)
poll = QTimer(); poll.timeout.connect(done); poll.start(20)
app.exec()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    runs = []
    for _ in range(args.runs):
        import time

        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(time.time())], env=env, capture_output=True, text=True, check=True
        ).stdout
        runs.append(eval(out.strip().splitlines()[-1]))  # noqa: S307 - our own probe's dict literal
    print(json.dumps(runs, indent=1))


if __name__ == "__main__":
    main()
