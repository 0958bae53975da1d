"""Where the library lives: the platform's user data folder, or ``$UNSPIN_DATA_DIR`` (tests, portable use)."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "UNSPIN_DATA_DIR"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    """The folder for the library (created on demand); read on every call so tests can set the variable."""
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("Unspin", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_library_path() -> Path:
    return data_dir() / LIBRARY_FILE
