"""The audit screen: the hash-chained log, newest first, and a button to verify the chain.

Contract: main thread. Loads events through an op whenever the change bus reports the
audit topic; verification runs on the DB thread and its verdict (intact, or the first
broken event and why) is shown in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit_chain import ChainVerdict
from inspector.core.roles import Role
from inspector.core.text import Lang
from inspector.services.audit_log import AuditEventView
from inspector.services.changes import ChangeSet, Topic
from inspector.ui import ops
from inspector.ui.context import AppContext
from inspector.ui.snapshot_table_model import Column, SnapshotTableModel, enable_sorting


class AuditTableModel(SnapshotTableModel[AuditEventView]):
    """Audit events: sequence, times, who, what, on which object, and the payload."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        def role_text(event: AuditEventView, lang: Lang) -> str:
            try:
                return Role(event.role).label(lang)
            except ValueError:
                return event.role

        columns: list[Column[AuditEventView]] = [
            Column(lambda: self.tr("No."), lambda e, _l: str(e.seq), sort_key=lambda e: e.seq,
                   align_right=True),
            Column(lambda: self.tr("Time (UTC)"), lambda e, _l: e.utc_time[:19].replace("T", " ")),
            Column(lambda: self.tr("Device clock"), lambda e, _l: e.device_clock),
            Column(lambda: self.tr("Who"), lambda e, _l: e.actor),
            Column(lambda: self.tr("Role"), role_text),
            Column(lambda: self.tr("Action"), lambda e, _l: self.action_text(e.action)),
            Column(lambda: self.tr("Object"), lambda e, _l: e.object_id),
            Column(lambda: self.tr("Details"), lambda e, _l: e.payload),
        ]
        super().__init__(columns, lang, parent)

    def action_text(self, action: str) -> str:
        texts = {
            "workspace.created": self.tr("Workspace created"),
            "workspace.migrated": self.tr("Database upgraded"),
            "directory.import_entities": self.tr("Market entities imported"),
            "directory.import_inspectors": self.tr("Inspectors imported"),
            "plan.saved": self.tr("Plan saved"),
            "draw.seed_committed": self.tr("Draw seed committed"),
            "draw.run": self.tr("Draw run"),
            "draw.released": self.tr("Drawn tasks released"),
            "draw.redrawn": self.tr("Inspector redrawn"),
            "recusal.declared": self.tr("Recusal declared"),
            "disclosure.approved": self.tr("Results approved for publication"),
            "disclosure.exported": self.tr("Publication exported"),
            "assignment.exported": self.tr("Assignment package exported"),
            "assignment.imported": self.tr("Assignment package imported"),
            "checklist.imported": self.tr("Checklist imported"),
            "checklist.published": self.tr("Checklist published"),
            "checklist.draft_started": self.tr("Checklist draft started"),
            "checklist.draft_moved": self.tr("Checklist draft moved to a new version"),
            "checklist.draft_discarded": self.tr("Checklist draft discarded"),
            "sync.keep_local": self.tr("Sync conflict: local version kept"),
            "sync.retry": self.tr("Sync: quarantined item retried"),
        }
        return texts.get(action, action)


class AuditScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.verdict: ChainVerdict | None = None
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyAuditButton")
        self.verify_button.clicked.connect(self.verify)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("auditVerdict")
        self.verdict_label.setWordWrap(True)
        self.model = AuditTableModel(ctx.lang, self)
        self.filter_edit.textChanged.connect(self.model.set_filter)
        self.table = QTableView()
        self.table.setModel(self.model)
        enable_sorting(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((50, 150, 170, 80, 80, 150, 150)):
            self.table.setColumnWidth(column, width)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.verdict_label)
        layout.addWidget(self.table)
        ctx.bus.changed.connect(self._on_changed)
        ctx.workspace_opened.connect(lambda _info: self.reload())
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        self.retranslate()
        if ctx.workspace is not None:
            self.reload()

    def reload(self) -> None:
        self._ctx.db.submit(ops.load_audit_events(), on_result=self._loaded)

    def verify(self) -> None:
        self.verdict_label.setText(self.tr("Verifying…"))
        self._ctx.db.submit(ops.verify_audit(), on_result=self._verified)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit log"))
        self.filter_edit.setPlaceholderText(self.tr("Filter events…"))
        self.verify_button.setText(self.tr("Verify hash chain"))
        self.model.retranslate(self._ctx.lang)
        if self.verdict is not None:
            self._verified(self.verdict)

    def _loaded(self, events: tuple[AuditEventView, ...]) -> None:
        self.model.set_snapshot(
            events,
            [f"{e.actor}\x1f{e.action}\x1f{e.object_id}\x1f{e.payload}".casefold()
             for e in events],
        )

    def _verified(self, verdict: ChainVerdict) -> None:
        self.verdict = verdict
        if verdict.intact:
            self.verdict_label.setStyleSheet("color: #1b6e20;")
            self.verdict_label.setText(self.tr("Intact: %1 events, hash chain unbroken.").replace(
                "%1", str(verdict.events_checked)))
        else:
            assert verdict.message is not None
            self.verdict_label.setStyleSheet("color: #b3261e; font-weight: bold;")
            self.verdict_label.setText(self.tr("Tampered: %1").replace(
                "%1", verdict.message.render(self._ctx.lang)))

    def _on_changed(self, changes: ChangeSet) -> None:
        if Topic.AUDIT in changes:
            self.reload()
