"""A checklist version rendered as a form: sections, items, conditions, problems, progress.

Contract: main thread. :class:`ChecklistForm` renders any
:class:`~inspector.forms.checklist.Checklist` (one editor per item kind, see
:mod:`inspector.ui.widgets.checklist_editors`) with each item's label (``*`` when
required) and a 重点 badge, then its help and 检查依据 in small grey type. After every
edit it recomputes :func:`~inspector.forms.answers.form_state` on the UI thread (pure and
fast), shows or hides the items whose condition changed, shows each visible item's
problems beside it in red and the progress "已答 X / 必答 Y". Signals:
``answer_changed(key, value)`` after each edit by the user (a compliance note under
``<key>.note``), and ``state_changed(FormState)`` after every recomputation (also after
:meth:`ChecklistForm.set_answers`), and ``media_requested(key)`` when the user asks to
attach photos to a photo item, or ``media_dropped(key, paths)`` when photo files are
dropped on it (the screen holding the inspection attaches them and shows the result
with :meth:`ChecklistForm.set_answer` and :meth:`ChecklistForm.set_thumbnails`), and
``annotation_requested(sha256)`` when a photo's thumbnail is clicked, and
``capture_requested(key)`` when "拍照" is asked for (:meth:`set_camera_available`). The
form keeps answers in memory only: saving them (autosave on ``answer_changed``) belongs
to the caller.

Speed: an item is built the first time it shows (:meth:`ChecklistForm.row` builds it on
demand), a problem label the first time it has a message, and a keystroke touches only
the rows whose visibility or messages changed; labels remember their wrapped heights.
Keyboard: Tab follows the items in order; Enter in a line edit (a barcode scanner ends
with Enter) moves the focus to the next visible item.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.forms.answers import FormState, form_state
from inspector.forms.checklist import Checklist, Item, Severity
from inspector.forms.expressions import Value
from inspector.ui.widgets.checklist_editors import MEDIA_KINDS, ItemEditor, make_editor
from inspector.ui.widgets.media_editor import MediaEditor
from inspector.ui.widgets.wrapping_label import WrappingLabel

ERROR_COLOUR = "#b3261e"


@dataclass(slots=True)
class _Row:
    """One built item: its editor (the whole row) and, once the item has had a message,
    the label of its problems."""

    item: Item
    editor: ItemEditor
    problems: QLabel | None = None

    @property
    def box(self) -> QWidget:
        return self.editor


@dataclass(frozen=True, slots=True)
class _Section:
    group: QGroupBox
    layout: QVBoxLayout
    keys: tuple[str, ...]


class ChecklistForm(QWidget):
    """One checklist version's form (see the module contract)."""

    answer_changed = Signal(str, object)  # item key (or note key), Value
    state_changed = Signal(object)  # FormState
    media_requested = Signal(str)  # a photo item's key: the user asks to attach photos
    media_dropped = Signal(str, list)  # a photo item's key, the photo files dropped on it
    annotation_requested = Signal(str)  # a photo's original SHA-256: annotate it
    capture_requested = Signal(str)  # a photo item's key: take a photo with the camera

    def __init__(self, checklist: Checklist, lang: Lang, *,
                 entity: Mapping[str, Value] | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self._lang = lang
        self._entity: Mapping[str, Value] = dict(entity or {})
        self._today = today or date.today()
        self._answers: dict[str, Value] = {}
        self._thumbnails: dict[str, bytes] = {}  # photo thumbnails by original's SHA-256
        self._camera = False
        self._items = {item.key: item for item in checklist.items}
        self._order = {key: number for number, key in enumerate(self._items)}
        self._built: dict[str, _Row] = {}
        self._initialising = False
        self._shown_rows: set[str] = set()  # built rows shown (isHidden() is True for
        self._shown_sections: set[str] = set()  # children of a form not shown yet)
        self._section_of: dict[str, _Section] = {}
        self._shown_problems: dict[str, str] = {}  # item key → the message shown beside it
        self._missing_named: set[str] = set()  # items whose "必填" shows (see _recompute)
        self._all_missing_named = False
        self._error_palette = QPalette(self.palette())
        self._error_palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))

        layout = QVBoxLayout(self)
        self.title = WrappingLabel(f"{checklist.title}（{checklist.code} · "
                                   f"v{checklist.version}）")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("checklistTitle")
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        self._sections: list[_Section] = []
        for section in checklist.sections:
            group = QGroupBox(section.title)
            group.setObjectName(f"section_{section.key}")
            built = _Section(group, QVBoxLayout(group), tuple(i.key for i in section.items))
            self._shown_sections.add(group.objectName())
            self._sections.append(built)
            self._section_of.update((key, built) for key in built.keys)
            layout.addWidget(group)
        layout.addStretch(1)
        self._initialising = True  # rows built now come in item order, shown with the form
        self._state = self._recompute()
        self._initialising = False

    # -- building ---------------------------------------------------------------------------

    def row(self, key: str) -> _Row:
        """The widgets of item ``key``, built now if it has not shown yet."""
        found = self._built.get(key)
        return found if found is not None else self._build(key, shown=False)

    def is_shown(self, key: str) -> bool:
        return key in self._shown_rows

    def _build(self, key: str, *, shown: bool) -> _Row:
        item = self._items[key]
        editor = box = MediaEditor(item) if item.kind in MEDIA_KINDS else make_editor(item)
        box.setObjectName(f"item_{key}")
        editor.set_value(self._answers.get(key))
        editor.set_extra(self._answers)
        editor.edited.connect(lambda key=key: self._edited(key))
        if isinstance(editor, MediaEditor):
            editor.media_requested.connect(lambda key=key: self.media_requested.emit(key))
            editor.media_dropped.connect(
                lambda paths, key=key: self.media_dropped.emit(key, paths))
            editor.annotation_requested.connect(self.annotation_requested.emit)
            editor.capture_requested.connect(
                lambda key=key: self.capture_requested.emit(key))
            editor.set_camera_available(self._camera)
            editor.set_thumbnails(self._thumbnails)
        editor.advance_requested.connect(lambda key=key: self.focus_next_item(key))
        row = _Row(item, editor)
        self._word_row(row)
        section = self._section_of[key]
        earlier = [k for k in section.keys if k in self._built
                   and self._order[k] < self._order[key]]
        section.layout.insertWidget(len(earlier), box)
        self._built[key] = row
        if shown:
            self._shown_rows.add(key)
        if not self._initialising:  # else it shows with the form, in creation order
            box.setVisible(shown)
            self._chain_focus(key)
        elif not shown:
            box.setVisible(False)
        return row

    def _word_row(self, row: _Row) -> None:
        """Word the row's heading: the label (with its unit, ``*`` when required and
        【重点】), then its help and 检查依据."""
        item = row.item
        text = item.label + (f"（{item.unit}）" if item.unit else "")
        if item.required:
            text += " *"
        if item.severity is Severity.KEY:
            text += "  【" + self.tr("Key item") + "】"
        details = [item.help] if item.help else []
        if item.basis:
            details.append(self.tr("Basis: %1").replace("%1", item.basis))
        row.editor.set_heading(text, "\n".join(details),
                               self.tr("Required") if item.required else "")
        row.editor.retranslate()

    def _chain_focus(self, key: str) -> None:
        """Put a newly built item's widgets in the tab order after the nearest built item
        before it (a widget new to the window comes last in its focus chain)."""
        widgets = self._focus_widgets(key)
        if not widgets:
            return
        keys = list(self._items)
        anchor = next((self._focus_widgets(k)[-1] for k in reversed(keys[:self._order[key]])
                       if self._focus_widgets(k)), None)
        if anchor is not None:
            chain = [anchor, *widgets]
        else:  # the first item that takes the focus: chain every built item again
            chain = [w for k in keys if k in self._built for w in self._focus_widgets(k)]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_widgets(self, key: str) -> list[QWidget]:
        row = self._built.get(key)
        return row.editor.focus_widgets() if row is not None else []

    # -- answers ----------------------------------------------------------------------------

    def set_answers(self, answers: Mapping[str, Value]) -> None:
        """Show ``answers`` (replacing all), without emitting ``answer_changed``."""
        self._answers = dict(answers)
        for key, row in self._built.items():
            row.editor.set_value(self._answers.get(key))
            row.editor.set_extra(self._answers)
        self._state = self._recompute(name_revealed=False)

    def set_camera_available(self, available: bool) -> None:
        """Offer "拍照" on the photo items (where a camera exists)."""
        self._camera = available
        for row in self._built.values():
            if isinstance(row.editor, MediaEditor):
                row.editor.set_camera_available(available)

    def set_thumbnails(self, thumbnails: Mapping[str, bytes]) -> None:
        """Photo thumbnails (JPEG bytes by the original's SHA-256) for the photo items."""
        self._thumbnails.update(thumbnails)
        for row in self._built.values():
            if isinstance(row.editor, MediaEditor):
                row.editor.set_thumbnails(thumbnails)

    def set_answer(self, key: str, value: Value) -> None:
        """Show one answer saved elsewhere (a photo attached by its screen), without
        emitting ``answer_changed``."""
        self._answers[key] = value
        row = self._built.get(key)
        if row is not None:
            row.editor.set_value(value)
        self._state = self._recompute()

    def answers(self) -> dict[str, Value]:
        """Every answer given, hidden items' included (they stay until changed)."""
        return {key: value for key, value in self._answers.items() if value is not None}

    def state(self) -> FormState:
        return self._state

    def _edited(self, key: str) -> None:
        editor = self._built[key].editor
        changed: dict[str, Value] = {key: editor.value(), **editor.extra_answers()}
        changed = {k: v for k, v in changed.items() if self._answers.get(k) != v}
        self._answers.update(changed)
        self._missing_named.add(key)
        self._state = self._recompute()
        for changed_key, value in changed.items():
            self.answer_changed.emit(changed_key, value)

    def _recompute(self, *, name_revealed: bool = True) -> FormState:
        """Recompute the state and touch only the rows whose visibility or messages
        changed: a keystroke must not relayout 300 items. Required items that an edit
        reveals say so at once (``name_revealed``); those shown by loading answers or
        the first build wait, like the rest, for a touch or :meth:`name_missing`."""
        state = form_state(self.checklist, self.answers(), self._entity, self._today)
        joiner = "；" if self._lang is Lang.ZH else "; "
        messages: dict[str, list[str]] = {}
        if name_revealed and not self._initialising:
            self._missing_named.update(state.visible - self._shown_rows)
        for problem in state.problems:
            if problem.missing and not (self._all_missing_named
                                        or problem.item in self._missing_named):
                continue
            messages.setdefault(problem.item, []).append(problem.text.render(self._lang))
        for key in self._items:
            shown = key in state.visible
            row = self._built.get(key)
            if row is None:
                if not shown:
                    continue
                row = self._build(key, shown=True)
            elif (key in self._shown_rows) != shown:
                row.box.setVisible(shown)
                (self._shown_rows.add if shown else self._shown_rows.discard)(key)
            text = joiner.join(messages.get(key, ())) if shown else ""
            if text != self._shown_problems.get(key, ""):
                self._shown_problems[key] = text
                self._show_problems(row, text)
        for section in self._sections:
            wanted = any(key in state.visible for key in section.keys)
            name = section.group.objectName()
            if (name in self._shown_sections) != wanted:
                section.group.setVisible(wanted)
                (self._shown_sections.add if wanted else self._shown_sections.discard)(name)
        self._show_progress(state)
        self.state_changed.emit(state)
        return state

    def _show_problems(self, row: _Row, text: str) -> None:
        if row.problems is None:
            if not text:
                return
            row.problems = WrappingLabel()
            row.problems.setObjectName(f"{row.item.key}_problems")
            row.problems.setTextFormat(Qt.TextFormat.PlainText)
            row.problems.setPalette(self._error_palette)
            row.editor.column.addWidget(row.problems)
        row.problems.setText(text)
        row.problems.setVisible(bool(text))

    def name_missing(self) -> int:
        """Show "必填" beside every visible required item left empty (before finishing),
        focus the first and return how many there are."""
        self._all_missing_named = True
        self._state = self._recompute()
        missing = [p.item for p in self._state.problems if p.missing]
        if missing:
            self.focus_item(missing[0])
        return len(missing)

    def focus_item(self, key: str) -> bool:
        """Scroll to item ``key`` and give it the focus (False when it is hidden)."""
        widgets = self._focus_widgets(key)
        if key not in self._state.visible or not widgets:
            return False
        widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(self._built[key].box)
        return True

    def problems_shown(self, key: str) -> str:
        """The message shown beside item ``key`` ("" when none shows)."""
        row = self._built.get(key)
        return row.problems.text() if row is not None and row.problems is not None \
            and not row.problems.isHidden() and self.is_shown(key) else ""

    def _show_progress(self, state: FormState) -> None:
        self.progress.setText(self.tr("Answered %1 / required %2")
                              .replace("%1", str(state.answered))
                              .replace("%2", str(state.required)))

    # -- keyboard ---------------------------------------------------------------------------

    def focus_next_item(self, key: str) -> bool:
        """Give the focus to the first visible item after ``key`` that takes an answer."""
        keys = list(self._items)
        for later in keys[keys.index(key) + 1:]:
            widgets = self._focus_widgets(later)
            if later in self._state.visible and widgets:
                widgets[0].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        for row in self._built.values():
            self._word_row(row)
        self._shown_problems.clear()
        for row in self._built.values():
            self._show_problems(row, "")
        self._state = self._recompute()
