"""Push and feeds: the generic record mechanism every kind plugs into.

Contract (runs in one request's transaction):
- :func:`push` first locks the ``records`` counter row, so pushes from every worker
  and process are serialised, concurrent arrivals of one UUID included, and the
  ``server_seq`` values they hand out commit in order (a feed cursor never skips a
  record that commits later). Each item runs in its own savepoint and gets its own
  answer: ``stored``, ``unchanged`` (same UUID, same hash: a retry), ``conflict`` (same
  UUID, other content, and no matching ``base_hash``; or any edit of an append-only
  kind) or ``refused`` (with the reason). Nothing accepted is overwritten: every
  version is kept in ``record_version``.
- :func:`feed_page` returns the records of one feed the principal may see, after a
  cursor, in ``server_seq`` order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from inspector.central import audit
from inspector.central.errors import ApiError
from inspector.central.kinds import RecordKind, registry
from inspector.central.models import (
    Blob,
    Counter,
    DeviceCheckpoint,
    Record,
    RecordBlob,
    RecordVersion,
)
from inspector.central.principal import Principal, any_of
from inspector.core.audit_chain import canonical_json
from inspector.core.roles import Role
from inspector.sync.protocol import (
    Checkpoint,
    ErrorCode,
    FeedItem,
    FeedPage,
    ItemStatus,
    KindState,
    PushItem,
    PushResult,
)


def content_hash(body: dict[str, object]) -> str:
    """SHA-256 of the canonical JSON of a record body (the wire's ``content_hash``)."""
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


@dataclass
class _Batch:
    session: Session
    principal: Principal
    next_seq: int

    def take_seq(self) -> int:
        self.next_seq += 1
        return self.next_seq


def push(session: Session, principal: Principal, items: Sequence[PushItem]) -> list[PushResult]:
    principal.require_writer()
    counter = session.execute(
        select(Counter).where(Counter.name == "records").with_for_update()
    ).scalar_one()
    batch = _Batch(session, principal, counter.value)
    results: list[PushResult] = []
    for item in items:
        savepoint = session.begin_nested()
        try:
            result = _push_one(batch, item)
        except SQLAlchemyError as exc:
            savepoint.rollback()
            results.append(PushResult(uuid=item.uuid, status=ItemStatus.REFUSED,
                                      reason=f"storage error: {type(exc).__name__}"))
            continue
        if result.status is ItemStatus.REFUSED:
            savepoint.rollback()
        else:
            savepoint.commit()
        results.append(result)
    counter.value = batch.next_seq
    stored = sum(1 for r in results if r.status is ItemStatus.STORED)
    audit.append(
        session, actor=principal.username, role=principal.role.value, action="records.push",
        object_kind="batch", object_id=str(len(items)),
        payload={
            "items": len(items),
            "stored": stored,
            "unchanged": sum(1 for r in results if r.status is ItemStatus.UNCHANGED),
            "conflict": sum(1 for r in results if r.status is ItemStatus.CONFLICT),
            "refused": sum(1 for r in results if r.status is ItemStatus.REFUSED),
            "uuids_sha256": hashlib.sha256(
                "\n".join(sorted(i.uuid for i in items)).encode()).hexdigest(),
        },
    )
    return results


def _refuse(item: PushItem, reason: str) -> PushResult:
    return PushResult(uuid=item.uuid, status=ItemStatus.REFUSED, reason=reason)


def _push_one(batch: _Batch, item: PushItem) -> PushResult:
    principal = batch.principal
    kind = registry().get(item.kind)
    if kind is None:
        return _refuse(item, f"unknown record kind '{item.kind}'")
    if principal.role not in kind.push_roles:
        return _refuse(item, f"role {principal.role.value} may not push {kind.name} records")
    actual = content_hash(item.body)
    if actual != item.content_hash:
        return _refuse(item, f"content_hash does not match the body (body hashes to {actual})")
    problem = kind.body_problem(item.body)
    if problem is not None:
        return _refuse(item, f"invalid {kind.name} body: {problem}")
    session = batch.session
    existing = session.execute(
        select(Record).where(Record.uuid == item.uuid).with_for_update()
    ).scalar_one_or_none()
    if existing is None:
        return _insert(batch, kind, item)
    if existing.kind != kind.name:
        return _refuse(item, f"uuid already names a {existing.kind} record")
    if not _may_edit(principal, existing):
        return _refuse(item, "this record belongs to another account's scope")
    if existing.content_hash == item.content_hash and existing.deleted == item.deleted:
        return PushResult(uuid=item.uuid, status=ItemStatus.UNCHANGED,
                          stored_hash=existing.content_hash, server_seq=existing.server_seq,
                          missing_blobs=_missing_blobs(session, existing.id))
    if kind.append_only or item.base_hash != existing.content_hash:
        reason = ("append-only: a correction is a new record naming the one it replaces"
                  if kind.append_only else
                  "the stored version differs and the push does not name it as its base")
        return PushResult(uuid=item.uuid, status=ItemStatus.CONFLICT,
                          stored_hash=existing.content_hash, server_seq=existing.server_seq,
                          reason=reason)
    existing.revision += 1
    existing.content_hash = item.content_hash
    existing.body = item.body
    existing.deleted = item.deleted
    existing.server_seq = batch.take_seq()
    existing.device_id = principal.device_id
    session.add(RecordVersion(record_id=existing.id, revision=existing.revision,
                              content_hash=item.content_hash, body=item.body,
                              deleted=item.deleted, account_id=principal.account_id))
    _declare_blobs(session, existing.id, item.blobs)
    session.flush()
    return PushResult(uuid=item.uuid, status=ItemStatus.STORED, stored_hash=item.content_hash,
                      server_seq=existing.server_seq,
                      missing_blobs=_missing_blobs(session, existing.id))


def _insert(batch: _Batch, kind: RecordKind, item: PushItem) -> PushResult:
    principal = batch.principal
    session = batch.session
    record = Record(
        uuid=item.uuid, kind=kind.name, feed=kind.feed, content_hash=item.content_hash,
        body=item.body, deleted=item.deleted, unit_id=principal.unit_id,
        region_code=principal.region_code, owner_id=principal.account_id,
        device_id=principal.device_id, server_seq=batch.take_seq(), revision=1,
    )
    session.add(record)
    session.flush()
    session.add(RecordVersion(record_id=record.id, revision=1, content_hash=item.content_hash,
                              body=item.body, deleted=item.deleted,
                              account_id=principal.account_id))
    _declare_blobs(session, record.id, item.blobs)
    session.flush()
    return PushResult(uuid=item.uuid, status=ItemStatus.STORED, stored_hash=item.content_hash,
                      server_seq=record.server_seq,
                      missing_blobs=_missing_blobs(session, record.id))


def _may_edit(principal: Principal, record: Record) -> bool:
    if principal.role is Role.ADMINISTRATOR:
        return principal.covers(record.unit_id, record.region_code)
    if principal.role is Role.TEAM_LEAD:
        return record.unit_id == principal.unit_id
    return record.owner_id == principal.account_id


def _declare_blobs(session: Session, record_id: int, blobs: Sequence[str]) -> None:
    known = set(session.scalars(
        select(RecordBlob.sha256).where(RecordBlob.record_id == record_id)))
    for sha in dict.fromkeys(blobs):
        if sha not in known:
            session.add(RecordBlob(record_id=record_id, sha256=sha))


def _missing_blobs(session: Session, record_id: int) -> list[str]:
    declared = session.scalars(
        select(RecordBlob.sha256).where(RecordBlob.record_id == record_id)
        .order_by(RecordBlob.sha256)).all()
    if not declared:
        return []
    verified = set(session.scalars(
        select(Blob.sha256).where(Blob.sha256.in_(declared), Blob.verified_at.is_not(None))))
    return [sha for sha in declared if sha not in verified]


def missing_blobs(session: Session, principal: Principal, uuid: str) -> list[str] | None:
    """The declared, not yet verified blobs of a visible record; None if not visible."""
    record = _visible_record(session, principal, uuid)
    return None if record is None else _missing_blobs(session, record.id)


def _visible_record(session: Session, principal: Principal, uuid: str) -> Record | None:
    record = session.execute(select(Record).where(Record.uuid == uuid)).scalar_one_or_none()
    if record is None:
        return None
    kind = registry().get(record.kind)
    if kind is None:
        return None
    visible = session.execute(
        select(Record.id).where(Record.id == record.id, principal.visible(kind.visibility))
    ).first()
    return record if visible else None


def feed_state(session: Session, principal: Principal, feed: str) -> list[KindState]:
    """Per kind, the count and digest of the records of ``feed`` the principal sees."""
    states = []
    for kind in sorted((k for k in registry().values() if k.feed == feed), key=lambda k: k.name):
        rows = session.execute(
            select(Record.uuid, Record.content_hash, Record.deleted)
            .where(Record.kind == kind.name, principal.visible(kind.visibility))
            .order_by(Record.uuid)
        ).all()
        lines = "\n".join(f"{u} {h} {1 if d else 0}" for u, h, d in rows)
        states.append(KindState(kind=kind.name, count=len(rows),
                                digest=hashlib.sha256(lines.encode()).hexdigest()))
    return states


def save_checkpoint(session: Session, principal: Principal, feed: str, cursor: int) -> Checkpoint:
    if principal.device_id is None:
        raise ApiError(409, ErrorCode.CONFLICT, "enroll this device before saving checkpoints")
    row = session.execute(
        select(DeviceCheckpoint).where(DeviceCheckpoint.device_id == principal.device_id,
                                       DeviceCheckpoint.feed == feed).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = DeviceCheckpoint(device_id=principal.device_id, feed=feed, cursor=cursor)
        session.add(row)
    else:
        row.cursor = cursor
        row.updated_at = datetime.now(UTC)
    session.flush()
    return Checkpoint(feed=feed, cursor=row.cursor, updated_at=row.updated_at.isoformat())


def checkpoints(session: Session, principal: Principal) -> list[Checkpoint]:
    if principal.device_id is None:
        return []
    rows = session.scalars(select(DeviceCheckpoint).where(
        DeviceCheckpoint.device_id == principal.device_id).order_by(DeviceCheckpoint.feed))
    return [Checkpoint(feed=r.feed, cursor=r.cursor, updated_at=r.updated_at.isoformat())
            for r in rows]


def feed_page(session: Session, principal: Principal, feed: str, cursor: int,
              limit: int) -> FeedPage:
    kinds = [k for k in registry().values() if k.feed == feed]
    condition = any_of([
        (Record.kind == k.name) & principal.visible(k.visibility) for k in kinds
    ])
    rows = session.execute(
        select(Record.kind, Record.uuid, Record.content_hash, Record.body, Record.deleted,
               Record.server_seq)
        .where(Record.feed == feed, Record.server_seq > cursor, condition)
        .order_by(Record.server_seq)
        .limit(limit + 1)
    ).all()
    items = [FeedItem(kind=r[0], uuid=r[1], content_hash=r[2], body=r[3], deleted=r[4],
                      server_seq=r[5]) for r in rows[:limit]]
    next_cursor = items[-1].server_seq if items else cursor
    return FeedPage(feed=feed, items=items, next_cursor=next_cursor, has_more=len(rows) > limit)
