"""The report of moving a draft to a new checklist version, and the inspector's consent.

Contract: main thread. :class:`DraftMoveDialog` shows a
:class:`~inspector.services.checklist_drafts.MovePlan`: one row per answer with the item
it came from, where it goes, and what happens to it (kept, converted, dropped, with the
reason), dropped answers first and in red. When anything would be dropped, the OK
button stays disabled until the inspector ticks "I confirm ..." naming how many; the
confirmed keys are :meth:`DraftMoveDialog.confirmed_drops`. Nothing is moved by the
dialog itself: the caller submits the move after ``accepted``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.services.checklist_drafts import MovePlan

DROPPED_COLOUR = "#b3261e"


class DraftMoveDialog(QDialog):
    """Every answer's fate on the new version; consent before anything is dropped."""

    def __init__(self, plan: MovePlan, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftMoveDialog")
        self.plan = plan
        self.resize(760, 460)
        moves = sorted(plan.migration.moves, key=lambda m: m.outcome != "dropped")
        dropped = len(plan.migration.dropped)
        self.setWindowTitle(self.tr("Move the draft to version %1")
                            .replace("%1", str(plan.to_version)))
        self.summary = QLabel(
            self.tr("Version %1 → %2: %3 answer(s) kept, %4 converted, %5 dropped.")
            .replace("%1", str(plan.from_version)).replace("%2", str(plan.to_version))
            .replace("%3", str(sum(m.outcome == "kept" for m in moves)))
            .replace("%4", str(sum(m.outcome == "converted" for m in moves)))
            .replace("%5", str(dropped)))
        self.summary.setWordWrap(True)
        outcome_text = {"kept": self.tr("kept"), "converted": self.tr("converted"),
                        "dropped": self.tr("dropped")}
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([self.tr("Answer"), self.tr("On version %1")
                                              .replace("%1", str(plan.to_version)),
                                              self.tr("Outcome"), self.tr("Why")])
        for move in moves:
            cells = [QStandardItem(plan.labels.get(move.old_key, move.old_key)),
                     QStandardItem(plan.labels.get(move.new_key, move.new_key)
                                   if move.new_key else "—"),
                     QStandardItem(outcome_text[move.outcome]),
                     QStandardItem(move.reason.render(lang) if move.reason else "")]
            cells[0].setToolTip(move.old_key)
            if move.outcome == "dropped":
                for cell in cells:
                    cell.setForeground(QColor(DROPPED_COLOUR))
            for cell in cells:
                cell.setEditable(False)
            self.model.appendRow(cells)
        self.table = QTableView()
        self.table.setObjectName("draftMoveTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 200)
        self.confirm_box = QCheckBox(
            self.tr("I confirm that the %1 answer(s) marked dropped will be lost.")
            .replace("%1", str(dropped)))
        self.confirm_box.setObjectName("confirmDropsBox")
        self.confirm_box.setVisible(dropped > 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move"))
        self.ok_button.setEnabled(dropped == 0)
        self.confirm_box.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def confirmed_drops(self) -> frozenset[str]:
        """The dropped answers' keys, when the inspector ticked the confirmation."""
        if self.plan.migration.dropped and not self.confirm_box.isChecked():
            return frozenset()
        return frozenset(m.old_key for m in self.plan.migration.dropped)
