"""One editor per checklist item kind, for the checklist form (``checklist_form.py``).

Contract: main thread. An :class:`ItemEditor` is the whole row of one item: its heading
(label, help and legal basis, worded by the form through :meth:`ItemEditor.set_heading`)
above the answer widgets; choice items draw theirs inside their
:class:`~inspector.ui.widgets.choice_strip.ChoiceStrip`, the rest in labels. Guidance
items get a bare :class:`ItemEditor`. It reports the user's edits: ``edited`` (past tense; never
emitted by :meth:`ItemEditor.set_value`) after every change, and ``advance_requested``
when Enter is pressed in a line edit, so the form moves the focus to the next item (a
barcode scanner types the code and then Enter). Values are the engine's
(:data:`~inspector.forms.expressions.Value`): texts, ``Decimal`` numbers (never floats),
dates, timezone-aware local datetimes, and tuples of the chosen values in the choices'
order. A compliance item's note is a separate answer, under :func:`note_key`; its line
edit appears once an answer is chosen (or a note exists). Photo, sample and signature
items have no media capture yet: they show a placeholder button that stays reachable by
keyboard and keeps any value set.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QRegularExpression, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.forms.checklist import COMPLIANCE_ANSWERS, Item, ItemKind
from inspector.forms.expressions import Value
from inspector.ui.widgets.choice_strip import DETAIL_COLOUR, ChoiceStrip, detail_font
from inspector.ui.widgets.wrapping_label import WrappingLabel

MAX_STRIP_CHOICES = 5  # more choices than this: a combo box
_UNSET_DATE = QDate(1900, 1, 1)  # QDateEdit's minimum, shown as "not set"


def note_key(key: str) -> str:
    """The answer key of a compliance item's note (item keys never contain a dot)."""
    return f"{key}.note"


class ItemEditor(QWidget):
    """One item's row: its label and answer widgets; subclasses implement one kind (this
    base class alone shows guidance, which takes no answer)."""

    edited = Signal()
    advance_requested = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 4, 0, 4)
        self.column.setSpacing(2)
        self.label: QLabel | None = None  # made by the first set_heading
        self.details: QLabel | None = None
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.column.addLayout(self.row)

    def set_heading(self, title: str, details: str, tooltip: str) -> None:
        """Show the item's label and, in small grey type under it, its help and legal
        basis (plain text: rich text costs a text document per label)."""
        if self.label is None:
            self.label = WrappingLabel()
            self.label.setTextFormat(Qt.TextFormat.PlainText)
            self.column.insertWidget(0, self.label)
            widgets = self.focus_widgets()
            if widgets:
                self.label.setBuddy(widgets[0])
        self.label.setText(title)
        self.label.setToolTip(tooltip)
        if details and self.details is None:
            self.details = WrappingLabel()
            self.details.setObjectName(f"{self.item.key}_details")
            self.details.setTextFormat(Qt.TextFormat.PlainText)
            palette = QPalette(self.details.palette())
            palette.setColor(QPalette.ColorRole.WindowText, QColor(DETAIL_COLOUR))
            self.details.setPalette(palette)
            self.details.setFont(detail_font(self.details.font()))
            self.column.insertWidget(1, self.details)
        if self.details is not None:
            self.details.setText(details)
            self.details.setVisible(bool(details))

    def heading(self) -> str:
        """The item's label as shown."""
        return self.label.text() if self.label is not None else ""

    def value(self) -> Value:
        return None

    def set_value(self, value: Value) -> None:
        """Show ``value`` without emitting ``edited``."""

    def extra_answers(self) -> dict[str, Value]:
        """Answers besides the item's own (a compliance item's note)."""
        return {}

    def set_extra(self, answers: dict[str, Value]) -> None:
        """Show the extra answers found in ``answers``, without emitting."""

    def focus_widgets(self) -> list[QWidget]:
        """The widgets that take the focus, in tab order."""
        return []

    def retranslate(self) -> None:
        """Word the editor's own texts again (after a language change)."""

    def line_edit(self, *, under_the_answer: bool = False) -> QLineEdit:
        """A line edit that reports edits and asks to move on at Enter, in the answer's
        row or on its own line under it."""
        edit = QLineEdit()
        edit.textEdited.connect(lambda _text: self.edited.emit())
        edit.returnPressed.connect(self.advance_requested.emit)
        if under_the_answer:
            items = [self.column.itemAt(n) for n in range(self.column.count())]
            after = next(n for n, item in enumerate(items)
                         if item is not None and item.layout() is self.row)
            self.column.insertWidget(after + 1, edit)
        else:
            self.row.addWidget(edit, 1)
        return edit


class ComplianceEditor(ItemEditor):
    """符合 / 不符合 / 不适用 (always the Chinese answers) in a :class:`ChoiceStrip`, and a
    note once an answer is chosen."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.choice = ChoiceStrip(list(COMPLIANCE_ANSWERS))
        self.choice.setObjectName(f"{item.key}_choice")
        self.choice.chosen_by_user.connect(self._answered)
        self.choice.advance_requested.connect(self.advance_requested.emit)
        self.row.addWidget(self.choice)
        self.note: QLineEdit | None = None

    def _answered(self) -> None:
        self.show_note()
        self.edited.emit()

    def show_note(self) -> QLineEdit:
        """The note's line edit, made (after the answers in the tab order) when first
        needed: most compliance checks pass without one."""
        if self.note is None:
            self.note = self.line_edit(under_the_answer=True)
            self.note.setObjectName(f"{self.item.key}_note")
            QWidget.setTabOrder(self.choice, self.note)
            self.retranslate()
        return self.note

    def value(self) -> Value:
        chosen = self.choice.chosen()
        return COMPLIANCE_ANSWERS[chosen[0]] if chosen else None

    def set_value(self, value: Value) -> None:
        self.choice.set_chosen((COMPLIANCE_ANSWERS.index(value),)
                               if value in COMPLIANCE_ANSWERS else ())

    def extra_answers(self) -> dict[str, Value]:
        text = self.note.text().strip() if self.note is not None else ""
        return {note_key(self.item.key): text or None}

    def set_extra(self, answers: dict[str, Value]) -> None:
        note = answers.get(note_key(self.item.key))
        if (isinstance(note, str) and note) or self.choice.chosen():
            self.show_note()
        if self.note is not None:
            self.note.setText(note if isinstance(note, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.choice, *([self.note] if self.note is not None else [])]

    def set_heading(self, title: str, details: str, tooltip: str) -> None:
        self.choice.set_heading(title, details)
        self.choice.setToolTip(tooltip)

    def heading(self) -> str:
        return self.choice.heading()

    def retranslate(self) -> None:
        if self.note is not None:
            self.note.setPlaceholderText(self.tr("Note (optional)"))


class SingleChoiceEditor(ItemEditor):
    """A :class:`ChoiceStrip`, or a combo box when there are more than five choices."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.values = [choice.value for choice in item.choices]
        self.combo: QComboBox | None = None
        self.choice: ChoiceStrip | None = None
        if len(item.choices) > MAX_STRIP_CHOICES:
            self.combo = QComboBox()
            self.combo.setObjectName(f"{item.key}_combo")
            self.combo.addItem("—", None)
            for choice in item.choices:
                self.combo.addItem(choice.label, choice.value)
            self.combo.activated.connect(lambda _index: self.edited.emit())
            self.row.addWidget(self.combo, 1)
            return
        self.choice = ChoiceStrip([choice.label for choice in item.choices])
        self.choice.setObjectName(f"{item.key}_choice")
        self.choice.chosen_by_user.connect(self.edited.emit)
        self.choice.advance_requested.connect(self.advance_requested.emit)
        self.row.addWidget(self.choice)

    def value(self) -> Value:
        if self.combo is not None:
            data = self.combo.currentData()
            return str(data) if data is not None else None
        assert self.choice is not None
        chosen = self.choice.chosen()
        return self.values[chosen[0]] if chosen else None

    def set_value(self, value: Value) -> None:
        number = self.values.index(value) if isinstance(value, str) and value in self.values \
            else -1
        if self.combo is not None:
            self.combo.setCurrentIndex(number + 1)
        elif self.choice is not None:
            self.choice.set_chosen((number,) if number >= 0 else ())

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo] if self.combo is not None else [self.choice] if self.choice else []

    def set_heading(self, title: str, details: str, tooltip: str) -> None:
        if self.choice is None:  # a combo box: the ordinary label above it
            super().set_heading(title, details, tooltip)
            return
        self.choice.set_heading(title, details)
        self.choice.setToolTip(tooltip)

    def heading(self) -> str:
        return self.choice.heading() if self.choice is not None else super().heading()


class MultipleChoiceEditor(ItemEditor):
    """A :class:`ChoiceStrip` where each option toggles; the value is the chosen values
    in the choices' order."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.values = [choice.value for choice in item.choices]
        self.choice = ChoiceStrip([choice.label for choice in item.choices], multiple=True)
        self.choice.setObjectName(f"{item.key}_choice")
        self.choice.chosen_by_user.connect(self.edited.emit)
        self.choice.advance_requested.connect(self.advance_requested.emit)
        self.row.addWidget(self.choice)

    def value(self) -> Value:
        return tuple(self.values[n] for n in self.choice.chosen()) or None

    def set_value(self, value: Value) -> None:
        chosen = value if isinstance(value, tuple) else ()
        self.choice.set_chosen(tuple(n for n, v in enumerate(self.values) if v in chosen))

    def focus_widgets(self) -> list[QWidget]:
        return [self.choice]

    def set_heading(self, title: str, details: str, tooltip: str) -> None:
        self.choice.set_heading(title, details)
        self.choice.setToolTip(tooltip)

    def heading(self) -> str:
        return self.choice.heading()


class NumberEditor(ItemEditor):
    """A line edit that takes digits (and a point for decimals); the value is a Decimal.

    The validator only keeps out what is not a number; the range is checked by the
    engine, so an out-of-range answer shows its message beside the item. The unit is
    worded in the item's label."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit = self.line_edit()
        self.edit.setObjectName(f"{item.key}_edit")
        pattern = r"-?\d{0,15}" if item.kind is ItemKind.INTEGER else r"-?\d{0,15}(\.\d{0,6})?"
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern),
                                                           self.edit))

    def value(self) -> Value:
        text = self.edit.text().strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None
        return number if number.is_finite() else None

    def set_value(self, value: Value) -> None:
        self.edit.setText(str(value) if isinstance(value, Decimal) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]


class TextEditor(ItemEditor):
    """Free text, and barcodes: a scanner types the code and Enter, like a keyboard."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit = self.line_edit()
        self.edit.setObjectName(f"{item.key}_edit")
        self.retranslate()

    def value(self) -> Value:
        return self.edit.text().strip() or None

    def set_value(self, value: Value) -> None:
        self.edit.setText(value if isinstance(value, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    def retranslate(self) -> None:
        if self.item.kind is ItemKind.BARCODE:
            self.edit.setPlaceholderText(self.tr("Scan or type the code, then Enter"))


class DateEditor(ItemEditor):
    """A date (or date and time) with "not set" shown until one is chosen."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.with_time = item.kind is ItemKind.DATETIME
        self.edit = QDateTimeEdit() if self.with_time else QDateEdit()
        self.edit.setObjectName(f"{item.key}_edit")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(_UNSET_DATE)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm" if self.with_time else "yyyy-MM-dd")
        self.edit.setDate(_UNSET_DATE)
        self.edit.dateTimeChanged.connect(lambda _value: self.edited.emit())
        self.today_button = QToolButton()
        self.today_button.clicked.connect(self._today)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(lambda: self.edit.setDate(_UNSET_DATE))
        for widget in (self.edit, self.today_button, self.clear_button):
            self.row.addWidget(widget)
        self.row.addStretch(1)
        self.retranslate()

    def _today(self) -> None:
        self.edit.setDateTime(QDateTime.currentDateTime())

    def value(self) -> Value:
        if self.edit.date() == _UNSET_DATE:
            return None
        if self.with_time:
            moment = self.edit.dateTime().toPython()
            return moment.astimezone() if isinstance(moment, datetime) else None
        day = self.edit.date().toPython()
        return day if isinstance(day, date) else None

    def set_value(self, value: Value) -> None:
        blocked = self.edit.blockSignals(True)
        if isinstance(value, datetime):
            local = value.astimezone()
            self.edit.setDateTime(QDateTime(local.year, local.month, local.day, local.hour,
                                            local.minute, local.second))
        elif isinstance(value, date):
            self.edit.setDate(QDate(value.year, value.month, value.day))
        else:
            self.edit.setDate(_UNSET_DATE)
        self.edit.blockSignals(blocked)

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit, self.today_button, self.clear_button]

    def retranslate(self) -> None:
        self.edit.setSpecialValueText(self.tr("not set"))
        self.today_button.setText(self.tr("Now") if self.with_time else self.tr("Today"))
        self.clear_button.setText(self.tr("Clear"))


MEDIA_KINDS = frozenset({ItemKind.PHOTO, ItemKind.SAMPLE, ItemKind.SIGNATURE})


def make_editor(item: Item) -> ItemEditor:
    """The editor of ``item``'s kind (the bare row for guidance, which takes no answer);
    the media kinds have theirs in :mod:`.media_editor`, which builds on this module."""
    kind = item.kind
    if kind is ItemKind.GUIDANCE:
        return ItemEditor(item)
    if kind is ItemKind.COMPLIANCE:
        return ComplianceEditor(item)
    if kind is ItemKind.SINGLE_CHOICE:
        return SingleChoiceEditor(item)
    if kind is ItemKind.MULTIPLE_CHOICE:
        return MultipleChoiceEditor(item)
    if kind in (ItemKind.INTEGER, ItemKind.DECIMAL):
        return NumberEditor(item)
    if kind in (ItemKind.DATE, ItemKind.DATETIME):
        return DateEditor(item)
    if kind in MEDIA_KINDS:
        raise ValueError(f"{item.key}: a {kind.value} item's editor is a MediaEditor")
    return TextEditor(item)  # text, barcode
