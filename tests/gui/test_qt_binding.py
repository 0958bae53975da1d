"""The Qt binding itself: a release that breaks the reader in a way no widget test would notice."""

import sys

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument


def test_methods_that_return_nothing_keep_none_alive(qapp: object) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on each call of a method that returns nothing, so
    drawing a heavily spun article aborted the reader ("deallocating None"). pyproject.toml keeps that release out;
    this fails if another release does the same."""
    document = QTextDocument()
    cursor = QTextCursor(document)
    highlight = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(200):
        highlight.setAnchor(True)
        highlight.setUnderlineColor(QColor(200, 40, 40))
        cursor.insertText("word ", highlight)
    assert sys.getrefcount(None) - before > -100  # a broken binding loses 600 here
