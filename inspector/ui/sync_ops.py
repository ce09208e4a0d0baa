"""The ops of the sync panel (named ``verb_noun``), and the engine's door to the DB thread.

Contract: each op function builds an :class:`~inspector.ui.db_worker.Op` whose body runs
on the DB thread, calls one service in one session and returns frozen data (or an
``Outcome`` naming the topics it changed: the problem actions append audit events).
Bodies capture only immutable arguments (paths, the actor, uuids), never widgets.

:class:`WorkerDatabase` is the :class:`~inspector.sync.database.Database` the sync
engine gets in the app: it runs on a compute-pool thread and hands each piece of work
to the DB thread through :meth:`DbWorker.call`, waiting for the answer. The engine's
own thread never touches a session; the DB thread stays the only one that does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from inspector.core.roles import Actor
from inspector.services.changes import Outcome, Topic
from inspector.services.sync_session import Connection, remember_sign_in, saved_connection
from inspector.services.sync_status import (
    SyncOverview,
    keep_local_version,
    retry_record,
    sync_overview,
    write_diagnostic_bundle,
)
from inspector.sync.database import InlineDatabase
from inspector.sync.protocol import DeviceInfo, UserInfo
from inspector.ui.db_worker import DbWorker, Op, OpEnv

T = TypeVar("T")


class WorkerDatabase:
    """Runs the engine's database work on the DB thread; call it from pool threads only
    (from the DB thread it would wait on itself; from the UI thread it would freeze it,
    except with the inline executors of the tests).

    The engine may call from several threads at once (its uploads run in parallel); a
    lock hands the work over one piece at a time, which the single DB thread does
    anyway, and which keeps an inline executor (tests) to one session at a time too.
    """

    def __init__(self, worker: DbWorker) -> None:
        self._worker = worker
        self._lock = threading.Lock()

    def read(self, work: Callable[[Session], T]) -> T:
        with self._lock:
            return self._worker.call(lambda ws: InlineDatabase(ws.store).read(work)).result()

    def write(self, work: Callable[[Session], T]) -> T:
        with self._lock:
            return self._worker.call(lambda ws: InlineDatabase(ws.store).write(work)).result()


def load_sync_overview() -> Op[SyncOverview]:
    def body(env: OpEnv) -> SyncOverview:
        with env.workspace.store.read() as session:
            return sync_overview(session)

    return Op("load_sync_overview", body)


def load_connection() -> Op[Connection | None]:
    return Op("load_connection", lambda env: saved_connection(env.workspace))


def remember_connection(connection: Connection, device: DeviceInfo,
                        user: UserInfo | None = None) -> Op[None]:
    def body(env: OpEnv) -> None:
        with env.workspace.store.write() as session:
            remember_sign_in(session, connection, device, user)

    return Op("remember_connection", body)


def retry_problem(actor: Actor, uuid: str) -> Op[bool]:
    def body(env: OpEnv) -> Outcome[bool]:
        workspace = env.workspace
        with workspace.store.write() as session:
            done = retry_record(session, actor, workspace.device_id, uuid)
        return Outcome(done, frozenset({Topic.AUDIT}) if done else frozenset())

    return Op("retry_problem", body)


def keep_local(actor: Actor, uuid: str) -> Op[bool]:
    def body(env: OpEnv) -> Outcome[bool]:
        workspace = env.workspace
        with workspace.store.write() as session:
            done = keep_local_version(session, actor, workspace.device_id, uuid)
        return Outcome(done, frozenset({Topic.AUDIT}) if done else frozenset())

    return Op("keep_local", body)


def export_diagnostics(target: Path) -> Op[Path]:
    return Op("export_diagnostics", lambda env: write_diagnostic_bundle(env.workspace, target))
