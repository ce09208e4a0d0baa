"""Ad-hoc tasks (临时任务): an inspection not drawn at random, such as one following a
complaint received through the 12315 hotline.

Contract: :func:`create_ad_hoc_task` creates, released at once (it syncs to the team's
laptops), a task for one entity of the directory (by 信用代码) with its reason, its
due date and its team (staff ids, the lead first). Only a team lead or administrator
creates one (the platform accepts tasks only from them). Refused, with the reason in
both languages naming the field or inspector: no reason given (the reason is what
makes a non-random inspection lawful: the complaint's number and matter); a due date
before today; an entity not in the directory, or one that already has an open task
(one inspection at a time); a team that breaks :func:`~.team_rules.check_team` on
today. One transaction with an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from inspector.core.lifecycles import TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import MarketEntity, Task, TaskInspector
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.store import Store
from inspector.services.team_rules import TeamError, check_team

CREATORS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR})
OPEN_STATUSES = (TaskStatus.PROPOSED, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True, slots=True)
class AdHocRequest:
    entity_identifier: str
    reason: str  # e.g. "12315 投诉 No.2026112800123：销售过期食品"
    due_date: date
    team: tuple[str, ...]  # staff ids, the lead first


class TaskCreationError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def create_ad_hoc_task(store: Store, actor: Actor, request: AdHocRequest,
                       now: datetime | None = None) -> Outcome[str]:
    moment = now or datetime.now(UTC)
    today = moment.astimezone(CHINA_TIME).date()
    if actor.role not in CREATORS:
        raise _refuse("只有组长或管理员可以新建临时任务",
                      "only a team lead or administrator creates an ad-hoc task")
    reason = request.reason.strip()
    if not reason:
        raise _refuse("请写明任务来由（如 12315 投诉举报编号及事项）",
                      "give the reason (such as the 12315 complaint's number and matter)")
    if request.due_date < today:
        raise _refuse(f"完成期限 {request.due_date.isoformat()} 早于今天",
                      f"the due date {request.due_date.isoformat()} is before today")
    with store.write() as session:
        identifier = request.entity_identifier.strip().upper()
        entity = session.scalar(select(MarketEntity).where(
            MarketEntity.identifier == identifier, MarketEntity.deleted_at.is_(None)))
        if entity is None:
            raise _refuse(f"名录中没有信用代码为 {identifier} 的检查对象",
                          f"no entity {identifier} in the directory")
        if session.scalar(select(Task.id).where(
                Task.entity_id == entity.id, Task.status.in_(OPEN_STATUSES),
                Task.deleted_at.is_(None))) is not None:
            raise _refuse(f"{entity.name} 已有未完成的检查任务",
                          f"{entity.name} already has an open task")
        try:
            team = check_team(session, entity, request.team, today)
        except TeamError as exc:
            raise TaskCreationError(exc.text) from exc
        task = Task(entity_id=entity.id, source=TaskSource.AD_HOC, reason=reason,
                    status=TaskStatus.ASSIGNED, due_date=request.due_date,
                    window_start=today, window_end=request.due_date, check_items=[],
                    released_at=moment, pending=True)
        session.add(task)
        session.flush()
        session.add_all([TaskInspector(task_id=task.id, inspector_id=person.id,
                                       role=TaskRole.LEAD if n == 0 else TaskRole.ASSIST)
                         for n, person in enumerate(team)])
        append_event(session, actor=actor, device_id=store.device_id,
                     action="task.created_ad_hoc", object_kind="task", object_id=task.uuid,
                     payload={"entity": entity.identifier, "reason": reason,
                              "due_date": request.due_date.isoformat(),
                              "team": [p.staff_id for p in team]})
        created = task.uuid
    return Outcome(created, frozenset({Topic.TASKS, Topic.AUDIT}))


def _refuse(zh: str, en: str) -> TaskCreationError:
    return TaskCreationError(LocalText(zh, en))
