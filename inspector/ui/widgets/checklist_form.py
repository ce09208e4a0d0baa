"""A checklist version rendered as a form: sections, items, conditions, problems, progress.

Contract: main thread. :class:`ChecklistForm` renders any
:class:`~inspector.forms.checklist.Checklist` (one editor per item kind, see
:mod:`inspector.ui.widgets.checklist_editors`) with each item's label (``*`` when
required), help, 检查依据 (small) and a 重点 badge. After every edit it recomputes
:func:`~inspector.forms.answers.form_state` on the UI thread (pure and fast), shows or
hides the items whose condition changed, shows each visible item's problems beside it
in red and the progress "已答 X / 必答 Y". Signals: ``answer_changed(key, value)``
after each edit by the user (a compliance note under ``<key>.note``), and
``state_changed(FormState)`` after every recomputation (also after
:meth:`ChecklistForm.set_answers`). The form keeps answers in memory only: saving
drafts (autosave on ``answer_changed``) belongs to the caller, the inspection feature.
Keyboard: Tab follows the items in order; Enter in a line edit (a barcode scanner
ends with Enter) moves the focus to the next visible item.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.forms.answers import FormState, form_state
from inspector.forms.checklist import Checklist, Item, Severity
from inspector.forms.expressions import Value
from inspector.ui.widgets.checklist_editors import ItemEditor, make_editor

ERROR_COLOUR = "#b3261e"
_SMALL = "color: #5f6b7a; font-size: 11px;"
_BADGE = "color: white; background: #b3261e; border-radius: 3px; padding: 0 4px;"


@dataclass(slots=True)
class _Row:
    """One item's widgets."""

    item: Item
    box: QWidget
    label: QLabel
    badge: QLabel | None
    editor: ItemEditor | None
    problems: QLabel


class ChecklistForm(QWidget):
    """One checklist version's form (see the module contract)."""

    answer_changed = Signal(str, object)  # item key (or note key), Value
    state_changed = Signal(object)  # FormState

    def __init__(self, checklist: Checklist, lang: Lang, *,
                 entity: Mapping[str, Value] | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self._lang = lang
        self._entity: Mapping[str, Value] = dict(entity or {})
        self._today = today or date.today()
        self._answers: dict[str, Value] = {}
        self.rows: dict[str, _Row] = {}
        self._sections: list[tuple[QGroupBox, tuple[str, ...]]] = []
        self._shown_problems: dict[str, str] = {}  # item key → the message shown beside it

        layout = QVBoxLayout(self)
        self.title = QLabel(html.escape(f"{checklist.title}（{checklist.code} · "
                                        f"v{checklist.version}）"))
        self.title.setObjectName("checklistTitle")
        self.title.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        for section in checklist.sections:
            group = QGroupBox(section.title)
            group.setObjectName(f"section_{section.key}")
            section_layout = QVBoxLayout(group)
            for item in section.items:
                row = self._build_row(item)
                self.rows[item.key] = row
                section_layout.addWidget(row.box)
            layout.addWidget(group)
            self._sections.append((group, tuple(i.key for i in section.items)))
        layout.addStretch(1)
        self._chain_tab_order()
        self._state = self._recompute()

    # -- building ---------------------------------------------------------------------------

    def _build_row(self, item: Item) -> _Row:
        box = QWidget()
        box.setObjectName(f"item_{item.key}")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(2)
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        badge = None
        if item.severity is Severity.KEY:
            badge = QLabel()
            badge.setObjectName(f"{item.key}_badge")
            badge.setStyleSheet(_BADGE)
        line = QWidget()
        line_layout = QHBoxLayout(line)
        line_layout.setContentsMargins(0, 0, 0, 0)
        line_layout.addWidget(label, 1)
        if badge is not None:
            line_layout.addWidget(badge)
        column.addWidget(line)
        if item.help:
            help_label = QLabel(item.help)
            help_label.setWordWrap(True)
            help_label.setStyleSheet(_SMALL)
            column.addWidget(help_label)
        if item.basis:
            basis = QLabel()
            basis.setObjectName(f"{item.key}_basis")
            basis.setWordWrap(True)
            basis.setStyleSheet(_SMALL)
            basis.setProperty("basis", item.basis)
            column.addWidget(basis)
        editor = make_editor(item)
        if editor is not None:
            label.setBuddy(editor.focus_widgets()[0] if editor.focus_widgets() else editor)
            editor.edited.connect(lambda key=item.key: self._edited(key))
            editor.advance_requested.connect(lambda key=item.key: self.focus_next_item(key))
            column.addWidget(editor)
        problems = QLabel()
        problems.setObjectName(f"{item.key}_problems")
        problems.setWordWrap(True)
        problems.setStyleSheet(f"color: {ERROR_COLOUR};")
        problems.hide()
        column.addWidget(problems)
        row = _Row(item, box, label, badge, editor, problems)
        self._word_row(row)
        return row

    def _word_row(self, row: _Row) -> None:
        item = row.item
        marker = (f' <span style="color:{ERROR_COLOUR}">*</span>' if item.required else "")
        row.label.setText(f"{html.escape(item.label)}{marker}")
        row.label.setToolTip(self.tr("Required") if item.required else "")
        if row.badge is not None:
            row.badge.setText(self.tr("Key item"))
        basis = row.box.findChild(QLabel, f"{item.key}_basis")
        if basis is not None:
            basis.setText(self.tr("Basis: %1").replace("%1", item.basis))
        if row.editor is not None:
            row.editor.retranslate()

    def _chain_tab_order(self) -> None:
        chain = [widget for key in self.rows for widget in self._focus_widgets(key)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_widgets(self, key: str) -> list[QWidget]:
        editor = self.rows[key].editor
        return editor.focus_widgets() if editor is not None else []

    # -- answers ----------------------------------------------------------------------------

    def set_answers(self, answers: Mapping[str, Value]) -> None:
        """Show ``answers`` (replacing all), without emitting ``answer_changed``."""
        self._answers = dict(answers)
        for key, row in self.rows.items():
            if row.editor is not None:
                row.editor.set_value(self._answers.get(key))
                row.editor.set_extra(self._answers)
        self._state = self._recompute()

    def answers(self) -> dict[str, Value]:
        """Every answer given, hidden items' included (they stay until changed)."""
        return {key: value for key, value in self._answers.items() if value is not None}

    def state(self) -> FormState:
        return self._state

    def _edited(self, key: str) -> None:
        editor = self.rows[key].editor
        assert editor is not None
        changed: dict[str, Value] = {key: editor.value(), **editor.extra_answers()}
        changed = {k: v for k, v in changed.items() if self._answers.get(k) != v}
        self._answers.update(changed)
        self._state = self._recompute()
        for changed_key, value in changed.items():
            self.answer_changed.emit(changed_key, value)

    def _recompute(self) -> FormState:
        """Recompute the state and touch only the rows whose visibility or messages
        changed: a keystroke must not relayout 300 items."""
        state = form_state(self.checklist, self.answers(), self._entity, self._today)
        joiner = "；" if self._lang is Lang.ZH else "; "
        messages: dict[str, list[str]] = {}
        for problem in state.problems:
            messages.setdefault(problem.item, []).append(problem.text.render(self._lang))
        for key, row in self.rows.items():
            shown = key in state.visible
            if row.box.isHidden() == shown:
                row.box.setVisible(shown)
            text = joiner.join(messages.get(key, ())) if shown else ""
            if text != self._shown_problems.get(key, ""):
                self._shown_problems[key] = text
                row.problems.setText(text)
                row.problems.setVisible(bool(text))
        for group, keys in self._sections:
            wanted = any(key in state.visible for key in keys)
            if group.isHidden() == wanted:
                group.setVisible(wanted)
        self._show_progress(state)
        self.state_changed.emit(state)
        return state

    def _show_progress(self, state: FormState) -> None:
        self.progress.setText(self.tr("Answered %1 / required %2")
                              .replace("%1", str(state.answered))
                              .replace("%2", str(state.required)))

    # -- keyboard ---------------------------------------------------------------------------

    def focus_next_item(self, key: str) -> bool:
        """Give the focus to the first visible item after ``key`` that takes an answer."""
        keys = list(self.rows)
        for later in keys[keys.index(key) + 1:]:
            widgets = self._focus_widgets(later)
            if later in self._state.visible and widgets:
                target = next((w for w in widgets
                               if isinstance(w, QAbstractButton) and w.isChecked()),
                              widgets[0])
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        for row in self.rows.values():
            self._word_row(row)
        self._state = self._recompute()
