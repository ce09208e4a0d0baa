"""What an ad-hoc task (临时任务) is made of: the inspectors to choose and the entities to find.

Contract: reading only; each function opens its own read transaction on the calling
(DB) thread and returns frozen views. :func:`active_inspectors` lists the active
inspectors of the directory with their 执法证 (number and validity, which may be
missing), those whose certificate lets them inspect on ``today`` first, then by unit
and staff id. :func:`find_entities` finds live entities whose name, 信用代码 or address
contains every word of ``text`` (case-insensitive; ``%`` and ``_`` are plain
characters), an exact 信用代码 first, then by name, at most ``limit`` of them; each
says whether it already has an open task (the service refuses a second one). Blank
text finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, exists, or_, select

from inspector.core.directory import CertificateState, certificate_state
from inspector.db.models import Inspector, MarketEntity, Task
from inspector.services.ad_hoc_tasks import OPEN_STATUSES
from inspector.services.store import Store

MATCH_LIMIT = 50


@dataclass(frozen=True, slots=True)
class AdHocInspector:
    """An active inspector as the ad-hoc task dialog offers them."""

    staff_id: str
    name: str
    unit: str
    cert_number: str  # "" when none is on record
    cert_valid_from: date | None
    cert_valid_to: date | None


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """A live entity found by the dialog's search."""

    identifier: str  # 信用代码 (or the legacy 注册号)
    name: str
    address: str
    open_task: bool  # already has a task proposed, assigned or in progress


def active_inspectors(store: Store, today: date) -> tuple[AdHocInspector, ...]:
    with store.read() as session:
        rows = session.execute(
            select(Inspector.staff_id, Inspector.name, Inspector.unit, Inspector.cert_number,
                   Inspector.cert_valid_from, Inspector.cert_valid_to)
            .where(Inspector.active.is_(True), Inspector.deleted_at.is_(None))).all()
    people = [AdHocInspector(*row) for row in rows]
    return tuple(sorted(people, key=lambda p: (not _valid(p, today), p.unit, p.staff_id)))


def find_entities(store: Store, text: str, limit: int = MATCH_LIMIT) -> tuple[EntityMatch, ...]:
    words = text.split()
    if not words:
        return ()
    open_task = exists().where(Task.entity_id == MarketEntity.id,
                               Task.status.in_(OPEN_STATUSES), Task.deleted_at.is_(None))
    exact = MarketEntity.identifier == text.strip().upper()
    with store.read() as session:
        rows = session.execute(
            select(MarketEntity.identifier, MarketEntity.name, MarketEntity.address,
                   open_task)
            .where(MarketEntity.deleted_at.is_(None), *(_contains(w) for w in words))
            .order_by(exact.desc(), MarketEntity.name, MarketEntity.identifier)
            .limit(limit)).all()
    return tuple(EntityMatch(identifier, name, address, bool(busy))
                 for identifier, name, address, busy in rows)


def _contains(word: str) -> ColumnElement[bool]:
    pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(*(column.ilike(pattern, escape="\\") for column in (
        MarketEntity.name, MarketEntity.identifier, MarketEntity.address)))


def _valid(person: AdHocInspector, today: date) -> bool:
    return certificate_state(person.cert_number, person.cert_valid_from,
                             person.cert_valid_to, today) is CertificateState.VALID

