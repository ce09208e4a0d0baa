"""The import flow: pick a file, show progress (cancellable), then show what was rejected.

Contract: main thread. :class:`ImportFlow` submits the import op, drives a progress
dialog from the op's progress reports, and on success opens an
:class:`ImportResultDialog` listing every rejected or suspicious row with the report
file's path. Dialogs are opened non-modally (``open``), so nothing blocks the event
loop; a refused file is shown with its reason in the user's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.directory_rows import RowProblem, Severity
from inspector.core.text import Lang, LocalText
from inspector.services.directory_import import (
    ImportCancelledError,
    ImportFileError,
    ImportKind,
    ImportSummary,
)
from inspector.ui import ops
from inspector.ui.context import AppContext
from inspector.ui.db_worker import OpHandle
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel, enable_sorting

_SEVERITY_TEXT = {
    Severity.ERROR: LocalText("拒绝", "rejected"),
    Severity.WARNING: LocalText("警告", "warning"),
}
_SEVERITY_BRUSH = {Severity.ERROR: QBrush(QColor("#f8c9c4")),
                   Severity.WARNING: QBrush(QColor("#fdf0c8"))}


class ProblemTableModel(SnapshotTableModel[RowProblem]):
    """Rejected and suspicious cells of one import."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        columns: list[Column[RowProblem]] = [
            Column(lambda: self.tr("Row"), lambda p, _l: str(p.row), sort_key=lambda p: p.row,
                   align_right=True),
            Column(lambda: self.tr("Column"), lambda p, _l: p.column),
            Column(lambda: self.tr("Value"), lambda p, _l: p.value),
            Column(lambda: self.tr("Severity"),
                   lambda p, lang: _SEVERITY_TEXT[p.severity].render(lang),
                   background=lambda p: _SEVERITY_BRUSH[p.severity]),
            Column(lambda: self.tr("Reason"), lambda p, lang: p.message.render(lang)),
        ]
        super().__init__(columns, lang, parent)


class ImportResultDialog(QDialog):
    """What an import did: counts, the report file, and every problem row."""

    def __init__(self, summary: ImportSummary, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setObjectName("importResultDialog")
        self.resize(960, 520)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = ProblemTableModel(lang, self)
        self.model.set_snapshot(summary.problems, [p.message.zh for p in summary.problems])
        self.table = QTableView()
        self.table.setModel(self.model)
        enable_sorting(self.table, 0)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 200)
        self.table.setColumnWidth(3, 70)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_report_button = QPushButton()
        self.open_report_button.setEnabled(summary.report_path is not None)
        self.open_report_button.clicked.connect(self._open_report)
        buttons.addButton(self.open_report_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._lang = lang
        self.retranslate(lang)

    def retranslate(self, lang: Lang) -> None:
        self._lang = lang
        self.setWindowTitle(self.tr("Import result"))
        self.open_report_button.setText(self.tr("Open report"))
        lines = [self.summary.describe(lang)]
        if self.summary.report_path is not None:
            lines.append(self.tr("Report: %1").replace("%1", str(self.summary.report_path)))
        if self.summary.ignored_columns:
            lines.append(self.tr("Columns not recognised (ignored): %1").replace(
                "%1", ", ".join(self.summary.ignored_columns)))
        self.summary_label.setText("\n".join(lines))
        self.model.retranslate(lang)

    def _open_report(self) -> None:
        if self.summary.report_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.summary.report_path)))


class ImportFlow(QObject):
    """One import from file choice to result dialog."""

    finished = Signal(object)  # ImportSummary
    failed = Signal(str)  # the reason shown to the user
    cancelled = Signal()

    def __init__(self, ctx: AppContext, kind: ImportKind, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kind = kind
        self._parent = parent
        self._handle: OpHandle | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.result_dialog: ImportResultDialog | None = None

    def choose_and_start(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import %1").replace("%1", self._kind.label(self._ctx.lang)),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.start(Path(path))

    def start(self, path: Path) -> None:
        workspace = self._ctx.workspace
        if workspace is None:
            return
        dialog = QProgressDialog(self._parent)
        dialog.setObjectName("importProgressDialog")
        dialog.setWindowTitle(self.tr("Importing %1").replace("%1", path.name))
        dialog.setLabelText(self.tr("Reading %1…").replace("%1", path.name))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setRange(0, 0)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress_dialog = dialog
        dialog.open()
        self._handle = self._ctx.db.submit(
            ops.import_file(self._kind, path, workspace.divisions, self._ctx.actor, self._ctx.lang),
            on_result=self._done,
            on_error=self._error,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int | None) -> None:
        dialog = self.progress_dialog
        if dialog is None:
            return
        if total:
            dialog.setRange(0, max(total, done))
            dialog.setValue(done)
        dialog.setLabelText(self.tr("%1 rows processed").replace("%1", f"{done:,}"))

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _done(self, summary: ImportSummary) -> None:
        self._close_progress()
        self.result_dialog = ImportResultDialog(summary, self._ctx.lang, self._parent)
        self.result_dialog.open()
        self.finished.emit(summary)

    def _error(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, ImportCancelledError):
            self.cancelled.emit()
            return
        if isinstance(error, ImportFileError):
            reason = error.text.render(self._ctx.lang)
        else:
            reason = f"{type(error).__name__}: {error}"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import refused"), reason,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("importRefusedBox")
        box.open()
        self.failed.emit(reason)
