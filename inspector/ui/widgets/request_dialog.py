"""The parts shared by the dialogs that ask their owner for something and wait for it.

Contract: main thread. A :class:`RequestDialog` is opened non-modally (``open``) by an
owner that does the work (the database, the service). It holds:

* ``error_label``: the owner's refusal (or the dialog's own inline check) in red,
  word-wrapping, selectable with the mouse so that it can be copied (:func:`error_label`);
* ``buttons``: a :class:`QDialogButtonBox` with the accept button and Cancel; accepting
  calls :meth:`~RequestDialog.request`, Cancel rejects. The accept button is the standard
  OK, or the dialog's own ``accept_button`` (Qt words its standard buttons again on a
  language change, which would undo a dialog's own wording); ``ok_button`` is it either
  way. With ``submit_keys`` (the default), a standard OK is the default button and
  Ctrl+Return / Ctrl+Enter call ``request`` from anywhere in the dialog
  (:func:`add_submit_shortcuts`); an own accept button is left as the dialog sets it.
* the request protocol: the subclass's ``request`` returns at once while ``waiting``;
  else it checks and gathers what it sends, calls :meth:`~RequestDialog._start_waiting`
  (the error cleared, ``waiting``, OK disabled) and emits its signal. The owner then
  calls :meth:`~RequestDialog.finish` (done: the dialog closes, accepted) or
  :meth:`~RequestDialog.refuse` (the reason shown; the dialog stays open, OK enabled).

The error label is shown through :meth:`~RequestDialog._show_error`, which a subclass
may override (e.g. to hide the label while it is empty). This module words nothing: the
translated texts stay in the subclasses, in their own translation context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from inspector.ui.widgets.feedback import ERROR_STYLE

SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def error_label(object_name: str) -> QLabel:
    """A red, word-wrapping label whose text the mouse can select, named ``object_name``."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def add_submit_shortcuts(widget: QWidget, slot: Callable[[], object]) -> None:
    """Ctrl+Return and Ctrl+Enter (the keypad's) call ``slot`` anywhere in ``widget``'s
    window."""
    for keys in SUBMIT_KEYS:
        QShortcut(QKeySequence(keys), widget, slot)


class RequestDialog(QDialog):
    """A dialog that emits a request and waits for its owner's answer (see the module
    contract). Subclasses implement :meth:`request` and lay out ``error_label`` and
    ``buttons``."""

    def __init__(self, error_name: str, parent: QWidget | None = None, *,
                 accept_button: QPushButton | None = None, submit_keys: bool = True) -> None:
        super().__init__(parent)
        self.waiting = False
        self.error_label = error_label(error_name)
        self._accept_button = accept_button
        if accept_button is None:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                            | QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            self.buttons.addButton(accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.request)
        self.buttons.rejected.connect(self.reject)
        if submit_keys:
            if accept_button is None:
                self.ok_button.setDefault(True)
            add_submit_shortcuts(self, self.request)

    @property
    def ok_button(self) -> QPushButton:
        """The accept button: the dialog's own, else the standard OK."""
        if self._accept_button is not None:
            return self._accept_button
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def request(self) -> None:
        """OK: check and gather what to send, then wait (:meth:`_start_waiting`) and emit
        it. Returns at once while ``waiting``."""
        raise NotImplementedError

    def _start_waiting(self) -> None:
        """The request goes out: clear the error, wait, and disable OK until the answer."""
        self._show_error("")
        self.waiting = True
        self.ok_button.setEnabled(False)

    def finish(self) -> None:
        """The owner did it: the dialog closes, accepted."""
        self.waiting = False
        self.accept()

    def refuse(self, text: str) -> None:
        """The owner refused: show why; OK works again to change the answer or cancel."""
        self.waiting = False
        self.ok_button.setEnabled(True)
        self._show_error(text)

    def _show_error(self, text: str) -> None:
        """Show ``text`` in the error label ("" clears it)."""
        self.error_label.setText(text)
