"""The field screen (任务与检查): the tasks released to the field, an inspection started
under the rules, its checklist filled with autosave, and its result finalized.

Contract: main thread; every read and write goes through an op on the DB thread
(:mod:`inspector.ui.field_ops`). The task list loads when the screen shows and, while it
shows, whenever the bus reports tasks, entities, inspectors or checklists (not drafts:
autosaving an answer does not reload it). It lists the entity, its 信用代码, the due
date, the status (待检查 / 检查中 / 已完成; an open task past its due date says 逾期 and
its row is tinted red) and the team (the lead first), open tasks first by due date as
the service returns them (an inspector signed in to the platform sees the tasks whose
team names them); the search box filters by name, code or address. Below, the
selected task's details: address, legal representative, risk class, check items,
window, the team with each 执法证 and its validity (expired or missing in red), and the
entity's finalized records in an
:class:`~inspector.ui.widgets.inspection_history.InspectionHistoryPanel` (the record as
PDF, printing, a correction — whose form then opens here — and referring a clue).

On the right: a task with an inspection under way shows its checklist form
(:class:`~inspector.ui.widgets.checklist_form.ChecklistForm` with the entity's fields
and ``today``), filled with the stored answers; a
:class:`~inspector.ui.draft_autosave.DraftAutosaver` writes each answer as it is given,
and a status line says so. "Start inspection…" (an open task without one) opens the
:class:`~inspector.ui.widgets.start_inspection_dialog.StartInspectionDialog`; the
service's refusal shows in the dialog, which stays open; a start opens the form.
"Finalize…" first names every missing or refused answer in the form (the dialog does not
open while any is left); then the
:class:`~inspector.ui.widgets.finalize_dialog.FinalizeDialog` shows the engine's
suggestion, the follow-up measures and a signature pad for the party (or their
recorded refusal) and each inspector present; on OK the waiting answers are flushed
and the finalize op follows them on the DB thread's queue; a refusal shows in the
dialog; a finalized record says its hash, the form closes and the list reloads. Photo
items take files from "添加照片…" or dropped on them, and show their thumbnails; a
thumbnail opens the annotation editor (arrows, circles, text as a separate layer).
Selecting another task lets go of the form (its answers are sent first);
:meth:`FieldTasksScreen.close_inspection` does the same when the window closes.
Shortcuts (while the screen has the focus): Ctrl+F search (Escape clears it),
Ctrl+Return start or finalize the selected task, Ctrl+Shift+S take a sample during the
inspection under way (:mod:`inspector.ui.sampling_flow`); the list's "Samples due"
column says how many of a task's samples are still open and their next deadline
(tinted when one is overdue). A team lead or administrator also creates ad-hoc tasks
here (a 12315 complaint: :mod:`inspector.ui.ad_hoc_flow`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
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

from inspector.core.lifecycles import TaskRole, TaskStatus
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.forms.answers import Problem, suggest_result
from inspector.forms.checklist import ItemKind
from inspector.services.changes import Topic
from inspector.services.checklist_library import StoredVersion
from inspector.services.field_tasks import FieldTaskView, TeamMember
from inspector.services.inspections import FinalizedInspection, StartedInspection
from inspector.services.sample_board import TaskSamplesDue
from inspector.ui import draft_ops, field_ops, sample_ops
from inspector.ui.ad_hoc_flow import open_ad_hoc_dialog
from inspector.ui.context import AppContext
from inspector.ui.draft_autosave import DraftAutosaver
from inspector.ui.field_ops import FinalizeRequest, OpenInspection, StartRequest
from inspector.ui.field_task_model import FieldTaskTableModel, day_text
from inspector.ui.inspection_photos import InspectionPhotos
from inspector.ui.planning_models import SHORT_HASH
from inspector.ui.record_table import record_table, select_row
from inspector.ui.referral_flow import open_referral_dialog
from inspector.ui.sampling_flow import open_sample_wizard
from inspector.ui.screen_loading import LoadOnShow
from inspector.ui.widgets.ad_hoc_task_dialog import AdHocTaskDialog
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message
from inspector.ui.widgets.finalize_dialog import FinalizeDialog
from inspector.ui.widgets.inspection_history import InspectionHistoryPanel, china_time
from inspector.ui.widgets.referral_dialog import ReferralDialog
from inspector.ui.widgets.sample_wizard import SampleWizard
from inspector.ui.widgets.start_inspection_dialog import StartInspectionDialog, certificate_valid

EXPIRED_COLOUR = "#b3261e"
OPEN = frozenset({TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS})
TASK_CREATORS = frozenset({Role.TEAM_LEAD, Role.ADMINISTRATOR})
NAMED_PROBLEMS = 5


class FieldTasksScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.current: FieldTaskView | None = None
        self.opened: OpenInspection | None = None
        self.form_task: FieldTaskView | None = None  # the task whose form is open
        self.form: ChecklistForm | None = None
        self.autosaver: DraftAutosaver | None = None
        self.start_dialog: StartInspectionDialog | None = None
        self.finalize_dialog: FinalizeDialog | None = None
        self.referral_dialog: ReferralDialog | None = None
        self.sample_wizard: SampleWizard | None = None
        self.ad_hoc_dialog: AdHocTaskDialog | None = None
        self.photos = InspectionPhotos(ctx, self, self._set_message)
        self.checklists: tuple[StoredVersion, ...] = ()
        self._last_checklist: str | None = None
        self._opening: str | None = None  # the draft whose form is being loaded
        self._select_after_load: str | None = None
        self._message: Message = NO_MESSAGE

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("taskSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(280)
        self.search_edit.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("taskCount")
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.search_edit)
        self.ad_hoc_button = QPushButton()
        self.ad_hoc_button.setObjectName("newAdHocTaskButton")
        self.ad_hoc_button.clicked.connect(self.new_ad_hoc_task)
        bar.addWidget(self.ad_hoc_button)

        self.model = FieldTaskTableModel(ctx.lang, self)
        self.model.visible_count_changed.connect(lambda *_: self._word_count())
        self.table = record_table(self.model, "fieldTasksTable", (180, 165, 84, 100, 120))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())

        self.entity_label = QLabel()
        self.entity_label.setObjectName("taskEntity")
        self.entity_label.setWordWrap(True)
        self.entity_label.setStyleSheet("font-weight: bold;")
        self.entity_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_names: dict[str, QLabel] = {}
        self.detail_values: dict[str, QLabel] = {}
        for key in ("address", "representative", "risk", "items", "window", "team", "samples"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"taskDetail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.RichText if key == "team"
                                else Qt.TextFormat.PlainText)
            self.detail_names[key], self.detail_values[key] = name, value
            self.details.addRow(name, value)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 4, 0, 0)
        details_layout.addWidget(self.entity_label)
        details_layout.addLayout(self.details)
        details_layout.addStretch(1)
        details_area = QScrollArea()
        details_area.setWidgetResizable(True)
        details_area.setFrameShape(QFrame.Shape.NoFrame)
        details_area.setWidget(details)

        self.history = InspectionHistoryPanel(ctx, self)
        self.history.revision_started.connect(self._revision_started)
        self.history.referral_requested.connect(self.refer_clue)

        self.task_label = QLabel()
        self.task_label.setObjectName("inspectionTask")
        self.task_label.setWordWrap(True)
        self.task_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.task_label.setTextFormat(Qt.TextFormat.PlainText)
        self.start_button = QPushButton()
        self.start_button.setObjectName("startInspectionButton")
        self.start_button.clicked.connect(self.start_inspection)
        self.finalize_button = QPushButton()
        self.finalize_button.setObjectName("finalizeInspectionButton")
        self.finalize_button.clicked.connect(self.finalize_inspection)
        self.sample_button = QPushButton()
        self.sample_button.setObjectName("takeSampleButton")
        self.sample_button.clicked.connect(self.take_sample)
        task_row = QHBoxLayout()
        task_row.addWidget(self.task_label, 1)
        task_row.addWidget(self.start_button)
        task_row.addWidget(self.sample_button)
        task_row.addWidget(self.finalize_button)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("inspectionHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555;")
        self.message_label = QLabel()
        self.message_label.setObjectName("fieldMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_label = QLabel()
        self.save_label.setObjectName("inspectionAutosaveStatus")
        self.form_area = QScrollArea()
        self.form_area.setObjectName("inspectionFormArea")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(details_area)
        left.addWidget(self.history)
        left.setSizes([340, 240, 200])
        left.setChildrenCollapsible(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(task_row)
        right_layout.addWidget(self.hint_label)
        right_layout.addWidget(self.message_label)
        right_layout.addWidget(self.save_label)
        right_layout.addWidget(self.form_area, 1)
        self._filler = QWidget()  # holds the space while no form shows
        right_layout.addWidget(self._filler, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 660])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        # Tab: the search, the list, then the buttons and the form.
        QWidget.setTabOrder(self.search_edit, self.table)
        QWidget.setTabOrder(self.table, self.start_button)
        QWidget.setTabOrder(self.start_button, self.finalize_button)
        QWidget.setTabOrder(self.finalize_button, self.form_area)
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search, context=within)
        QShortcut(QKeySequence("Escape"), self.search_edit, self.search_edit.clear,
                  context=Qt.ShortcutContext.WidgetShortcut)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.act, context=within)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.take_sample, context=within)
        self.loading = LoadOnShow(self, ctx, self.reload, frozenset({
            Topic.TASKS, Topic.ENTITIES, Topic.INSPECTORS, Topic.CHECKLISTS, Topic.SAMPLES}))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(lambda _role: self._role_changed())
        self.retranslate()
        if ctx.workspace is not None:
            self.loading.workspace_opened()

    # -- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        if self._ctx.workspace is None:
            return
        self.loading.loaded()
        mine = self._ctx.role is Role.INSPECTOR  # an inspector sees their own tasks
        self._ctx.db.submit(field_ops.load_field_tasks(self._today, mine),
                            on_result=self._loaded, on_error=self._failed)
        self._ctx.db.submit(draft_ops.load_fillable_checklists(),
                            on_result=self._checklists_loaded, on_error=self._failed)
        self._ctx.db.submit(sample_ops.load_samples_due_by_task(),
                            on_result=self._samples_due_loaded, on_error=self._failed)

    def _samples_due_loaded(self, due: Mapping[str, TaskSamplesDue]) -> None:
        self.model.set_samples_due(due)
        self._show_details()

    def _checklists_loaded(self, versions: tuple[StoredVersion, ...]) -> None:
        self.checklists = versions

    def _loaded(self, tasks: tuple[FieldTaskView, ...]) -> None:
        wanted = self._select_after_load or (self.current.uuid if self.current else None)
        self._select_after_load = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(tasks, [f"{t.entity_name} {t.entity_key} {t.address}"
                                        .casefold() for t in tasks])
        self.table.selectionModel().blockSignals(False)
        if wanted is None and self.model.shown:
            wanted = self.model.row_at(0).uuid  # the most urgent open task
        self.select_task(wanted)

    def select_task(self, uuid: str | None) -> bool:
        """Select the task ``uuid`` (None: none) and show it; False when it is not listed."""
        row = None if uuid is None else self.model.find_row(lambda t: t.uuid == uuid)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _filter(self, text: str) -> None:
        """Filter the list; the selected task stays selected (and open) while it shows,
        and its form stays open while the search hides it."""
        self.model.set_filter(text)
        current = self.current
        row = None if current is None else self.model.find_row(lambda t: t.uuid == current.uuid)
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            select_row(self.table, row)
            self.table.selectionModel().blockSignals(False)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.model.row_at(rows[0].row()) if rows else None
        self._show_details()
        current = self.current
        self.history.show_entity(current.entity_uuid if current else None,
                                 current.entity_name if current else "")
        draft = self.current.draft_uuid if self.current else None
        opened = self.opened.draft.view.uuid if self.opened else None
        if draft == opened:
            if self.current is not None and self.opened is not None:
                self.form_task = self.current
            self._enable()
            return
        self._open(self.current if draft else None)

    def _open(self, task: FieldTaskView | None) -> None:
        draft = task.draft_uuid if task is not None else None
        self._opening = draft
        if task is None or draft is None:
            self._show(None, None)
            return
        self._ctx.db.submit(field_ops.open_inspection_form(draft, task.entity_uuid),
                            on_result=lambda opened: self._opened(task, opened),
                            on_error=self._open_failed)

    def _opened(self, task: FieldTaskView, opened: OpenInspection) -> None:
        if task.draft_uuid == self._opening:  # an older answer than the selection: drop it
            self._show(task, opened)

    def _open_failed(self, error: BaseException) -> None:
        self._show(None, None)
        self._failed(error)

    def _show(self, task: FieldTaskView | None, opened: OpenInspection | None) -> None:
        old = self.form_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.close_inspection()
        self.opened, self.form_task = opened, task if opened is not None else None
        if opened is not None:
            self.form = ChecklistForm(opened.draft.checklist, self._ctx.lang,
                                      entity=opened.entity, today=self._today)
            self.form.setObjectName("inspectionForm")
            self.form.set_answers(opened.draft.answers)
            self.form_area.setWidget(self.form)
            self.autosaver = DraftAutosaver(self._ctx.db, opened.draft.view.uuid, self.form,
                                            self)
            self.autosaver.state_changed.connect(lambda _state: self._word_save_state())
            self.photos.follow(self.form, task.inspection_uuid if task else None)
            self.photos.show_thumbnails([
                sha for key, value in opened.draft.answers.items()
                if isinstance(value, tuple) and key in opened.draft.checklist.items_by_key
                and opened.draft.checklist.items_by_key[key].kind is ItemKind.PHOTO
                for sha in value])
        self._enable()
        self._word_save_state()

    def attach_photo_file(self, item_key: str, path: Path) -> None:
        """Attach ``path`` to ``item_key`` of the open inspection without asking."""
        self.photos.attach(item_key, path)

    def close_inspection(self) -> None:
        """Let go of the open inspection's form; its autosaver sends what waits and goes
        once saved (the window calls this as it closes)."""
        if self.autosaver is not None:
            self.autosaver.retire()
        self.form, self.autosaver = None, None
        self.photos.follow(None, None)

    # -- starting ----------------------------------------------------------------------------

    def act(self) -> None:
        """Ctrl+Return: finalize the inspection under way, or start one."""
        if self.form is not None:
            self.finalize_inspection()
        else:
            self.start_inspection()

    def start_inspection(self) -> StartInspectionDialog | None:
        """Open the start dialog for the selected task (None: it cannot start)."""
        task = self.current
        if task is None or not self._may_start(task):
            return None
        if self.start_dialog is not None:
            self.start_dialog.close()
        dialog = StartInspectionDialog(task, self.checklists, self._today,
                                       self._last_checklist, self)
        dialog.start_requested.connect(lambda request: self._start(dialog, request))
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def _start(self, dialog: StartInspectionDialog, request: StartRequest) -> None:
        self._last_checklist = request.checklist
        self._ctx.db.submit(
            field_ops.start_field_inspection(dialog.task.uuid, request, self._ctx.actor),
            on_result=lambda started: self._started(dialog, started),
            on_error=lambda error: dialog.refuse(error_text(self._ctx.lang, error)))

    def _started(self, dialog: StartInspectionDialog, started: StartedInspection) -> None:
        dialog.finish()
        self._select_after_load = dialog.task.uuid  # the bus reloads the list: reopen it
        self._set_message(lambda: self.tr("Inspection started with %1 version %2: every "
                                          "answer is saved as you give it.")
                          .replace("%1", started.code).replace("%2", str(started.version)))

    # -- sampling ----------------------------------------------------------------------------

    def take_sample(self) -> SampleWizard | None:
        """Open the sampling wizard for the inspection under way (None: none is open)."""
        task, opened = self.form_task, self.opened
        if task is None or task.inspection_uuid is None or opened is None:
            return None
        if self.sample_wizard is not None:
            self.sample_wizard.close()
        self.sample_wizard = open_sample_wizard(self._ctx, self, task.inspection_uuid,
                                                task.entity_name, team=opened.team,
                                                today=self._today)
        return self.sample_wizard

    # -- finalizing --------------------------------------------------------------------------

    def finalize_inspection(self) -> FinalizeDialog | None:
        """Name what is missing, or open the finalize dialog (None: it did not open)."""
        form, task = self.form, self.form_task
        if form is None or task is None or task.inspection_uuid is None:
            return None
        form.name_missing()
        problems = form.state().problems
        if problems:
            self._set_message(lambda: self._problems_text(form, problems), True)
            return None
        suggestion = suggest_result(form.checklist, form.answers(), form.state())
        if self.finalize_dialog is not None:
            self.finalize_dialog.close()
        opened = self.opened
        dialog = FinalizeDialog(task.entity_name, suggestion, self._ctx.lang,
                                team=opened.team if opened is not None else (),
                                representative=task.legal_representative, today=self._today,
                                parent=self)
        inspection = task.inspection_uuid
        dialog.finalize_requested.connect(
            lambda request: self._finalize(dialog, inspection, request))
        self.finalize_dialog = dialog
        dialog.open()
        return dialog

    def _problems_text(self, form: ChecklistForm, problems: tuple[Problem, ...]) -> str:
        lang = self._ctx.lang
        joiner = "；" if lang is Lang.ZH else "; "
        named = joiner.join(
            self.tr("%1 (%2)").replace("%1", form.checklist.items_by_key[p.item].label)
            .replace("%2", p.text.render(lang)) for p in problems[:NAMED_PROBLEMS])
        if len(problems) > NAMED_PROBLEMS:
            named += joiner + "…"
        return self.tr("Not finalized: %1 answer(s) still need attention: %2") \
            .replace("%1", str(len(problems))).replace("%2", named)

    def _finalize(self, dialog: FinalizeDialog, inspection: str,
                  request: FinalizeRequest) -> None:
        if self.autosaver is not None:
            self.autosaver.flush(now=True)  # queued before the finalize: it reads them
        self._ctx.db.submit(
            field_ops.finalize_field_inspection(inspection, request, self._ctx.actor),
            on_result=lambda done: self._finalized(dialog, done),
            on_error=lambda error: dialog.refuse(error_text(self._ctx.lang, error)))

    def _finalized(self, dialog: FinalizeDialog, done: FinalizedInspection) -> None:
        dialog.finish()
        self._opening = None
        self._show(None, None)
        self._set_message(lambda: self.tr("Finalized; record hash %1…")
                          .replace("%1", done.content_hash[:SHORT_HASH]))

    def _role_changed(self) -> None:
        self._enable()
        if self.isVisible():
            self.reload()  # an inspector's list holds their own tasks only

    # -- ad-hoc tasks ----------------------------------------------------------------------

    def new_ad_hoc_task(self) -> None:
        """Open the ad-hoc task dialog (team leads and administrators)."""
        if self._ctx.workspace is None or self._ctx.role not in TASK_CREATORS:
            return
        open_ad_hoc_dialog(self._ctx, self, self._today, opened=self._ad_hoc_opened,
                           created=self._ad_hoc_created, failed=self._failed)

    def _ad_hoc_opened(self, dialog: AdHocTaskDialog) -> None:
        if self.ad_hoc_dialog is not None:
            self.ad_hoc_dialog.close()
        self.ad_hoc_dialog = dialog

    def _ad_hoc_created(self, uuid: str) -> None:
        self._select_after_load = uuid  # the bus reloads the list: select the new task
        self._set_message(lambda: self.tr("Ad-hoc task created and released to its team."))

    # -- after the record ------------------------------------------------------------------

    def _revision_started(self, _started: StartedInspection) -> None:
        """A correction of a record of the selected task: the bus reloads the list; the
        task stays selected and the correction's form opens."""
        if self.current is not None:
            self._select_after_load = self.current.uuid

    def refer_clue(self, inspection_uuid: str, entity_name: str) -> ReferralDialog:
        """Open the referral dialog for a finalized record of the selected entity."""
        if self.referral_dialog is not None:
            self.referral_dialog.close()
        dialog = open_referral_dialog(self._ctx, self, inspection_uuid, entity_name)
        dialog.referral_created.connect(lambda view: self._set_message(
            lambda: self.tr("Clue referred to %1; the decision is due by %2.")
            .replace("%1", view.recipient).replace("%2", china_time(view.decision_due))))
        self.referral_dialog = dialog
        return dialog

    # -- everything else -------------------------------------------------------------------

    def _may_start(self, task: FieldTaskView) -> bool:
        return task.status in OPEN and task.inspection_uuid is None

    def _enable(self) -> None:
        self.ad_hoc_button.setVisible(self._ctx.role in TASK_CREATORS)
        task = self.current
        under_way = task is not None and task.inspection_uuid is not None
        self.start_button.setVisible(not under_way)
        self.start_button.setEnabled(task is not None and self._may_start(task))
        self.finalize_button.setVisible(under_way)
        self.finalize_button.setEnabled(self.form is not None)
        self.sample_button.setVisible(under_way)
        self.sample_button.setEnabled(self.form is not None and self.opened is not None)
        self.form_area.setVisible(self.form is not None)
        self._filler.setVisible(self.form is None)
        self._word_task()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _word_count(self) -> None:
        shown, total = self.model.shown, self.model.total
        self.count_label.setText(
            self.tr("%1 task(s)").replace("%1", str(total)) if shown == total
            else self.tr("%1 of %2 task(s)").replace("%1", str(shown)).replace("%2", str(total)))

    def _word_task(self) -> None:
        task = self.current
        if task is None:
            self.task_label.setText(self.tr("No task selected"))
            self.hint_label.setText(self.tr("Select a task to see its details and inspect "
                                            "it."))
            return
        self.task_label.setText(f"{task.entity_name} · {self.model.status_text(task)}")
        opened = self.opened
        if task.inspection_uuid is not None:
            self.hint_label.setText(
                self.tr("Inspection under way with %1 version %2, pinned until it is "
                        "finalized.").replace("%1", opened.draft.view.code)
                .replace("%2", str(opened.draft.view.version))
                if opened is not None and self.form is not None
                else self.tr("Opening the inspection…"))
        elif task.status is TaskStatus.COMPLETED:
            self.hint_label.setText(self.tr("This task is completed: its record is in the "
                                            "entity's history."))
        elif self._may_start(task):
            self.hint_label.setText(self.tr(
                "No inspection under way. Start it on site: at least two inspectors of the "
                "drawn team, their certificates shown, and the checklist."))
        else:
            self.hint_label.setText(self.tr("This task cannot be inspected."))

    def _show_details(self) -> None:
        task = self.current
        values = self.detail_values
        if task is None:
            self.entity_label.setText("")
            for label in values.values():
                label.setText("")
            return
        self.entity_label.setText(f"{task.entity_name}\n{task.entity_key}")
        values["address"].setText(task.address or "—")
        values["representative"].setText(task.legal_representative or "—")
        values["risk"].setText(task.risk_class or "—")
        values["items"].setText("\n".join(task.check_items) or "—")
        window = self.tr("%1 to %2").replace("%1", day_text(task.window_start)) \
            .replace("%2", day_text(task.window_end)) if task.window_start or task.window_end \
            else "—"
        values["window"].setText(self.tr("%1 · due %2").replace("%1", window)
                                 .replace("%2", day_text(task.due_date)))
        values["team"].setText("<br>".join(self._member_html(m) for m in task.team) or "—")
        values["samples"].setText(self.model.samples_text(task) or "—")

    def _member_html(self, member: TeamMember) -> str:
        role = self.tr("Lead") if member.role is TaskRole.LEAD else self.tr("Assisting")
        text = self.tr("%1 %2 (%3) · certificate %4 · valid until %5") \
            .replace("%1", role).replace("%2", member.name).replace("%3", member.staff_id) \
            .replace("%4", member.cert_number or "—").replace("%5", day_text(member.cert_valid_to))
        if certificate_valid(member, self._today):
            return html.escape(text)
        text = self.tr("%1 · expired or missing").replace("%1", text)
        return f'<span style="color: {EXPIRED_COLOUR};">{html.escape(text)}</span>'

    def _word_save_state(self) -> None:
        autosaver = self.autosaver
        self.save_label.setText(autosaver.status_text(self._ctx.lang)
                                if self.form is not None and autosaver is not None else "")

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.message_label, self._message)

    def retranslate(self) -> None:
        lang = self._ctx.lang
        self.title.setText(self.tr("Tasks and inspections"))
        self.search_edit.setPlaceholderText(self.tr("Search name, credit code or address"))
        self.search_edit.setToolTip("Ctrl+F")
        self.start_button.setText(self.tr("Start inspection…"))
        self.start_button.setToolTip("Ctrl+Return")
        self.finalize_button.setText(self.tr("Finalize…"))
        self.sample_button.setText(self.tr("Take a sample…"))
        self.sample_button.setToolTip(self.tr("Sample a product: its code, sealed portions "
                                              "and labels (Ctrl+Shift+S)"))
        self.finalize_button.setToolTip("Ctrl+Return")
        self.ad_hoc_button.setText(self.tr("New ad-hoc task…"))
        self.ad_hoc_button.setToolTip(self.tr("A task not drawn at random, e.g. after a "
                                              "12315 complaint"))
        for key, text in (("address", self.tr("Address")),
                          ("representative", self.tr("Legal representative")),
                          ("risk", self.tr("Risk class")), ("items", self.tr("Check items")),
                          ("window", self.tr("Window")), ("team", self.tr("Team")),
                          ("samples", self.tr("Samples"))):
            self.detail_names[key].setText(text)
        self.model.retranslate(lang)
        self.history.retranslate()
        if self.form is not None:
            self.form.retranslate(lang)
        if self.start_dialog is not None:
            self.start_dialog.retranslate()
        if self.finalize_dialog is not None:
            self.finalize_dialog.retranslate(lang)
        self._show_details()
        self._word_count()
        self._word_save_state()
        self._enable()
        show_message(self.message_label, self._message)
