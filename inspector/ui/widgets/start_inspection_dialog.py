"""The dialog that starts a task's inspection on site (开始检查).

Contract: main thread, opened non-modally (``open``) by the field screen, which owns
the database work. The dialog shows the task's entity, its drawn team as check boxes
("name（staff id）· 执法证 no · 有效期至 date", the lead first; members whose certificate
is expired on ``today``, or missing, in red but still selectable, so that the service's
refusal names them), the place, the two declarations (certificates shown, no conflict)
unticked until the inspector ticks them, and the published checklists (latest version
each; the last one chosen is offered first). Members with a valid certificate start
ticked. OK (the default button; Ctrl+Enter from anywhere in the dialog) emits
``start_requested(StartRequest)`` and waits: the screen then calls :meth:`finish`
(started: the dialog closes, accepted) or :meth:`refuse` (the service's reason in red;
the dialog stays open to change the answer or cancel). The dialog checks nothing
itself: the rules are the service's.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.core.lifecycles import TaskRole
from inspector.services.checklist_library import StoredVersion
from inspector.services.field_tasks import FieldTaskView, TeamMember
from inspector.ui.field_ops import StartRequest
from inspector.ui.widgets.feedback import ERROR_STYLE
from inspector.ui.widgets.request_dialog import RequestDialog


def certificate_valid(member: TeamMember, today: date) -> bool:
    """Whether the member's 执法证 is on record and not expired on ``today``."""
    return bool(member.cert_number) and member.cert_valid_to is not None \
        and member.cert_valid_to >= today


class StartInspectionDialog(RequestDialog):
    start_requested = Signal(object)  # StartRequest

    def __init__(self, task: FieldTaskView, checklists: Sequence[StoredVersion], today: date,
                 chosen_checklist: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__("startError", parent)
        self.task = task
        self.today = today
        self.setObjectName("startInspectionDialog")
        self.setMinimumWidth(600)
        self.task_label = QLabel()
        self.task_label.setObjectName("startTaskLabel")
        self.task_label.setWordWrap(True)
        self.task_label.setStyleSheet("font-weight: bold;")

        self.team_group = QGroupBox()
        team_layout = QVBoxLayout(self.team_group)
        self.member_boxes: dict[str, QCheckBox] = {}
        for member in task.team:
            box = QCheckBox()
            box.setObjectName(f"member_{member.staff_id}")
            valid = certificate_valid(member, today)
            box.setChecked(valid)
            if not valid:
                box.setStyleSheet(ERROR_STYLE)
            self.member_boxes[member.staff_id] = box
            team_layout.addWidget(box)

        self.location_edit = QLineEdit(task.address)
        self.location_edit.setObjectName("inspectionLocation")
        self.certificates_box = QCheckBox()
        self.certificates_box.setObjectName("certificatesShownBox")
        self.no_conflict_box = QCheckBox()
        self.no_conflict_box.setObjectName("noConflictBox")
        self.checklist_box = QComboBox()
        self.checklist_box.setObjectName("inspectionChecklist")
        for version in checklists:
            self.checklist_box.addItem(f"{version.code} {version.title}（v{version.version}）",
                                       version.code)
        index = self.checklist_box.findData(chosen_checklist)
        self.checklist_box.setCurrentIndex(max(index, 0))
        self.location_label, self.checklist_label = QLabel(), QLabel()
        self.location_label.setBuddy(self.location_edit)
        self.checklist_label.setBuddy(self.checklist_box)
        form = QFormLayout()
        form.addRow(self.location_label, self.location_edit)
        form.addRow(self.checklist_label, self.checklist_box)

        layout = QVBoxLayout(self)
        layout.addWidget(self.task_label)
        layout.addWidget(self.team_group)
        layout.addWidget(self.certificates_box)
        layout.addWidget(self.no_conflict_box)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        # Tab: the team, the declarations, the place, the checklist, then the buttons.
        chain: list[QWidget] = [*self.member_boxes.values(), self.certificates_box,
                                self.no_conflict_box, self.location_edit, self.checklist_box,
                                self.ok_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        for box in (*self.member_boxes.values(), self.certificates_box, self.no_conflict_box):
            box.toggled.connect(lambda _on: self.error_label.clear())
        self.retranslate()
        if chain:
            chain[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        task = self.task
        self.setWindowTitle(self.tr("Start the inspection"))
        self.task_label.setText(f"{task.entity_name} · {task.entity_key}\n{task.address}")
        self.team_group.setTitle(self.tr("Inspectors present (at least two, from the drawn "
                                         "team)"))
        for member in task.team:
            box = self.member_boxes[member.staff_id]
            text = self.tr("%1 (%2) · certificate %3 · valid until %4") \
                .replace("%1", member.name).replace("%2", member.staff_id) \
                .replace("%3", member.cert_number or "—") \
                .replace("%4", member.cert_valid_to.isoformat() if member.cert_valid_to
                         else "—")
            if not certificate_valid(member, self.today):
                text = self.tr("%1 · expired or missing").replace("%1", text)
            box.setText(text)
            box.setToolTip(self.tr("Lead inspector") if member.role is TaskRole.LEAD
                           else self.tr("Assisting inspector"))
        self.certificates_box.setText(self.tr(
            "The certificates were shown to the party (Administrative Penalty Law art. 55)"))
        self.no_conflict_box.setText(self.tr(
            "Everyone present declared no conflict of interest with the entity"))
        self.location_label.setText(self.tr("&Place"))
        self.location_edit.setPlaceholderText(self.tr("Where the inspection takes place"))
        self.checklist_label.setText(self.tr("&Checklist"))
        self.checklist_box.setToolTip(self.tr("The latest published version is used for the "
                                              "whole inspection"))
        self.ok_button.setText(self.tr("Start inspection"))
        self.ok_button.setToolTip("Ctrl+Enter")

    def request(self) -> None:
        """OK: hand what was gathered to the screen, which asks the service."""
        if self.waiting:
            return
        checklist = self.checklist_box.currentData()
        if not isinstance(checklist, str):
            self.refuse(self.tr("No checklist is published yet: an administrator publishes "
                                "one in the checklist library."))
            return
        self._start_waiting()
        self.start_requested.emit(StartRequest(
            team=tuple(staff for staff, box in self.member_boxes.items() if box.isChecked()),
            certificates_shown=self.certificates_box.isChecked(),
            no_conflict_declared=self.no_conflict_box.isChecked(),
            location=self.location_edit.text().strip(), checklist=checklist))
