"""Where the workspace lives, and who sits at this computer: nothing else.

Contract: :func:`resolve_data_dir` picks the workspace folder (``--data-dir`` wins, then
``INSPECTOR_DATA_DIR``, then the platform's user data folder, :func:`default_data_dir`);
:func:`local_actor` is the person at this computer before any server login (the OS
account name). Kept apart from :mod:`inspector.services.workspace` so the app can
decide these before its window first paints without importing the database layer.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from inspector.core.roles import Actor, Role

DATA_DIR_ENV = "INSPECTOR_DATA_DIR"


def default_data_dir() -> Path:
    return platformdirs.user_data_path("inspector", appauthor=False)


def resolve_data_dir(option: str | None, environ: Mapping[str, str] = os.environ) -> Path:
    """``--data-dir`` wins, then ``INSPECTOR_DATA_DIR``, then the platform default."""
    if option:
        return Path(option).expanduser().resolve()
    if environ.get(DATA_DIR_ENV):
        return Path(environ[DATA_DIR_ENV]).expanduser().resolve()
    return default_data_dir()


def local_actor(role: Role) -> Actor:
    """The person at this computer before any server login: the OS account name."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return Actor(name, role)
