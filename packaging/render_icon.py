"""Render resources/icons/unspin.svg to PNG sizes for the desktop entry and the window icon.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "unspin.svg"))
    if not renderer.isValid():
        print("the SVG icon does not parse", file=sys.stderr)
        return 1
    for size in (48, 128, 256):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ROOT / "resources" / "icons" / f"unspin-{size}.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
