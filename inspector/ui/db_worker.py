"""The DB worker: runs ops on the single database thread and reports on the main thread.

Contract: the worker object lives on the main thread; its executor owns the database
thread, which alone opens the workspace and touches the store. An :class:`Op` body runs
there with an :class:`OpEnv` and returns an :class:`~inspector.services.changes.Outcome`
(or a plain value, meaning nothing changed). Results, errors and progress come back as
queued signals, so callbacks run on the main thread; after a result is delivered its
change set is published on the bus. Op bodies never touch widgets and return only
frozen data.

:meth:`DbWorker.call` is the one door for threads other than the main thread (the
sync engine on the compute pool): it runs a function of the open workspace on the DB
thread and hands back a :class:`~concurrent.futures.Future`, with no signal, no busy
flag and no change set. Waiting on that future from the DB thread itself would
deadlock, and from the UI thread would freeze the window: only pool threads wait.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from inspector.services.changes import NO_CHANGES, Outcome
from inspector.ui.change_bus import ChangeBus

if TYPE_CHECKING:  # the database layer is imported on the DB thread, when it opens
    from inspector.core.divisions import DivisionTable
    from inspector.core.workdays import WorkdayCalendar
    from inspector.db.migrate import MigrationReport
    from inspector.services.workspace import Workspace, WorkspacePaths

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpEnv:
    """What an op body gets on the DB thread."""

    workspace: Workspace
    progress: Callable[[int, int | None], None]
    cancelled: Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Op(Generic[T]):
    """A named unit of database work (names are ``verb_noun``)."""

    name: str
    body: Callable[[OpEnv], Outcome[T] | T]


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    """What the main thread learns when the workspace opens."""

    paths: WorkspacePaths
    device_id: str
    migration: MigrationReport
    divisions: DivisionTable
    calendar: WorkdayCalendar


@dataclass(slots=True)
class OpHandle:
    """A submitted op: its ticket, and a cancel request the body may honour."""

    ticket: int
    name: str
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


@dataclass(slots=True)
class _Callbacks:
    name: str
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int | None], None] | None


class DbWorker(QObject):
    """Submits ops to the database thread and delivers their results."""

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    _progressed = Signal(int, int, int)
    busy_changed = Signal(bool)
    op_failed = Signal(str, object)  # op name, exception (when no on_error was given)

    def __init__(self, executor: Executor, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = executor
        self._bus = bus
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._workspace: Workspace | None = None  # touched only on the DB thread
        self._finished.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)
        self._progressed.connect(self._deliver_progress)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def open_workspace(
        self,
        root: Path,
        on_ready: Callable[[WorkspaceInfo], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> OpHandle:
        """Open (create, migrate) the workspace at ``root`` on the DB thread."""

        def body(_env: OpEnv | None) -> WorkspaceInfo:
            if self._workspace is not None:
                self._workspace.store.close()
            from inspector.services.reference_data import load_calendar, load_divisions
            from inspector.services.workspace import open_workspace

            workspace = open_workspace(root)
            self._workspace = workspace
            return WorkspaceInfo(
                paths=workspace.paths,
                device_id=workspace.device_id,
                migration=workspace.migration,
                divisions=load_divisions(),
                calendar=load_calendar(workspace.paths.calendars),
            )

        return self._submit("open_workspace", body, on_ready, on_error, None, needs_workspace=False)

    def submit(
        self,
        op: Op[T],
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int | None], None] | None = None,
    ) -> OpHandle:
        return self._submit(op.name, op.body, on_result, on_error, on_progress)

    def call(self, fn: Callable[[Workspace], T]) -> Future[T]:
        """Run ``fn(workspace)`` on the DB thread; its result or exception comes back in
        the future. Safe to call from any thread; results are not delivered as signals."""
        return self._executor.submit(self._call, fn)

    def _call(self, fn: Callable[[Workspace], T]) -> T:
        """Runs on the DB thread."""
        workspace = self._workspace
        if workspace is None:
            raise RuntimeError("database work submitted before a workspace was open")
        return fn(workspace)

    def close(self) -> None:
        """Close the store on the DB thread and stop the executor (waits for running ops)."""

        def body(_env: OpEnv | None) -> None:
            if self._workspace is not None:
                self._workspace.store.close()
                self._workspace = None

        self._submit("close_workspace", body, None, None, None, needs_workspace=False)
        self._executor.shutdown(wait=True)

    def _submit(
        self,
        name: str,
        body: Callable[[Any], Any],
        on_result: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int | None], None] | None,
        *,
        needs_workspace: bool = True,
    ) -> OpHandle:
        handle = OpHandle(next(self._tickets), name)
        was_busy = self.busy
        self._pending[handle.ticket] = _Callbacks(name, on_result, on_error, on_progress)
        if not was_busy:
            self.busy_changed.emit(True)
        self._executor.submit(self._run, handle, body, needs_workspace)
        return handle

    def _run(self, handle: OpHandle, body: Callable[[Any], Any], needs_workspace: bool) -> None:
        """Runs on the DB thread."""
        try:
            env = None
            if needs_workspace:
                if self._workspace is None:
                    raise RuntimeError(f"op {handle.name} submitted before a workspace was open")
                env = OpEnv(
                    workspace=self._workspace,
                    progress=lambda done, total: self._progressed.emit(
                        handle.ticket, done, -1 if total is None else total),
                    cancelled=lambda: handle.cancel_requested,
                )
            result = body(env)
        except BaseException as exc:
            log.exception("op %s failed", handle.name)
            self._failed.emit(handle.ticket, exc)
            return
        self._finished.emit(handle.ticket, result)

    def _take(self, ticket: int) -> _Callbacks | None:
        callbacks = self._pending.pop(ticket, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks

    def _deliver_result(self, ticket: int, result: object) -> None:
        callbacks = self._take(ticket)
        outcome = result if isinstance(result, Outcome) else Outcome(result, NO_CHANGES)
        if callbacks is not None and callbacks.on_result is not None:
            callbacks.on_result(outcome.value)
        self._bus.publish(outcome.changes)

    def _deliver_error(self, ticket: int, error: object) -> None:
        callbacks = self._take(ticket)
        assert isinstance(error, BaseException)
        if callbacks is not None and callbacks.on_error is not None:
            callbacks.on_error(error)
        else:
            self.op_failed.emit(callbacks.name if callbacks else "?", error)

    def _deliver_progress(self, ticket: int, done: int, total: int) -> None:
        callbacks = self._pending.get(ticket)
        if callbacks is not None and callbacks.on_progress is not None:
            callbacks.on_progress(done, None if total < 0 else total)
