"""How the sync engine reaches the local store without owning a session itself.

Contract: the engine hands small functions of a :class:`~sqlalchemy.orm.Session` to a
:class:`Database`; ``write`` runs one in one transaction and commits it, ``read`` runs
one and commits nothing. In the app these run on the one DB thread (the engine waits
on a pool thread, never the UI thread); :class:`InlineDatabase` runs them on the
caller's thread, for the command line and tests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


class Database(Protocol):
    def read(self, work: Callable[[Session], T]) -> T: ...

    def write(self, work: Callable[[Session], T]) -> T: ...


class SessionSource(Protocol):
    """What :class:`inspector.services.store.Store` offers."""

    def read(self) -> AbstractContextManager[Session]: ...

    def write(self) -> AbstractContextManager[Session]: ...


class InlineDatabase:
    """Runs work on the calling thread, one piece at a time (uploads run on several
    threads, and a store serves one thread at a time)."""

    def __init__(self, source: SessionSource) -> None:
        self._source = source
        self._lock = threading.Lock()

    def read(self, work: Callable[[Session], T]) -> T:
        with self._lock, self._source.read() as session:
            return work(session)

    def write(self, work: Callable[[Session], T]) -> T:
        with self._lock, self._source.write() as session:
            return work(session)
