"""Declared conflicts (回避), before a draw and after it.

Contract: :func:`declare_recusal` records a conflict before a draw; the draw then keeps
that pair apart. After a draw, a team never changes by hand: :func:`redraw_after_recusal`
records the conflict and, in the same transaction, a redraw of that one team
(``hash-rank-v1-redraw``, ``docs/draw.md``) that anyone can verify from the protocol and
the earlier redraws, the task's new team (pending for sync once released), and an
audit event carrying the record's SHA-256.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from inspector.core.audit_chain import canonical_json
from inspector.core.draw import DrawError, redraw_document, redraw_team
from inspector.core.lifecycles import TaskRole, TaskStatus
from inspector.core.roles import Actor
from inspector.core.text import LocalText
from inspector.db.models import (
    DrawProtocol,
    DrawRedraw,
    Inspector,
    MarketEntity,
    Recusal,
    Task,
    TaskInspector,
)
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.planning import PlanningError, plan_row
from inspector.services.store import Store


def declare_recusal(store: Store, actor: Actor, *, staff_id: str, entity_key: str,
                    reason: str, today: date) -> Outcome[None]:
    """Record a declared conflict before a draw (a drawn team changes only by a redraw)."""
    with store.write() as session:
        row = _recusal_row(session, staff_id, entity_key, reason, today)
        session.flush()
        append_event(session, actor=actor, device_id=store.device_id,
                     action="recusal.declared", object_kind="recusal", object_id=row.uuid,
                     payload={"inspector": staff_id, "entity": entity_key,
                              "reason": row.reason})
    return Outcome(None, frozenset({Topic.PLANS, Topic.AUDIT}))


def _recusal_row(session: Session, staff_id: str, entity_key: str, reason: str,
                 today: date) -> Recusal:
    if not reason.strip():
        raise PlanningError(LocalText("回避须写明理由", "a recusal needs its reason"))
    inspector = session.scalar(select(Inspector).where(Inspector.staff_id == staff_id))
    entity = session.scalar(select(MarketEntity).where(MarketEntity.identifier == entity_key))
    if inspector is None:
        raise PlanningError(LocalText(f"人员名录中没有 {staff_id}",
                                      f"no inspector {staff_id} in the directory"))
    if entity is None:
        raise PlanningError(LocalText(f"对象名录中没有 {entity_key}",
                                      f"no entity {entity_key} in the directory"))
    row = session.scalar(select(Recusal).where(Recusal.inspector_id == inspector.id,
                                               Recusal.entity_id == entity.id))
    if row is None:
        row = Recusal(inspector_id=inspector.id, entity_id=entity.id)
        session.add(row)
    row.reason, row.declared_on, row.deleted_at, row.pending = reason.strip(), today, None, True
    session.flush()
    return row


# -- a recorded redraw after a recusal ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class RedrawOutcome:
    entity_key: str
    previous_team: tuple[str, ...]
    team: tuple[str, ...]
    sha256: str
    sequence: int


def redraw_after_recusal(store: Store, actor: Actor, *, plan_code: str, staff_id: str,
                         entity_key: str, reason: str,
                         now: datetime | None = None) -> Outcome[RedrawOutcome]:
    """Record the recusal and redraw that one entity's team (never a hand edit).

    In one transaction: the recusal, the redraw record (``docs/draw.md``, verifiable
    from the protocol and the earlier redraws), the task's new team (pending for sync
    once released) and an audit event carrying the record's SHA-256. The inspector must
    be on the entity's current team; otherwise there is nothing to redraw.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with store.write() as session:
        plan = plan_row(session, plan_code)
        protocol_row = session.scalar(select(DrawProtocol).where(
            DrawProtocol.plan_id == plan.id))
        if protocol_row is None:
            raise PlanningError(LocalText(f"计划 {plan_code} 尚未抽取",
                                          f"plan {plan_code} is not drawn"))
        protocol = json.loads(protocol_row.document)
        earlier_rows = session.scalars(select(DrawRedraw).where(
            DrawRedraw.protocol_id == protocol_row.id).order_by(DrawRedraw.sequence)).all()
        earlier = [json.loads(r.document) for r in earlier_rows]
        current = {str(s["key"]): [str(k) for k in s["team"]] for s in protocol["selected"]}
        for record in earlier:
            current[str(record["entity"])] = [str(k) for k in record["team"]]
        if staff_id not in current.get(entity_key, []):
            raise PlanningError(LocalText(
                f"{staff_id} 不在 {entity_key} 的检查组中，无需重新抽取",
                f"{staff_id} is not on the team for {entity_key}: there is nothing to redraw"))
        declare = _recusal_row(session, staff_id, entity_key, reason, moment.date())
        conflicts: dict[str, list[str]] = {}
        for record in earlier:
            conflicts.setdefault(str(record["recusal"]["inspector"]), []).append(
                str(record["entity"]))
        conflicts.setdefault(staff_id, []).append(entity_key)
        try:
            made = redraw_team(protocol, entity_key, conflicts, earlier=earlier)
        except DrawError as exc:
            raise PlanningError(LocalText(f"无法为 {entity_key} 重新抽取检查组：{exc}",
                                          f"cannot redraw the team for {entity_key}: {exc}")
                                ) from None
        document = redraw_document(protocol, made, inspector=staff_id, reason=declare.reason,
                                   drawn_at=moment.isoformat(timespec="seconds"),
                                   operator=actor.name, earlier=earlier)
        row = DrawRedraw(protocol_id=protocol_row.id, sequence=document["sequence"],
                         entity_id=declare.entity_id, sha256=document["sha256"],
                         drawn_at=moment, operator=actor.name,
                         document=canonical_json(document))
        session.add(row)
        session.flush()
        _set_team(session, protocol_row.id, declare.entity_id, made.team)
        append_event(session, actor=actor, device_id=store.device_id, action="draw.redrawn",
                     object_kind="draw_redraw", object_id=row.uuid,
                     payload={"plan": plan_code, "entity": entity_key, "recused": staff_id,
                              "previous_team": list(made.previous_team),
                              "team": list(made.team), "sha256": row.sha256})
        outcome = RedrawOutcome(entity_key, made.previous_team, made.team, row.sha256,
                                row.sequence)
    return Outcome(outcome, frozenset({Topic.PLANS, Topic.TASKS, Topic.AUDIT}))


def protocol_redraws(store: Store, code: str) -> tuple[str, ...]:
    """The redraw records of a plan's draw (canonical JSON), in order."""
    with store.read() as session:
        plan = plan_row(session, code)
        return tuple(session.scalars(
            select(DrawRedraw.document).join(DrawProtocol,
                                             DrawProtocol.id == DrawRedraw.protocol_id)
            .where(DrawProtocol.plan_id == plan.id).order_by(DrawRedraw.sequence)))


def _set_team(session: Session, protocol_id: int, entity_id: int,
              team: Sequence[str]) -> None:
    task = session.scalar(select(Task).where(Task.protocol_id == protocol_id,
                                             Task.entity_id == entity_id,
                                             Task.deleted_at.is_(None)))
    if task is None:
        return
    ids = dict(session.execute(select(Inspector.staff_id, Inspector.id).where(
        Inspector.staff_id.in_(list(team)))).all())
    session.execute(delete(TaskInspector).where(TaskInspector.task_id == task.id))
    session.add_all(TaskInspector(task_id=task.id, inspector_id=ids[staff_id],
                                  role=TaskRole.LEAD if position == 0 else TaskRole.ASSIST)
                    for position, staff_id in enumerate(team))
    task.updated_at = datetime.now(UTC)
    # A released task goes to its new team on the next sync; a proposed one stays here.
    task.pending = task.status != TaskStatus.PROPOSED
