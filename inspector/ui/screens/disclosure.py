"""The publication board (结果公示): deadlines of finalized results, approval, the list.

Contract: main thread. The board loads through an op (``deadline_board`` on the DB
thread) whenever the screen is shown and, while it is shown, whenever the bus reports
disclosures or tasks. Each finalized inspection shows its publication deadline
(20 working days after completion by the workspace calendar), the working days left
(overdue rows in red), and its duties as badges: 须公示 (不配合检查情节严重 must be
published) and 移送经营异常名录 (无法联系). The selected rows are approved for
publication with a confirmation (Ctrl+Return); the approved rows are exported as the
disclosure list (.xlsx or .csv) where the user chooses (Ctrl+E). Only team leads and
administrators see this screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.result_codes import UnknownResultCodeError, describe
from inspector.core.text import Lang
from inspector.services.changes import ChangeSet, Topic
from inspector.services.disclosure import TASK_CANCELLED, TASK_REASSIGNED, DisclosureRow
from inspector.ui import planning_ops
from inspector.ui.board_palette import (
    CLOSED_FOREGROUND,
    OVERDUE_BACKGROUND,
    OVERDUE_FOREGROUND,
    WAITING_BACKGROUND,
)
from inspector.ui.context import AppContext
from inspector.ui.record_table import EXTENDED, record_table
from inspector.ui.snapshot_table_model import AnyIndex, Column, SnapshotTableModel
from inspector.ui.widgets.feedback import (
    NO_MESSAGE,
    Message,
    confirm,
    error_text,
    show_message,
)

_SOON_BACKGROUND = QBrush(QColor("#fde2c8"))
_DUTY_BACKGROUND = QBrush(QColor("#ffd8a8"))
_SOON_DAYS = 5
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_FONT = Qt.ItemDataRole.FontRole.value


class DisclosureTableModel(SnapshotTableModel[DisclosureRow]):
    """Finalized results: approval, deadline, days left, entity, result, duties, origin."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[DisclosureRow]] = [
            Column(lambda: self.tr("Approval"), lambda r, _l: self.approval_text(r),
                   sort_key=lambda r: r.approved,
                   background=lambda r: None if r.approved else WAITING_BACKGROUND),
            Column(lambda: self.tr("Publish by"), lambda r, _l: self.deadline_text(r),
                   sort_key=lambda r: r.due_on,
                   tooltip=lambda r, _l: self.deadline_tooltip(r)),
            Column(lambda: self.tr("Working days left"), lambda r, _l: self.days_text(r),
                   sort_key=lambda r: r.working_days_left, align_right=True,
                   background=lambda r: None if r.approved else OVERDUE_BACKGROUND
                   if r.overdue else _SOON_BACKGROUND
                   if r.working_days_left <= _SOON_DAYS else None),
            Column(lambda: self.tr("Duties"), lambda r, _l: self.duties_text(r),
                   sort_key=lambda r: (not r.task_flag, not r.must_publish,
                                       not r.abnormal_referral),
                   background=lambda r: _DUTY_BACKGROUND
                   if r.must_publish or r.abnormal_referral or r.task_flag else None),
            Column(lambda: self.tr("Entity"), lambda r, _l: r.entity_name),
            Column(lambda: self.tr("Credit code"), lambda r, _l: r.credit_code),
            Column(lambda: self.tr("Result"), _result_text),
            Column(lambda: self.tr("Check items"), lambda r, _l: r.check_items),
            Column(lambda: self.tr("Completed"), lambda r, _l: r.completed_on.isoformat()),
            Column(lambda: self.tr("Plan"), lambda r, _l: r.plan_code or "—"),
            Column(lambda: self.tr("Department"), lambda r, _l: r.department or "—"),
        ]
        super().__init__(columns, lang, parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole.value) -> Any:
        if role == _FOREGROUND:
            row = self.row_at(index.row())
            if row.approved:
                return CLOSED_FOREGROUND
            return OVERDUE_FOREGROUND if row.overdue else None
        if role == _FONT:
            row = self.row_at(index.row())
            return self._bold if row.overdue and not row.approved else None
        return super().data(index, role)

    def approval_text(self, row: DisclosureRow) -> str:
        return self.tr("approved") if row.approved else self.tr("waiting")

    def deadline_text(self, row: DisclosureRow) -> str:
        text = row.due_on.isoformat()
        return self.tr("%1 (provisional)").replace("%1", text) if row.provisional else text

    def deadline_tooltip(self, row: DisclosureRow) -> str:
        text = self.tr("20 working days after completion on %1").replace(
            "%1", row.completed_on.isoformat())
        if row.provisional:
            text += "\n" + self.tr("The calendar has no holiday schedule for that year yet: "
                                   "weekends only were counted.")
        return text

    def days_text(self, row: DisclosureRow) -> str:
        if row.overdue:
            return self.tr("overdue by %1").replace("%1", str(-row.working_days_left))
        return str(row.working_days_left)

    def duties_text(self, row: DisclosureRow) -> str:
        duties = []
        if row.must_publish:
            duties.append(self.tr("⚑ must be published"))
        if row.abnormal_referral:
            duties.append(self.tr("⚑ refer to the abnormal operations list"))
        if row.task_flag == TASK_CANCELLED:
            duties.append(self.tr("⚑ the task was cancelled while this was done: decide "
                                  "what the result becomes"))
        elif row.task_flag == TASK_REASSIGNED:
            duties.append(self.tr("⚑ the task was reassigned while this was done: decide "
                                  "what the result becomes"))
        return "；".join(duties) if self._lang is Lang.ZH else "; ".join(duties)


class DisclosureScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.rows: tuple[DisclosureRow, ...] = ()
        self.exported: Path | None = None
        self._message: Message = NO_MESSAGE
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("boardSummary")
        self.summary_label.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("boardFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(self.approve_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportDisclosureButton")
        self.export_button.clicked.connect(self.export_list)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.approve_button)
        bar.addWidget(self.export_button)
        self.model = DisclosureTableModel(ctx.lang, self)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.table = record_table(
            self.model, "disclosureTable", (70, 100, 120, 180, 230, 165, 160, 170, 95, 100),
            selection=EXTENDED)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.message_label = QLabel()
        self.message_label.setObjectName("boardMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary_label)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message_label)
        for keys, action in (("Ctrl+Return", self.approve_selected),
                             ("Ctrl+E", self.export_list)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changed.connect(self._on_changed)
        ctx.workspace_opened.connect(lambda _info: self._workspace_opened())
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        # Results also arrive by sync and from other screens: look again when shown.
        super().showEvent(event)
        self.reload()

    def _workspace_opened(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        info = self._ctx.workspace
        if info is None:
            return
        self._ctx.db.submit(planning_ops.load_deadline_board(info.calendar, self._today),
                            on_result=self._loaded, on_error=self._failed)

    def _loaded(self, rows: tuple[DisclosureRow, ...]) -> None:
        selected = set(self.selected_uuids())
        self.rows = rows
        self.model.set_snapshot(rows, [
            f"{r.entity_name} {r.credit_code} {r.plan_code} {r.result_label} {r.check_items}"
            .casefold() for r in rows])
        for number in range(self.model.shown):
            if self.model.row_at(number).inspection_uuid in selected:
                self.table.selectRow(number)
        self._refresh()

    def selected_uuids(self) -> list[str]:
        return [self.model.row_at(index.row()).inspection_uuid
                for index in self.table.selectionModel().selectedRows()]

    def _waiting_selected(self) -> tuple[str, ...]:
        rows = self.table.selectionModel().selectedRows()
        return tuple(self.model.row_at(i.row()).inspection_uuid for i in rows
                     if not self.model.row_at(i.row()).approved)

    def approve_selected(self) -> None:
        uuids = self._waiting_selected()
        if not uuids:
            return
        if not confirm(self, self.tr("Approve for publication"), self.tr(
                "Approve %1 results for publication? The approval is recorded in the audit "
                "log and cannot be withdrawn here.").replace("%1", str(len(uuids)))):
            return
        self._ctx.db.submit(planning_ops.approve_for_publication(self._ctx.actor, uuids),
                            on_result=lambda n: self._set_message(
                                lambda: self.tr("%1 results approved for publication.")
                                .replace("%1", str(n))),
                            on_error=self._failed)

    def export_list(self) -> None:
        suggested = Path.home() / f"公示清单-{self._today.isoformat()}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export disclosure list"), str(suggested),
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if "csv" in chosen else ".xlsx"))
        self.export_list_to(target)

    def export_list_to(self, path: Path) -> None:
        info = self._ctx.workspace
        if info is None:
            return
        self._ctx.db.submit(
            planning_ops.export_disclosure_list(info.calendar, path, self._today,
                                                self._ctx.actor),
            on_result=lambda n: self._exported(path, n), on_error=self._failed)

    def _exported(self, path: Path, count: int) -> None:
        self.exported = path
        self._set_message(lambda: self.tr("%1 approved results written to %2")
                          .replace("%1", str(count)).replace("%2", str(path)))

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        self._refresh()

    def _refresh(self) -> None:
        rows = self.rows
        waiting = [r for r in rows if not r.approved]
        text = self.tr("%1 finalized results: %2 waiting for approval, %3 overdue, %4 must "
                       "be published, %5 to refer to the abnormal operations list. Results "
                       "are published within 20 working days of completion.")
        for key, value in (("%1", len(rows)), ("%2", len(waiting)),
                           ("%3", sum(1 for r in waiting if r.overdue)),
                           ("%4", sum(1 for r in rows if r.must_publish)),
                           ("%5", sum(1 for r in rows if r.abnormal_referral))):
            text = text.replace(key, str(value))
        self.summary_label.setText(text)
        self.approve_button.setEnabled(bool(self._waiting_selected()))
        self.export_button.setEnabled(any(r.approved for r in rows))
        show_message(self.message_label, self._message)

    def _on_changed(self, changes: ChangeSet) -> None:
        # A hidden board does no work: it loads afresh whenever it is shown.
        if changes & {Topic.DISCLOSURE, Topic.TASKS} and self.isVisible():
            self.reload()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Publication of results"))
        self.filter_edit.setPlaceholderText(self.tr("Filter by entity, credit code, plan, "
                                                    "result…"))
        self.approve_button.setText(self.tr("Approve for publication"))
        self.approve_button.setToolTip(self.tr("Approve the selected results (Ctrl+Enter)"))
        self.export_button.setText(self.tr("Export disclosure list…"))
        self.export_button.setToolTip(self.tr("The approved results as .xlsx or .csv (Ctrl+E)"))
        self.model.retranslate(self._ctx.lang)
        self._refresh()


def _result_text(row: DisclosureRow, lang: Lang) -> str:
    if lang is Lang.ZH:
        return row.result_label
    try:
        return describe(row.result_codes).label_en
    except UnknownResultCodeError:
        return row.result_label
