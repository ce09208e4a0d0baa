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

from sqlalchemy import select
from sqlalchemy.orm import Session

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


def build_items(session: Session, kinds: dict[str, SyncKind],
                keys: Sequence[PendingKey]) -> list[PushItem]:
    """Protocol items for ``keys`` (a few queries per kind, not several per row)."""
    items = []
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
            items.append(PushItem(
                kind=kind.name, uuid=row.uuid, content_hash=digest, body=body,
                base_hash=acked.acked_hash if acked is not None and changed else None,
                deleted=deleted,
                blobs=list(dict.fromkeys(s for s, _r in kind.blob_shas(row)))))
    return items


def apply_answers(session: Session, kinds: dict[str, SyncKind], store: ContentStore,
                  sent: Sequence[PushItem], answers: Sequence[PushResult]) -> AnswerCounts:
    counts = dict.fromkeys(("stored", "unchanged", "conflict", "refused", "files_queued"), 0)
    by_uuid = {answer.uuid: answer for answer in answers}
    known = _known(session, [item.uuid for item in sent])
    acknowledged: dict[str, list[PushItem]] = {}
    for item in sent:
        answer = by_uuid.get(item.uuid)
        if answer is None:
            continue  # not answered: still pending, sent again next time
        record = known.get(item.uuid)
        if record is None:
            record = SyncRecord(uuid=item.uuid, kind=item.kind, attempts=0, state=OK, reason="")
            session.add(record)
        record.attempts += 1
        counts[answer.status.value] += 1
        if answer.status in (ItemStatus.STORED, ItemStatus.UNCHANGED):
            record.acked_hash, record.acked_deleted = answer.stored_hash, item.deleted
            record.server_seq, record.state, record.reason = answer.server_seq, OK, ""
            record.sent_hash = record.server_hash = None
            acknowledged.setdefault(item.kind, []).append(item)
        elif answer.status is ItemStatus.CONFLICT:
            record.state, record.reason = CONFLICT, answer.reason or ""
            record.sent_hash, record.server_hash = item.content_hash, answer.stored_hash
        else:
            record.state, record.reason = QUARANTINED, answer.reason or "refused"
            record.sent_hash = item.content_hash
    for name, items in acknowledged.items():
        counts["files_queued"] += _settle_acknowledged(session, kinds[name], store, items,
                                                       by_uuid)
    session.flush()
    return AnswerCounts(**counts)


def _by_kind(keys: Sequence[PendingKey]) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for key in keys:
        grouped.setdefault(key.kind, []).append(key.row_id)
    return grouped


def _rows(session: Session, kind: SyncKind, row_ids: Sequence[int]) -> list[Any]:
    model: Any = kind.model
    rows: list[Any] = []
    for start in range(0, len(row_ids), 500):
        rows.extend(session.scalars(select(model).where(
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


def _settle_acknowledged(session: Session, kind: SyncKind, store: ContentStore,
                         items: Sequence[PushItem], answers: dict[str, PushResult]) -> int:
    """Clear the pending flag of rows that still hash to what was acknowledged (an edit
    made during the push goes out next time), and queue the files the server lacks."""
    sent = {item.uuid: item for item in items}
    rows = _rows_by_uuid(session, kind, list(sent))
    queued = 0
    for row, body in zip(rows, kind.bodies(session, rows), strict=True):
        item = sent[row.uuid]
        if body_hash(body) == item.content_hash and kind.deleted(row) == item.deleted:
            row.pending = False
        queued += _queue_files(session, kind, store, row,
                               set(answers[row.uuid].missing_blobs))
    return queued


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
