"""The inspector's task list: tasks released to the field, with what the day needs.

Contract: :func:`list_field_tasks` returns the tasks that reached the field (assigned,
in progress, and those completed in the last 30 days), optionally only those whose team
includes ``staff_id``, each with its entity's details, its team (name, staff id, role,
certificate validity), its window and due date, whether it is overdue on ``today``
(open past its due date), the inspection under way (and its draft) if any, and how many
finalized inspections the entity already has. Open tasks come first by due date, then
completed ones, newest first. :func:`entity_history` lists an entity's finalized
inspections, newest first, with their result and record hash. :func:`entity_fields_for`
gives the entity's fields that checklist conditions read (``entity.x``), as finalizing
reads them, so the form shows and hides items as the record will; empty for an unknown
entity. Read-only; frozen views.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import InspectionStatus, TaskRole, TaskSource, TaskStatus
from inspector.db.models import (
    Inspection,
    Inspector,
    MarketEntity,
    Task,
    TaskInspector,
    WorkspaceSetting,
)
from inspector.forms.expressions import Value
from inspector.services.inspections import entity_fields
from inspector.services.store import Store
from inspector.services.sync_session import STAFF_KEY

RECENT_DAYS = 30
FIELD_STATUSES = (TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS, TaskStatus.COMPLETED)


@dataclass(frozen=True, slots=True)
class TeamMember:
    staff_id: str
    name: str
    role: TaskRole
    cert_number: str
    cert_valid_to: date | None


@dataclass(frozen=True, slots=True)
class FieldTaskView:
    uuid: str
    status: TaskStatus
    source: TaskSource
    reason: str
    due_date: date | None
    window_start: date | None
    window_end: date | None
    overdue: bool
    check_items: tuple[str, ...]  # "code title"
    entity_uuid: str
    entity_key: str  # 统一社会信用代码
    entity_name: str
    address: str
    entity_type: str
    risk_class: str
    region_code: str
    legal_representative: str
    team: tuple[TeamMember, ...]  # the lead first
    inspection_uuid: str | None  # the inspection under way
    draft_uuid: str | None
    past_inspections: int


@dataclass(frozen=True, slots=True)
class PastInspection:
    uuid: str
    finalized_at: datetime | None
    result_codes: tuple[str, ...]
    content_hash: str
    revision: bool  # it corrects an earlier record
    superseded: bool  # a later record corrects it (finalized, or a correction under way)


def list_field_tasks(store: Store, today: date, staff_id: str | None = None
                     ) -> tuple[FieldTaskView, ...]:
    with store.read() as session:
        query = (select(Task, MarketEntity).join(MarketEntity, MarketEntity.id == Task.entity_id)
                 .where(Task.status.in_(FIELD_STATUSES), Task.deleted_at.is_(None)))
        if staff_id is not None:
            query = query.where(Task.id.in_(
                select(TaskInspector.task_id).join(
                    Inspector, Inspector.id == TaskInspector.inspector_id)
                .where(Inspector.staff_id == staff_id)))
        rows = session.execute(query).all()
        teams = _teams(session, [task.id for task, _entity in rows])
        under_way = {task_id: (uuid, draft) for task_id, uuid, draft in session.execute(
            select(Inspection.task_id, Inspection.uuid, Inspection.draft_uuid)
            .where(Inspection.status == InspectionStatus.DRAFT))}
        history = dict(session.execute(
            select(Inspection.entity_id, func.count())
            .where(Inspection.status == InspectionStatus.FINALIZED)
            .group_by(Inspection.entity_id)).all())
        recent = today - timedelta(days=RECENT_DAYS)
        views = []
        for task, entity in rows:
            if task.status is TaskStatus.COMPLETED and (task.updated_at.date() < recent):
                continue
            open_task = task.status is not TaskStatus.COMPLETED
            inspection, draft = under_way.get(task.id, (None, None))
            views.append(FieldTaskView(
                task.uuid, task.status, task.source, task.reason, task.due_date,
                task.window_start, task.window_end,
                open_task and task.due_date is not None and task.due_date < today,
                tuple(f"{c.get('code', '')} {c.get('title', '')}".strip()
                      for c in task.check_items),
                entity.uuid, entity.identifier, entity.name, entity.address,
                entity.entity_type.value, entity.risk_class.value if entity.risk_class else "",
                entity.region_code, entity.legal_representative,
                tuple(teams.get(task.id, ())), inspection, draft,
                int(history.get(entity.id, 0))))
        views.sort(key=lambda v: (v.status is TaskStatus.COMPLETED,
                                  v.due_date or date.max if v.status is not TaskStatus.COMPLETED
                                  else date.max, v.entity_name))
        return tuple(views)


def entity_history(store: Store, entity_uuid: str) -> tuple[PastInspection, ...]:
    with store.read() as session:
        rows = session.execute(
            select(Inspection).join(MarketEntity, MarketEntity.id == Inspection.entity_id)
            .where(MarketEntity.uuid == entity_uuid,
                   Inspection.status == InspectionStatus.FINALIZED)
            .order_by(Inspection.finalized_at.desc())).scalars().all()
        corrected = set(session.scalars(select(Inspection.revision_of_id).where(
            Inspection.revision_of_id.in_([i.id for i in rows]))))
        return tuple(PastInspection(i.uuid, i.finalized_at, tuple(i.result_codes),
                                    i.content_hash, i.revision_of_id is not None,
                                    i.id in corrected)
                     for i in rows)


def signed_in_staff_id(store: Store) -> str:
    """The staff id of the inspector this laptop signed in as ("" before any sign-in)."""
    with store.read() as session:
        setting = session.get(WorkspaceSetting, STAFF_KEY)
        return setting.value if setting is not None else ""


def entity_fields_for(store: Store, entity_uuid: str) -> dict[str, Value]:
    with store.read() as session:
        entity = session.scalar(select(MarketEntity).where(MarketEntity.uuid == entity_uuid))
        return {} if entity is None else entity_fields(entity)


def inspection_team(store: Store, draft_uuid: str) -> tuple[tuple[str, str], ...]:
    """The inspectors present at the inspection whose answers ``draft_uuid`` holds, as
    (staff id, name) in the order they were recorded (the ones who sign its record)."""
    with store.read() as session:
        team = session.scalar(select(Inspection.team).where(
            Inspection.draft_uuid == draft_uuid))
        if not team:
            return ()
        names = {staff: name for staff, name in session.execute(
            select(Inspector.staff_id, Inspector.name).where(Inspector.staff_id.in_(team)))}
        return tuple((staff, names.get(staff, staff)) for staff in team)


def _teams(session: Session, task_ids: list[int]) -> dict[int, list[TeamMember]]:
    teams: dict[int, list[TeamMember]] = {}
    if not task_ids:
        return teams
    for task_id, person, role in session.execute(
            select(TaskInspector.task_id, Inspector, TaskInspector.role)
            .join(Inspector, Inspector.id == TaskInspector.inspector_id)
            .where(TaskInspector.task_id.in_(task_ids))
            .order_by(TaskInspector.task_id, TaskInspector.id)):
        teams.setdefault(task_id, []).append(TeamMember(
            person.staff_id, person.name, role, person.cert_number, person.cert_valid_to))
    for members in teams.values():
        members.sort(key=lambda m: m.role is not TaskRole.LEAD)
    return teams
