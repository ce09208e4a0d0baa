"""The dialogs of signed assignment packages (任务包): exporting one, trusting its key.

Contract: main thread, both opened non-modally (``open``); neither touches the
database or a file, their owners run the ops (:mod:`inspector.ui.package_ops`).

:class:`ExportPackageDialog` (the team lead) chooses an inspector and a file and emits
``export_requested(staff_id, path)``; the tasks panel answers with :meth:`show_result`
(the task count and this workspace's signing-key fingerprint, with a copy button and
the sentence that the inspector must confirm it on first import) or
:meth:`show_error`. :class:`TrustKeyDialog` (anyone importing) shows the fingerprint of
the key that signed a package and asks whether it matches what the team lead read
out; Cancel is the default button, so Enter never trusts a key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.ui.package_ops import PackageExport
from inspector.ui.widgets.feedback import DONE_STYLE, ERROR_STYLE


def _fingerprint_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setReadOnly(True)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(font.pointSize() + 3)
    field.setFont(font)
    field.setMinimumWidth(420)
    return field


class ExportPackageDialog(QDialog):
    export_requested = Signal(str, object)  # staff id, Path

    def __init__(self, members: tuple[tuple[str, str], ...], plan_code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exported: PackageExport | None = None
        self.waiting = False
        self._plan_code = plan_code
        self._suggested = ""
        self.setObjectName("exportPackageDialog")
        self.setMinimumWidth(620)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.inspector_box = QComboBox()
        self.inspector_box.setObjectName("packageInspectorBox")
        for label, staff_id in members:
            self.inspector_box.addItem(label, staff_id)
        self.inspector_box.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("packagePathEdit")
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("packageBrowseButton")
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.inspector_label, self.path_label = QLabel(), QLabel()
        self.inspector_label.setBuddy(self.inspector_box)
        self.path_label.setBuddy(self.path_edit)
        form = QFormLayout()
        form.addRow(self.inspector_label, self.inspector_box)
        form.addRow(self.path_label, path_row)
        self.message_label = QLabel()
        self.message_label.setObjectName("packageExportMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_title = QLabel()
        self.fingerprint_edit = _fingerprint_field("packageFingerprint")
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyFingerprintButton")
        self.copy_button.clicked.connect(self.copy_fingerprint)
        fingerprint_row = QHBoxLayout()
        fingerprint_row.addWidget(self.fingerprint_edit, 1)
        fingerprint_row.addWidget(self.copy_button)
        self.confirm_note = QLabel()
        self.confirm_note.setObjectName("packageConfirmNote")
        self.confirm_note.setWordWrap(True)
        self.result_box = QWidget()
        result_layout = QVBoxLayout(self.result_box)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.fingerprint_title)
        result_layout.addLayout(fingerprint_row)
        result_layout.addWidget(self.confirm_note)
        self.result_box.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportPackageButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.request)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.result_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._suggest_path()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export assignment package"))
        self.intro.setText(self.tr(
            "For an inspector whose laptop cannot sync: a file with all of the inspector's "
            "released tasks (with their entities, teams and check items), signed with this "
            "workspace's key. A changed byte makes the file unusable."))
        self.inspector_label.setText(self.tr("&Inspector"))
        self.path_label.setText(self.tr("&File"))
        self.browse_button.setText(self.tr("Browse…"))
        self.export_button.setText(self.tr("Export"))
        self.fingerprint_title.setText(self.tr("Signing-key fingerprint of this workspace:"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the fingerprint to the clipboard"))
        self.confirm_note.setText(self.tr(
            "Read this fingerprint out to the inspector (by phone or in person), not in the "
            "same message as the file: on the first import from this workspace the "
            "inspector must confirm that it matches."))
        self._show_result()

    @property
    def staff_id(self) -> str:
        return str(self.inspector_box.currentData() or "")

    def _suggest_path(self) -> None:
        """Name the file after the plan and the inspector, unless the user chose one."""
        if self.path_edit.text() and self.path_edit.text() != self._suggested:
            return
        self._suggested = str(Path.home() / f"{self._plan_code}-{self.staff_id}-tasks.json")
        self.path_edit.setText(self._suggested)

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export assignment package"), self.path_edit.text(),
            self.tr("Assignment packages (*.json)"))
        if path:
            self.path_edit.setText(path)

    def request(self) -> None:
        text = self.path_edit.text().strip()
        if self.waiting or not self.staff_id:
            return
        if not text:
            self._show_error(self.tr("Choose the file to write."))
            self.path_edit.setFocus()
            return
        path = Path(text)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        self.waiting = True
        self.export_button.setEnabled(False)
        self.export_requested.emit(self.staff_id, path)

    def show_result(self, done: PackageExport) -> None:
        self.waiting = False
        self.export_button.setEnabled(True)
        self.exported = done
        self._show_result()
        self.fingerprint_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.waiting = False
        self.export_button.setEnabled(True)
        self.exported = None
        self._show_result()
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(text)

    def _show_result(self) -> None:
        done = self.exported
        self.result_box.setVisible(done is not None)
        if done is None:
            self.message_label.clear()
            return
        self.message_label.setStyleSheet(DONE_STYLE)
        self.message_label.setText(self.tr("%1 tasks of %2 written to %3")
                                   .replace("%1", str(done.tasks))
                                   .replace("%2", done.staff_id)
                                   .replace("%3", str(done.path)))
        self.fingerprint_edit.setText(done.fingerprint)
        self.fingerprint_edit.setCursorPosition(0)
        self.adjustSize()  # the result's wrapped lines need the height

    def copy_fingerprint(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.fingerprint_edit.text():
            clipboard.setText(self.fingerprint_edit.text())


class TrustKeyDialog(QDialog):
    """Asks whether a package's key fingerprint matches what the team lead read out."""

    def __init__(self, file_name: str, fingerprint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.fingerprint = fingerprint
        self.setObjectName("trustKeyDialog")
        self.setMinimumWidth(560)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.fingerprint_edit = _fingerprint_field("trustFingerprint")
        self.fingerprint_edit.setText(fingerprint)
        self.fingerprint_edit.setCursorPosition(0)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5a00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.trust_button = QPushButton()
        self.trust_button.setObjectName("trustKeyButton")
        self.trust_button.setAutoDefault(False)
        self.buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.fingerprint_edit)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.retranslate()
        cancel.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Confirm the team lead's key"))
        self.question.setText(self.tr(
            "%1 is signed by a key this workspace does not trust yet. Does its fingerprint "
            "match, group for group, the one your team lead read out to you?")
            .replace("%1", self.file_name))
        self.warning.setText(self.tr(
            "Only confirm a fingerprint you heard from the team lead yourself (by phone or "
            "in person). If it differs, cancel: the file may not come from your team lead."))
        self.trust_button.setText(self.tr("It matches: trust and import"))
