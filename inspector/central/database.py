"""The platform's database: engine setup for SQLite or PostgreSQL, sessions, migrations.

Contract: :func:`connect` returns an engine for the URL (SQLite gets WAL, foreign keys
and a busy timeout on every connection; PostgreSQL a pool sized for a worker). Its
own Alembic migrations (``inspector/central/migrations``) run at start with
:func:`migrate`, which PostgreSQL serialises with an advisory lock so that several
workers starting together migrate once. Every write transaction that hands out
``server_seq`` values locks the counter row first (see :mod:`.models`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK = 74_201_701  # an arbitrary advisory-lock key owned by this program


def connect(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            json_serializer=_json_text,
        )
        _sqlite_pragmas(engine)
        return engine
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True,
                         json_serializer=_json_text)


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # One writer at a time: take SQLite's write lock at BEGIN, so that reading the
        # counter and writing the records can never be interleaved with another writer.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the platform's schema to head (idempotent; safe with several workers)."""
    config = alembic_config()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
