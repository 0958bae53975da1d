"""Pausing Python's cyclic garbage collector while the engine analyses an article.

An analysis allocates about a million small objects (options, tuples, cache entries) that hold no reference
cycles; the collector's repeated scans of them cost about a third of the analysis time (benchmarks/README.md,
"Speed"). Reference counting still frees everything at once; only the search for cycles waits until the pause
ends. Pauses nest and may overlap across threads (the GUI analyses off its main thread): the collector comes back
when the last pause ends, and only if it was running before the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Usable as ``with collector_paused():`` or as a decorator."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
