"""The sync screen: the connection, what waits and why, the file in flight, diagnostics.

Contract: main thread. Everything shown comes from the
:class:`~inspector.ui.sync_controller.SyncController` (its overview, progress, reports
and state signals); the buttons start its runs and problem actions, which work on the
pool and the DB thread. "Retry" acts on a selected refused record, "Keep my version"
on a selected conflict. The controller's ``password_needed`` opens the sign-in dialog
(non-modal), so an expired or revoked token asks for the password with everything
still queued. "Export diagnostics…" asks for a file name, then writes the support
bundle through an op.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.services.sync_status import SyncOverview
from inspector.sync.engine import DONE, OFFLINE, SIGNED_OUT, SyncReport
from inspector.ui import sync_ops
from inspector.ui.context import AppContext
from inspector.ui.sync_controller import SyncController
from inspector.ui.sync_items import (
    CONFLICT,
    QUARANTINED,
    SENDING,
    SyncItemRow,
    SyncItemsTableModel,
    human_bytes,
    local_time,
    sync_rows,
)
from inspector.ui.sync_link import LinkState, TransferProgress
from inspector.ui.widgets.login_dialog import LoginDialog

_PERMILLE = 1000


class SyncScreen(QWidget):
    def __init__(self, ctx: AppContext, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.controller = controller
        self.login_dialog: LoginDialog | None = None
        self.exported: Path | None = None
        self._export_error = ""
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.state_label, self.server_value, self.user_value = QLabel(), QLabel(), QLabel()
        self.prefix_value, self.last_success_value, self.token_value = (QLabel(), QLabel(),
                                                                        QLabel())
        self.state_label.setObjectName("linkValue")
        self.server_value.setObjectName("serverValue")
        self.user_value.setObjectName("userValue")
        self.prefix_value.setObjectName("prefixValue")
        self.last_success_value.setObjectName("lastSuccessValue")
        self.token_value.setObjectName("tokenValue")
        self.token_value.setWordWrap(True)
        self._form_labels = [QLabel() for _ in range(6)]
        form = QFormLayout()
        for label, value in zip(self._form_labels, (
                self.state_label, self.server_value, self.user_value, self.prefix_value,
                self.last_success_value, self.token_value), strict=True):
            form.addRow(label, value)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self.sync_now)
        self.originals_button = QPushButton()
        self.originals_button.setObjectName("sendOriginalsButton")
        self.originals_button.clicked.connect(self.send_originals)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.clicked.connect(self.sign_in)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportDiagnosticsButton")
        self.export_button.clicked.connect(self.export_diagnostics)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.originals_button, self.sign_in_button,
                       self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.media_label = QLabel()
        self.media_label.setObjectName("mediaLabel")
        self.media_progress = QProgressBar()
        self.media_progress.setObjectName("mediaProgress")
        self.media_progress.setRange(0, _PERMILLE)
        self.report_label = QLabel()
        self.report_label.setObjectName("lastReport")
        self.report_label.setWordWrap(True)
        self.model = SyncItemsTableModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("syncItemsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((90, 160, 110, 400, 260)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_selected)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepMineButton")
        self.keep_button.clicked.connect(self.keep_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.retry_button)
        actions.addWidget(self.keep_button)
        actions.addStretch(1)
        self.export_label = QLabel()
        self.export_label.setObjectName("diagnosticsResult")
        self.export_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.media_label)
        layout.addWidget(self.media_progress)
        layout.addWidget(self.report_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.export_label)
        QShortcut(QKeySequence("F5"), self, self.sync_now,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        controller.state_changed.connect(lambda _state: self._show_state())
        controller.overview_loaded.connect(lambda _overview: self.refresh())
        controller.progressed.connect(self._transfer_moved)
        controller.finished.connect(lambda _report: self.refresh())
        controller.password_needed.connect(lambda: self.open_login(expired=True))
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()

    # -- showing -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sync with the platform"))
        for label, text in zip(self._form_labels, (
                self.tr("Connection"), self.tr("Platform"), self.tr("User"),
                self.tr("Sample-code prefix"), self.tr("Last successful sync"),
                self.tr("Sign-in kept")), strict=True):
            label.setText(text)
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setToolTip("F5")
        self.originals_button.setText(self.tr("Send originals"))
        self.originals_button.setToolTip(self.tr(
            "Also send full-size original photos (large: use a fast connection)"))
        self.sign_in_button.setText(self.tr("Sign in…"))
        self.export_button.setText(self.tr("Export diagnostics…"))
        self.retry_button.setText(self.tr("Retry"))
        self.keep_button.setText(self.tr("Keep my version"))
        self.model.retranslate(self._ctx.lang)
        if self.login_dialog is not None:
            self.login_dialog.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._show_state()
        self._show_connection(self.controller.overview)
        self._show_rows()
        self._show_media()
        self._show_report(self.controller.last_report)
        self._show_export()
        self._selection()

    def _show_state(self) -> None:
        controller = self.controller
        self.state_label.setText(self._state_text(controller.state))
        busy = controller.running or controller.signing_in
        connected = controller.connection is not None
        self.sync_button.setEnabled(connected and not busy)
        self.originals_button.setEnabled(connected and not busy)
        self.sign_in_button.setEnabled(not controller.signing_in)

    def _state_text(self, state: LinkState) -> str:
        return {
            LinkState.NOT_SIGNED_IN: self.tr("Not signed in: choose Sign in… to connect."),
            LinkState.UNKNOWN: self.tr("Checking the connection…"),
            LinkState.ONLINE: self.tr("Online: the platform answers."),
            LinkState.OFFLINE: self.tr("Offline: everything stays queued and goes out when "
                                       "the connection returns."),
            LinkState.SIGNING_IN: self.tr("Signing in…"),
            LinkState.SYNCING: self.tr("Syncing…"),
            LinkState.SIGNED_OUT: self.tr("Your sign-in has expired or was revoked: sign in "
                                          "again (everything stays queued)."),
        }[state]

    def _show_connection(self, overview: SyncOverview | None) -> None:
        connection = self.controller.connection
        server = connection.server if connection else (overview.server if overview else None)
        user = connection.username if connection else (overview.username if overview else None)
        self.server_value.setText(server or "—")
        self.user_value.setText(user or "—")
        self.prefix_value.setText((overview.sample_prefix if overview else None) or "—")
        last = local_time(overview.last_success if overview else None)
        self.last_success_value.setText(last or self.tr("never"))
        self.token_value.setText(
            self.tr("in this computer's system keyring") if self.controller.persistent else
            self.tr("for this run only: this computer has no system keyring, so you sign in "
                    "again after closing Inspector"))

    def _show_rows(self) -> None:
        overview = self.controller.overview
        sending = tuple(SyncItemRow(SENDING, t.role, 1, t.sha256[:12], sent=t.sent,
                                    size=t.size, seconds_left=t.seconds_left)
                        for t in self.controller.transfers.values())
        rows = sending if overview is None else sync_rows(overview, sending)
        selected = self.selected_row()
        self.model.set_snapshot(rows, [f"{r.state} {r.kind} {r.uuid}".casefold() for r in rows])
        self.table.resizeRowsToContents()  # long reasons wrap instead of being cut
        if selected is not None and selected.uuid:
            found = self.model.find_row(lambda r: r.uuid == selected.uuid)
            if found is not None:
                self.table.selectRow(found)

    def _show_media(self) -> None:
        transfer = self.controller.transfer
        if transfer is not None:
            self._progressed(transfer)
            return
        overview = self.controller.overview
        if overview is None or overview.files_queued == 0:
            self.media_label.setText(self.tr("Files: nothing waiting to be sent."))
            self.media_progress.hide()
            return
        self.media_progress.show()
        text = self.tr("Files waiting: %1 (%2 of %3 already on the platform).")
        text = text.replace("%1", str(overview.files_queued)).replace(
            "%2", human_bytes(overview.bytes_confirmed)).replace(
            "%3", human_bytes(overview.bytes_queued))
        if overview.originals_waiting:
            text += " " + self.tr("Original photos waiting for “Send originals”: %1.").replace(
                "%1", str(overview.originals_waiting))
        self.media_label.setText(text)
        self.media_progress.setValue(_permille(overview.bytes_confirmed, overview.bytes_queued))

    def _transfer_moved(self, transfer: TransferProgress) -> None:
        self._progressed(transfer)
        self._show_rows()

    def _progressed(self, transfer: TransferProgress) -> None:
        text = self.tr("Sending %1: %2 of %3").replace(
            "%1", self.model.role_text(transfer.role)).replace(
            "%2", human_bytes(transfer.sent)).replace("%3", human_bytes(transfer.size))
        left = self.model.time_left(transfer.seconds_left)
        rate = self.tr("%1/s").replace("%1", human_bytes(round(transfer.bytes_per_s)))
        self.media_label.setText(" · ".join(part for part in (text, rate, left) if part))
        self.media_progress.show()
        self.media_progress.setValue(_permille(transfer.sent, transfer.size))

    def _show_report(self, report: SyncReport | None) -> None:
        if report is None:
            self.report_label.setText(self.tr("No sync has run since Inspector started."))
            return
        when = local_time(report.finished_at) or "—"
        if report.outcome == DONE:
            text = self.tr("Last sync (%1) finished. Records sent: %2, received: %3, "
                           "refused: %4, in conflict: %5. Files confirmed: %6, still "
                           "waiting: %7.")
            for key, value in (("%1", when), ("%2", report.stored), ("%3", report.pulled),
                               ("%4", report.refused), ("%5", report.conflicts),
                               ("%6", report.files_verified), ("%7", report.files_left)):
                text = text.replace(key, str(value))
        elif report.outcome == OFFLINE:
            text = self.tr("Last sync (%1): the platform could not be reached. Everything stays "
                           "queued and goes out when the connection returns.").replace("%1", when)
        elif report.outcome == SIGNED_OUT:
            text = self.tr("Last sync (%1): your sign-in has expired or was revoked. Sign in "
                           "again; everything stays queued.").replace("%1", when)
        else:
            text = self.tr("Last sync (%1) failed: %2. Everything stays queued; if this "
                           "persists, export diagnostics for support.").replace(
                "%1", when).replace("%2", report.message)
        self.report_label.setText(text)

    def _show_export(self) -> None:
        if self._export_error:
            self.export_label.setText(self.tr("The diagnostics could not be written: %1")
                                      .replace("%1", self._export_error))
        elif self.exported is not None:
            self.export_label.setText(self.tr("Diagnostics written to %1 (no passwords or "
                                              "tokens inside).").replace("%1", str(self.exported)))
        else:
            self.export_label.setText("")

    # -- acting ------------------------------------------------------------------------------

    def sync_now(self) -> None:
        self.controller.sync_now()

    def send_originals(self) -> None:
        self.controller.sync_now(originals=True)

    def sign_in(self) -> None:
        self.open_login()

    def selected_row(self) -> SyncItemRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection(self) -> None:
        row = self.selected_row()
        self.retry_button.setEnabled(row is not None and row.state == QUARANTINED)
        self.keep_button.setEnabled(row is not None and row.state == CONFLICT)

    def retry_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.state == QUARANTINED:
            self.controller.retry(row.uuid)

    def keep_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.state == CONFLICT:
            self.controller.keep_mine(row.uuid)

    def open_login(self, expired: bool = False) -> LoginDialog:
        if self.login_dialog is not None:
            self.login_dialog.close()
            self.login_dialog.deleteLater()
        connection = self.controller.connection
        overview = self.controller.overview
        server = connection.server if connection else overview.server if overview else None
        user = connection.username if connection else overview.username if overview else None
        self.login_dialog = LoginDialog(
            self.controller, self, server=server or "", username=user or "",
            ca_file=connection.ca_file if connection else None, expired=expired)
        self.login_dialog.open()
        return self.login_dialog

    def export_diagnostics(self) -> None:
        suggested = Path.home() / f"inspector-diagnostics-{date.today().isoformat()}.zip"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export diagnostics"), str(suggested),
            self.tr("Zip archives (*.zip)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".zip") else Path(path + ".zip")
        self._ctx.db.submit(sync_ops.export_diagnostics(target), on_result=self._exported,
                            on_error=self._export_failed)

    def _exported(self, path: Path) -> None:
        self.exported, self._export_error = path, ""
        self._show_export()

    def _export_failed(self, error: BaseException) -> None:
        self._export_error = f"{type(error).__name__}: {error}"
        self._show_export()


def _permille(done: int, total: int) -> int:
    return _PERMILLE if total <= 0 else min(_PERMILLE, done * _PERMILLE // total)
