"""What the sync panel shows, what it can do about problems, and the diagnostic bundle.

Contract: functions of a workspace or session, run on the DB thread (or the command
line's thread); they return frozen views only.

- :func:`sync_overview` counts what waits to be sent per kind, lists every quarantined
  or conflicting record with its reason in plain words, and sums the media queue.
- :func:`retry_record` and :func:`keep_local_version` act on one problem and are
  audited like every other state change.
- :func:`write_diagnostic_bundle` writes a zip for support: versions, queue state,
  problems and the workspace settings *without* anything secret (tokens never reach the
  database; passwords are never kept; the setting values are listed by name only when
  they could identify the server's users).
"""

from __future__ import annotations

import json
import platform
import zipfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector import __version__
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.migrate import head_revision
from inspector.db.models import BlobUpload, SyncCursor, WorkspaceSetting
from inspector.services.audit_log import append_event
from inspector.services.sync_session import LAST_SUCCESS_KEY, PREFIX_KEY, SERVER_KEY, USER_KEY
from inspector.services.workspace import Workspace
from inspector.sync import outbox
from inspector.sync.catalogue import KINDS
from inspector.sync.protocol import PROTOCOL_VERSION

KIND_LABELS = {
    "entity": LocalText("市场主体", "entity"),
    "inspector": LocalText("检查人员", "inspector"),
    "inspection": LocalText("检查记录", "inspection"),
    "finding": LocalText("检查项结果", "finding"),
    "photo": LocalText("照片", "photo"),
    "sample": LocalText("样品", "sample"),
    "sample_portion": LocalText("样品份", "sample portion"),
    "custody_event": LocalText("流转记录", "custody event"),
    "device_audit_event": LocalText("审计日志", "audit event"),
}


@dataclass(frozen=True)
class PendingCount:
    kind: str
    count: int


@dataclass(frozen=True)
class SyncOverview:
    server: str | None
    username: str | None
    sample_prefix: str | None
    last_success: str | None
    pending: tuple[PendingCount, ...]
    problems: tuple[outbox.ProblemView, ...]
    files_queued: int
    bytes_queued: int
    bytes_confirmed: int
    originals_waiting: int
    files_verified: int

    @property
    def pending_total(self) -> int:
        return sum(p.count for p in self.pending)


def sync_overview(session: Session) -> SyncOverview:
    settings = {s.key: s.value for s in session.scalars(select(WorkspaceSetting).where(
        WorkspaceSetting.key.in_((SERVER_KEY, USER_KEY, PREFIX_KEY, LAST_SUCCESS_KEY))))}
    waiting = {p.uuid for p in outbox.problems(session)}
    pending = []
    for kind in KINDS:
        if not kind.upstream:
            continue
        model: Any = kind.model
        uuids = session.scalars(select(model.uuid).where(model.pending.is_(True))).all()
        count = sum(1 for u in uuids if u not in waiting)
        if count:
            pending.append(PendingCount(kind.name, count))
    queued = session.execute(select(
        func.count(), func.coalesce(func.sum(BlobUpload.size), 0),
        func.coalesce(func.sum(BlobUpload.confirmed_offset), 0))
        .where(BlobUpload.state == "queued")).one()
    originals = session.scalar(select(func.count()).where(
        BlobUpload.state == "queued", BlobUpload.role == "original")) or 0
    verified = session.scalar(select(func.count()).where(BlobUpload.state == "verified")) or 0
    return SyncOverview(
        server=settings.get(SERVER_KEY), username=settings.get(USER_KEY),
        sample_prefix=settings.get(PREFIX_KEY), last_success=settings.get(LAST_SUCCESS_KEY),
        pending=tuple(pending), problems=tuple(outbox.problems(session)),
        files_queued=int(queued[0]), bytes_queued=int(queued[1]),
        bytes_confirmed=int(queued[2]), originals_waiting=int(originals),
        files_verified=int(verified))


def retry_record(session: Session, actor: Actor, device_id: str, uuid: str) -> bool:
    done = outbox.retry(session, uuid)
    if done:
        append_event(session, actor=actor, device_id=device_id, action="sync.retry",
                     object_kind="record", object_id=uuid, payload={})
    return done


def keep_local_version(session: Session, actor: Actor, device_id: str, uuid: str) -> bool:
    problem = next((p for p in outbox.problems(session) if p.uuid == uuid), None)
    done = outbox.keep_local(session, uuid)
    if done and problem is not None:
        append_event(session, actor=actor, device_id=device_id, action="sync.keep_local",
                     object_kind="record", object_id=uuid,
                     payload={"local_hash": problem.sent_hash or "",
                              "server_hash": problem.server_hash or ""})
    return done


def write_diagnostic_bundle(workspace: Workspace, target: Path) -> Path:
    """Write the support bundle to ``target`` (a .zip); returns its path."""
    with workspace.store.read() as session:
        overview = sync_overview(session)
        cursors = {c.feed: c.cursor for c in session.scalars(select(SyncCursor))}
        uploads = [{"sha256": u.sha256, "role": u.role, "size": u.size, "state": u.state,
                    "confirmed_offset": u.confirmed_offset, "wire_bytes": u.wire_bytes,
                    "attempts": u.attempts, "reason": u.reason}
                   for u in session.scalars(select(BlobUpload).order_by(BlobUpload.created_at))]
    versions = {"inspector": __version__, "schema": head_revision(),
                "protocol": PROTOCOL_VERSION, "python": platform.python_version(),
                "platform": platform.platform(), "created_at": datetime.now(UTC).isoformat()}
    state = {"overview": _plain(asdict(overview)), "cursors": cursors, "uploads": uploads,
             "device_id": workspace.device_id}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("versions.json", json.dumps(versions, ensure_ascii=False, indent=2))
        bundle.writestr("sync-state.json", json.dumps(state, ensure_ascii=False, indent=2))
        log = workspace.paths.root / "logs" / "inspector.log"
        if log.is_file():
            bundle.write(log, "logs/inspector.log")
    return target


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
