"""The home screen: who is acting, what the workspace holds, and the deadlines of today.

Contract: main thread. Figures load through ops (directory overview, audit verdict) when
the workspace opens and whenever the bus reports a change to the directories or the
audit log. Deadlines come from the working-day calendar: results of an inspection that
ends today are due for publication within 20 working days, samples taken today are due
at the lab within 5; a year without an installed holiday schedule is flagged.

"Import assignment package…" (every role; Ctrl+O while the screen has the focus) reads a
team lead's signed package (任务包) through an op on the DB thread. A package from a key
not yet trusted here opens a :class:`~inspector.ui.widgets.package_dialogs.TrustKeyDialog`
(exposed as ``trust_dialog``) showing its fingerprint; only when the user confirms that
it matches what the team lead read out is the import repeated, trusting that key. The
result or the refusal (a changed file imports nothing) is shown under the button; the
import's outcome publishes tasks, entities and inspectors, so other screens refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.audit_chain import ChainVerdict
from inspector.core.directory import CertificateState
from inspector.core.workdays import WorkdayCount
from inspector.services.assignment_package import PackageImport
from inspector.services.changes import ChangeSet, Topic
from inspector.services.directory_queries import DirectoryOverview
from inspector.ui import ops, package_ops
from inspector.ui.context import AppContext
from inspector.ui.widgets.feedback import NO_MESSAGE, Message, error_text, show_message
from inspector.ui.widgets.package_dialogs import TrustKeyDialog

PUBLISH_WORKING_DAYS = 20
DELIVERY_WORKING_DAYS = 5


class _Card(QFrame):
    """A titled box with one large figure and a line of detail."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.figure = QLabel("—")
        self.figure.setObjectName("cardFigure")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.figure)
        layout.addWidget(self.detail)
        layout.addStretch(1)


class HomeScreen(QWidget):
    def __init__(self, ctx: AppContext, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._today = today
        self.overview: DirectoryOverview | None = None
        self.verdict: ChainVerdict | None = None
        self.trust_dialog: TrustKeyDialog | None = None
        self._package_message: Message = NO_MESSAGE
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.greeting = QLabel()
        self.greeting.setWordWrap(True)
        self.import_package_button = QPushButton()
        self.import_package_button.setObjectName("importPackageButton")
        self.import_package_button.clicked.connect(self.import_package)
        self.package_message = QLabel()
        self.package_message.setObjectName("packageMessage")
        self.package_message.setWordWrap(True)
        self.package_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        package_row = QHBoxLayout()
        package_row.addWidget(self.import_package_button, 0, Qt.AlignmentFlag.AlignTop)
        package_row.addWidget(self.package_message, 1)
        self.entities_card = _Card("entitiesCard")
        self.inspectors_card = _Card("inspectorsCard")
        self.audit_card = _Card("auditCard")
        self.deadlines_card = _Card("deadlinesCard")
        grid = QGridLayout()
        grid.addWidget(self.entities_card, 0, 0)
        grid.addWidget(self.inspectors_card, 0, 1)
        grid.addWidget(self.audit_card, 1, 0)
        grid.addWidget(self.deadlines_card, 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.greeting)
        layout.addLayout(package_row)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        QShortcut(QKeySequence("Ctrl+O"), self, self.import_package,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changed.connect(self._on_changed)
        ctx.workspace_opened.connect(lambda _info: self.reload())
        ctx.language_changed.connect(lambda _lang: self.retranslate())
        ctx.role_changed.connect(lambda _role: self.retranslate())
        self.retranslate()
        if ctx.workspace is not None:
            self.reload()

    def reload(self) -> None:
        self._show_deadlines()
        self._ctx.db.submit(ops.summarize_directory(self._today), on_result=self._overview)
        self._ctx.db.submit(ops.verify_audit(), on_result=self._verdict)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Overview"))
        role = self._ctx.role.label(self._ctx.lang)
        self.greeting.setText(self.tr("Signed in on this computer as %1, acting as %2.")
                              .replace("%1", self._ctx.actor.name).replace("%2", role))
        self.entities_card.title.setText(self.tr("Market entities"))
        self.inspectors_card.title.setText(self.tr("Inspectors on duty"))
        self.audit_card.title.setText(self.tr("Audit log"))
        self.deadlines_card.title.setText(self.tr("Deadlines from today"))
        self.import_package_button.setText(self.tr("Import assignment package…"))
        self.import_package_button.setToolTip(self.tr(
            "Ctrl+O · Your tasks as a signed file from the team lead, for a laptop that "
            "cannot sync"))
        if self.trust_dialog is not None:
            self.trust_dialog.retranslate()
        show_message(self.package_message, self._package_message)
        self._show_overview()
        self._show_verdict()
        self._show_deadlines()

    # -- assignment packages --------------------------------------------------------------

    def import_package(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import assignment package"), str(Path.home()),
            self.tr("Assignment packages (*.json)"))
        if path:
            self.import_package_file(Path(path))

    def import_package_file(self, path: Path, trust: str | None = None) -> None:
        """Import ``path`` (``trust``: the fingerprint the user confirmed for its key)."""
        if self._ctx.workspace is None:
            return
        self._ctx.db.submit(package_ops.import_assignment_package(path, self._ctx.actor, trust),
                            on_result=lambda done: self._package_imported(path, done),
                            on_error=lambda error: self._package_refused(path, error))

    def _package_imported(self, path: Path, done: PackageImport) -> None:
        self._set_package_message(lambda: self.tr(
            "Imported the package %1 for %2: %3 new tasks (%4 already here), %5 new "
            "entities, %6 new inspectors. Signing key %7.")
            .replace("%1", path.name).replace("%2", done.inspector)
            .replace("%3", str(done.tasks_added)).replace("%4", str(done.tasks_known))
            .replace("%5", str(done.entities_added))
            .replace("%6", str(done.inspectors_added)).replace("%7", done.fingerprint))

    def _package_refused(self, path: Path, error: BaseException) -> None:
        if not isinstance(error, package_ops.UntrustedKeyError):
            self._set_package_message(lambda: self.tr("Not imported: %1").replace(
                "%1", error_text(self._ctx.lang, error)), True)
            return
        if self.trust_dialog is not None:
            self.trust_dialog.close()
            self.trust_dialog.deleteLater()
        fingerprint = error.fingerprint
        dialog = TrustKeyDialog(path.name, fingerprint, self)
        dialog.accepted.connect(lambda: self.import_package_file(path, fingerprint))
        dialog.rejected.connect(lambda: self._set_package_message(lambda: self.tr(
            "Not imported: the fingerprint of %1 was not confirmed.").replace(
            "%1", path.name), True))
        self.trust_dialog = dialog
        self._set_package_message(lambda: self.tr(
            "Compare the fingerprint of %1 with the one your team lead read out.")
            .replace("%1", path.name))
        dialog.open()

    def _set_package_message(self, text: Callable[[], str], is_error: bool = False) -> None:
        self._package_message = (text, is_error)
        show_message(self.package_message, self._package_message)

    def _overview(self, overview: DirectoryOverview) -> None:
        self.overview = overview
        self._show_overview()

    def _verdict(self, verdict: ChainVerdict) -> None:
        self.verdict = verdict
        self._show_verdict()

    def _show_overview(self) -> None:
        overview = self.overview
        if overview is None:
            return
        self.entities_card.figure.setText(f"{overview.counts.entities:,}")
        risky = overview.risk_classes.get("D", 0) + overview.risk_classes.get("E", 0)
        self.entities_card.detail.setText(
            self.tr("%1 in risk classes D and E").replace("%1", f"{risky:,}"))
        self.inspectors_card.figure.setText(f"{overview.active_inspectors:,}")
        blocked = (overview.certificates[CertificateState.EXPIRED]
                   + overview.certificates[CertificateState.MISSING]
                   + overview.certificates[CertificateState.NOT_YET_VALID])
        self.inspectors_card.detail.setText(
            self.tr("%1 cannot inspect today: certificate expired, missing or not yet valid")
            .replace("%1", str(blocked)) if blocked else
            self.tr("All certificates valid today"))

    def _show_verdict(self) -> None:
        verdict = self.verdict
        if verdict is None:
            return
        self.audit_card.figure.setText(f"{verdict.events_checked:,}")
        if verdict.intact:
            self.audit_card.detail.setText(self.tr("Hash chain intact"))
        else:
            assert verdict.message is not None
            self.audit_card.detail.setText(self.tr("Tampered: %1").replace(
                "%1", verdict.message.render(self._ctx.lang)))

    def _show_deadlines(self) -> None:
        info = self._ctx.workspace
        if info is None:
            return
        calendar = info.calendar
        publish = calendar.add_working_days(self._today, PUBLISH_WORKING_DAYS)
        deliver = calendar.add_working_days(self._today, DELIVERY_WORKING_DAYS)
        self.deadlines_card.figure.setText(publish.day.isoformat())
        lines = [
            self.tr("Results of an inspection ending today: publish by %1 (20 working days)")
            .replace("%1", publish.day.isoformat()),
            self.tr("Samples taken today: at the lab by %1 (5 working days)")
            .replace("%1", deliver.day.isoformat()),
        ]
        lines.extend(self._provisional_note(count) for count in (publish, deliver)
                     if count.provisional)
        self.deadlines_card.detail.setText("\n".join(dict.fromkeys(lines)))

    def _provisional_note(self, count: WorkdayCount) -> str:
        years = ", ".join(str(y) for y in count.assumed_years)
        return self.tr("No holiday schedule installed for %1: counted with weekends only")\
            .replace("%1", years)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes & {Topic.ENTITIES, Topic.INSPECTORS, Topic.AUDIT}:
            self.reload()
