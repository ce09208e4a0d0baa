"""Appending to and verifying the workspace's hash-chained audit log.

Contract: :func:`append_event` runs inside the caller's write transaction, so the event
commits or rolls back with the change it records. The chain head (last seq and hash)
is kept in ``workspace_setting['audit_head']`` as ``"<seq>:<hash>"``, updated in the
same transaction; :func:`verify_audit_log` compares the log with it to catch events
deleted from the end.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.audit_chain import (
    GENESIS_HASH,
    AuditRecord,
    ChainHead,
    ChainVerdict,
    StoredAuditEvent,
    canonical_payload,
    verify_chain,
)
from inspector.core.roles import Actor
from inspector.db.base import new_uuid
from inspector.db.models import AuditEvent, WorkspaceSetting
from inspector.services.store import Store

HEAD_KEY = "audit_head"
_RECORD_FIELDS = tuple(f.name for f in fields(AuditRecord))
_BATCH = 2000


@dataclass(frozen=True, slots=True)
class AuditEventView:
    """One audit event for display."""

    seq: int
    utc_time: str
    device_clock: str
    actor: str
    role: str
    action: str
    object_kind: str
    object_id: str
    payload: str
    hash: str


def append_event(
    session: Session,
    *,
    actor: Actor,
    device_id: str,
    action: str,
    object_kind: str,
    object_id: str,
    payload: Mapping[str, object],
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction."""
    head = _read_head(session)
    seq, prev_hash = (head.seq + 1, head.hash) if head else (1, GENESIS_HASH)
    now = datetime.now(UTC)
    record = AuditRecord(
        seq=seq,
        uuid=new_uuid(),
        actor=actor.name,
        role=actor.role.value,
        device_id=device_id,
        utc_time=now.isoformat(timespec="microseconds"),
        device_clock=datetime.now().astimezone().isoformat(timespec="seconds"),
        action=action,
        object_kind=object_kind,
        object_id=object_id,
        payload=canonical_payload(dict(payload)),
        prev_hash=prev_hash,
    )
    digest = record.digest()
    event = AuditEvent(**asdict(record), hash=digest, pending=True)
    session.add(event)
    session.merge(WorkspaceSetting(key=HEAD_KEY, value=f"{seq}:{digest}"))
    session.flush()
    return event


def verify_audit_log(store: Store) -> ChainVerdict:
    """Walk the whole log in sequence order and report the first break, if any."""
    with store.read() as session:
        return verify_chain(_stored_events(session), _read_head(session))


def recent_events(store: Store, limit: int = 500) -> tuple[AuditEventView, ...]:
    """The newest events first, for the audit screen."""
    with store.read() as session:
        rows = session.scalars(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        ).all()
        return tuple(
            AuditEventView(
                seq=r.seq,
                utc_time=r.utc_time,
                device_clock=r.device_clock,
                actor=r.actor,
                role=r.role,
                action=r.action,
                object_kind=r.object_kind,
                object_id=r.object_id,
                payload=r.payload,
                hash=r.hash,
            )
            for r in rows
        )


def _stored_events(session: Session) -> Iterator[StoredAuditEvent]:
    # Swapping two events' contents keeps every seq present, but the later one's
    # prev_hash then names the wrong predecessor: verify_chain reports it as a link break.
    columns = [getattr(AuditEvent, name) for name in _RECORD_FIELDS]
    result = session.execute(
        select(*columns, AuditEvent.hash).order_by(AuditEvent.seq)
    ).yield_per(_BATCH)
    for row in result:
        yield StoredAuditEvent(AuditRecord(*row[:-1]), row[-1])


def _read_head(session: Session) -> ChainHead | None:
    value = session.get(WorkspaceSetting, HEAD_KEY)
    if value is None:
        return None
    seq, _, digest = value.value.partition(":")
    return ChainHead(int(seq), digest)
