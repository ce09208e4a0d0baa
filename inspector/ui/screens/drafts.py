"""The checklist-filling screen (填写清单): drafts, the form, autosave, moving versions.

Contract: main thread. The list shows every draft on this laptop (checklist, pinned
version, what it is for, answers held, last saved, whether a newer version is
published); it loads by an op when the screen shows and whenever the bus reports
drafts. "New draft" starts filling the latest published version of the chosen
checklist. Selecting a draft opens it in a
:class:`~inspector.ui.widgets.checklist_form.ChecklistForm` with its answers, and a
:class:`~inspector.ui.draft_autosave.DraftAutosaver` writes every answer as it is given
(the status line says "saving…", "saved" or why saving failed). A draft stays on the
version it started on; when a newer version is published a banner offers to move it,
showing the report of every answer (and asking consent before anything is dropped) in
a :class:`~inspector.ui.widgets.draft_move_dialog.DraftMoveDialog`. Before another
draft opens, or one is moved or discarded, waiting answers are flushed. The inspected
entity's fields arrive with inspections; until then conditions on them stay hidden.
Shortcuts (while the screen has the focus): Ctrl+N new draft.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.text import Lang
from inspector.core.workdays import CHINA_TIME
from inspector.services.changes import Topic
from inspector.services.checklist_drafts import DraftView, MovePlan, OpenDraft
from inspector.services.checklist_library import StoredVersion
from inspector.ui import draft_ops
from inspector.ui.context import AppContext
from inspector.ui.draft_autosave import DraftAutosaver
from inspector.ui.record_table import record_table, select_row
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.draft_move_dialog import DraftMoveDialog
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, confirm, error_text, show_message


def _china_time(moment: datetime) -> str:
    """A stored moment (UTC; the store keeps it without its zone) as China's clock."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA_TIME).strftime("%m-%d %H:%M")


class DraftTableModel(SnapshotTableModel[DraftView]):
    """Draft rows: checklist, version, subject, answers, last saved, newer version."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[DraftView]] = [
            Column(lambda: self.tr("Checklist"), lambda d, _l: f"{d.code} {d.title}"),
            Column(lambda: self.tr("Version"), lambda d, _l: str(d.version),
                   sort_key=lambda d: d.version, align_right=True),
            Column(lambda: self.tr("For"), lambda d, _l: d.label),
            Column(lambda: self.tr("Answers"), lambda d, _l: str(d.answers),
                   sort_key=lambda d: d.answers, align_right=True),
            Column(lambda: self.tr("Saved"), lambda d, _l: _china_time(d.updated_at),
                   sort_key=lambda d: d.updated_at),
            Column(lambda: self.tr("Newer version"),
                   lambda d, _l: self.tr("version %1 published")
                   .replace("%1", str(d.newer_version)) if d.newer_version else ""),
        ]
        super().__init__(columns, lang, parent)


class DraftsScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.current: DraftView | None = None
        self.opened: OpenDraft | None = None
        self.form: ChecklistForm | None = None
        self.autosaver: DraftAutosaver | None = None
        self.move_dialog: DraftMoveDialog | None = None
        self._opening: str | None = None
        self._select_after_load: str | None = None
        self._message: Message = NO_MESSAGE

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.checklist_box = QComboBox()
        self.checklist_box.setObjectName("fillableChecklists")
        self.checklist_box.setMinimumWidth(240)
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("draftLabel")
        self.label_edit.returnPressed.connect(self.start_draft)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newDraftButton")
        self.new_button.clicked.connect(self.start_draft)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discardDraftButton")
        self.discard_button.clicked.connect(self.discard_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for widget in (self.checklist_box, self.label_edit, self.new_button,
                       self.discard_button):
            bar.addWidget(widget)

        self.model = DraftTableModel(ctx.lang, self)
        self.table = record_table(self.model, "draftsTable", (200, 50, 160, 60, 90, 120))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.message_label = QLabel()
        self.message_label.setObjectName("draftsMessage")
        self.message_label.setWordWrap(True)

        self.banner = QLabel()
        self.banner.setObjectName("newerVersionBanner")
        self.banner.setWordWrap(True)
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveDraftButton")
        self.move_button.clicked.connect(self.plan_move)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.move_button)
        self.save_label = QLabel()
        self.save_label.setObjectName("autosaveStatus")
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(banner_row)
        right_layout.addWidget(self.save_label)
        right_layout.addWidget(self.form_area, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 700])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence("Ctrl+N"), self, self.start_draft,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.loading = LoadOnShow(self, ctx, self.reload,
                                  frozenset({Topic.DRAFTS, Topic.CHECKLISTS}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        if ctx.workspace is not None:
            self.loading.workspace_opened()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self._ctx.workspace is None:
            return
        self.loading.loaded()
        self._ctx.db.submit(draft_ops.load_drafts(), on_result=self._loaded,
                            on_error=self._failed)
        self._ctx.db.submit(draft_ops.load_fillable_checklists(),
                            on_result=self._fillable_loaded, on_error=self._failed)

    def _fillable_loaded(self, versions: tuple[StoredVersion, ...]) -> None:
        chosen = self.checklist_box.currentData()
        self.checklist_box.clear()
        for version in versions:
            self.checklist_box.addItem(f"{version.code} {version.title}（v{version.version}）",
                                       version.code)
        index = self.checklist_box.findData(chosen)
        self.checklist_box.setCurrentIndex(max(index, 0))
        self._enable()

    def _loaded(self, drafts: tuple[DraftView, ...]) -> None:
        wanted = self._select_after_load or (self.current.uuid if self.current else None)
        self._select_after_load = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(drafts, [f"{d.code} {d.title} {d.label}".casefold()
                                         for d in drafts])
        self.table.selectionModel().blockSignals(False)
        self.select_draft(wanted)

    def select_draft(self, uuid: str | None) -> bool:
        row = None if uuid is None else self.model.find_row(lambda d: d.uuid == uuid)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.model.row_at(rows[0].row()) if rows else None
        self._enable()
        uuid = self.current.uuid if self.current else None
        opened = self.opened.view.uuid if self.opened else None
        if uuid == opened and (self.opened is None or self.current is None
                               or self.opened.view.version == self.current.version):
            self._word_banner()
            return
        self._open(uuid)

    def _open(self, uuid: str | None) -> None:
        self._opening = uuid
        if uuid is None:
            self._show(None)
            return
        self._ctx.db.submit(draft_ops.open_checklist_draft(uuid),
                            on_result=lambda opened: self._opened(uuid, opened),
                            on_error=self._open_failed)

    def _opened(self, uuid: str, opened: OpenDraft) -> None:
        if uuid == self._opening:  # an older answer than the selection: drop it
            self._show(opened)

    def _open_failed(self, error: BaseException) -> None:
        self._show(None)
        self._failed(error)

    def _show(self, opened: OpenDraft | None) -> None:
        old = self.form_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.close_draft()
        self.opened = opened
        if opened is not None:
            self.form = ChecklistForm(opened.checklist, self._ctx.lang, entity={},
                                      today=self._today)
            self.form.setObjectName("draftForm")
            self.form.set_answers(opened.answers)
            self.form_area.setWidget(self.form)
            self.autosaver = DraftAutosaver(self._ctx.db, opened.view.uuid, self.form, self)
            self.autosaver.state_changed.connect(lambda _state: self._word_save_state())
        self._word_banner()
        self._word_save_state()

    def close_draft(self) -> None:
        """Let go of the open draft's form; its autosaver sends what waits and goes once
        saved (the window calls this as it closes)."""
        if self.autosaver is not None:
            self.autosaver.retire()
        self.form, self.autosaver = None, None

    # -- actions ---------------------------------------------------------------------------

    def start_draft(self) -> None:
        code = self.checklist_box.currentData()
        if not isinstance(code, str):
            return
        label = self.label_edit.text().strip()
        self._ctx.db.submit(draft_ops.start_checklist_draft(code, self._ctx.actor, label),
                            on_result=self._started,
                            on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("No draft started: %1")))

    def _started(self, opened: OpenDraft) -> None:
        self.label_edit.clear()
        self._select_after_load = opened.view.uuid
        self._set_message(lambda: self.tr("Started filling %1 version %2.")
                          .replace("%1", opened.view.code)
                          .replace("%2", str(opened.view.version)))

    def discard_selected(self) -> None:
        current = self.current
        if current is None or not confirm(
                self, self.tr("Discard draft"),
                self.tr("Discard this draft of %1 with its %2 answer(s)? This cannot be "
                        "undone.").replace("%1", current.code)
                .replace("%2", str(current.answers))):
            return
        if self.autosaver is not None:
            self.autosaver.flush(now=True)
        self._ctx.db.submit(draft_ops.discard_checklist_draft(current.uuid, self._ctx.actor),
                            on_result=lambda _none: self._set_message(
                                lambda: self.tr("Draft discarded.")),
                            on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("Not discarded: %1")))

    def plan_move(self) -> None:
        opened = self.opened
        if opened is None:
            return
        if self.autosaver is not None:
            self.autosaver.flush(now=True)
        self._ctx.db.submit(draft_ops.plan_draft_move(opened.view.uuid),
                            on_result=self._ask_move,
                            on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("Cannot move: %1")))

    def _ask_move(self, plan: MovePlan) -> None:
        self.move_dialog = DraftMoveDialog(plan, self._ctx.lang, self)
        self.move_dialog.finished.connect(lambda result: self._move_answered(plan, result))
        self.move_dialog.open()

    def _move_answered(self, plan: MovePlan, result: int) -> None:
        dialog = self.move_dialog
        if dialog is None or result != QDialog.DialogCode.Accepted:
            return
        self._ctx.db.submit(
            draft_ops.move_checklist_draft(plan.draft, plan.to_version,
                                           dialog.confirmed_drops(), self._ctx.actor),
            on_result=self._moved,
            on_error=lambda error: self._tell_error(error, lambda: self.tr("Not moved: %1")))

    def _moved(self, opened: OpenDraft) -> None:
        self._opening = opened.view.uuid
        self._show(opened)
        self._set_message(lambda: self.tr("The draft now uses version %1.")
                          .replace("%1", str(opened.view.version)))

    # -- everything else -------------------------------------------------------------------

    def _enable(self) -> None:
        self.new_button.setEnabled(self.checklist_box.count() > 0)
        self.discard_button.setEnabled(self.current is not None)

    def _word_save_state(self) -> None:
        autosaver = self.autosaver
        self.save_label.setText(autosaver.status_text(self._ctx.lang)
                                if self.form is not None and autosaver is not None else "")

    def _word_banner(self) -> None:
        opened = self.opened
        view = self.current if self.current and opened and \
            self.current.uuid == opened.view.uuid else (opened.view if opened else None)
        newer = view.newer_version if view is not None else None
        if view is None or newer is None or opened is None \
                or opened.checklist.version != view.version:
            self.banner.setText(self.tr("This draft uses version %1 of %2.").replace(
                "%1", str(opened.checklist.version)).replace("%2", opened.checklist.code)
                if opened else self.tr("Start a draft or select one to fill it."))
            self.move_button.hide()
            return
        self.banner.setText(
            self.tr("This draft uses version %1; version %2 has been published. You may "
                    "finish it on version %1, or move it.")
            .replace("%1", str(view.version)).replace("%2", str(newer)))
        self.move_button.show()

    def _tell_error(self, error: BaseException, template: Callable[[], str]) -> None:
        self._set_message(lambda: template().replace("%1", error_text(self._ctx.lang, error)),
                          True)

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.message_label, self._message)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Fill a checklist"))
        self.label_edit.setPlaceholderText(self.tr("For (e.g. the business's name)"))
        self.new_button.setText(self.tr("New draft"))
        self.new_button.setToolTip("Ctrl+N")
        self.discard_button.setText(self.tr("Discard…"))
        self.move_button.setText(self.tr("Move to the new version…"))
        self.model.retranslate(self._ctx.lang)
        if self.form is not None:
            self.form.retranslate(self._ctx.lang)
        self._word_banner()
        self._word_save_state()
        self._enable()
        show_message(self.message_label, self._message)
