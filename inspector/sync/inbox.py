"""The downstream side in the database: applying feed pages, cursors, local digests.

Contract (functions of a session, each page in the caller's one transaction):
- :func:`apply_page` applies every item of a page and advances the feed's cursor in the
  same transaction, so a crash leaves either the whole page applied or none of it. A
  record the laptop has edited and not yet sent is not overwritten: the server's
  version is recorded as a conflict beside it. An item naming a record that is not
  here is set aside (quarantined, with the reason); the sanity check's resync brings
  it back. A new record that cannot join what the laptop holds (:data:`ARRIVAL_CHECKS`:
  a custody event whose place in its chain this laptop's own event holds) is not
  written: the laptop's record stays, and the arrival is recorded as a conflict with
  the platform's hash acknowledged (the laptop knows the platform holds it, so the
  sanity check agrees and the conflict waits in the sync panel without a resync).
- :func:`local_states` computes, per kind, the count and digest of what the laptop
  believes the server holds, the same way the server computes :class:`KindState`.
- :func:`forget_unseen` ends a scoped resync: records the server no longer shows are
  queued again (the laptop's own) or tombstoned (records that left the user's scope).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.db.models import SyncCursor, SyncRecord
from inspector.sync.custody_arrivals import custody_clash
from inspector.sync.kinds import MissingReferenceError, SyncKind, body_hash
from inspector.sync.outbox import CONFLICT, OK, QUARANTINED
from inspector.sync.protocol import FeedItem, FeedPage, KindState

# Per kind: why a record the laptop does not hold yet cannot be written beside what it
# holds (its column values in, a reason or None out). Append-only facts that must not
# collide (one custody event per place in a chain) are checked here, before the insert.
ARRIVAL_CHECKS: Mapping[str, Callable[[Session, Mapping[str, Any]], str | None]] = {
    "custody_event": custody_clash,
}


@dataclass(frozen=True)
class PageCounts:
    applied: int = 0
    unchanged: int = 0
    conflicts: int = 0
    set_aside: int = 0
    unknown_kind: int = 0


def cursor(session: Session, feed: str) -> int:
    row = session.get(SyncCursor, feed)
    return row.cursor if row is not None else 0


def set_cursor(session: Session, feed: str, value: int) -> None:
    row = session.get(SyncCursor, feed)
    if row is None:
        session.add(SyncCursor(feed=feed, cursor=value))
    else:
        row.cursor = value


def apply_page(session: Session, kinds: Mapping[str, SyncKind], page: FeedPage) -> PageCounts:
    counts = dict.fromkeys(("applied", "unchanged", "conflicts", "set_aside", "unknown_kind"), 0)
    # A record edited after others that reference it comes later in the feed (a plan
    # released after its draw): apply a page's kinds in dependency order.
    order = {name: index for index, name in enumerate(kinds)}
    for item in sorted(page.items, key=lambda i: order.get(i.kind, len(order))):
        kind = kinds.get(item.kind)
        if kind is None or kind.feed != page.feed:
            counts["unknown_kind"] += 1  # a kind of a newer server: a newer client takes it
            continue
        counts[_apply_item(session, kind, item)] += 1
    set_cursor(session, page.feed, page.next_cursor)
    session.flush()
    return PageCounts(**counts)


def _apply_item(session: Session, kind: SyncKind, item: FeedItem) -> str:
    model: Any = kind.model
    row: Any = session.scalar(select(model).where(model.uuid == item.uuid))
    known = session.get(SyncRecord, item.uuid)
    if known is None:
        known = SyncRecord(uuid=item.uuid, kind=kind.name, state=OK, reason="", attempts=0)
        session.add(known)
    if row is not None and row.pending:
        local_hash = body_hash(kind.body(session, row))
        if local_hash != item.content_hash:
            # Not sent yet, and the server holds another version: keep both in view.
            known.state, known.reason = CONFLICT, "changed on the platform while edited here"
            known.sent_hash, known.server_hash = local_hash, item.content_hash
            return "conflicts"
        row.pending = False
    try:
        values = kind.values(session, item.body)
        if kind.extension is not None:
            kind.extension.check(session, item.body)
    except (MissingReferenceError, ValueError, KeyError) as exc:
        known.state, known.reason = QUARANTINED, f"not applied: {exc}"
        known.server_hash = item.content_hash
        return "set_aside"
    arrival_check = ARRIVAL_CHECKS.get(kind.name)
    clash = arrival_check(session, values) if row is None and arrival_check else None
    if clash is not None:
        # Not written, but known: the laptop knows what the platform holds (its digests
        # agree, no resync each run); the conflict stays in view until a person settles it.
        known.state, known.reason = CONFLICT, clash
        known.sent_hash, known.server_hash = None, item.content_hash
        known.acked_hash, known.acked_deleted, known.server_seq = (
            item.content_hash, item.deleted, item.server_seq)
        return "conflicts"
    outcome = "applied"
    if row is None:
        row = model(uuid=item.uuid, pending=False, **values)
        session.add(row)
    elif known.acked_hash == item.content_hash and known.acked_deleted == item.deleted:
        outcome = "unchanged"
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.pending = False
    if kind.extension is not None:
        session.flush()  # the row needs its id
        kind.extension.apply(session, row, item.body)
    if kind.tombstones:
        if item.deleted and row.deleted_at is None:
            row.deleted_at = datetime.now(UTC)
        elif not item.deleted:
            row.deleted_at = None
    known.acked_hash, known.acked_deleted, known.server_seq = (
        item.content_hash, item.deleted, item.server_seq)
    known.state, known.reason, known.sent_hash, known.server_hash = OK, "", None, None
    return outcome


def local_states(session: Session, kinds: Iterable[SyncKind]) -> dict[str, KindState]:
    states = {}
    for kind in kinds:
        rows = session.execute(
            select(SyncRecord.uuid, SyncRecord.acked_hash, SyncRecord.acked_deleted)
            .where(SyncRecord.kind == kind.name, SyncRecord.acked_hash.is_not(None))
            .order_by(SyncRecord.uuid)).all()
        lines = "\n".join(f"{u} {h} {1 if d else 0}" for u, h, d in rows)
        states[kind.name] = KindState(kind=kind.name, count=len(rows),
                                      digest=hashlib.sha256(lines.encode()).hexdigest())
    return states


def forget_unseen(session: Session, kinds: Iterable[SyncKind], seen: set[str]) -> int:
    """After a full re-read of a feed: settle the records it no longer carries."""
    settled = 0
    for kind in kinds:
        model: Any = kind.model
        stale = session.scalars(select(SyncRecord).where(
            SyncRecord.kind == kind.name, SyncRecord.acked_hash.is_not(None))).all()
        for known in stale:
            if known.uuid in seen:
                continue
            row: Any = session.scalar(select(model).where(model.uuid == known.uuid))
            if row is not None:
                if kind.upstream:
                    row.pending = True  # the server lacks it: send it again
                elif kind.tombstones and row.deleted_at is None:
                    row.deleted_at = datetime.now(UTC)
            session.delete(known)
            settled += 1
    session.flush()
    return settled
