"""The seed-and-draw panel of the plans screen (the tasks tab is :mod:`.tasks_panel`).

Contract: main thread. It acts on the plan the screen hands it with ``set_plan`` (a
frozen :class:`~inspector.services.planning.PlanView`, or None) and does all its
database work through ops on the DB thread (:mod:`inspector.ui.planning_ops`).

:class:`DrawPanel` commits the seed (a generated one, or one derived from a public
text), shows its commitment for publication with a copy button, runs the draw after a
confirmation with a busy indicator (the window stays responsive while the DB thread
works), shows the result (SHA-256, staffed count, capacity, unstaffed entities and why),
and saves the protocol (.json) or the ceremony summary (PDF and .xlsx) where the user
chooses. Errors are shown in the user's language next to the action.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.lifecycles import PlanStatus
from inspector.services.planning import PlanView
from inspector.ui import planning_ops
from inspector.ui.context import AppContext
from inspector.ui.planning_models import UnassignedTableModel
from inspector.ui.record_table import compact_rows
from inspector.ui.widgets.feedback import (
    NO_MESSAGE,
    Message,
    confirm,
    error_text,
    show_message,
)

_OPEN_STATES = (PlanStatus.DRAFT, PlanStatus.SAVED)


def _value_field(name: str) -> QLineEdit:
    """A read-only field whose text can be selected and copied (hashes, commitments)."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setReadOnly(True)
    field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return field


class DrawPanel(QWidget):
    drawn = Signal(object)  # DrawSummary

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.plan: PlanView | None = None
        self.summary: planning_ops.DrawSummary | None = None
        self.drawing = False
        self._message: Message = NO_MESSAGE

        self.plan_label = QLabel()
        self.plan_label.setObjectName("drawPlanLabel")
        self.plan_label.setStyleSheet("font-weight: bold;")
        self.generate_radio = QRadioButton()
        self.generate_radio.setObjectName("generateSeedRadio")
        self.generate_radio.setChecked(True)
        self.text_radio = QRadioButton()
        self.text_radio.setObjectName("publicTextRadio")
        modes = QButtonGroup(self)
        modes.addButton(self.generate_radio)
        modes.addButton(self.text_radio)
        self.public_text_edit = QLineEdit()
        self.public_text_edit.setObjectName("publicTextEdit")
        self.public_text_edit.setEnabled(False)
        self.text_radio.toggled.connect(self.public_text_edit.setEnabled)
        self.commit_button = QPushButton()
        self.commit_button.setObjectName("commitSeedButton")
        self.commit_button.clicked.connect(self.commit_seed)
        self.commitment_edit = _value_field("commitmentField")
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyCommitmentButton")
        self.copy_button.clicked.connect(self.copy_commitment)
        commitment_row = QHBoxLayout()
        commitment_row.addWidget(self.commitment_edit, 1)
        commitment_row.addWidget(self.copy_button)
        self.seed_state = QLabel()
        self.seed_state.setObjectName("seedState")
        self.seed_state.setWordWrap(True)
        self.seed_help = QLabel()
        self.seed_help.setWordWrap(True)
        self.seed_help.setStyleSheet("color: #555;")
        seed_layout = QVBoxLayout()
        seed_layout.addWidget(self.generate_radio)
        seed_layout.addWidget(self.text_radio)
        seed_layout.addWidget(self.public_text_edit)
        seed_layout.addWidget(self.commit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.commitment_label = QLabel()
        seed_layout.addWidget(self.commitment_label)
        seed_layout.addLayout(commitment_row)
        seed_layout.addWidget(self.seed_state)
        seed_layout.addWidget(self.seed_help)
        seed_layout.addStretch(1)
        self.seed_group = QGroupBox()
        self.seed_group.setLayout(seed_layout)

        self.run_button = QPushButton()
        self.run_button.setObjectName("runDrawButton")
        self.run_button.clicked.connect(self.run_draw)
        self.busy = QProgressBar()
        self.busy.setObjectName("drawBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(200)
        self.busy.hide()
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.busy)
        run_row.addStretch(1)
        self.sha_edit = _value_field("drawSha256")
        self.selected_value = QLabel("—")
        self.selected_value.setObjectName("drawSelected")
        self.capacity_value = QLabel("—")
        self.capacity_value.setObjectName("drawCapacity")
        self._result_labels = [QLabel() for _ in range(4)]
        results = QFormLayout()
        self.unassigned_value = QLabel("—")
        self.unassigned_value.setObjectName("drawUnassignedCount")
        for label, value in zip(self._result_labels[1:], (
                self.selected_value, self.capacity_value, self.unassigned_value), strict=True):
            results.addRow(label, value)
        self.unassigned_model = UnassignedTableModel(ctx.lang, self)
        self.unassigned_table = QTableView()
        self.unassigned_table.setObjectName("unassignedTable")
        self.unassigned_table.setModel(self.unassigned_model)
        compact_rows(self.unassigned_table)
        self.unassigned_table.horizontalHeader().setStretchLastSection(True)
        self.unassigned_table.setColumnWidth(0, 180)
        self.unassigned_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.save_protocol_button = QPushButton()
        self.save_protocol_button.setObjectName("saveProtocolButton")
        self.save_protocol_button.clicked.connect(self.save_protocol)
        self.ceremony_button = QPushButton()
        self.ceremony_button.setObjectName("ceremonySummaryButton")
        self.ceremony_button.clicked.connect(self.export_ceremony)
        files_row = QHBoxLayout()
        files_row.addWidget(self.save_protocol_button)
        files_row.addWidget(self.ceremony_button)
        files_row.addStretch(1)
        self.message_label = QLabel()
        self.message_label.setObjectName("drawMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        draw_layout = QVBoxLayout()
        draw_layout.addLayout(run_row)
        draw_layout.addWidget(self._result_labels[0])
        draw_layout.addWidget(self.sha_edit)
        draw_layout.addLayout(results)
        draw_layout.addWidget(self.unassigned_table, 1)
        draw_layout.addLayout(files_row)
        self.draw_group = QGroupBox()
        self.draw_group.setLayout(draw_layout)

        columns = QHBoxLayout()
        columns.addWidget(self.seed_group, 1)
        columns.addWidget(self.draw_group, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_label)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message_label)
        self.retranslate()

    # -- state -----------------------------------------------------------------------------

    def set_plan(self, plan: PlanView | None) -> None:
        changed = (plan.code if plan else None) != (self.plan.code if self.plan else None)
        self.plan = plan
        if changed:
            self.summary = None
            self._message = NO_MESSAGE
            self.public_text_edit.clear()
        if plan is not None and plan.protocol_sha256 and (
                self.summary is None or self.summary.sha256 != plan.protocol_sha256):
            self._ctx.db.submit(planning_ops.load_draw_summary(plan.code),
                                on_result=self._show_summary, on_error=self._failed)
        self._refresh()

    def retranslate(self) -> None:
        self.seed_group.setTitle(self.tr("1. Seed"))
        self.draw_group.setTitle(self.tr("2. Draw"))
        self.generate_radio.setText(self.tr("Generate a random seed and publish its commitment"))
        self.text_radio.setText(self.tr("Derive the seed from a public text announced in "
                                        "advance"))
        self.public_text_edit.setPlaceholderText(self.tr(
            "e.g. the closing figure of a lottery draw, as announced"))
        self.commit_button.setText(self.tr("Commit seed"))
        self.commitment_label.setText(self.tr("Commitment sha256(seed), to publish:"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the commitment to the clipboard"))
        self.seed_help.setText(self.tr(
            "Publish the commitment (for example on the bureau's website) before running the "
            "draw. The seed itself stays secret until the draw; afterwards anyone can check "
            "that sha256(seed) equals what was published, so the seed cannot have been "
            "chosen after seeing the result."))
        self.run_button.setText(self.tr("Run draw…"))
        self.run_button.setToolTip("Ctrl+R")
        for label, text in zip(self._result_labels, (
                self.tr("Protocol SHA-256 (publish it with the result):"),
                self.tr("Entities drawn and staffed"),
                self.tr("Tasks per inspector at most"), self.tr("Drawn without a team")),
                strict=True):
            label.setText(text)
        self.save_protocol_button.setText(self.tr("Save protocol…"))
        self.ceremony_button.setText(self.tr("Export ceremony summary…"))
        self.ceremony_button.setToolTip(self.tr("The draw's record as PDF and .xlsx, for "
                                                "signing and filing"))
        self.unassigned_model.retranslate(self._ctx.lang)
        self._refresh()

    def _refresh(self) -> None:
        plan = self.plan
        is_open = plan is not None and plan.status in _OPEN_STATES
        if plan is None:
            self.plan_label.setText(self.tr("Choose a saved plan in the list above."))
        else:
            self.plan_label.setText(self.tr("Plan %1 · %2").replace("%1", plan.code)
                                    .replace("%2", plan.title))
        for widget in (self.generate_radio, self.text_radio, self.commit_button):
            widget.setEnabled(is_open and not self.drawing)
        self.public_text_edit.setEnabled(is_open and self.text_radio.isChecked()
                                         and not self.drawing)
        self.commitment_edit.setText(plan.seed_commitment if plan else "")
        self.commitment_edit.setCursorPosition(0)
        self.copy_button.setEnabled(bool(plan and plan.seed_commitment))
        self.seed_state.setText(self._seed_state(plan))
        self.run_button.setEnabled(bool(plan and plan.seed_ready and is_open)
                                   and not self.drawing)
        self.busy.setVisible(self.drawing)
        summary = self.summary if plan is not None and self.summary is not None \
            and self.summary.plan_code == plan.code else None
        self.sha_edit.setText(summary.sha256 if summary else "")
        self.sha_edit.setCursorPosition(0)
        self.selected_value.setText(str(summary.selected) if summary else "—")
        self.capacity_value.setText(str(summary.capacity) if summary else "—")
        self.unassigned_value.setText(str(len(summary.unassigned)) if summary else "—")
        rows = summary.unassigned if summary else ()
        self.unassigned_model.set_snapshot(rows, [f"{k} {r}".casefold() for k, r in rows])
        self.save_protocol_button.setEnabled(summary is not None)
        self.ceremony_button.setEnabled(summary is not None)
        show_message(self.message_label, self._message)

    def _seed_state(self, plan: PlanView | None) -> str:
        if plan is None:
            return ""
        if plan.status not in _OPEN_STATES:
            return self.tr("Drawn with the seed of this commitment; the protocol contains the "
                           "seed, so anyone can verify the draw.")
        if not plan.seed_ready:
            return self.tr("No seed committed yet.")
        if plan.seed_text:
            return self.tr("Seed derived from the public text “%1”. Ready to draw.").replace(
                "%1", plan.seed_text)
        return self.tr("A secret seed is committed. Publish the commitment, then run the draw.")

    def _set_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        self._refresh()

    def _failed(self, error: BaseException) -> None:
        self._set_message(lambda: error_text(self._ctx.lang, error), True)

    # -- acting ----------------------------------------------------------------------------

    def commit_seed(self) -> None:
        plan = self.plan
        if plan is None or not self.commit_button.isEnabled():
            return
        public = self.public_text_edit.text() if self.text_radio.isChecked() else None
        if plan.seed_ready and not confirm(self, self.tr("Replace the seed"), self.tr(
                "Plan %1 already has a committed seed. Replace it? A commitment already "
                "published would no longer match.").replace("%1", plan.code)):
            return
        self._ctx.db.submit(planning_ops.commit_plan_seed(plan.code, self._ctx.actor, public),
                            on_result=self._seed_committed, on_error=self._failed)

    def _seed_committed(self, commitment: str) -> None:
        self._set_message(lambda: self.tr("Seed committed. Commitment: %1")
                          .replace("%1", commitment))

    def copy_commitment(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.commitment_edit.text():
            clipboard.setText(self.commitment_edit.text())
            self._set_message(lambda: self.tr("Commitment copied to the clipboard."))

    def run_draw(self) -> None:
        plan = self.plan
        if plan is None or not self.run_button.isEnabled():
            return
        if not confirm(self, self.tr("Run the draw"), self.tr(
                "Run the draw for plan %1 now?\n\nThe result is final: a draw is never redone "
                "or edited. Make sure the commitment %2… has been published.")
                .replace("%1", plan.code).replace("%2", plan.seed_commitment[:16])):
            return
        self.start_draw()

    def start_draw(self) -> None:
        """Run the draw without asking (after the confirmation, and in the tour)."""
        plan = self.plan
        if plan is None or not self.run_button.isEnabled():
            return
        self.drawing = True
        self._set_message(lambda: self.tr("Drawing…"))
        self._ctx.db.submit(planning_ops.draw_plan(plan.code, self._ctx.actor),
                            on_result=self._drawn, on_error=self._draw_failed)

    def _drawn(self, summary: planning_ops.DrawSummary) -> None:
        self.drawing = False
        self.summary = summary
        self._set_message(lambda: self.tr("Drawn: %1 entities with their teams. Release the "
                                          "tasks on the Tasks tab.")
                          .replace("%1", str(summary.selected)))
        self.drawn.emit(summary)

    def _draw_failed(self, error: BaseException) -> None:
        self.drawing = False
        self._failed(error)

    def _show_summary(self, summary: planning_ops.DrawSummary) -> None:
        self.summary = summary
        self._refresh()

    def save_protocol(self) -> None:
        summary = self.summary
        if summary is None:
            return
        suggested = Path.home() / f"{summary.plan_code}-protocol-{summary.sha256[:12]}.json"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save protocol"), str(suggested), self.tr("Protocol (*.json)"))
        if path:
            self.save_protocol_to(Path(path))

    def save_protocol_to(self, path: Path) -> None:
        summary = self.summary
        if summary is None:
            return
        target = path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")
        self._ctx.db.submit(planning_ops.save_protocol(summary.plan_code, target),
                            on_result=lambda saved: self._set_message(
                                lambda: self.tr("Protocol saved to %1")
                                .replace("%1", str(saved))),
                            on_error=self._failed)

    def export_ceremony(self) -> None:
        if self.summary is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the ceremony summary"), str(Path.home()))
        if folder:
            self.export_ceremony_to(Path(folder))

    def export_ceremony_to(self, folder: Path) -> None:
        summary = self.summary
        if summary is None:
            return
        self._ctx.db.submit(
            planning_ops.export_ceremony_summary(summary.plan_code, folder, self._ctx.lang),
            on_result=lambda files: self._set_message(
                lambda: self.tr("Ceremony summary written: %1 and %2").replace(
                    "%1", str(files[0])).replace("%2", str(files[1]))),
            on_error=self._failed)

