"""How the plans and publication screens tell the user things: messages, errors, questions.

Contract: main thread. A :data:`Message` is a function producing the text (so that it is
worded again in the new language after a switch) and whether it reports an error;
:func:`show_message` puts one on a label, in red for errors and green otherwise.
:func:`error_text` words a service error (its bilingual ``text``) in the user's
language; :func:`confirm` asks a yes/no question whose default is No.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from inspector.core.text import Lang, LocalText

Message = tuple[Callable[[], str], bool]  # (the text, worded when shown; is an error)
NO_MESSAGE: Message = (str, False)
ERROR_STYLE = "color: #b3261e;"
DONE_STYLE = "color: #1b6e20;"


def show_message(label: QLabel, message: Message) -> None:
    text, is_error = message
    label.setStyleSheet(ERROR_STYLE if is_error else DONE_STYLE)
    label.setText(text())


def error_text(lang: Lang, error: BaseException) -> str:
    """A service error in the user's language (its bilingual text), else its type and text."""
    text = getattr(error, "text", None)
    if isinstance(text, LocalText):
        return text.render(lang)
    return f"{type(error).__name__}: {error}"


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question; No is the default, so Enter never runs a final action."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
