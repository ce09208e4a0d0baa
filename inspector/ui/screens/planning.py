"""The team lead's plans screen (抽查计划与抽取): plans, the plan form, seed, draw, tasks.

Contract: main thread. The plan list loads through an op when the screen is shown and,
while it is shown, whenever the bus reports plans or tasks (a hidden screen only notes
that it must catch up); choosing a plan loads its document into the form and hands its
view to the draw and tasks panels. Every edit of the form schedules
a preview (debounced; only the newest answer is shown) that reads the directory on the
DB thread: stratum sizes, how many each gives, exclusions, the eligible pool and the
reasons a draw would be refused. Saving checks the plan with ``parse_plan`` first, so a
broken field is named (with the form's label) and focused before anything is written;
plan files are read and written by ops. Shortcuts (while the screen has the focus):
Ctrl+N new plan, Ctrl+O import a plan file, Ctrl+S save, Ctrl+Shift+S export a plan
file, Ctrl+R run the draw. Only team leads and administrators see this screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.core.lifecycles import PlanStatus
from inspector.core.plan_document import PlanDocument, PlanFileError
from inspector.services.changes import ChangeSet, Topic
from inspector.services.planning import PlanView
from inspector.ui import planning_ops
from inspector.ui.context import AppContext
from inspector.ui.planning_models import PlanTableModel
from inspector.ui.record_table import record_table, select_row
from inspector.ui.widgets.draw_panel import DrawPanel
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message
from inspector.ui.widgets.plan_form import PlanForm
from inspector.ui.widgets.tasks_panel import TasksPanel

PREVIEW_DELAY_MS = 400


class PlanningScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.current: PlanView | None = None
        self._form_code: str | None = None  # the saved plan whose document is in the form
        self._select_after_load: str | None = None
        self._preview_ticket = 0
        self._message: Message = NO_MESSAGE
        self._stale = True  # the list needs loading when the screen is next shown

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newPlanButton")
        self.new_button.clicked.connect(self.new_plan)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importPlanButton")
        self.import_button.clicked.connect(self.import_plan)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportPlanButton")
        self.export_button.clicked.connect(self.export_plan)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        for button in (self.new_button, self.import_button, self.export_button):
            bar.addWidget(button)

        self.model = PlanTableModel(ctx.lang, self)
        self.table = record_table(self.model, "plansTable", (120, 420, 110, 190, 100, 120))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())

        self.form = PlanForm(ctx.lang, today)
        self.form.changed.connect(self._form_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.form_state = QLabel()
        self.form_state.setObjectName("formState")
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePlanButton")
        self.save_button.clicked.connect(self.save_plan)
        self.message_label = QLabel()
        self.message_label.setObjectName("planMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        save_row = QHBoxLayout()
        save_row.addWidget(self.form_state)
        save_row.addWidget(self.message_label, 1)
        save_row.addWidget(self.save_button)
        definition = QWidget()
        definition_layout = QVBoxLayout(definition)
        definition_layout.addWidget(scroll, 1)
        definition_layout.addLayout(save_row)

        self.draw_panel = DrawPanel(ctx)
        self.tasks_panel = TasksPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("planTabs")
        self.tabs.addTab(definition, "")
        self.tabs.addTab(self.draw_panel, "")
        self.tabs.addTab(self.tasks_panel, "")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([150, 650])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        for keys, action in (("Ctrl+N", self.new_plan), ("Ctrl+O", self.import_plan),
                             ("Ctrl+S", self.save_plan), ("Ctrl+Shift+S", self.export_plan),
                             ("Ctrl+R", self._run_draw_key)):
            QShortcut(QKeySequence(keys), self, action,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changed.connect(self._on_changed)
        ctx.workspace_opened.connect(lambda _info: self._workspace_opened())
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        if ctx.workspace is not None:
            self._workspace_opened()

    # -- loading ---------------------------------------------------------------------------

    def _workspace_opened(self) -> None:
        info = self._ctx.workspace
        if info is not None:
            self.tasks_panel.model.divisions = info.divisions
        self._stale = True
        if self.isVisible():
            self._catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._catch_up()

    def _catch_up(self) -> None:
        """Load what changed while the screen was hidden (or never shown)."""
        self.reload()
        self.refresh_preview()

    def reload(self) -> None:
        if self._ctx.workspace is not None:
            self._stale = False
            self._ctx.db.submit(planning_ops.load_plans(), on_result=self._plans_loaded)

    def _plans_loaded(self, plans: tuple[PlanView, ...]) -> None:
        wanted = self._select_after_load or (self.current.code if self.current else None)
        self._select_after_load = None
        self.table.selectionModel().blockSignals(True)
        self.model.set_snapshot(plans, [f"{p.code} {p.title}".casefold() for p in plans])
        self.table.selectionModel().blockSignals(False)
        self.select_plan(wanted)

    def select_plan(self, code: str | None) -> bool:
        """Select ``code`` in the list (None: no plan, a new one in the form)."""
        row = None if code is None else self.model.find_row(lambda p: p.code == code)
        selected = select_row(self.table, row)
        self._chosen()
        return selected

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        plan = self.model.row_at(rows[0].row()) if rows else None
        self.current = plan
        if plan is not None and plan.code != self._form_code:
            self._form_code = plan.code
            self._ctx.db.submit(planning_ops.load_plan_document(plan.code),
                                on_result=self._document_loaded, on_error=self._failed)
        self.draw_panel.set_plan(plan)
        self.tasks_panel.set_plan(plan)
        self._show_state()

    def _document_loaded(self, plan: PlanDocument) -> None:
        if plan.code == self._form_code:
            self.form.load_document(plan)

    # -- the form --------------------------------------------------------------------------

    def new_plan(self) -> None:
        self._form_code = None
        self.select_plan(None)
        self.form.clear()
        self._set_message(str)
        self.tabs.setCurrentIndex(0)
        self.form.code_edit.setFocus()

    def import_plan(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import plan file"), str(Path.home()), self.tr("Plan files (*.json)"))
        if path:
            self.import_plan_file(Path(path))

    def import_plan_file(self, path: Path) -> None:
        """Read ``path`` into the form without asking (the dialog, the tour, tests)."""
        self._ctx.db.submit(planning_ops.read_plan_file(path),
                            on_result=lambda plan: self._imported(path, plan),
                            on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("Not imported: %1")))

    def _imported(self, path: Path, plan: PlanDocument) -> None:
        self._form_code = None
        self.select_plan(None)
        self.form.load_document(plan)
        self.tabs.setCurrentIndex(0)
        self._set_message(lambda: self.tr("Read %1: check the plan, then save it.")
                          .replace("%1", path.name))

    def export_plan(self) -> None:
        plan = self._checked_document(lambda: self.tr("Not exported: %1"))
        if plan is None:
            return
        suggested = Path.home() / f"{plan.code}.json"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export plan file"), str(suggested), self.tr("Plan files (*.json)"))
        if path:
            self.export_plan_file(Path(path))

    def export_plan_file(self, path: Path) -> None:
        plan = self._checked_document(lambda: self.tr("Not exported: %1"))
        if plan is None:
            return
        target = path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")
        self._ctx.db.submit(planning_ops.write_plan_file(plan, target),
                            on_result=lambda written: self._set_message(
                                lambda: self.tr("Plan written to %1")
                                .replace("%1", str(written))),
                            on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("Not exported: %1")))

    def save_plan(self) -> None:
        plan = self._checked_document(lambda: self.tr("Not saved: %1"))
        if plan is None:
            return
        self._ctx.db.submit(planning_ops.save_plan_document(plan, self._ctx.actor),
                            on_result=self._saved, on_error=lambda error: self._tell_error(
                                error, lambda: self.tr("Not saved: %1")))

    def _saved(self, code: str) -> None:
        # The bus reports the plans right after this: select the saved one then.
        self._form_code = code
        self._select_after_load = code
        self._set_message(lambda: self.tr("Plan %1 saved. Commit a seed on the next tab.")
                          .replace("%1", code))

    def _checked_document(self, template: Callable[[], str]) -> PlanDocument | None:
        try:
            return self.form.document()
        except PlanFileError as error:
            self._tell_error(error, template)
            return None

    def _tell_error(self, error: BaseException, template: Callable[[], str]) -> None:
        """Show ``error`` in ``template`` (its %1); a plan error also names the form field,
        which gets the focus."""
        self.tabs.setCurrentIndex(0)

        def text() -> str:
            if isinstance(error, PlanFileError):
                return self.form.describe(error)
            return error_text(self._ctx.lang, error)

        self._set_message(lambda: template().replace("%1", text()), True)
        if isinstance(error, PlanFileError):
            self.form.focus_error(error)

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.message_label, self._message)

    def _show_state(self) -> None:
        plan = self.current
        if plan is None:
            self.form_state.setText(self.tr("New plan"))
        elif plan.status in (PlanStatus.DRAFT, PlanStatus.SAVED):
            self.form_state.setText(self.tr("Editing %1").replace("%1", plan.code))
        else:
            self.form_state.setText(self.tr("%1 is drawn: save changes under a new code")
                                    .replace("%1", plan.code))

    # -- preview ---------------------------------------------------------------------------

    def _form_changed(self) -> None:
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        """Preview the form's plan against the directory now (the timer calls this too)."""
        self._preview_timer.stop()
        self._preview_ticket += 1
        ticket = self._preview_ticket
        try:
            plan = self.form.document()
        except PlanFileError as error:
            self.form.show_preview(None, self.tr("The preview waits for a complete plan: %1")
                                   .replace("%1", error.text.render(self._ctx.lang)))
            return
        if self._ctx.workspace is None:
            return

        def shown(preview: planning_ops.DrawPreview) -> None:
            if ticket == self._preview_ticket:  # an older answer than the form: drop it
                self.form.show_preview(preview)

        def failed(error: BaseException) -> None:
            if ticket == self._preview_ticket:
                self.form.show_preview(None, error_text(self._ctx.lang, error))

        self._ctx.db.submit(planning_ops.preview_draw(plan, self._today),
                            on_result=shown, on_error=failed)

    # -- everything else -------------------------------------------------------------------

    def _run_draw_key(self) -> None:
        self.tabs.setCurrentWidget(self.draw_panel)
        self.draw_panel.run_draw()

    def _on_changed(self, changes: ChangeSet) -> None:
        concerned = changes & {Topic.PLANS, Topic.TASKS, Topic.ENTITIES, Topic.INSPECTORS}
        if not concerned:
            return
        if not self.isVisible():
            self._stale = True  # a hidden screen does no work; it catches up when shown
            return
        if concerned & {Topic.PLANS, Topic.TASKS}:
            self.reload()
        if concerned & {Topic.ENTITIES, Topic.INSPECTORS, Topic.TASKS}:
            self._preview_timer.start()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Plans and draw"))
        self.new_button.setText(self.tr("New plan"))
        self.new_button.setToolTip("Ctrl+N")
        self.import_button.setText(self.tr("Import plan file…"))
        self.import_button.setToolTip("Ctrl+O")
        self.export_button.setText(self.tr("Export plan file…"))
        self.export_button.setToolTip("Ctrl+Shift+S")
        self.save_button.setText(self.tr("Save plan"))
        self.save_button.setToolTip("Ctrl+S")
        self.tabs.setTabText(0, self.tr("Plan definition"))
        self.tabs.setTabText(1, self.tr("Seed and draw"))
        self.tabs.setTabText(2, self.tr("Tasks"))
        self.model.retranslate(self._ctx.lang)
        self.form.retranslate(self._ctx.lang)
        self.draw_panel.retranslate()
        self.tasks_panel.retranslate()
        self._show_state()
        show_message(self.message_label, self._message)
        if self._preview_ticket:
            self.refresh_preview()  # the preview's wording follows the language
