"""The platform's hash-chained audit log (the same chain rules as the laptop's).

Contract: :func:`append` runs in the caller's transaction and first locks the
``audit`` counter row, so events from several server processes get consecutive
sequence numbers and each names the hash of the one before it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, fields
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.central.models import AuditEvent, Counter
from inspector.core.audit_chain import (
    GENESIS_HASH,
    AuditRecord,
    ChainHead,
    ChainVerdict,
    StoredAuditEvent,
    canonical_payload,
    verify_chain,
)
from inspector.core.ids import new_uuid

_FIELDS = tuple(f.name for f in fields(AuditRecord))
SERVER_DEVICE = "central"


def append(session: Session, *, actor: str, role: str, action: str, object_kind: str,
           object_id: str, payload: Mapping[str, object], device: str = SERVER_DEVICE) -> None:
    counter = session.execute(
        select(Counter).where(Counter.name == "audit").with_for_update()
    ).scalar_one()
    seq = counter.value + 1
    previous = session.get(AuditEvent, counter.value) if counter.value else None
    now = datetime.now(UTC)
    record = AuditRecord(
        seq=seq, uuid=new_uuid(), actor=actor, role=role, device_id=device,
        utc_time=now.isoformat(timespec="microseconds"),
        device_clock=now.isoformat(timespec="seconds"),
        action=action, object_kind=object_kind, object_id=object_id,
        payload=canonical_payload(dict(payload)),
        prev_hash=previous.hash if previous is not None else GENESIS_HASH,
    )
    session.add(AuditEvent(**asdict(record), hash=record.digest()))
    counter.value = seq
    session.flush()


def verify(session: Session) -> ChainVerdict:
    counter = session.execute(select(Counter).where(Counter.name == "audit")).scalar_one()
    head = None
    if counter.value:
        last = session.get(AuditEvent, counter.value)
        head = ChainHead(counter.value, last.hash if last is not None else "")
    return verify_chain(_events(session), head)


def _events(session: Session) -> Iterator[StoredAuditEvent]:
    columns = [getattr(AuditEvent, name) for name in _FIELDS]
    rows = session.execute(select(*columns, AuditEvent.hash).order_by(AuditEvent.seq))
    for row in rows.yield_per(2000):
        yield StoredAuditEvent(AuditRecord(*row[:-1]), row[-1])
