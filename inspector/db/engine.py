"""SQLite engine setup for the local store.

Contract: every connection runs in WAL mode with ``foreign_keys=ON``, a busy timeout,
``synchronous=FULL`` (evidence outweighs write speed) and a 64 MB page cache. The
driver's own transaction handling is switched off so SQLAlchemy's BEGIN is the real
one; a connection whose
execution options carry ``sqlite_begin="IMMEDIATE"`` takes the write lock at BEGIN,
which keeps two processes (the app and the command line) from deadlocking on upgrade.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 15_000
CACHE_KIB = 65_536
IMMEDIATE = {"sqlite_begin": "IMMEDIATE"}


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on the database file at ``path`` (created on first connect)."""
    engine = create_engine(
        sqlite_url(path),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        json_serializer=_json_text,
    )
    _install_pragmas(engine)
    return engine


def _json_text(value: object) -> str:
    """JSON columns keep Chinese readable, and identical to what bulk imports write."""
    return json.dumps(value, ensure_ascii=False)


def _install_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=FULL")
        # 64 MB of page cache: bulk imports touch random pages of several indexes.
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
