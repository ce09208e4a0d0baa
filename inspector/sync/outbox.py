"""The upstream side in the database: which records to push, and what their answers mean.

Contract (functions of a session; the engine runs them through its Database):
- :func:`pending_keys` lists the pending rows of every upstream kind, in catalogue
  order, leaving out those quarantined or in conflict (they wait for the user);
- :func:`build_items` turns keys into protocol items: the body, its hash, the
  acknowledged hash as ``base_hash`` when the record is an edit, the declared files;
- :func:`apply_answers` records each answer in ``sync_record``: acknowledged (the
  row's pending flag is cleared only if the row still hashes to what was sent, so an
  edit made during the push goes out next time), conflict (both hashes kept) or refused
  (quarantined with the server's reason). Files the server still lacks are queued.
- :func:`retry`, :func:`keep_local` and :func:`problems` serve the sync panel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from inspector.db.base import Base
from inspector.db.content_store import ContentStore
from inspector.db.models import BlobUpload, SyncRecord
from inspector.sync.kinds import SyncKind, body_hash
from inspector.sync.protocol import ItemStatus, PushItem, PushResult

OK, QUARANTINED, CONFLICT = "ok", "quarantined", "conflict"


@dataclass(frozen=True)
class PendingKey:
    kind: str
    row_id: int


@dataclass(frozen=True)
class AnswerCounts:
    stored: int = 0
    unchanged: int = 0
    conflict: int = 0
    refused: int = 0
    files_queued: int = 0


@dataclass(frozen=True)
class ProblemView:
    """A quarantined or conflicting record, for the panel."""

    uuid: str
    kind: str
    state: str
    reason: str
    sent_hash: str | None
    server_hash: str | None
    attempts: int
    updated_at: datetime


def pending_keys(session: Session, kinds: Iterable[SyncKind]) -> list[PendingKey]:
    waiting = set(session.scalars(select(SyncRecord.uuid).where(
        SyncRecord.state.in_((QUARANTINED, CONFLICT)))))
    keys: list[PendingKey] = []
    for kind in kinds:
        if not kind.upstream:
            continue
        model: Any = kind.model
        rows = session.execute(select(kind.key, model.uuid).where(model.pending.is_(True))
                               .order_by(kind.key))
        keys.extend(PendingKey(kind.name, row_id) for row_id, uuid in rows if uuid not in waiting)
    return keys


@dataclass(frozen=True)
class Outgoing:
    """A batch ready to push: the items, and each row's edit marker when it was read
    (its pending flag is cleared on acknowledgement only if the marker is unchanged)."""

    items: list[PushItem]
    markers: dict[str, datetime | None]


def build_items(session: Session, kinds: dict[str, SyncKind],
                keys: Sequence[PendingKey]) -> Outgoing:
    """Protocol items for ``keys`` (a few queries per kind, not several per row)."""
    items = []
    markers: dict[str, datetime | None] = {}
    for name, row_ids in _by_kind(keys).items():
        kind = kinds[name]
        rows = _rows(session, kind, row_ids)
        known = _known(session, [row.uuid for row in rows])
        for row, body in zip(rows, kind.bodies(session, rows), strict=True):
            digest, deleted = body_hash(body), kind.deleted(row)
            acked = known.get(row.uuid)
            # An edit (or a deletion: a tombstone is a version too) names the version it
            # replaces; a record the server already holds exactly as it is here needs none.
            changed = acked is not None and (acked.acked_hash, acked.acked_deleted) != (
                digest, deleted)
            # Built here from the laptop's own rows: constructed without a second
            # validation pass (the server validates every item it receives).
            items.append(PushItem.model_construct(
                kind=kind.name, uuid=row.uuid, content_hash=digest, body=body,
                base_hash=acked.acked_hash if acked is not None and changed else None,
                deleted=deleted,
                blobs=list(dict.fromkeys(s for s, _r in kind.blob_shas(row)))))
            markers[row.uuid] = row.updated_at if kind.marker is not None else None
    return Outgoing(items, markers)


def apply_answers(session: Session, kinds: dict[str, SyncKind], store: ContentStore,
                  sent: Outgoing, answers: Sequence[PushResult]) -> AnswerCounts:
    """Record every answer in ``sync_record`` (one upsert per batch) and clear the pending
    flag of acknowledged rows not edited since they were read (one update per kind)."""
    counts = dict.fromkeys(("stored", "unchanged", "conflict", "refused", "files_queued"), 0)
    by_uuid = {answer.uuid: answer for answer in answers}
    now = datetime.now(UTC)
    upserts: list[dict[str, Any]] = []
    acknowledged: dict[str, list[PushItem]] = {}
    for item in sent.items:
        answer = by_uuid.get(item.uuid)
        if answer is None:
            continue  # not answered: still pending, sent again next time
        counts[answer.status.value] += 1
        row: dict[str, Any] = {"uuid": item.uuid, "kind": item.kind, "updated_at": now,
                               "acked_hash": None, "acked_deleted": False, "server_seq": None,
                               "state": OK, "reason": "", "sent_hash": None,
                               "server_hash": None, "acknowledged": False}
        if answer.status in (ItemStatus.STORED, ItemStatus.UNCHANGED):
            row.update(acked_hash=answer.stored_hash, acked_deleted=item.deleted,
                       server_seq=answer.server_seq, acknowledged=True)
            acknowledged.setdefault(item.kind, []).append(item)
        elif answer.status is ItemStatus.CONFLICT:
            row.update(state=CONFLICT, reason=answer.reason or "",
                       sent_hash=item.content_hash, server_hash=answer.stored_hash)
        else:
            row.update(state=QUARANTINED, reason=answer.reason or "refused",
                       sent_hash=item.content_hash)
        upserts.append(row)
    _upsert_records(session, upserts)
    for name, items in acknowledged.items():
        kind = kinds[name]
        _clear_pending(session, kind, [(i.uuid, sent.markers.get(i.uuid)) for i in items])
        if kind.blobs:
            for record in _rows_by_uuid(session, kind, [i.uuid for i in items]):
                counts["files_queued"] += _queue_files(
                    session, kind, store, record, set(by_uuid[record.uuid].missing_blobs))
    session.flush()
    return AnswerCounts(**counts)


def _upsert_records(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert or update ``sync_record`` rows. An acknowledgement replaces the whole
    state; a conflict or refusal keeps the hash last acknowledged (still the base of
    the next edit)."""
    table = Base.metadata.tables[SyncRecord.__tablename__]
    for acknowledged in (True, False):
        chosen = [{k: v for k, v in r.items() if k != "acknowledged"}
                  for r in rows if r["acknowledged"] is acknowledged]
        if not chosen:
            continue
        statement = sqlite_insert(table).values(attempts=1)
        keep = {"acked_hash", "acked_deleted", "server_seq"} if not acknowledged else set()
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.uuid],
            set_={**{name: statement.excluded[name] for name in chosen[0]
                     if name not in keep | {"uuid"}},
                  "attempts": table.c.attempts + 1})
        session.execute(statement, chosen)


def _clear_pending(session: Session, kind: SyncKind,
                   acknowledged: list[tuple[str, datetime | None]]) -> None:
    table = Base.metadata.tables[kind.model.__tablename__]
    if kind.marker is None:
        statement = update(table).where(table.c.uuid == bindparam("b_uuid"))
        session.execute(statement.values(pending=False),
                        [{"b_uuid": uuid} for uuid, _m in acknowledged])
        return
    statement = update(table).where(table.c.uuid == bindparam("b_uuid"),
                                    table.c.updated_at == bindparam("b_marker"))
    # Keep the marker as it was: clearing the flag is not an edit.
    session.execute(statement.values(pending=False, updated_at=bindparam("b_marker")),
                    [{"b_uuid": uuid, "b_marker": marker} for uuid, marker in acknowledged])


def _by_kind(keys: Sequence[PendingKey]) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for key in keys:
        grouped.setdefault(key.kind, []).append(key.row_id)
    return grouped


def _rows(session: Session, kind: SyncKind, row_ids: Sequence[int]) -> list[Any]:
    """The columns the kind reads, as plain rows, in the order of ``row_ids``."""
    rows: list[Any] = []
    for start in range(0, len(row_ids), 500):
        rows.extend(session.execute(select(*kind.read_columns).where(
            kind.key.in_(row_ids[start:start + 500]))))
    order = {row_id: index for index, row_id in enumerate(row_ids)}
    key_name = kind.key.key
    return sorted(rows, key=lambda row: order[getattr(row, key_name)])


def _rows_by_uuid(session: Session, kind: SyncKind, uuids: Sequence[str]) -> list[Any]:
    model: Any = kind.model
    rows: list[Any] = []
    for start in range(0, len(uuids), 500):
        rows.extend(session.scalars(select(model).where(model.uuid.in_(uuids[start:start + 500]))))
    return rows


def _known(session: Session, uuids: Sequence[str]) -> dict[str, SyncRecord]:
    found: dict[str, SyncRecord] = {}
    for start in range(0, len(uuids), 500):
        found.update((r.uuid, r) for r in session.scalars(
            select(SyncRecord).where(SyncRecord.uuid.in_(uuids[start:start + 500]))))
    return found


def _queue_files(session: Session, kind: SyncKind, store: ContentStore, row: Any,
                 missing: set[str]) -> int:
    """Queue the declared files the server lacks; mark the others verified."""
    queued = 0
    for sha, role in kind.blob_shas(row):
        upload = session.get(BlobUpload, sha)
        if upload is None:
            local = store.has(sha)
            upload = BlobUpload(sha256=sha, role=role, record_uuid=row.uuid,
                                size=store.size(sha) if local else 0, state="queued",
                                confirmed_offset=0, wire_bytes=0, attempts=0, reason="")
            if not local:
                upload.state, upload.reason = QUARANTINED, "the file is missing on this laptop"
            session.add(upload)
            queued += 1
        if sha not in missing and upload.state != "verified":
            upload.state, upload.verified_at = "verified", datetime.now(UTC)
    return queued


def retry(session: Session, uuid: str) -> bool:
    """Put a quarantined record back in the queue (the user asked to try again)."""
    known = session.get(SyncRecord, uuid)
    if known is None or known.state != QUARANTINED:
        return False
    known.state, known.reason = OK, ""
    return True


def keep_local(session: Session, uuid: str) -> bool:
    """Resolve a conflict by sending the laptop's version as an edit of the server's."""
    known = session.get(SyncRecord, uuid)
    if known is None or known.state != CONFLICT or known.server_hash is None:
        return False
    known.acked_hash, known.state, known.reason = known.server_hash, OK, ""
    return True


def problems(session: Session) -> list[ProblemView]:
    rows = session.scalars(select(SyncRecord).where(
        SyncRecord.state.in_((QUARANTINED, CONFLICT))).order_by(SyncRecord.updated_at))
    return [ProblemView(r.uuid, r.kind, r.state, r.reason, r.sent_hash, r.server_hash,
                        r.attempts, r.updated_at) for r in rows]
