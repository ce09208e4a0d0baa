"""Table models of the plans screen: the plans, a drawn plan's tasks, and unstaffed entities.

Contract: main thread. Each is a :class:`SnapshotTableModel` with named columns over
frozen views loaded by ops (:mod:`inspector.ui.planning_ops`); statuses and the draw's
reasons are worded in the model's language when asked for.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from inspector.core.divisions import DivisionTable
from inspector.core.lifecycles import PlanStatus, TaskStatus
from inspector.core.text import Lang
from inspector.services.planning import PlanView, TaskView
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel

SHORT_HASH = 12
ROW_HEIGHT = 24
_PROPOSED_BRUSH = QBrush(QColor("#fff4d6"))
_RELEASED_BRUSH = QBrush(QColor("#e3f1e4"))
_SHORT_OF_INSPECTORS = re.compile(
    r"only (\d+) eligible inspector\(s\) not recused and under the capacity of (\d+); "
    r"a team needs (\d+)")


class PlanTableModel(SnapshotTableModel[PlanView]):
    """Plans: code, title, status, window, due date, tasks and the draw's SHA-256."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[PlanView]] = [
            Column(lambda: self.tr("Code"), lambda p, _l: p.code),
            Column(lambda: self.tr("Title"), lambda p, _l: p.title),
            Column(lambda: self.tr("Status"), lambda p, _l: self.status_text(p.status),
                   background=lambda p: _RELEASED_BRUSH if p.status is PlanStatus.RELEASED
                   else _PROPOSED_BRUSH if p.status is PlanStatus.DRAWN else None),
            Column(lambda: self.tr("Window"), lambda p, _l: _window(p)),
            Column(lambda: self.tr("Due date"),
                   lambda p, _l: p.due_date.isoformat() if p.due_date else "—"),
            Column(lambda: self.tr("Tasks"), lambda p, _l: self.tasks_text(p),
                   sort_key=lambda p: p.proposed + p.released, align_right=True),
            Column(lambda: self.tr("Draw SHA-256"),
                   lambda p, _l: p.protocol_sha256[:SHORT_HASH] or "—",
                   tooltip=lambda p, _l: p.protocol_sha256 or "—"),
        ]
        super().__init__(columns, lang, parent)

    def status_text(self, status: PlanStatus) -> str:
        return {
            PlanStatus.DRAFT: self.tr("draft"),
            PlanStatus.SAVED: self.tr("saved"),
            PlanStatus.DRAWN: self.tr("drawn, not released"),
            PlanStatus.RELEASED: self.tr("released"),
            PlanStatus.CLOSED: self.tr("closed"),
        }[status]

    def tasks_text(self, plan: PlanView) -> str:
        if plan.proposed and plan.released:
            return self.tr("%1 released, %2 waiting").replace(
                "%1", str(plan.released)).replace("%2", str(plan.proposed))
        if plan.proposed:
            return self.tr("%1 waiting").replace("%1", str(plan.proposed))
        return str(plan.released) if plan.released else "—"


class TaskTableModel(SnapshotTableModel[TaskView]):
    """A drawn plan's tasks: entity, name, region, lead, assisting, status, due date."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.divisions: DivisionTable | None = None  # known once the workspace is open

        def region_name(task: TaskView, _lang: Lang) -> str:
            division = self.divisions.get(task.region_code) if self.divisions else None
            return division.name if division else task.region_code

        def region_full_name(task: TaskView, _lang: Lang) -> str:
            full = self.divisions.full_name(task.region_code) if self.divisions else None
            return full or task.region_code

        columns: list[Column[TaskView]] = [
            Column(lambda: self.tr("Credit code"), lambda t, _l: t.entity_key),
            Column(lambda: self.tr("Name"), lambda t, _l: t.entity_name),
            Column(lambda: self.tr("Region"), region_name, tooltip=region_full_name),
            Column(lambda: self.tr("Lead inspector"),
                   lambda t, _l: t.team[0] if t.team else "—"),
            Column(lambda: self.tr("Assisting"), lambda t, _l: "、".join(t.team[1:]) or "—"),
            Column(lambda: self.tr("Status"), lambda t, _l: self.status_text(t.status),
                   background=lambda t: _PROPOSED_BRUSH if t.status is TaskStatus.PROPOSED
                   else _RELEASED_BRUSH if t.status is TaskStatus.ASSIGNED else None),
            Column(lambda: self.tr("Due date"),
                   lambda t, _l: t.due_date.isoformat() if t.due_date else "—"),
        ]
        super().__init__(columns, lang, parent)

    def status_text(self, status: TaskStatus) -> str:
        return {
            TaskStatus.PROPOSED: self.tr("drawn, waiting for release"),
            TaskStatus.ASSIGNED: self.tr("assigned"),
            TaskStatus.IN_PROGRESS: self.tr("in progress"),
            TaskStatus.COMPLETED: self.tr("completed"),
            TaskStatus.CANCELLED: self.tr("cancelled"),
        }[status]


class UnassignedTableModel(SnapshotTableModel[tuple[str, str]]):
    """Entities the draw selected but could not staff, with the reason."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[tuple[str, str]]] = [
            Column(lambda: self.tr("Credit code"), lambda u, _l: u[0]),
            Column(lambda: self.tr("Why no team"), lambda u, _l: self.reason_text(u[1])),
        ]
        super().__init__(columns, lang, parent)

    def reason_text(self, reason: str) -> str:
        """The draw's (English) reason in the user's language, when it is a known one."""
        found = _SHORT_OF_INSPECTORS.fullmatch(reason)
        if found is None:
            return reason
        text = self.tr("only %1 eligible inspectors are not recused and under the capacity "
                       "of %2 tasks each; a team needs %3")
        for key, value in zip(("%1", "%2", "%3"), found.groups(), strict=True):
            text = text.replace(key, value)
        return text


def team_members(task: TaskView) -> tuple[tuple[str, str], ...]:
    """The task's team as (label, staff id), the lead first.

    :class:`TaskView` words each member as "name (staff id)"; the staff id is what the
    services take.
    """
    members = []
    for label in task.team:
        _name, _open, rest = label.rpartition(" (")
        members.append((label, rest[:-1] if rest.endswith(")") else label))
    return tuple(members)


def _window(plan: PlanView) -> str:
    if plan.window_start is None or plan.window_end is None:
        return "—"
    return f"{plan.window_start.isoformat()} – {plan.window_end.isoformat()}"
