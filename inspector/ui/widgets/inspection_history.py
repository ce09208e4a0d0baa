"""An entity's finalized inspections, and what can be done with each record.

Contract: main thread; every read and write is an op on the DB thread
(:mod:`inspector.ui.field_ops`). :meth:`InspectionHistoryPanel.show_entity` loads the
entity's finalized records (newest first: when, the result, the first hex digits of the
record hash; a correction says so, and a record corrected since says so too); an answer
for an entity no longer shown is dropped. For the selected record:

- "Record PDF…" asks where to save (the name suggested from the entity and the hash)
  and writes the 现场检查笔录 there, whole;
- "Print…" renders the record's pages on the DB thread, then opens the system's print
  dialog (non-modal: :attr:`print_dialog`) on an A4 printer; its OK prints them;
- "Correct…" asks the reason (non-modal: :attr:`reason_dialog`) and starts a revision
  that names the record (only the latest record of a chain is corrected); it emits
  :attr:`revision_started` so the screen opens the correction's form;
- "Refer clue…" emits :attr:`referral_requested` (inspection uuid, entity name).

Every outcome and refusal is said on the panel's own status line, in the user's
language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.result_codes import BY_CODE
from inspector.core.text import Lang
from inspector.core.workdays import CHINA_TIME
from inspector.services.field_tasks import PastInspection
from inspector.services.inspection_record import record_file_name
from inspector.services.inspections import StartedInspection
from inspector.services.pdf_pages import PageImage
from inspector.ui import field_ops
from inspector.ui.context import AppContext
from inspector.ui.planning_models import SHORT_HASH
from inspector.ui.record_printing import print_pages, record_printer
from inspector.ui.record_table import record_table
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message


def china_time(moment: datetime | None) -> str:
    """A stored moment (UTC; the store keeps it without its zone) on China's clock."""
    if moment is None:
        return "—"
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")


class HistoryTableModel(SnapshotTableModel[PastInspection]):
    """An entity's finalized inspections: when, the result, the record hash."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[PastInspection]] = [
            Column(lambda: self.tr("Finalized"), lambda p, _l: china_time(p.finalized_at),
                   sort_key=lambda p: p.finalized_at or datetime.min),
            Column(lambda: self.tr("Result"), lambda p, _l: self.result_text(p)),
            Column(lambda: self.tr("Record hash"), lambda p, _l: p.content_hash[:SHORT_HASH],
                   tooltip=lambda p, _l: p.content_hash),
        ]
        super().__init__(columns, lang, parent)

    def result_text(self, past: PastInspection) -> str:
        text = "；".join(f"{c} {BY_CODE[c].label}" if c in BY_CODE else c
                        for c in past.result_codes)
        if past.revision:
            text = self.tr("%1 (correction)").replace("%1", text)
        if past.superseded:
            text = self.tr("%1 (corrected since)").replace("%1", text)
        return text


class InspectionHistoryPanel(QWidget):
    revision_started = Signal(object)  # StartedInspection
    referral_requested = Signal(str, str)  # inspection uuid, entity name

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.entity_uuid: str | None = None
        self.entity_name = ""
        self.history: tuple[PastInspection, ...] = ()
        self.print_dialog: QPrintDialog | None = None
        self.reason_dialog: QInputDialog | None = None
        self._message: Message = NO_MESSAGE

        self.label = QLabel()
        self.label.setObjectName("historyLabel")
        self.model = HistoryTableModel(ctx.lang, self)
        self.table = record_table(self.model, "entityHistoryTable", (130, 200, 110))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.pdf_button = self._button("recordPdfButton", self.save_pdf)
        self.print_button = self._button("recordPrintButton", self.print_record)
        self.revise_button = self._button("reviseButton", self.ask_revision)
        self.refer_button = self._button("referButton", self._refer)
        self.status_label = QLabel()
        self.status_label.setObjectName("historyStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.print_button, self.revise_button,
                       self.refer_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.retranslate()

    def _button(self, name: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: action())
        return button

    # -- loading ---------------------------------------------------------------------------

    def show_entity(self, entity_uuid: str | None, entity_name: str = "") -> None:
        self.entity_uuid, self.entity_name = entity_uuid, entity_name
        if entity_uuid is None:
            self._loaded(None, ())
            return
        self._ctx.db.submit(field_ops.load_entity_history(entity_uuid),
                            on_result=lambda past: self._loaded(entity_uuid, past),
                            on_error=self._failed)

    def reload(self) -> None:
        self.show_entity(self.entity_uuid, self.entity_name)

    def _loaded(self, entity: str | None, past: tuple[PastInspection, ...]) -> None:
        if entity != self.entity_uuid:  # an older answer than the selection: drop it
            return
        selected = self.selected()
        self.history = past
        self.model.set_snapshot(past, [p.uuid for p in past])
        row = self.model.find_row(lambda p: selected is not None and p.uuid == selected.uuid)
        if row is None and past:
            row = 0  # the newest record
        if row is not None:
            self.table.selectRow(row)
        self._word_label()
        self._enable()

    def selected(self) -> PastInspection | None:
        rows = self.table.selectionModel().selectedRows() if self.history else []
        return self.model.row_at(rows[0].row()) if rows else None

    # -- the record ------------------------------------------------------------------------

    def save_pdf(self, path: Path | None = None) -> None:
        """Save the selected record's PDF to ``path`` (None: ask where)."""
        past = self.selected()
        if past is None:
            return
        if path is None:
            suggested = Path.home() / record_file_name(self.entity_name, past.content_hash)
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the record"), str(suggested), self.tr("PDF (*.pdf)"))
            if not name:
                return
            path = Path(name)
        self._say(lambda: self.tr("Writing %1…").replace("%1", path.name))
        self._ctx.db.submit(field_ops.save_record_pdf(past.uuid, path),
                            on_result=lambda written: self._say(
                                lambda: self.tr("Record saved: %1").replace("%1", str(written))),
                            on_error=self._failed)

    def print_record(self) -> None:
        """Render the selected record's pages, then open the print dialog."""
        past = self.selected()
        if past is None:
            return
        self._say(lambda: self.tr("Preparing the record for printing…"))
        self._ctx.db.submit(field_ops.render_record_pages(past.uuid),
                            on_result=lambda pages: self._pages_ready(past, pages),
                            on_error=self._failed)

    def _pages_ready(self, past: PastInspection, pages: tuple[PageImage, ...]) -> None:
        printer = record_printer(record_file_name(self.entity_name, past.content_hash))
        if self.print_dialog is not None:
            self.print_dialog.close()
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("recordPrintDialog")
        dialog.accepted.connect(lambda: self._print(pages, printer))
        self.print_dialog = dialog
        self._say(lambda: self.tr("%1 page(s) ready: choose the printer.")
                  .replace("%1", str(len(pages))))
        QDialog.open(dialog)  # QPrintDialog.open() wants a slot to call; not needed here

    def _print(self, pages: tuple[PageImage, ...], printer: QPrinter) -> None:
        try:
            printed = print_pages(pages, printer)
        except RuntimeError as exc:
            self._failed(exc)
            return
        self._say(lambda: self.tr("%1 page(s) sent to %2.").replace("%1", str(printed))
                  .replace("%2", printer.outputFileName() or printer.printerName()))

    # -- correcting and referring ----------------------------------------------------------

    def ask_revision(self) -> None:
        past = self.selected()
        if past is None or past.superseded:
            return
        if self.reason_dialog is not None:
            self.reason_dialog.close()
        dialog = QInputDialog(self)
        dialog.setObjectName("revisionReasonDialog")
        dialog.setWindowTitle(self.tr("Correct the record"))
        dialog.setLabelText(self.tr("Why is the record corrected? The old record stays as "
                                    "it is; the correction names it."))
        dialog.textValueSelected.connect(lambda reason: self.revise(past.uuid, reason))
        self.reason_dialog = dialog
        dialog.open()

    def revise(self, inspection_uuid: str, reason: str) -> None:
        self._ctx.db.submit(
            field_ops.revise_field_inspection(inspection_uuid, reason, self._ctx.actor),
            on_result=self._revision_started, on_error=self._failed)

    def _revision_started(self, started: StartedInspection) -> None:
        self._say(lambda: self.tr("Correction started on %1 version %2: the form is open.")
                  .replace("%1", started.code).replace("%2", str(started.version)))
        self.revision_started.emit(started)
        self.reload()

    def _refer(self) -> None:
        past = self.selected()
        if past is not None:
            self.referral_requested.emit(past.uuid, self.entity_name)

    # -- everything else -------------------------------------------------------------------

    def _enable(self) -> None:
        past = self.selected()
        for button in (self.pdf_button, self.print_button, self.refer_button):
            button.setEnabled(past is not None)
        self.revise_button.setEnabled(past is not None and not past.superseded)

    def _word_label(self) -> None:
        count = len(self.history)
        self.label.setText(
            self.tr("Inspection history: %1").replace("%1", str(count)) if count
            else self.tr("No finalized inspection of this entity yet."))

    def _failed(self, error: BaseException) -> None:
        self._say(lambda: error_text(self._ctx.lang, error), True)

    def _say(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._message = (text, is_error)
        show_message(self.status_label, self._message)

    def retranslate(self) -> None:
        self.pdf_button.setText(self.tr("Record PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.revise_button.setText(self.tr("Correct…"))
        self.refer_button.setText(self.tr("Refer clue…"))
        self.model.retranslate(self._ctx.lang)
        self._word_label()
        show_message(self.status_label, self._message)
