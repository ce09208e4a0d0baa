"""The store: one engine and its sessions, for the thread that owns the database.

Contract: a :class:`Store` is used from one thread at a time (the DB thread in the app,
the main thread in the command line and tests). :meth:`Store.write` opens a transaction
that takes SQLite's write lock at BEGIN (so concurrent processes queue instead of
deadlocking) and commits only when its block succeeds; any exception rolls it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from inspector.db.engine import IMMEDIATE


class Store:
    """Sessions on one workspace database."""

    def __init__(self, engine: Engine, db_path: Path, device_id: str) -> None:
        self.engine = engine
        self.db_path = db_path
        self.device_id = device_id
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end, never committed."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed if the block succeeds, rolled back otherwise."""
        with self._sessions() as session:
            session.connection(execution_options=IMMEDIATE)
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
