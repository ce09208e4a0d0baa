"""The recusal-and-redraw dialog (回避重抽) of one drawn task.

Contract: main thread, opened non-modally (``open``) by the tasks panel, which owns the
database work. The dialog shows the task's entity and team, lets the user choose the
team member who declares the conflict and write the reason, and says that the team is
drawn again on the record by the published algorithm, never edited by hand. On OK it
refuses an empty reason inline (focusing the field); otherwise it emits
``redraw_requested(staff_id, reason)`` and waits. The panel then calls :meth:`finish`
(the redraw was recorded: the dialog closes, accepted) or :meth:`refuse` (the service's
reason, shown inline; the dialog stays open so the user can change the answer or cancel).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.services.planning import TaskView
from inspector.ui.planning_models import team_members
from inspector.ui.widgets.request_dialog import RequestDialog


class RedrawDialog(RequestDialog):
    redraw_requested = Signal(str, str)  # staff id of the recused member, the reason

    def __init__(self, task: TaskView, parent: QWidget | None = None) -> None:
        super().__init__("redrawError", parent, submit_keys=False)
        self.task = task
        self.setObjectName("redrawDialog")
        self.setMinimumWidth(560)
        self.task_label = QLabel()
        self.task_label.setObjectName("redrawTaskLabel")
        self.task_label.setWordWrap(True)
        self.task_label.setStyleSheet("font-weight: bold;")
        self.member_box = QComboBox()
        self.member_box.setObjectName("recusedMemberBox")
        for label, staff_id in team_members(task):
            self.member_box.addItem(label, staff_id)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("recusalReasonEdit")
        self.member_label, self.reason_label = QLabel(), QLabel()
        self.member_label.setBuddy(self.member_box)
        self.reason_label.setBuddy(self.reason_edit)
        form = QFormLayout()
        form.addRow(self.member_label, self.member_box)
        form.addRow(self.reason_label, self.reason_edit)
        self.explanation = QLabel()
        self.explanation.setObjectName("redrawExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #555;")
        self.reason_edit.textChanged.connect(lambda _text: self.error_label.clear())
        layout = QVBoxLayout(self)
        layout.addWidget(self.task_label)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.reason_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recusal and redraw"))
        self.task_label.setText(self.tr("%1 · %2\nCurrent team: %3")
                                .replace("%1", self.task.entity_key)
                                .replace("%2", self.task.entity_name)
                                .replace("%3", "、".join(self.task.team) or "—"))
        self.member_label.setText(self.tr("&Declared by"))
        self.member_box.setToolTip(self.tr("The team member who declares the conflict of "
                                           "interest with this entity"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason_edit.setPlaceholderText(self.tr(
            "Required, e.g. a relative works for this entity"))
        self.explanation.setText(self.tr(
            "The member is recused from this entity and its team is drawn again on the "
            "record by the published algorithm (hash-rank-v1-redraw), from the protocol "
            "and the earlier redraws: anyone can recompute it. A team is never edited by "
            "hand. The redraw is final and numbered; save the records with the protocol."))
        self.ok_button.setText(self.tr("Recuse and redraw"))

    def request(self) -> None:
        """OK: check the reason, then ask the panel to redraw."""
        if self.waiting:
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self.error_label.setText(self.tr("Write the reason for the recusal: it is kept "
                                             "in the redraw record."))
            self.reason_edit.setFocus()
            return
        staff_id = self.member_box.currentData()
        if not staff_id:
            return
        self._start_waiting()
        self.redraw_requested.emit(str(staff_id), reason)
