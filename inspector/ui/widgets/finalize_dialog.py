"""The dialog that finalizes an inspection (办结): result, follow-up and signatures.

Contract: main thread, opened non-modally (``open``) by the field screen once the form
has no missing answer; the screen owns the database work. In a scrolling area the
dialog shows the engine's suggestion (its codes with their labels, and why); the
codebook's top-level result codes (``domain.md`` §1.6, their Chinese labels; an English
gloss in English) as check boxes ticked with the suggestion; a reason field, which says
it is required while the choice differs from the suggestion; the follow-up measures
(:class:`~inspector.ui.widgets.follow_up_editor.FollowUpEditor`, which follows the
chosen result: "no follow-up needed" is ticked for a result without a pending problem
while nothing is ticked, and unticked for one with a pending problem); and the
signatures (:class:`~inspector.ui.widgets.signature_sheet.SignatureSheet`: the party's
representative, prefilled with ``representative``, who signs or refuses with a reason,
then each member of ``team``, the inspectors present as ``(staff id, name)``), with a
hint naming who still has to sign. The service's refusal and the buttons stay below the
scrolling area. OK (the default button; Ctrl+Enter from anywhere in the dialog) emits
``finalize_requested(FinalizeRequest)`` and waits: the screen then calls :meth:`finish`
(finalized: the dialog closes, accepted) or :meth:`refuse` (the service's reason in red;
the dialog stays open, OK enabled again). A change anywhere clears the refusal. The
rules (codes known, a reason for a different result, the measures a result needs, who
signs) are the service's: the dialog only says them, and sends what was gathered as it
is, unchecked.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.core.result_codes import BY_CODE, RESULT_CODES, ResultCode
from inspector.core.text import Lang
from inspector.forms.answers import Suggestion
from inspector.ui.field_ops import FinalizeRequest
from inspector.ui.widgets.feedback import ERROR_STYLE
from inspector.ui.widgets.follow_up_editor import FollowUpEditor
from inspector.ui.widgets.request_dialog import RequestDialog
from inspector.ui.widgets.signature_sheet import SignatureSheet

HINT_STYLE = "color: #555;"
CODE_COLUMNS = 2
MIN_WIDTH, MIN_HEIGHT = 760, 720


def offered_codes(suggestion: Suggestion | None) -> tuple[ResultCode, ...]:
    """The top-level codes, in the codebook's order, and any suggested code below them."""
    suggested = set(suggestion.codes) if suggestion is not None else set()
    return tuple(r for r in RESULT_CODES if r.parent is None or r.code in suggested)


class FinalizeDialog(RequestDialog):
    finalize_requested = Signal(object)  # FinalizeRequest

    def __init__(self, entity_name: str, suggestion: Suggestion | None, lang: Lang, *,
                 team: Sequence[tuple[str, str]], representative: str, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__("finalizeError", parent)
        self.entity_name = entity_name
        self.suggestion = suggestion
        self._lang = lang
        self.setObjectName("finalizeDialog")
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("suggestionLabel")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)
        self.codes_group = self._codes_group(suggestion)

        self.reason_label = QLabel()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("resultReasonEdit")
        self.reason_label.setBuddy(self.reason_edit)
        self.reason_hint = self._hint_label("reasonHint")

        self.follow_up_group = QGroupBox()
        self.follow_up_group.setObjectName("followUpGroup")
        self.follow_up = FollowUpEditor(today, lang)
        QVBoxLayout(self.follow_up_group).addWidget(self.follow_up)

        self.signatures_group = QGroupBox()
        self.signatures_group.setObjectName("signaturesGroup")
        self.signature_sheet = SignatureSheet(team, representative)
        self.signatures_hint = self._hint_label("signaturesHint")
        self.signatures_hint.setStyleSheet(HINT_STYLE)
        signatures = QVBoxLayout(self.signatures_group)
        signatures.addWidget(self.signature_sheet)
        signatures.addWidget(self.signatures_hint)

        self.scroll_area = self._scroll_area()
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._chain_tab_order()
        self._connect()
        self.follow_up.set_result(self.chosen_codes())
        self.retranslate(lang)
        first = next((b for b in self.code_boxes.values() if b.isChecked()),
                     next(iter(self.code_boxes.values())))
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building ------------------------------------------------------------------------

    def _codes_group(self, suggestion: Suggestion | None) -> QGroupBox:
        group = QGroupBox()
        grid = QGridLayout(group)
        self.code_boxes: dict[str, QCheckBox] = {}
        suggested = set(suggestion.codes) if suggestion is not None else set()
        for number, result in enumerate(offered_codes(suggestion)):
            box = QCheckBox()
            box.setObjectName(f"result_{result.code}")
            box.setChecked(result.code in suggested)
            self.code_boxes[result.code] = box
            grid.addWidget(box, number // CODE_COLUMNS, number % CODE_COLUMNS)
        return group

    def _hint_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _scroll_area(self) -> QScrollArea:
        """The content, scrolling: result, reason, follow-up, signatures."""
        content = QWidget()
        column = QVBoxLayout(content)
        for widget in (self.suggestion_label, self.codes_group, self.reason_label,
                       self.reason_edit, self.reason_hint, self.follow_up_group,
                       self.signatures_group):
            column.addWidget(widget)
        column.addStretch(1)
        area = QScrollArea()
        area.setObjectName("finalizeScrollArea")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(content)
        return area

    def _chain_tab_order(self) -> None:
        """Tab: the codes row by row, the reason, the measures, the signatures, then OK."""
        chain: list[QWidget] = [*self.code_boxes.values(), self.reason_edit,
                                *self.follow_up.tab_chain(), *self.signature_sheet.tab_chain(),
                                self.ok_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        for box in self.code_boxes.values():
            box.toggled.connect(self._result_toggled)
        self.reason_edit.textChanged.connect(lambda _text: self.error_label.clear())
        self.follow_up.changed.connect(self.error_label.clear)
        self.signature_sheet.changed.connect(self._signatures_changed)

    # -- what was chosen -----------------------------------------------------------------

    def chosen_codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.code_boxes.items() if box.isChecked())

    def differs_from_suggestion(self) -> bool:
        suggestion = self.suggestion
        return suggestion is not None and set(self.chosen_codes()) != set(suggestion.codes)

    def gathered(self) -> FinalizeRequest:
        """What the dialog holds now, as OK sends it."""
        return FinalizeRequest(codes=self.chosen_codes(), reason=self.reason_edit.text().strip(),
                               follow_up=self.follow_up.measures(),
                               signatures=self.signature_sheet.signatures())

    def _result_toggled(self, _on: bool) -> None:
        self.follow_up.set_result(self.chosen_codes())
        self._word_reason_hint()
        self.error_label.clear()

    def _signatures_changed(self) -> None:
        self._word_signatures_hint()
        self.error_label.clear()

    # -- text ----------------------------------------------------------------------------

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
        self.follow_up_group.setTitle(self.tr("Follow-up"))
        self.follow_up.retranslate(lang)
        self.signatures_group.setTitle(self.tr("Signatures"))
        self.signature_sheet.retranslate()
        self.ok_button.setText(self.tr("Finalize"))
        self.ok_button.setToolTip("Ctrl+Enter")
        self._word_reason_hint()
        self._word_signatures_hint()
        self._fit_width()

    def _fit_width(self) -> None:
        """At least :data:`MIN_WIDTH` × :data:`MIN_HEIGHT`, and wide enough for the content
        (the English glosses are long): it scrolls only vertically."""
        area = self.scroll_area
        content = area.widget()
        if content is None:
            return
        bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        area.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * area.frameWidth())
        layout = self.layout()
        needed = layout.minimumSize().width() if layout is not None else 0
        # An explicit minimum overrides the layout's: set it to the larger of the two.
        self.setMinimumSize(max(MIN_WIDTH, needed), MIN_HEIGHT)

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

    def _word_signatures_hint(self) -> None:
        unsigned = self.signature_sheet.unsigned()
        if unsigned:
            joiner = "、" if self._lang is Lang.ZH else ", "
            self.signatures_hint.setText(self.tr("Still to sign: %1")
                                         .replace("%1", joiner.join(unsigned)))
        else:
            self.signatures_hint.setText(self.tr("Everyone has signed (or the party's "
                                                 "refusal is recorded)."))

    # -- the request ---------------------------------------------------------------------

    def request(self) -> None:
        """OK: hand what was gathered to the screen, which asks the service."""
        if self.waiting:
            return
        self._start_waiting()
        self.finalize_requested.emit(self.gathered())
