"""The tasks tab of the plans screen: a drawn plan's tasks, release, redraws, packages.

Contract: main thread. Acts on the plan the screen hands it with ``set_plan`` (a frozen
:class:`~inspector.services.planning.PlanView`, or None) and does all database and file
work through ops on the DB thread (:mod:`inspector.ui.planning_ops`,
:mod:`inspector.ui.package_ops`); their outcomes publish the topics they changed, so
the plans list and other screens refresh themselves.

- "Release tasks…" releases the proposed tasks after a confirmation.
- "Recusal and redraw…" (one proposed or released task selected) opens a
  :class:`~inspector.ui.widgets.redraw_dialog.RedrawDialog`; the team is drawn again on
  the record (``hash-rank-v1-redraw``), never edited. The result (previous team → new
  team, the redraw's number and SHA-256) is shown under the table, and the table
  reloads with the task still selected.
- "Save redraw records…" writes the plan's redraw records into a folder as
  REDRAW-1.json, REDRAW-2.json, … for ``inspector draw verify``.
- "Export assignment package…" opens an
  :class:`~inspector.ui.widgets.package_dialogs.ExportPackageDialog` for a member of the
  teams of the plan's released tasks.

Errors are shown in the user's language next to the action (inside the open dialog
while one is open).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.lifecycles import PlanStatus, TaskStatus
from inspector.services.planning import PlanView, TaskView
from inspector.services.recusals import RedrawOutcome
from inspector.ui import package_ops, planning_ops
from inspector.ui.context import AppContext
from inspector.ui.planning_models import TaskTableModel, team_members
from inspector.ui.record_table import EXTENDED, record_table, select_row
from inspector.ui.widgets.feedback import (
    NO_MESSAGE,
    Message,
    confirm,
    error_text,
    show_message,
)
from inspector.ui.widgets.package_dialogs import ExportPackageDialog
from inspector.ui.widgets.redraw_dialog import RedrawDialog

_OPEN_STATES = (PlanStatus.DRAFT, PlanStatus.SAVED)
_REDRAWABLE = (TaskStatus.PROPOSED, TaskStatus.ASSIGNED)
_RELEASED = (TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


class TasksPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.plan: PlanView | None = None
        self.tasks: tuple[TaskView, ...] = ()
        self.redraw_dialog: RedrawDialog | None = None
        self.export_dialog: ExportPackageDialog | None = None
        self._select_after_load: str | None = None  # entity key to select once loaded
        self._message: Message = NO_MESSAGE
        self.count_label = QLabel()
        self.count_label.setObjectName("taskCount")
        self.release_button = QPushButton()
        self.release_button.setObjectName("releaseTasksButton")
        self.release_button.clicked.connect(self.release_tasks)
        self.redraw_button = QPushButton()
        self.redraw_button.setObjectName("redrawTeamButton")
        self.redraw_button.clicked.connect(self.open_redraw)
        self.save_redraws_button = QPushButton()
        self.save_redraws_button.setObjectName("saveRedrawsButton")
        self.save_redraws_button.clicked.connect(self.save_redraws)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportPackageOpenButton")
        self.export_button.clicked.connect(self.open_export)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        for button in (self.redraw_button, self.save_redraws_button, self.export_button,
                       self.release_button):
            bar.addWidget(button)
        self.model = TaskTableModel(ctx.lang, self)
        self.table = record_table(self.model, "tasksTable", (170, 300, 80, 150, 150, 150),
                                  selection=EXTENDED)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.message_label = QLabel()
        self.message_label.setObjectName("tasksMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        self.retranslate()

    def set_plan(self, plan: PlanView | None) -> None:
        if (plan.code if plan else None) != (self.plan.code if self.plan else None):
            self._message = NO_MESSAGE
        self.plan = plan
        self.reload()

    def reload(self) -> None:
        if self.plan is None or self.plan.status in _OPEN_STATES:
            self._loaded(())
            return
        self._ctx.db.submit(planning_ops.load_plan_tasks(self.plan.code),
                            on_result=self._loaded, on_error=self._failed)

    def retranslate(self) -> None:
        self.release_button.setText(self.tr("Release tasks…"))
        self.release_button.setToolTip(self.tr("Send the drawn tasks to their teams (they go "
                                               "to the inspectors with the next sync)"))
        self.redraw_button.setText(self.tr("Recusal and redraw…"))
        self.redraw_button.setToolTip(self.tr(
            "A team member declares a conflict with the selected task's entity: record it "
            "and draw that team again"))
        self.save_redraws_button.setText(self.tr("Save redraw records…"))
        self.save_redraws_button.setToolTip(self.tr(
            "Write the plan's redraw records (REDRAW-1.json, REDRAW-2.json, …) into a "
            "folder, to publish and verify with the protocol"))
        self.export_button.setText(self.tr("Export assignment package…"))
        self.export_button.setToolTip(self.tr(
            "A signed file of one inspector's released tasks, for a laptop that cannot "
            "sync"))
        self.model.retranslate(self._ctx.lang)
        for dialog in (self.redraw_dialog, self.export_dialog):
            if dialog is not None:
                dialog.retranslate()
        self._refresh()

    def _loaded(self, tasks: tuple[TaskView, ...]) -> None:
        # A reload (after a redraw, a release, a sync) keeps the task the user was on.
        selected = self.selected_task()
        wanted = self._select_after_load or (selected.entity_key if selected else None)
        self._select_after_load = None
        self.tasks = tasks
        self.model.set_snapshot(tasks, [f"{t.entity_key} {t.entity_name} {' '.join(t.team)}"
                                        .casefold() for t in tasks])
        if wanted is not None:
            self.select_task(wanted)
        self._refresh()

    def select_task(self, entity_key: str) -> bool:
        """Select the task of ``entity_key`` in the table."""
        row = self.model.find_row(lambda t: t.entity_key == entity_key)
        return row is not None and select_row(self.table, row)

    def selected_task(self) -> TaskView | None:
        """The task selected in the table, when exactly one is."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if len(rows) == 1 else None

    def released_members(self) -> tuple[tuple[str, str], ...]:
        """(label, staff id) of everyone on a team of the plan's released tasks."""
        found: dict[str, str] = {}
        for task in self.tasks:
            if task.status in _RELEASED:
                for label, staff_id in team_members(task):
                    found.setdefault(staff_id, label)
        return tuple(sorted(((label, staff_id) for staff_id, label in found.items()),
                            key=lambda member: member[1]))

    def _refresh(self) -> None:
        plan = self.plan
        if plan is None:
            self.count_label.setText(self.tr("Choose a plan to see its tasks."))
        elif plan.status in _OPEN_STATES:
            self.count_label.setText(self.tr("Plan %1 has not been drawn yet.")
                                     .replace("%1", plan.code))
        else:
            self.count_label.setText(self.tr("Plan %1: %2 tasks, %3 waiting for release.")
                                     .replace("%1", plan.code)
                                     .replace("%2", str(self.model.total))
                                     .replace("%3", str(plan.proposed)))
        drawn = plan is not None and plan.status not in _OPEN_STATES
        task = self.selected_task()
        self.release_button.setEnabled(plan is not None and plan.proposed > 0)
        self.redraw_button.setEnabled(drawn and task is not None
                                      and task.status in _REDRAWABLE and bool(task.team))
        self.save_redraws_button.setEnabled(drawn)
        self.export_button.setEnabled(drawn and bool(self.released_members()))
        show_message(self.message_label, self._message)

    def _set_message(self, message: Message) -> None:
        self._message = message
        self._refresh()

    def _failed(self, error: BaseException) -> None:
        self._set_message((lambda: error_text(self._ctx.lang, error), True))

    # -- release ---------------------------------------------------------------------------

    def release_tasks(self) -> None:
        plan = self.plan
        if plan is None or not self.release_button.isEnabled():
            return
        if not confirm(self, self.tr("Release tasks"), self.tr(
                "Release the %1 tasks of plan %2 to their teams? They go to the inspectors' "
                "laptops with the next sync.").replace("%1", str(plan.proposed))
                .replace("%2", plan.code)):
            return
        self.start_release()

    def start_release(self) -> None:
        """Release without asking (after the confirmation, and in the tour)."""
        plan = self.plan
        if plan is None or not self.release_button.isEnabled():
            return
        self._ctx.db.submit(planning_ops.release_plan_tasks(plan.code, self._ctx.actor),
                            on_result=self._released, on_error=self._failed)

    def _released(self, count: int) -> None:
        self._set_message((lambda: self.tr("%1 tasks released.").replace("%1", str(count)),
                           False))

    # -- recusal and redraw ------------------------------------------------------------------

    def open_redraw(self) -> RedrawDialog | None:
        """Open the redraw dialog for the selected task (None: no task to redraw)."""
        task = self.selected_task()
        if task is None or not self.redraw_button.isEnabled():
            return None
        self._close(self.redraw_dialog)
        dialog = RedrawDialog(task, self)
        dialog.redraw_requested.connect(
            lambda staff_id, reason: self._redraw(dialog, staff_id, reason))
        self.redraw_dialog = dialog
        dialog.open()
        return dialog

    def _redraw(self, dialog: RedrawDialog, staff_id: str, reason: str) -> None:
        plan = self.plan
        if plan is None:
            dialog.refuse(self.tr("Choose a plan first."))
            return
        entity_key = dialog.task.entity_key
        self._ctx.db.submit(
            planning_ops.redraw_task_team(plan.code, staff_id, entity_key, reason,
                                          self._ctx.actor),
            on_result=lambda made: self._redrawn(dialog, made),
            on_error=lambda error: dialog.refuse(error_text(self._ctx.lang, error)))

    def _redrawn(self, dialog: RedrawDialog, made: RedrawOutcome) -> None:
        dialog.finish()
        self._set_message((lambda: self.tr(
            "Redraw %1 recorded for %2: %3 → %4. SHA-256 %5")
            .replace("%1", str(made.sequence)).replace("%2", made.entity_key)
            .replace("%3", "、".join(made.previous_team))
            .replace("%4", "、".join(made.team)).replace("%5", made.sha256), False))
        self._select_after_load = made.entity_key
        self.reload()

    def save_redraws(self) -> None:
        if self.plan is None or not self.save_redraws_button.isEnabled():
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the redraw records"), str(Path.home()))
        if folder:
            self.save_redraws_to(Path(folder))

    def save_redraws_to(self, folder: Path) -> None:
        plan = self.plan
        if plan is None:
            return
        code = plan.code
        self._ctx.db.submit(planning_ops.save_redraw_records(code, folder),
                            on_result=lambda files: self._redraws_saved(code, folder, files),
                            on_error=self._failed)

    def _redraws_saved(self, code: str, folder: Path, files: tuple[Path, ...]) -> None:
        if not files:
            self._set_message((lambda: self.tr("Plan %1 has no redraw records.")
                               .replace("%1", code), False))
            return
        self._set_message((lambda: self.tr("%1 redraw records written to %2 (REDRAW-1.json "
                                           "to REDRAW-%1.json)")
                           .replace("%1", str(len(files))).replace("%2", str(folder)), False))

    # -- assignment packages --------------------------------------------------------------

    def open_export(self) -> ExportPackageDialog | None:
        """Open the package export dialog (None: no released task in this plan)."""
        plan = self.plan
        members = self.released_members()
        if plan is None or not members:
            return None
        self._close(self.export_dialog)
        dialog = ExportPackageDialog(members, plan.code, self)
        dialog.export_requested.connect(
            lambda staff_id, path: self._export(dialog, staff_id, path))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export(self, dialog: ExportPackageDialog, staff_id: str, path: Path) -> None:
        self._ctx.db.submit(
            package_ops.export_assignment_package(staff_id, path, self._ctx.actor),
            on_result=dialog.show_result,
            on_error=lambda error: dialog.show_error(error_text(self._ctx.lang, error)))

    @staticmethod
    def _close(dialog: QWidget | None) -> None:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
