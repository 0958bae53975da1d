"""Python string offsets <-> Qt (UTF-16) document positions: the one place they are converted."""

from __future__ import annotations


def utf16_offset(text: str, index: int) -> int:
    """Qt position of Python offset ``index`` in ``text``: characters outside the BMP count twice."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)
