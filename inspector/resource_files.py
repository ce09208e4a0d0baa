"""Where the shipped resources (division table, calendars, translations) live.

Contract: :func:`resources_dir` returns the ``resources/`` folder: inside the bundle for
a frozen build (PyInstaller's ``sys._MEIPASS``), or beside the ``inspector`` package in
a checkout (the project is installed editable). Nothing here reads the files.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path under ``resources/``; raises FileNotFoundError naming it when missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"shipped resource missing: {path}")
    return path
