"""The small dialog that records one custody step of a sealed portion.

Contract: main thread, opened non-modally (``open``) by the scan station, which owns the
database work. It asks only what its :class:`CustodyEventKind` needs
(:data:`inspector.core.custody.REQUIRED_FIELDS`): the place always (required only where
the kind needs it), the parties handing over and receiving (worded for the kind: the
destination of a transit, the applicant of a 复检, …), whether the seal is intact (two
radio buttons, neither chosen: the person must look), pass/fail and the report number of
a result, and the reason of a refusal, a destruction, a disposal or (optionally) a 复检;
and, optionally, a photo of the step (``photo_path``, chosen with "P&hoto": a file
dialog; the owner keeps the file and names it in the step). :func:`prefilled` proposes
the place of the chain's last event and the parties the last hand-over or transit
named; a seal state is never proposed.

Record (Enter, Ctrl+Enter, or the button) checks that every needed field is given
(naming the first one missing, which takes the focus) and emits
``details_given(CustodyDetails)``, then waits: the owner calls :meth:`finish` (recorded:
the dialog closes, accepted) or :meth:`refuse` (the service's reason in red; nothing
was written and the dialog stays open). Whether a value is allowed (a broken seal on
receipt, a step the chain no longer allows) is the service's to judge. With
``portion_code=None`` the dialog gathers the details for a batch of portions (the batch
hand-over) instead of one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.custody import KIND_LABELS, REQUIRED_FIELDS, CustodyEntry, TestResult
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.text import Lang
from inspector.services.samples import CustodyDetails
from inspector.ui.widgets.request_dialog import RequestDialog

_K = CustodyEventKind
_FOLLOWS_HAND_OVER = frozenset({_K.HANDED_OVER, _K.RETURNED})
_CARRIES_PARTIES = frozenset({_K.HANDED_OVER, _K.IN_TRANSIT})
_OPTIONAL_REASON = frozenset({_K.RECHECK_REQUESTED})
_TEXT_FIELDS = ("place", "from_party", "to_party", "report_number", "reason")


def prefilled(kind: CustodyEventKind, entries: Sequence[CustodyEntry],
              actor_name: str) -> CustodyDetails:
    """What the dialog proposes for ``kind`` after the chain ``entries``."""
    place = next((e.place for e in reversed(entries) if e.place), "")
    last = entries[-1] if entries else None
    if kind in (_K.HANDED_OVER, _K.IN_TRANSIT):
        holder = last.to_party if last is not None and last.kind in _FOLLOWS_HAND_OVER else ""
        return CustodyDetails(place=place, from_party=holder or actor_name)
    if kind in (_K.RECEIVED, _K.REFUSED) and last is not None and last.kind in _CARRIES_PARTIES:
        return CustodyDetails(place=place, from_party=last.from_party, to_party=last.to_party)
    return CustodyDetails(place=place)


class CustodyStepDialog(RequestDialog):
    details_given = Signal(object)  # CustodyDetails

    def __init__(self, kind: CustodyEventKind, portion_code: str | None, *,
                 proposal: CustodyDetails, actor_name: str, lang: Lang,
                 parent: QWidget | None = None) -> None:
        record_button = QPushButton()
        record_button.setObjectName("recordStepButton")
        super().__init__("custodyStepError", parent, accept_button=record_button)
        record_button.setDefault(True)  # Enter in a field records (after the check)
        self.record_button = record_button
        self.kind = kind
        self.portion_code = portion_code
        self.actor_name = actor_name
        self._lang = lang
        self.needed = frozenset(REQUIRED_FIELDS[kind])
        self.setObjectName("custodyStepDialog")
        self.setMinimumWidth(480)
        self.heading = QLabel()
        self.heading.setObjectName("custodyStepHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.titles: dict[str, QLabel] = {}
        for name in _TEXT_FIELDS:
            if self._asks(name):
                self._add_edit(name, getattr(proposal, name))
        self.seal_intact: QRadioButton | None = None
        self.seal_broken: QRadioButton | None = None
        self.passed: QRadioButton | None = None
        self.failed: QRadioButton | None = None
        if "seal_intact" in self.needed:
            self.seal_intact, self.seal_broken = self._add_choice("seal_intact", "sealIntact",
                                                                  "sealBroken")
        if "result" in self.needed:
            self.passed, self.failed = self._add_choice("result", "resultPass", "resultFail")
        self.photo_path: Path | None = None
        self.photo_button = QPushButton()
        self.photo_button.setObjectName("custodyPhotoButton")
        self.photo_button.setAutoDefault(False)
        self.photo_button.clicked.connect(lambda _c=False: self.choose_photo())
        self.photo_title = QLabel()
        self.photo_title.setBuddy(self.photo_button)
        self.form.addRow(self.photo_title, self.photo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.form_order()
        self.retranslate()
        first = next(iter(self.edits.values()), None)
        if first is not None:
            first.setFocus()
            first.selectAll()

    # -- building -----------------------------------------------------------------------

    def _asks(self, name: str) -> bool:
        if name == "place":
            return True
        if name == "reason" and self.kind in _OPTIONAL_REASON:
            return True
        return name in self.needed

    def _add_edit(self, name: str, text: str) -> None:
        edit = QLineEdit(text)
        edit.setObjectName(f"custody_{name}")
        edit.textChanged.connect(lambda _text: self.error_label.clear())
        title = QLabel()
        title.setBuddy(edit)
        self.edits[name], self.titles[name] = edit, title
        self.form.addRow(title, edit)

    def _add_choice(self, name: str, yes: str, no: str) -> tuple[QRadioButton, QRadioButton]:
        first, second = QRadioButton(), QRadioButton()
        first.setObjectName(yes)
        second.setObjectName(no)
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        for button in (first, second):
            group.addButton(button)
            button.toggled.connect(lambda _on: self.error_label.clear())
            row.addWidget(button)
        row.addStretch(1)
        title = QLabel()
        title.setBuddy(first)
        self.titles[name] = title
        self.form.addRow(title, row)
        return first, second

    def form_order(self) -> None:
        """Tab goes down the form, then to Record."""
        chain: list[QWidget] = [*self.edits.values()]
        for pair in ((self.seal_intact, self.seal_broken), (self.passed, self.failed)):
            chain.extend(button for button in pair if button is not None)
        chain.extend((self.photo_button, self.record_button))
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- wording ------------------------------------------------------------------------

    def retranslate(self, lang: Lang | None = None) -> None:
        if lang is not None:
            self._lang = Lang(lang)
        kind = KIND_LABELS[self.kind].render(self._lang)
        if self.portion_code is None:
            self.setWindowTitle(self.tr("Batch hand-over"))
            self.heading.setText(self.tr("Every portion scanned next is recorded as handed "
                                         "over with these details, by %1.")
                                 .replace("%1", self.actor_name))
        else:
            self.setWindowTitle(self.tr("Record: %1").replace("%1", kind))
            self.heading.setText(self.tr("%1 · %2\nRecorded by %3, now.")
                                 .replace("%1", self.portion_code).replace("%2", kind)
                                 .replace("%3", self.actor_name))
        for name, title in self._field_titles().items():
            if name in self.titles:
                self.titles[name].setText(title())
        if "place" in self.edits and "place" not in self.needed:
            self.edits["place"].setPlaceholderText(self.tr("Optional"))
        if "reason" in self.edits and "reason" not in self.needed:
            self.edits["reason"].setPlaceholderText(self.tr("Optional"))
        for button, text in ((self.seal_intact, self.tr("&Intact")),
                             (self.seal_broken, self.tr("&Broken")),
                             (self.passed, self.tr("&Pass")),
                             (self.failed, self.tr("&Fail"))):
            if button is not None:
                button.setText(text)
        self.photo_title.setText(self.tr("P&hoto"))
        self._word_photo()
        self.record_button.setText(self.tr("&Record"))
        self.record_button.setToolTip(self.tr("Enter or Ctrl+Enter"))

    def _field_titles(self) -> dict[str, Callable[[], str]]:
        """Each field's title, worded for this kind of step."""
        titles: dict[str, Callable[[], str]] = {
            "place": lambda: self.tr("Pla&ce"),
            "from_party": lambda: self.tr("&From (handing over)"),
            "to_party": lambda: self.tr("&To (receiving)"),
            "seal_intact": lambda: self.tr("Seal"),
            "result": lambda: self.tr("Result"),
            "report_number": lambda: self.tr("Report &number"),
            "reason": lambda: self.tr("R&eason"),
        }
        if self.kind is _K.IN_TRANSIT:
            titles.update(from_party=lambda: self.tr("&Sent by"),
                          to_party=lambda: self.tr("&Destination"))
        elif self.kind in (_K.RECEIVED, _K.REFUSED):
            titles.update(from_party=lambda: self.tr("&Delivered by"),
                          to_party=lambda: self.tr("&Lab"),
                          reason=lambda: self.tr("R&eason for refusing"))
        elif self.kind is _K.RECHECK_REQUESTED:
            titles.update(from_party=lambda: self.tr("&Applicant"))
        elif self.kind is _K.RETURNED:
            titles.update(to_party=lambda: self.tr("Returned &to"))
        elif self.kind is _K.BACKUP_RELEASED:
            titles.update(to_party=lambda: self.tr("Released &to"))
        return titles

    def _word_photo(self) -> None:
        self.photo_button.setText(self.photo_path.name if self.photo_path is not None
                                  else self.tr("Optional: choose a photo…"))

    # -- the request --------------------------------------------------------------------

    def choose_photo(self, path: Path | None = None) -> None:
        """Attach a photo of the step (None: ask for the file); it is checked and kept
        when the step is recorded."""
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self, self.tr("A photo of this step"), str(Path.home()),
                self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.webp)"))
            if not name:
                return
            path = Path(name)
        self.photo_path = path
        self._word_photo()

    def details(self) -> CustodyDetails:
        """What the form says now (blanks stripped; no choice made: None)."""
        texts = {name: edit.text().strip() for name, edit in self.edits.items()}
        seal = None
        if self.seal_intact is not None and self.seal_broken is not None:
            seal = True if self.seal_intact.isChecked() else (
                False if self.seal_broken.isChecked() else None)
        result: TestResult | None = None
        if self.passed is not None and self.failed is not None:
            result = "pass" if self.passed.isChecked() else (
                "fail" if self.failed.isChecked() else None)
        return CustodyDetails(seal_intact=seal, result=result, **texts)

    def request(self) -> None:
        """Record: check that every needed field is given, then ask the owner."""
        if self.waiting:
            return
        details = self.details()
        missing = self._first_missing(details)
        if missing is not None:
            name, widget = missing
            if name == "seal_intact":
                self._show_error(self.tr("Say whether the seal is intact."))
            elif name == "result":
                self._show_error(self.tr("Choose pass or fail."))
            else:
                title = self.titles[name].text().replace("&", "")
                self._show_error(self.tr("Give %1.").replace("%1", title))
            widget.setFocus()
            return
        self._start_waiting()
        self.details_given.emit(details)

    def _first_missing(self, details: CustodyDetails) -> tuple[str, QWidget] | None:
        for name, edit in self.edits.items():
            if name in self.needed and not getattr(details, name):
                return name, edit
        if self.seal_intact is not None and details.seal_intact is None:
            return "seal_intact", self.seal_intact
        if self.passed is not None and details.result is None:
            return "result", self.passed
        return None
