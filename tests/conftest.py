import os
from collections.abc import Iterator

import pytest
from localserver import LocalServer  # tests/localserver.py

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    local = LocalServer()
    yield local
    local.stop()
