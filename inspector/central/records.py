"""Push and feeds: the generic record mechanism every kind plugs into.

Contract (runs in one request's transaction):
- :func:`push` first locks the ``records`` counter row, so pushes from every worker
  and process are serialised, concurrent arrivals of one UUID included, and the
  ``server_seq`` values they hand out commit in order (a feed cursor never skips a
  record that commits later). Each item runs in its own savepoint and gets its own
  answer: ``stored``, ``unchanged`` (same UUID, same hash: a retry), ``conflict`` (same
  UUID, other content, and no matching ``base_hash``; or any edit of an append-only
  kind) or ``refused`` (with the reason). Nothing accepted is overwritten: the current
  version is the ``record`` row, and each version it replaces is kept in
  ``record_version``.
- :func:`feed_page` returns the records of one feed the principal may see, after a
  cursor, in ``server_seq`` order.
- :func:`insert_made_record` stores a record the platform makes itself (a lab's custody
  event, :mod:`.custody`) under the same counter lock (:func:`lock_counter`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, insert, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from inspector.central import audit
from inspector.central.errors import ApiError
from inspector.central.kinds import RecordKind, registry
from inspector.central.models import (
    Base,
    Blob,
    Counter,
    DeviceCheckpoint,
    Record,
    RecordAudience,
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


def lock_counter(session: Session) -> Counter:
    """The ``records`` counter row, locked until the transaction ends.

    Every write that hands out ``server_seq`` values takes it first (a push does, before
    it looks at any item), so such writes run one after the other in every process and
    their ``server_seq`` values commit in order.
    """
    return session.execute(
        select(Counter).where(Counter.name == "records").with_for_update()
    ).scalar_one()


def insert_made_record(session: Session, counter: Counter, *, kind: str, uuid: str,
                       body: dict[str, Any], owner_id: int, unit_id: int, region_code: str,
                       pushed_by: int) -> Record:
    """Store a record the platform makes itself (a lab's custody event), new, as the next
    change of its feed.

    ``counter`` is the row :func:`lock_counter` returned in this transaction. The record
    belongs to ``owner_id`` and to the unit and region given (so it flows down the feeds
    of that owner, like the records they pushed); ``pushed_by`` is the account that
    made it; it comes from no device, so no laptop's ``others_only`` leaves it out. The
    caller has checked that ``uuid`` is free and appends its own audit event.
    """
    made = registry()[kind]
    counter.value += 1
    record = Record(uuid=uuid, kind=made.name, feed=made.feed, content_hash=content_hash(body),
                    body=body, deleted=False, unit_id=unit_id, region_code=region_code,
                    owner_id=owner_id, pushed_by=pushed_by, device_id=None,
                    server_seq=counter.value, revision=1, received_at=_now())
    session.add(record)
    session.flush()
    _assign(session, made, record.id, body)
    return record


def push(session: Session, principal: Principal, items: Sequence[PushItem]) -> list[PushResult]:
    principal.require_writer()
    counter = lock_counter(session)
    batch = _Batch(session, principal, counter.value)
    results: list[PushResult | None] = [None] * len(items)
    fresh: list[_Fresh] = []
    one_by_one: list[int] = []
    known = _existing_uuids(session, [i.uuid for i in items])
    seen: set[str] = set()
    memo: dict[str, Any] = {}
    for index, item in enumerate(items):
        checked = _check(principal, item, session, memo)
        if isinstance(checked, PushResult):
            results[index] = checked
        elif item.uuid in known or item.uuid in seen:
            one_by_one.append(index)
        else:
            fresh.append(_Fresh(index, item, checked))
        seen.add(item.uuid)
    if fresh and not _insert_fresh(batch, fresh, results):
        one_by_one = sorted(one_by_one + [f.index for f in fresh])
    for index in one_by_one:
        results[index] = _push_isolated(batch, items[index])
    counter.value = batch.next_seq
    answered = [r for r in results if r is not None]
    assert len(answered) == len(items)
    _audit_batch(session, principal, items, answered)
    return answered


def _existing_uuids(session: Session, uuids: list[str]) -> set[str]:
    """Which of ``uuids`` the platform already holds (one indexed query per 500)."""
    connection = session.connection()
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    found: set[str] = set()
    for start in range(0, len(uuids), 500):
        chunk = tuple(uuids[start:start + 500])
        marks = ", ".join(mark for _ in chunk)
        found.update(uuid for (uuid,) in connection.exec_driver_sql(
            f"SELECT uuid FROM record WHERE uuid IN ({marks})", chunk))
    return found


def _insert_fresh(batch: _Batch, fresh: list[_Fresh],
                  results: list[PushResult | None]) -> bool:
    """Insert new records in bulk (a few statements per batch, not several per item).

    Returns False, with nothing written, if the database refused the bulk insert; the
    caller then stores the items one by one so that only the bad one is refused.
    """
    session, principal = batch.session, batch.principal
    savepoint = session.begin_nested()
    first_seq = batch.next_seq
    try:
        connection = session.connection()
        received_at = _bind_value(connection, Record.__table__.c.received_at, _now())
        rows = [(f.item.uuid, f.checked.kind.name, f.checked.kind.feed, f.item.content_hash,
                 f.checked.body_json, f.item.deleted, principal.unit_id,
                 principal.region_code, principal.account_id, principal.account_id,
                 principal.device_id, batch.take_seq(), 1, received_at) for f in fresh]
        connection.exec_driver_sql(_insert_record_sql(connection), rows)
        audience = [(f.item.uuid, staff_id) for f in fresh if f.checked.kind.audience
                    for staff_id in dict.fromkeys(f.checked.kind.audience(f.item.body))]
        declared = [(f.item.uuid, sha) for f in fresh for sha in dict.fromkeys(f.item.blobs)]
        missing: dict[int, list[str]] = {}
        ids: dict[str, int] = {}
        if audience or declared:
            ids = _ids_by_uuid(session, first_seq, batch.next_seq)
        if audience:
            session.execute(insert(Base.metadata.tables[RecordAudience.__tablename__]),
                            [{"record_id": ids[u], "staff_id": s} for u, s in audience])
        if declared:
            session.execute(insert(Base.metadata.tables[RecordBlob.__tablename__]),
                            [{"record_id": ids[u], "sha256": s} for u, s in declared])
            missing = _missing_by_record(session, list(ids.values()))
    except SQLAlchemyError:
        savepoint.rollback()
        batch.next_seq = first_seq
        return False
    savepoint.commit()
    for offset, f in enumerate(fresh, start=1):
        # Built from values checked above: construct without validating again.
        results[f.index] = PushResult.model_construct(
            uuid=f.item.uuid, status=ItemStatus.STORED, stored_hash=f.item.content_hash,
            server_seq=first_seq + offset,
            missing_blobs=missing.get(ids[f.item.uuid], []) if missing else [])
    return True


_RECORD_COLUMNS = ("uuid", "kind", "feed", "content_hash", "body", "deleted", "unit_id",
                   "region_code", "owner_id", "pushed_by", "device_id", "server_seq",
                   "revision", "received_at")


def _insert_record_sql(connection: Connection) -> str:
    """One driver-level INSERT of a ``record`` row, in the driver's parameter style.

    The bulk path bypasses SQLAlchemy's per-row parameter processing, which cost more
    than the database's own work: the body goes in as the canonical JSON text already
    computed for its hash (cast to jsonb on PostgreSQL), the time as the bind value
    the column type made once per batch.
    """
    if connection.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in _RECORD_COLUMNS)
    else:
        marks = ", ".join("%s::jsonb" if name == "body" else "%s" for name in _RECORD_COLUMNS)
    return f"INSERT INTO record ({', '.join(_RECORD_COLUMNS)}) VALUES ({marks})"


def _bind_value(connection: Connection, column: ColumnElement[Any], value: object) -> object:
    processor = column.type.bind_processor(connection.dialect)
    return processor(value) if processor is not None else value


def _ids_by_uuid(session: Session, after_seq: int, last_seq: int) -> dict[str, int]:
    """The ids of the records this batch stored (their server_seq values are its own)."""
    rows = session.execute(select(Record.uuid, Record.id).where(
        Record.server_seq > after_seq, Record.server_seq <= last_seq))
    return {uuid: record_id for uuid, record_id in rows}


def _push_isolated(batch: _Batch, item: PushItem) -> PushResult:
    """One item in its own savepoint: an error refuses it and nothing else."""
    session = batch.session
    savepoint = session.begin_nested()
    seq_before = batch.next_seq
    try:
        result = _push_one(batch, item)
    except SQLAlchemyError as exc:
        savepoint.rollback()
        batch.next_seq = seq_before
        return PushResult(uuid=item.uuid, status=ItemStatus.REFUSED,
                          reason=f"storage error: {type(exc).__name__}")
    if result.status is ItemStatus.REFUSED:
        savepoint.rollback()
        batch.next_seq = seq_before
    else:
        savepoint.commit()
    return result


def _audit_batch(session: Session, principal: Principal, items: Sequence[PushItem],
                 results: list[PushResult]) -> None:
    counts = {status: 0 for status in ItemStatus}
    for result in results:
        counts[result.status] += 1
    audit.append(
        session, actor=principal.username, role=principal.role.value, action="records.push",
        object_kind="batch", object_id=str(len(items)),
        payload={
            "items": len(items),
            **{status.value: count for status, count in counts.items()},
            "uuids_sha256": hashlib.sha256(
                "\n".join(sorted(i.uuid for i in items)).encode()).hexdigest(),
        },
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _holds_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


@dataclass(frozen=True)
class _Checked:
    """An item that passed the checks: its kind and its body's canonical JSON."""

    kind: RecordKind
    body_json: str


@dataclass(frozen=True)
class _Fresh:
    index: int
    item: PushItem
    checked: _Checked


def _check(principal: Principal, item: PushItem, session: Session,
           memo: dict[str, Any]) -> _Checked | PushResult:
    """The item's kind and canonical body, or the answer refusing it before any write."""
    kind = registry().get(item.kind)
    if kind is None:
        return _refuse(item, f"unknown record kind '{item.kind}'")
    if principal.role not in kind.push_roles:
        return _refuse(item, f"role {principal.role.value} may not push "
                             f"{kind.name} records")
    body_json = canonical_json(item.body)
    # JSON writes NUL as \u0000; only then is the (slower) walk over the body needed.
    if "\\u0000" in body_json and _holds_nul(item.body):
        return _refuse(item, "the body holds a NUL character, which cannot be stored")
    actual = hashlib.sha256(body_json.encode("utf-8")).hexdigest()
    if actual != item.content_hash:
        return _refuse(item, "content_hash does not match the body "
                             f"(body hashes to {actual})")
    problem = kind.body_problem(item.body)
    if problem is None and kind.stored_check is not None:
        problem = kind.stored_check(session, principal, item.uuid, item.body, memo)
    if problem is not None:
        return _refuse(item, f"invalid {kind.name} body: {problem}")
    return _Checked(kind, body_json)


def _refuse(item: PushItem, reason: str) -> PushResult:
    return PushResult(uuid=item.uuid, status=ItemStatus.REFUSED, reason=reason)


def _push_one(batch: _Batch, item: PushItem) -> PushResult:
    principal = batch.principal
    checked = _check(principal, item, batch.session, {})
    if isinstance(checked, PushResult):
        return checked
    kind = checked.kind
    session = batch.session
    existing = session.execute(
        select(Record).where(Record.uuid == item.uuid).with_for_update()
    ).scalar_one_or_none()
    if existing is None:
        return _insert(batch, kind, item)
    if existing.kind != kind.name:
        return _refuse(item, f"uuid already names a {existing.kind} record")
    if not _may_edit(principal, existing, kind):
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
    _keep_version(session, existing)
    existing.revision += 1
    existing.content_hash = item.content_hash
    existing.body = item.body
    existing.deleted = item.deleted
    existing.server_seq = batch.take_seq()
    existing.device_id = principal.device_id
    existing.pushed_by = principal.account_id
    existing.received_at = _now()
    _assign(session, kind, existing.id, item.body)
    _declare_blobs(session, existing.id, item.blobs)
    session.flush()
    return PushResult(uuid=item.uuid, status=ItemStatus.STORED, stored_hash=item.content_hash,
                      server_seq=existing.server_seq,
                      missing_blobs=_missing_blobs(session, existing.id))


def _keep_version(session: Session, record: Record) -> None:
    """Copy the current version into ``record_version`` before it is replaced.

    A record's first version lives only in ``record`` until it is edited; copying it at
    that moment (and every later one as it is replaced) keeps every accepted version
    while the common case, a record pushed once, writes one row instead of two.
    """
    kept = session.scalar(select(RecordVersion.id).where(
        RecordVersion.record_id == record.id, RecordVersion.revision == record.revision))
    if kept is None:
        session.add(RecordVersion(record_id=record.id, revision=record.revision,
                                  content_hash=record.content_hash, body=record.body,
                                  deleted=record.deleted,
                                  account_id=record.pushed_by or record.owner_id,
                                  received_at=record.received_at))


def _insert(batch: _Batch, kind: RecordKind, item: PushItem) -> PushResult:
    principal = batch.principal
    session = batch.session
    record = Record(
        uuid=item.uuid, kind=kind.name, feed=kind.feed, content_hash=item.content_hash,
        body=item.body, deleted=item.deleted, unit_id=principal.unit_id,
        region_code=principal.region_code, owner_id=principal.account_id,
        pushed_by=principal.account_id,
        device_id=principal.device_id, server_seq=batch.take_seq(), revision=1,
    )
    session.add(record)
    session.flush()
    _assign(session, kind, record.id, item.body)
    _declare_blobs(session, record.id, item.blobs)
    session.flush()
    return PushResult(uuid=item.uuid, status=ItemStatus.STORED, stored_hash=item.content_hash,
                      server_seq=record.server_seq,
                      missing_blobs=_missing_blobs(session, record.id))


def _assign(session: Session, kind: RecordKind, record_id: int, body: dict[str, Any]) -> None:
    """Set a record's audience from its body (a reassigned task changes who sees it)."""
    if kind.audience is None:
        return
    session.execute(delete(RecordAudience).where(RecordAudience.record_id == record_id))
    for staff_id in dict.fromkeys(kind.audience(body)):
        session.add(RecordAudience(record_id=record_id, staff_id=staff_id))


def _may_edit(principal: Principal, record: Record, kind: RecordKind) -> bool:
    if principal.role is Role.ADMINISTRATOR:
        return principal.covers(record.unit_id, record.region_code)
    if principal.role is Role.TEAM_LEAD:
        return record.unit_id == principal.unit_id
    if (kind.audience_edits and kind.audience is not None and principal.staff_id
            and principal.staff_id in kind.audience(record.body)):
        return True
    return record.owner_id == principal.account_id


def _declare_blobs(session: Session, record_id: int, blobs: Sequence[str]) -> None:
    known = set(session.scalars(
        select(RecordBlob.sha256).where(RecordBlob.record_id == record_id)))
    for sha in dict.fromkeys(blobs):
        if sha not in known:
            session.add(RecordBlob(record_id=record_id, sha256=sha))


def _missing_by_record(session: Session, record_ids: list[int]) -> dict[int, list[str]]:
    """For many records at once: their declared blobs not yet verified."""
    declared = session.execute(
        select(RecordBlob.record_id, RecordBlob.sha256)
        .where(RecordBlob.record_id.in_(record_ids)).order_by(RecordBlob.sha256)).all()
    verified = set(session.scalars(select(Blob.sha256).where(
        Blob.sha256.in_({sha for _r, sha in declared}), Blob.verified_at.is_not(None))))
    missing: dict[int, list[str]] = {}
    for record_id, sha in declared:
        if sha not in verified:
            missing.setdefault(record_id, []).append(sha)
    return missing


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
              limit: int, *, skip_device: int | None = None) -> FeedPage:
    kinds = [k for k in registry().values() if k.feed == feed]
    condition = any_of([
        (Record.kind == k.name) & principal.visible(k.visibility) for k in kinds
    ])
    if skip_device is not None:
        condition = condition & or_(Record.device_id.is_(None),
                                    Record.device_id != skip_device)
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
