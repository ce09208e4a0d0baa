"""Comparing two versions of a checklist (版本比较), for administrators.

Contract: main thread; the dialog never touches the database. It is built with the
checklist's code, the version numbers the library holds and the language, and starts
on the previous version against the latest (two combo boxes, From and To). When first
shown, and whenever the user picks another pair, it emits ``versions_wanted(code, old,
new)``; the owner loads both versions on its DB thread and answers with
:meth:`show_diff` (an answer for a pair no longer picked is ignored, so slow loads never
overwrite a newer choice) or :meth:`show_error`. :meth:`request` asks again for the
pair shown. The same version twice, or a library of one version, asks for nothing.

The summary sits above a read-only table, one row per change (变化 / 题目 / 分节 / 详情),
tinted by kind (added green, removed red, changed amber, moved blue), in the diff's
order until a header is clicked to sort. Keyboard: Alt+F and Alt+T reach the combo
boxes, Tab moves on to the table and Close, Ctrl+C copies the selected rows, Esc
closes. Widget text goes through ``tr``; the changes are worded in the dialog's
language, which the owner switches with :meth:`retranslate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.forms.checklist import Checklist
from inspector.forms.diff import Change, ChangeKind, ChecklistDiff, Subject, diff_versions
from inspector.ui.record_table import record_table
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel, text_sort_key
from inspector.ui.widgets.feedback import ERROR_STYLE

BRUSHES = {
    ChangeKind.ADDED: QBrush(QColor("#e3f1e4")),
    ChangeKind.REMOVED: QBrush(QColor("#f8c9c4")),
    ChangeKind.CHANGED: QBrush(QColor("#fdf0c8")),
    ChangeKind.MOVED: QBrush(QColor("#d6e6f5")),
}
_KIND_ORDER = {kind: order for order, kind in enumerate(ChangeKind)}


def _tint(change: Change) -> QBrush:
    return BRUSHES[change.kind]


class ChecklistDiffModel(SnapshotTableModel[Change]):
    """The changes of one diff: kind, item, section and what changed, tinted by kind."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[Change]] = [
            Column(lambda: self.tr("Change"), lambda c, _l: self.kind_text(c.kind),
                   sort_key=lambda c: _KIND_ORDER[c.kind], background=_tint),
            Column(lambda: self.tr("Item"), lambda c, _l: self.subject_text(c),
                   background=_tint, tooltip=lambda c, _l: self.subject_tooltip(c)),
            Column(lambda: self.tr("Section"), lambda c, _l: c.section_title,
                   sort_key=lambda c: text_sort_key(c.section_title), background=_tint,
                   tooltip=lambda c, _l: c.section or ""),
            Column(lambda: self.tr("Details"), lambda c, lang: c.text.render(lang),
                   background=_tint),
        ]
        super().__init__(columns, lang, parent)

    def set_changes(self, changes: Sequence[Change]) -> None:
        self.set_snapshot(changes, [
            f"{c.key or ''} {c.label} {c.section_title} {c.text.zh} {c.text.en}".casefold()
            for c in changes])

    def kind_text(self, kind: ChangeKind) -> str:
        return {
            ChangeKind.ADDED: self.tr("added"),
            ChangeKind.REMOVED: self.tr("removed"),
            ChangeKind.CHANGED: self.tr("changed"),
            ChangeKind.MOVED: self.tr("moved"),
        }[kind]

    def subject_text(self, change: Change) -> str:
        if change.subject is Subject.ITEM:
            return change.label
        if change.subject is Subject.SECTION:
            return self.tr("(section)")
        return self.tr("(checklist)")

    def subject_tooltip(self, change: Change) -> str:
        if change.subject is Subject.ITEM:
            return f"{change.key}: {change.label}"
        return self.subject_text(change)


class ChecklistDiffDialog(QDialog):
    versions_wanted = Signal(str, int, int)  # the code, the old version, the new version

    def __init__(self, code: str, versions: Sequence[int], lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.versions = tuple(sorted(set(versions)))
        self.diff: ChecklistDiff | None = None
        self._lang = lang
        self._asked_once = False
        self._state: tuple[Callable[[], str], bool] = (str, False)  # (the text, an error)
        self.setObjectName("checklistDiffDialog")
        self.resize(960, 560)

        self.old_box, self.new_box = QComboBox(), QComboBox()
        self.old_box.setObjectName("diffOldVersionBox")
        self.new_box.setObjectName("diffNewVersionBox")
        for box in (self.old_box, self.new_box):
            for version in self.versions:
                box.addItem("", version)
        if self.versions:
            self.old_box.setCurrentIndex(max(len(self.versions) - 2, 0))
            self.new_box.setCurrentIndex(len(self.versions) - 1)
        self.old_label, self.new_label = QLabel(), QLabel()
        self.old_label.setBuddy(self.old_box)
        self.new_label.setBuddy(self.new_box)
        bar = QHBoxLayout()
        bar.addWidget(self.old_label)
        bar.addWidget(self.old_box)
        bar.addSpacing(16)
        bar.addWidget(self.new_label)
        bar.addWidget(self.new_box)
        bar.addStretch(1)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("checklistDiffSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ChecklistDiffModel(lang, self)
        self.table = record_table(self.model, "checklistDiffTable", (70, 240, 130, 420),
                                  selection=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.old_box, self.new_box)
        self.setTabOrder(self.new_box, self.table)
        self.old_box.setEnabled(len(self.versions) > 1)
        self.new_box.setEnabled(len(self.versions) > 1)
        self.old_box.currentIndexChanged.connect(lambda _index: self.request())
        self.new_box.currentIndexChanged.connect(lambda _index: self.request())
        self.retranslate(lang)

    # -- the owner's side ----------------------------------------------------------------

    def selected(self) -> tuple[int, int] | None:
        """The versions picked (old, new), or None while there is nothing to pick."""
        old, new = self.old_box.currentData(), self.new_box.currentData()
        return (int(old), int(new)) if old is not None and new is not None else None

    def request(self) -> None:
        """Ask the owner for the picked pair (``versions_wanted``), or say why not."""
        self._asked_once = True
        pair = self.selected()
        self._show_changes(None)
        if pair is None or len(self.versions) < 2:
            self._set_state(lambda: self.tr("%1 has fewer than two versions: there is "
                                            "nothing to compare yet.").replace("%1", self.code))
            return
        old, new = pair
        if old == new:
            self._set_state(lambda: self.tr("Pick two different versions to compare."))
            return
        self._set_state(lambda: self.tr("Comparing version %1 with version %2…")
                        .replace("%1", str(old)).replace("%2", str(new)))
        self.versions_wanted.emit(self.code, old, new)

    def show_diff(self, old: Checklist, new: Checklist) -> bool:
        """Show the changes from ``old`` to ``new``; False (and nothing shown) when they are
        not the versions picked now (an answer to an earlier pick)."""
        if old.code != self.code or self.selected() != (old.version, new.version):
            return False
        diff = diff_versions(old, new)
        self._show_changes(diff)
        self._set_state(lambda: self.tr("Version %1 → version %2: %3")
                        .replace("%1", str(diff.old_version))
                        .replace("%2", str(diff.new_version))
                        .replace("%3", diff.summary().render(self._lang)))
        return True

    def show_error(self, text: str) -> None:
        """The versions could not be loaded: ``text`` (in the user's language) instead."""
        self._show_changes(None)
        self._set_state(lambda: text, is_error=True)

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        self.setWindowTitle(self.tr("Compare versions of %1").replace("%1", self.code))
        self.old_label.setText(self.tr("&From"))
        self.new_label.setText(self.tr("&To"))
        for box in (self.old_box, self.new_box):
            for index in range(box.count()):
                box.setItemText(index, self.tr("Version %1").replace(
                    "%1", str(box.itemData(index))))
        self.table.setToolTip(self.tr("Ctrl+C copies the selected rows"))
        self.model.retranslate(lang)
        self._set_state(*self._state)

    # -- inside ----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._asked_once:
            self.request()

    def copy_selected(self) -> None:
        """The selected rows as tab-separated text, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        lines = ["\t".join(str(self.model.index(row, column).data())
                           for column in range(self.model.columnCount())) for row in rows]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines))

    def _show_changes(self, diff: ChecklistDiff | None) -> None:
        self.diff = diff
        self.model.set_changes(diff.changes if diff is not None else ())

    def _set_state(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._state = (text, is_error)
        self.summary_label.setStyleSheet(ERROR_STYLE if is_error else "font-weight: bold;")
        self.summary_label.setText(text())
