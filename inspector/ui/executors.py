"""Executors for the app's two worker threads, and an inline one for tests.

Contract: the app runs database ops on a single-thread executor (one SQLite writer) and
other background work on a small pool. Tests pass :class:`InlineExecutor`, which runs
each job at once on the calling thread, so every op completes before ``submit``
returns and no test needs to wait or sleep.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class InlineExecutor(Executor):
    """Runs every job immediately on the caller's thread."""

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # delivered through the future, as a thread would
            future.set_exception(exc)
        return future


def database_executor() -> Executor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="inspector-db")


def compute_executor() -> Executor:
    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="inspector-compute")


