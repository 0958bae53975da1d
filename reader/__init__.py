"""Unspin: find and undo synonym spinning in news articles."""

__version__ = "0.2.0"
