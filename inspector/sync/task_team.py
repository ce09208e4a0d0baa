"""A task's team on the wire: ``inspectors``, the staff ids of its team, lead first.

Contract: :data:`TASK_TEAM` is the :class:`~inspector.sync.kinds.BodyExtension` of the
``task`` kind. Staff ids (not laptop ids or UUIDs) travel because the platform decides
who sees a task from them, and because they are what a team lead reads. Applying a
task replaces its team with the one in the body; a staff id this laptop's directory
does not hold sets the task aside (quarantined) with nothing written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from inspector.core.lifecycles import TaskRole
from inspector.db.models import Inspector, TaskInspector
from inspector.sync.kinds import MissingReferenceError


class TaskTeam:
    field = "inspectors"

    def check(self, session: Session, body: Mapping[str, Any]) -> None:
        self._inspector_ids(session, body)

    def add(self, session: Session, rows: Sequence[Any], bodies: list[dict[str, Any]]
            ) -> None:
        teams: dict[int, list[str]] = {}
        task_ids = sorted({row.id for row in rows})
        for start in range(0, len(task_ids), 500):
            for task_id, staff_id in session.execute(
                    select(TaskInspector.task_id, Inspector.staff_id)
                    .join(Inspector, Inspector.id == TaskInspector.inspector_id)
                    .where(TaskInspector.task_id.in_(task_ids[start:start + 500]))
                    .order_by(TaskInspector.task_id, TaskInspector.role.desc(),
                              TaskInspector.id)):
                teams.setdefault(task_id, []).append(staff_id)
        for row, body in zip(rows, bodies, strict=True):
            body[self.field] = teams.get(row.id, [])

    def apply(self, session: Session, row: Any, body: Mapping[str, Any]) -> None:
        inspector_ids = self._inspector_ids(session, body)
        session.execute(delete(TaskInspector).where(TaskInspector.task_id == row.id))
        session.add_all(TaskInspector(task_id=row.id, inspector_id=inspector_id,
                                      role=TaskRole.LEAD if position == 0 else TaskRole.ASSIST)
                        for position, inspector_id in enumerate(inspector_ids))

    def _inspector_ids(self, session: Session, body: Mapping[str, Any]) -> list[int]:
        staff_ids = [str(s) for s in body.get(self.field) or []]
        found = dict(session.execute(select(Inspector.staff_id, Inspector.id).where(
            Inspector.staff_id.in_(staff_ids))).all())
        for staff_id in staff_ids:
            if staff_id not in found:
                raise MissingReferenceError("task", self.field, staff_id)
        return [found[staff_id] for staff_id in staff_ids]


TASK_TEAM = TaskTeam()
