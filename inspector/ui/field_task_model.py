"""The task list's table: entity, credit code, due date, status, team, samples due.

Contract: main thread. :class:`FieldTaskTableModel` shows frozen
:class:`~inspector.services.field_tasks.FieldTaskView` rows; an overdue task's row is
tinted (:data:`OVERDUE_BRUSH`), and so is the "Samples due" cell of a task one of
whose samples is overdue. :meth:`~FieldTaskTableModel.set_samples_due` gives what each
task's open samples wait for (loaded apart from the tasks: the cells repaint, the rows
stay as loaded).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor

from inspector.core.lifecycles import TaskStatus
from inspector.core.text import Lang
from inspector.services.field_tasks import FieldTaskView
from inspector.services.sample_board import TaskSamplesDue
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel
from inspector.ui.widgets.inspection_history import china_time

OVERDUE_BRUSH = QBrush(QColor("#f8d7d4"))
FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


def day_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


class FieldTaskTableModel(SnapshotTableModel[FieldTaskView]):
    """Tasks: entity, credit code, due date, status (overdue tinted), team, samples due."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        def tint(task: FieldTaskView) -> QBrush | None:
            return OVERDUE_BRUSH if task.overdue else None

        columns: list[Column[FieldTaskView]] = [
            Column(lambda: self.tr("Entity"), lambda t, _l: t.entity_name, background=tint),
            Column(lambda: self.tr("Credit code"), lambda t, _l: t.entity_key,
                   background=tint),
            Column(lambda: self.tr("Due date"), lambda t, _l: day_text(t.due_date),
                   sort_key=lambda t: t.due_date or date.max, background=tint),
            Column(lambda: self.tr("Status"), lambda t, _l: self.status_text(t),
                   background=tint),
            Column(lambda: self.tr("Team"), lambda t, _l: "、".join(m.name for m in t.team),
                   tooltip=lambda t, _l: "、".join(f"{m.name}（{m.staff_id}）" for m in t.team),
                   background=tint),
            Column(lambda: self.tr("Samples due"), lambda t, _l: self.samples_text(t),
                   sort_key=self._samples_due_key,
                   background=lambda t: OVERDUE_BRUSH if t.overdue or self._samples_late(t)
                   else None),
        ]
        super().__init__(columns, lang, parent)
        self.samples_due: Mapping[str, TaskSamplesDue] = {}

    def set_samples_due(self, due: Mapping[str, TaskSamplesDue]) -> None:
        """What each task's open samples wait for (repaints; the rows stay as loaded)."""
        self.samples_due = due
        if self.shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.shown - 1, self.columnCount() - 1))

    def samples_text(self, task: FieldTaskView) -> str:
        due = self.samples_due.get(task.uuid)
        if due is None:
            return ""
        when = china_time(due.next_due) if due.next_due else "—"
        text = self.tr("%1 open · next %2").replace("%1", str(due.open_samples)) \
            .replace("%2", when)
        return self.tr("%1 · overdue").replace("%1", text) if due.overdue else text

    def _samples_due_key(self, task: FieldTaskView) -> datetime:
        due = self.samples_due.get(task.uuid)
        return due.next_due if due is not None and due.next_due else FAR_FUTURE

    def _samples_late(self, task: FieldTaskView) -> bool:
        due = self.samples_due.get(task.uuid)
        return due is not None and due.overdue

    def status_text(self, task: FieldTaskView) -> str:
        text = {
            TaskStatus.PROPOSED: self.tr("not released"),
            TaskStatus.ASSIGNED: self.tr("to inspect"),
            TaskStatus.IN_PROGRESS: self.tr("inspecting"),
            TaskStatus.COMPLETED: self.tr("completed"),
            TaskStatus.CANCELLED: self.tr("cancelled"),
        }[task.status]
        return self.tr("%1 · overdue").replace("%1", text) if task.overdue else text
