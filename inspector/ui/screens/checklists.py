"""The checklist library screen (检查清单): versions, import, publish, export, a live preview.

Contract: main thread. The library loads through an op when the screen is shown and,
while it is shown, whenever the bus reports checklists (a hidden screen only notes that
it must catch up). Selecting a version loads it by an op and previews it in a
:class:`~inspector.ui.widgets.checklist_form.ChecklistForm` (no entity: conditions on
entity fields stay hidden; answers there are never saved). Administrators import
(JSON or XLSForm; a broken file lists every problem in a dialog), publish a selected
draft (after a confirmation whose default is No) and export (our JSON, or an XLSForm
workbook); anyone who sees the library may compare two versions of a checklist in a
:class:`~inspector.ui.widgets.checklist_diff.ChecklistDiffDialog`, and the Drafts column
says how many drafts on this laptop use each version. Team leads see the library and the
preview read-only. Files are read and written by ops. Shortcuts (while
the screen has the focus): Ctrl+O import, Ctrl+Shift+S export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.lifecycles import ChecklistVersionStatus
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.forms.checklist import Checklist
from inspector.services.changes import Topic
from inspector.services.checklist_files import ChecklistFileError
from inspector.services.checklist_library import StoredVersion
from inspector.ui import checklist_ops
from inspector.ui.context import AppContext
from inspector.ui.planning_models import SHORT_HASH
from inspector.ui.record_table import record_table, select_row
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel
from inspector.ui.widgets.checklist_diff import ChecklistDiffDialog
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, confirm, error_text, show_message

EDITORS = frozenset({Role.ADMINISTRATOR})


class ChecklistTableModel(SnapshotTableModel[StoredVersion]):
    """Library rows: code, version, title, status, items and the content's SHA-256."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[StoredVersion]] = [
            Column(lambda: self.tr("Code"), lambda v, _l: v.code),
            Column(lambda: self.tr("Version"), lambda v, _l: str(v.version),
                   sort_key=lambda v: v.version, align_right=True),
            Column(lambda: self.tr("Title"), lambda v, _l: v.title),
            Column(lambda: self.tr("Status"), lambda v, _l: self.status_text(v.status)),
            Column(lambda: self.tr("Items"), lambda v, _l: str(v.items),
                   sort_key=lambda v: v.items, align_right=True),
            Column(lambda: self.tr("Drafts"), lambda v, _l: str(v.drafts) if v.drafts else "",
                   sort_key=lambda v: v.drafts, align_right=True,
                   tooltip=lambda v, _l: self.tr("Drafts on this laptop filled on this "
                                                 "version")),
            Column(lambda: self.tr("SHA-256"), lambda v, _l: v.content_hash[:SHORT_HASH],
                   tooltip=lambda v, _l: v.content_hash),
        ]
        super().__init__(columns, lang, parent)

    def status_text(self, status: ChecklistVersionStatus) -> str:
        return {
            ChecklistVersionStatus.DRAFT: self.tr("draft"),
            ChecklistVersionStatus.PUBLISHED: self.tr("published"),
            ChecklistVersionStatus.RETIRED: self.tr("retired"),
        }[ChecklistVersionStatus(status)]


class ProblemsDialog(QDialog):
    """Every problem of a checklist file, one per line, selectable for copying."""

    def __init__(self, title: str, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistProblemsDialog")
        self.setWindowTitle(title)
        self.resize(760, 420)
        self.model = QStringListModel(problems, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)


class ChecklistsScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.current: StoredVersion | None = None
        self.preview: ChecklistForm | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self._select_after_load: tuple[str, int] | None = None
        self._preview_key: tuple[str, int] | None = None
        self._message: Message = NO_MESSAGE

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importChecklistButton")
        self.import_button.clicked.connect(self.import_checklist)
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("publishChecklistButton")
        self.publish_button.clicked.connect(self.publish_selected)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportChecklistButton")
        self.export_button.clicked.connect(self.export_selected)
        self.diff_button = QPushButton()
        self.diff_button.setObjectName("diffChecklistButton")
        self.diff_button.clicked.connect(self.open_diff)
        self.diff_dialog: ChecklistDiffDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for button in (self.import_button, self.publish_button, self.export_button,
                       self.diff_button):
            bar.addWidget(button)

        self.model = ChecklistTableModel(ctx.lang, self)
        self.table = record_table(self.model, "checklistsTable",
                                  (90, 50, 230, 70, 60, 60, 120))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())

        self.message_label = QLabel()
        self.message_label.setObjectName("checklistMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_hint = QLabel()
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setFrameShape(QFrame.Shape.NoFrame)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_hint)
        right_layout.addWidget(self.preview_area, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        for keys, action in (("Ctrl+O", self.import_checklist),
                             ("Ctrl+Shift+S", self.export_selected)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.loading = LoadOnShow(self, ctx, self.reload,
                                  frozenset({Topic.CHECKLISTS, Topic.DRAFTS}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(lambda _role: self._enable())
        self.retranslate()
        if ctx.workspace is not None:
            self.loading.workspace_opened()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self._ctx.workspace is not None:
            self.loading.loaded()
            self._ctx.db.submit(checklist_ops.load_library(), on_result=self._loaded)

    def _loaded(self, versions: tuple[StoredVersion, ...]) -> None:
        current = self.current
        wanted = self._select_after_load or (
            (current.code, current.version) if current is not None else None)
        self._select_after_load = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(versions, [f"{v.code} {v.title}".casefold() for v in versions])
        self.table.selectionModel().blockSignals(False)
        self.select_version(wanted)

    def select_version(self, wanted: tuple[str, int] | None) -> bool:
        row = None if wanted is None else self.model.find_row(
            lambda v: (v.code, v.version) == wanted)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.model.row_at(rows[0].row()) if rows else None
        self._enable()
        key = (self.current.code, self.current.version) if self.current else None
        if key == self._preview_key:
            return
        self._preview_key = key
        if key is None:
            self._show_preview(None)
            return
        self._ctx.db.submit(checklist_ops.load_checklist_version(*key),
                            on_result=lambda checklist: self._previewed(key, checklist),
                            on_error=self._failed)

    def _previewed(self, key: tuple[str, int], checklist: Checklist) -> None:
        if key == self._preview_key:  # an older answer than the selection: drop it
            self._show_preview(checklist)

    def _show_preview(self, checklist: Checklist | None) -> None:
        old = self.preview_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.preview = None
        if checklist is not None:
            self.preview = ChecklistForm(checklist, self._ctx.lang, entity={},
                                         today=self._today)
            self.preview.setObjectName("checklistPreview")
            self.preview_area.setWidget(self.preview)
        self._word_hint()

    # -- actions ---------------------------------------------------------------------------

    def _may_edit(self) -> bool:
        return self._ctx.role in EDITORS

    def _enable(self) -> None:
        editor = self._may_edit()
        self.import_button.setVisible(editor)
        self.publish_button.setVisible(editor)
        self.export_button.setVisible(editor)
        current = self.current
        self.publish_button.setEnabled(
            current is not None and current.status is ChecklistVersionStatus.DRAFT)
        self.export_button.setEnabled(current is not None)
        self.diff_button.setEnabled(current is not None and len(self._versions_of(
            current.code)) > 1)

    def import_checklist(self) -> None:
        if not self._may_edit():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import checklist"), str(Path.home()),
            self.tr("Checklists (*.json *.xlsx)"))
        if path:
            self.import_checklist_file(Path(path))

    def import_checklist_file(self, path: Path) -> None:
        """Import ``path`` without asking (the dialog, the tour, tests)."""
        self._ctx.db.submit(checklist_ops.import_checklist_file(path, self._ctx.actor),
                            on_result=self._imported,
                            on_error=lambda error: self._import_failed(path, error))

    def _imported(self, stored: StoredVersion) -> None:
        self._select_after_load = (stored.code, stored.version)
        if stored.unchanged:
            self.reload()  # nothing changed, so the bus stays quiet: select it anyway
            self._set_message(lambda: self.tr("%1 version %2 is already in the library.")
                              .replace("%1", stored.code).replace("%2", str(stored.version)))
        else:
            self._set_message(lambda: self.tr("Imported %1 version %2 as a draft.")
                              .replace("%1", stored.code).replace("%2", str(stored.version)))

    def _import_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, ChecklistFileError):
            lang = self._ctx.lang
            problems = [p.render(lang) for p in error.problems]
            self._set_message(lambda: self.tr("Not imported: %1 has %2 problem(s).")
                              .replace("%1", path.name).replace("%2", str(len(problems))), True)
            self.problems_dialog = ProblemsDialog(
                self.tr("Problems in %1").replace("%1", path.name), problems, self)
            self.problems_dialog.open()
            return
        self._tell_error(error, lambda: self.tr("Not imported: %1"))

    def publish_selected(self) -> None:
        current = self.current
        if not self._may_edit() or current is None \
                or current.status is not ChecklistVersionStatus.DRAFT:
            return
        if not confirm(self, self.tr("Publish checklist"),
                       self.tr("Publish %1 version %2? A published version can never change, "
                               "and every laptop receives it on its next sync.")
                       .replace("%1", current.code).replace("%2", str(current.version))):
            return
        self._ctx.db.submit(
            checklist_ops.publish_checklist_version(current.code, current.version,
                                                    self._ctx.actor),
            on_result=lambda stored: self._set_message(
                lambda: self.tr("Published %1 version %2.").replace("%1", stored.code)
                .replace("%2", str(stored.version))),
            on_error=lambda error: self._tell_error(error, lambda: self.tr("Not published: %1")))

    def export_selected(self) -> None:
        current = self.current
        if not self._may_edit() or current is None:
            return
        suggested = Path.home() / f"{current.code}-v{current.version}.json"
        xlsform = self.tr("XLSForm workbook (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export checklist"), str(suggested),
            ";;".join((self.tr("Checklist JSON (*.json)"), xlsform)))
        if path:
            target = Path(path)
            if target.suffix.lower() not in {".json", ".xlsx"}:
                target = target.with_name(target.name + (".xlsx" if chosen == xlsform
                                                         else ".json"))
            self.export_checklist_file(target)

    def export_checklist_file(self, path: Path) -> None:
        current = self.current
        if current is None:
            return
        self._ctx.db.submit(
            checklist_ops.export_checklist_file(current.code, current.version, path),
            on_result=lambda written: self._set_message(
                lambda: self.tr("Checklist written to %1").replace("%1", str(written))),
            on_error=lambda error: self._tell_error(error, lambda: self.tr("Not exported: %1")))

    def _versions_of(self, code: str) -> list[int]:
        return [self.model.row_at(row).version for row in range(self.model.rowCount())
                if self.model.row_at(row).code == code]

    def open_diff(self) -> ChecklistDiffDialog | None:
        """Compare two versions of the selected checklist (the dialog asks for them)."""
        current = self.current
        if current is None or len(self._versions_of(current.code)) < 2:
            return None
        dialog = ChecklistDiffDialog(current.code, self._versions_of(current.code),
                                     self._ctx.lang, self)
        dialog.versions_wanted.connect(self._load_pair)
        self.diff_dialog = dialog
        dialog.open()
        return dialog

    def _load_pair(self, code: str, old: int, new: int) -> None:
        dialog = self.diff_dialog
        if dialog is None:
            return
        self._ctx.db.submit(checklist_ops.load_version_pair(code, old, new),
                            on_result=lambda pair: self._show_pair(dialog, pair),
                            on_error=lambda error: dialog.show_error(
                                error_text(self._ctx.lang, error)))

    @staticmethod
    def _show_pair(dialog: ChecklistDiffDialog, pair: tuple[Checklist, Checklist]) -> None:
        dialog.show_diff(*pair)  # an answer for a pair changed meanwhile is ignored there

    # -- everything else -------------------------------------------------------------------

    def _tell_error(self, error: BaseException, template: Callable[[], str]) -> None:
        self._set_message(lambda: template().replace("%1", error_text(self._ctx.lang, error)),
                          True)

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.message_label, self._message)

    def _word_hint(self) -> None:
        self.preview_hint.setText(
            self.tr("Preview: try the form here; nothing is saved.") if self.preview
            else self.tr("Select a version to preview it."))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Checklists"))
        self.import_button.setText(self.tr("Import checklist…"))
        self.import_button.setToolTip("Ctrl+O")
        self.publish_button.setText(self.tr("Publish…"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip("Ctrl+Shift+S")
        self.diff_button.setText(self.tr("Compare versions…"))
        if self.diff_dialog is not None:
            self.diff_dialog.retranslate(self._ctx.lang)
        self.model.retranslate(self._ctx.lang)
        if self.preview is not None:
            self.preview.retranslate(self._ctx.lang)
        self._word_hint()
        self._enable()
        show_message(self.message_label, self._message)
