from __future__ import annotations

import pytest

from reader.core.engine import Engine, load_engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The real engine with the real WordNet index and context model (loaded once)."""
    return load_engine()
