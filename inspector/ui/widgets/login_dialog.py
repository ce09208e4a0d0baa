"""The sign-in dialog: platform address, user name, password, an optional provincial CA.

Contract: main thread, opened non-modally (``open``). On "Sign in" it checks the fields,
takes the password out of its field (clearing it at once: no widget or attribute keeps
it afterwards) and hands it to :meth:`SyncController.sign_in`, which works on the pool.
It closes itself (accepted) on the controller's ``signed_in`` and shows
``sign_in_failed`` inline, asking for the password again. When no system keyring
exists it says plainly that the sign-in lasts for this run only. TLS is always
verified; the CA file only adds a provincial authority to trust.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

from inspector.sync.protocol import DeviceInfo
from inspector.ui.sync_controller import SyncController


class LoginDialog(QDialog):
    def __init__(self, controller: SyncController, parent: QWidget | None = None, *,
                 server: str = "", username: str = "", ca_file: Path | None = None,
                 expired: bool = False) -> None:
        super().__init__(parent)
        self._controller = controller
        self._expired = expired
        self.device: DeviceInfo | None = None
        self._waiting = False  # only the sign-in this dialog started concerns it
        self.setObjectName("loginDialog")
        self.setMinimumWidth(560)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("loginReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setVisible(expired)
        self.server_edit = QLineEdit(server)
        self.server_edit.setObjectName("serverEdit")
        self.user_edit = QLineEdit(username)
        self.user_edit.setObjectName("userEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_edit = QLineEdit(str(ca_file) if ca_file is not None else "")
        self.ca_edit.setObjectName("caFileEdit")
        self.ca_edit.setClearButtonEnabled(True)
        self.ca_browse_button = QPushButton()
        self.ca_browse_button.setObjectName("caBrowseButton")
        self.ca_browse_button.clicked.connect(self.browse_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse_button)
        self.server_label, self.user_label = QLabel(), QLabel()
        self.password_label, self.ca_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.server_label, self.server_edit)
        form.addRow(self.user_label, self.user_edit)
        form.addRow(self.password_label, self.password_edit)
        form.addRow(self.ca_label, ca_row)
        for label, buddy in ((self.server_label, self.server_edit),
                             (self.user_label, self.user_edit),
                             (self.password_label, self.password_edit),
                             (self.ca_label, self.ca_edit)):
            label.setBuddy(buddy)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("keyringNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #8a5a00;")
        self.notice_label.setVisible(not controller.persistent)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setObjectName("signInSubmit")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addLayout(form)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        controller.signed_in.connect(self._signed_in)
        controller.sign_in_failed.connect(self._failed)
        self.retranslate()
        first_empty = next((edit for edit in (self.server_edit, self.user_edit)
                            if not edit.text()), self.password_edit)
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the platform"))
        self.reason_label.setText(self.tr(
            "Your sign-in has expired or was revoked. Enter your password again: everything "
            "waiting to be sent stays queued and goes out after you sign in."))
        self.server_label.setText(self.tr("Platform address"))
        self.server_edit.setPlaceholderText("https://central.example.gov.cn")
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.ca_label.setText(self.tr("Provincial CA certificate"))
        self.ca_edit.setPlaceholderText(self.tr("Optional"))
        self.ca_edit.setToolTip(self.tr("Only if your province issues its own certificates: "
                                        "the platform's certificate is always verified."))
        self.ca_browse_button.setText(self.tr("Browse…"))
        self.notice_label.setText(self.tr(
            "This computer has no system keyring: the sign-in lasts for this run only, and "
            "you will sign in again after closing Inspector. Nothing is written to a file."))
        self.sign_in_button.setText(self.tr("Sign in"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))

    def browse_ca_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the provincial CA certificate"), str(Path.home()),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_edit.setText(path)

    def submit(self) -> None:
        server, username = self.server_edit.text().strip(), self.user_edit.text().strip()
        ca_text = self.ca_edit.text().strip()
        if not server or not username or not self.password_edit.text():
            self._show_error(self.tr("Enter the platform address, your user name and your "
                                     "password."))
            return
        ca_file = Path(ca_text).expanduser() if ca_text else None
        if ca_file is not None and not ca_file.is_file():
            self._show_error(self.tr("The CA certificate file %1 does not exist.")
                             .replace("%1", str(ca_file)))
            return
        password = self.password_edit.text()
        self.password_edit.clear()
        self.error_label.hide()
        self._set_busy(True)
        self._waiting = True
        if not self._controller.sign_in(server, username, password, ca_file) and self._waiting:
            self._waiting = False
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.server_edit, self.user_edit, self.password_edit, self.ca_edit,
                       self.ca_browse_button, self.sign_in_button):
            widget.setEnabled(not busy)
        if busy:
            self.sign_in_button.setText(self.tr("Signing in…"))
        else:
            self.sign_in_button.setText(self.tr("Sign in"))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _signed_in(self, device: DeviceInfo) -> None:
        if not self._waiting:
            return
        self._waiting = False
        self.device = device
        self._set_busy(False)
        self.accept()

    def _failed(self, message: str) -> None:
        if not self._waiting:
            return
        self._waiting = False
        self._set_busy(False)
        self._show_error(message)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
