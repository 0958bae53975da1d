"""One way to find bundled files, from the source tree and from inside a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, under ``sys._MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``; raises FileNotFoundError with the path it looked for."""
    root = resources_dir()
    path = root.joinpath(*parts).resolve()
    if root.resolve() not in path.parents and path != root.resolve():
        raise ValueError(f"resource path escapes resources/: {'/'.join(parts)}")
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path
