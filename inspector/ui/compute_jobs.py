"""Work for the compute pool (CPU-bound: decoding and resizing photos), its result
delivered on the main thread.

Contract: :meth:`ComputeJobs.submit` runs ``fn()`` on the given executor (the app's
compute pool: never the UI thread, never the single DB thread, which stays free for
short transactions) and calls ``on_result(value)`` or ``on_error(exception)`` on the
main thread through a queued signal. ``fn`` must not touch Qt widgets or the store, and
its arguments and result must be safe to hand between threads (frozen values, bytes).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

T = TypeVar("T")


class ComputeJobs(QObject):
    _done = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, executor: Executor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._tickets = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None],
                                       Callable[[BaseException], None]]] = {}
        self._done.connect(self._deliver)
        self._failed.connect(self._deliver_error)

    def submit(self, fn: Callable[[], T], on_result: Callable[[T], None],
               on_error: Callable[[BaseException], None]) -> None:
        ticket = next(self._tickets)
        self._waiting[ticket] = (on_result, on_error)

        def job() -> None:  # on the pool
            try:
                value = fn()
            except Exception as exc:  # every failure goes back to the caller
                self._failed.emit(ticket, exc)
                return
            self._done.emit(ticket, value)

        self._executor.submit(job)

    @property
    def running(self) -> int:
        return len(self._waiting)

    def _deliver(self, ticket: int, value: object) -> None:
        on_result, _on_error = self._waiting.pop(ticket)
        on_result(value)

    def _deliver_error(self, ticket: int, error: BaseException) -> None:
        _on_result, on_error = self._waiting.pop(ticket)
        on_error(error)
