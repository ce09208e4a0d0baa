"""The dialog that finalizes an inspection with its result (办结).

Contract: main thread, opened non-modally (``open``) by the field screen once the form
has no missing answer; the screen owns the database work. The dialog shows the
engine's suggestion (its codes with their labels, and why), the codebook's top-level
result codes (``domain.md`` §1.6, their Chinese labels; an English gloss in English) as
check boxes ticked with the suggestion, and a reason field, which says it is required
while the choice differs from the suggestion. OK (the default button; Ctrl+Enter from
anywhere in the dialog) emits ``finalize_requested(codes, reason)`` and waits: the
screen then calls :meth:`finish` (finalized: the dialog closes, accepted) or
:meth:`refuse` (the service's reason in red; the dialog stays open). The rules (codes
known, a reason for a different result) are the service's: the dialog only says them.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.result_codes import BY_CODE, RESULT_CODES, ResultCode
from inspector.core.text import Lang
from inspector.forms.answers import Suggestion
from inspector.ui.widgets.feedback import ERROR_STYLE

HINT_STYLE = "color: #555;"
CODE_COLUMNS = 2


def offered_codes(suggestion: Suggestion | None) -> tuple[ResultCode, ...]:
    """The top-level codes, in the codebook's order, and any suggested code below them."""
    suggested = set(suggestion.codes) if suggestion is not None else set()
    return tuple(r for r in RESULT_CODES if r.parent is None or r.code in suggested)


class FinalizeDialog(QDialog):
    finalize_requested = Signal(tuple, str)  # result codes, reason

    def __init__(self, entity_name: str, suggestion: Suggestion | None, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity_name = entity_name
        self.suggestion = suggestion
        self.waiting = False
        self._lang = lang
        self.setObjectName("finalizeDialog")
        self.setMinimumWidth(620)
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestionLabel")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)

        self.codes_group = QGroupBox()
        grid = QGridLayout(self.codes_group)
        self.code_boxes: dict[str, QCheckBox] = {}
        suggested = set(suggestion.codes) if suggestion is not None else set()
        for number, result in enumerate(offered_codes(suggestion)):
            box = QCheckBox()
            box.setObjectName(f"result_{result.code}")
            box.setChecked(result.code in suggested)
            box.toggled.connect(lambda _on: self._word_reason_hint())
            self.code_boxes[result.code] = box
            grid.addWidget(box, number // CODE_COLUMNS, number % CODE_COLUMNS)

        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("resultReasonEdit")
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_hint = QLabel()
        self.reason_hint.setObjectName("reasonHint")
        self.reason_hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("finalizeError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason_edit.textChanged.connect(lambda _text: self.error_label.clear())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.request)
        self.buttons.rejected.connect(self.reject)
        self.ok_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.codes_group)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        # Tab: the codes row by row, the reason, then the buttons.
        chain: list[QWidget] = [*self.code_boxes.values(), self.reason_edit, self.ok_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.request)
        self.retranslate(lang)
        first = next((b for b in self.code_boxes.values() if b.isChecked()),
                     next(iter(self.code_boxes.values())))
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def chosen_codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.code_boxes.items() if box.isChecked())

    def differs_from_suggestion(self) -> bool:
        suggestion = self.suggestion
        return suggestion is not None and set(self.chosen_codes()) != set(suggestion.codes)

    def _code_text(self, result: ResultCode) -> str:
        if self._lang is Lang.ZH:
            return f"{result.code} {result.label}"
        return f"{result.code} {result.label} ({result.label_en})"

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        self.setWindowTitle(self.tr("Finalize the inspection of %1")
                            .replace("%1", self.entity_name))
        suggestion = self.suggestion
        if suggestion is None:
            self.suggestion_label.setText(self.tr(
                "The answers suggest no result: choose it below."))
        else:
            self.suggestion_label.setText(
                self.tr("Suggested result: %1\nBecause: %2")
                .replace("%1", "；".join(self._code_text(BY_CODE[c]) for c in suggestion.codes))
                .replace("%2", suggestion.because.render(lang)))
        self.codes_group.setTitle(self.tr("Result"))
        for code, box in self.code_boxes.items():
            box.setText(self._code_text(BY_CODE[code]))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason_edit.setPlaceholderText(self.tr("Why the result differs from the "
                                                    "suggestion"))
        self.ok_button.setText(self.tr("Finalize"))
        self.ok_button.setToolTip("Ctrl+Enter")
        self._word_reason_hint()

    def _word_reason_hint(self) -> None:
        if self.differs_from_suggestion():
            self.reason_hint.setStyleSheet(ERROR_STYLE)
            self.reason_hint.setText(self.tr("The result differs from the suggestion: the "
                                             "reason is required and kept in the record."))
        else:
            self.reason_hint.setStyleSheet(HINT_STYLE)
            self.reason_hint.setText(self.tr("A reason is required only when the result "
                                             "differs from the suggestion. Once finalized, "
                                             "the record is locked and hashed."))

    def request(self) -> None:
        """OK: hand the result to the screen, which asks the service."""
        if self.waiting:
            return
        self.error_label.clear()
        self.waiting = True
        self.ok_button.setEnabled(False)
        self.finalize_requested.emit(self.chosen_codes(), self.reason_edit.text().strip())

    def finish(self) -> None:
        self.waiting = False
        self.accept()

    def refuse(self, text: str) -> None:
        self.waiting = False
        self.ok_button.setEnabled(True)
        self.error_label.setText(text)
