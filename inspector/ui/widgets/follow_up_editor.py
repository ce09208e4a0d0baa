"""The follow-up measures (后续处置措施) of a finalized inspection, chosen as check boxes.

Contract: main thread. :class:`FollowUpEditor` shows one check box per entry of
:data:`~inspector.core.follow_up.FOLLOW_UPS`, in the codebook's order (its Chinese label;
in English the label with the English gloss under it), each with what the measure needs
on the same row: 责令改正 a deadline (a date with a calendar, ``yyyy-MM-dd``, from the
day after ``today``, first offered ``today`` + :data:`DEFAULT_DEADLINE_DAYS`), the
referral and notification the receiving office or department, 其他 what is done. A
detail is editable only while its box is ticked. "No follow-up needed" stands alone:
ticking it unticks the others, ticking another unticks it. :meth:`~FollowUpEditor.set_result`
follows the chosen result: with no problem pending and nothing ticked, "no follow-up
needed" is ticked; with a problem pending, it is unticked (nothing else is touched).
:meth:`~FollowUpEditor.measures` is what is ticked, as :class:`FollowUp` values in the
codebook's order, details stripped and unchecked: the rules are the service's
(:func:`~inspector.core.follow_up.check_follow_up`). ``changed`` is emitted whenever a
box or a detail changes. Tab goes through each box and then its detail, row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from inspector.core.follow_up import (
    FOLLOW_UP_BY_CODE,
    FOLLOW_UPS,
    FollowUp,
    FollowUpKind,
    Needs,
    problem_pending,
)
from inspector.core.text import Lang

NONE = "none"  # the measure that stands alone: no follow-up needed
DEFAULT_DEADLINE_DAYS = 15
DATE_FORMAT = "yyyy-MM-dd"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DeadlineEdit(QDateEdit):
    """A date edit that Tab leaves at once (a plain one steps through year, month and
    day first; the arrow keys still move between them)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class FollowUpEditor(QWidget):
    """Check boxes for the follow-up measures and their details (see the module contract)."""

    changed = Signal()

    def __init__(self, today: date, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self._lang = lang
        self.boxes: dict[str, QCheckBox] = {}
        self.deadline_label = QLabel()
        self.deadline_edit = self._deadline_edit()
        self.detail_edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        for row, kind in enumerate(FOLLOW_UPS):
            box = QCheckBox()
            box.setObjectName(f"followUp_{kind.code}")
            box.toggled.connect(lambda on, code=kind.code: self._toggled(code, on))
            self.boxes[kind.code] = box
            grid.addWidget(box, row, 0)
            detail = self._detail_for(kind)
            if detail is not None:
                grid.addWidget(detail, row, 1)
        for before, after in pairwise(self.tab_chain()):
            QWidget.setTabOrder(before, after)
        self.retranslate(lang)
        self._enable_details()

    # -- building ------------------------------------------------------------------------

    def _deadline_edit(self) -> QDateEdit:
        edit = DeadlineEdit()
        edit.setObjectName("followUpDeadline")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setMinimumDate(to_qdate(self.today + timedelta(days=1)))
        edit.setDate(to_qdate(self.today + timedelta(days=DEFAULT_DEADLINE_DAYS)))
        edit.dateChanged.connect(lambda _day: self.changed.emit())
        self.deadline_label.setBuddy(edit)
        return edit

    def _detail_for(self, kind: FollowUpKind) -> QWidget | None:
        """The widget beside a measure's box: the deadline row, a line edit, or nothing."""
        if kind.needs is Needs.DEADLINE:
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.deadline_label)
            row.addWidget(self.deadline_edit)
            row.addStretch(1)
            return holder
        if kind.needs in (Needs.RECIPIENT, Needs.TEXT):
            edit = QLineEdit()
            edit.setObjectName(f"followUpDetail_{kind.code}")
            edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            edit.setMinimumWidth(160)
            edit.textChanged.connect(lambda _text: self.changed.emit())
            self.detail_edits[kind.code] = edit
            return edit
        return None

    def detail_widget(self, code: str) -> QWidget | None:
        """The editable detail of a measure (the date edit, a line edit), or None."""
        if code in self.detail_edits:
            return self.detail_edits[code]
        return self.deadline_edit if FOLLOW_UP_BY_CODE[code].needs is Needs.DEADLINE else None

    def tab_chain(self) -> list[QWidget]:
        """The editor's focusable widgets in Tab order: each box, then its detail."""
        chain: list[QWidget] = []
        for code, box in self.boxes.items():
            chain.append(box)
            detail = self.detail_widget(code)
            if detail is not None:
                chain.append(detail)
        return chain

    # -- the measures --------------------------------------------------------------------

    def measures(self) -> tuple[FollowUp, ...]:
        """What is ticked, in the codebook's order, with its deadline or detail."""
        return tuple(self._measure(kind) for kind in FOLLOW_UPS
                     if self.boxes[kind.code].isChecked())

    def _measure(self, kind: FollowUpKind) -> FollowUp:
        if kind.needs is Needs.DEADLINE:
            return FollowUp(kind.code, from_qdate(self.deadline_edit.date()))
        edit = self.detail_edits.get(kind.code)
        return FollowUp(kind.code, None, edit.text().strip() if edit is not None else "")

    def set_result(self, codes: Sequence[str]) -> None:
        """Follow the chosen result (see the module contract)."""
        none = self.boxes[NONE]
        if problem_pending(codes):
            none.setChecked(False)
        elif not any(box.isChecked() for box in self.boxes.values()):
            none.setChecked(True)

    def _toggled(self, code: str, on: bool) -> None:
        if on:
            others = [c for c in self.boxes if c != NONE] if code == NONE else [NONE]
            for other in others:
                box = self.boxes[other]
                box.blockSignals(True)  # one change, one ``changed``
                box.setChecked(False)
                box.blockSignals(False)
        self._enable_details()
        self.changed.emit()

    def _enable_details(self) -> None:
        for code, box in self.boxes.items():
            detail = self.detail_widget(code)
            if detail is not None:
                detail.setEnabled(box.isChecked())
        self.deadline_label.setEnabled(self.deadline_edit.isEnabled())

    # -- text ----------------------------------------------------------------------------

    def _kind_text(self, kind: FollowUpKind) -> str:
        if self._lang is Lang.ZH:
            return kind.label
        return f"{kind.label}\n({kind.label_en})"

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        for kind in FOLLOW_UPS:
            self.boxes[kind.code].setText(self._kind_text(kind))
        self.deadline_label.setText(self.tr("Correct &by"))
        self.deadline_edit.setToolTip(self.tr("The deadline for the correction: after the "
                                              "inspection day"))
        for code, edit in self.detail_edits.items():
            text = (self.tr("What is done") if FOLLOW_UP_BY_CODE[code].needs is Needs.TEXT
                    else self.tr("Receiving office or department"))
            edit.setPlaceholderText(text)
            edit.setAccessibleName(text)
