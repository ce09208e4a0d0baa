"""A word-wrapping label whose height for a width is computed once per text and width.

Contract: main thread. :class:`WrappingLabel` is a ``QLabel`` with word wrap on that
remembers :meth:`heightForWidth` for each width until its text changes. Qt's layouts ask
a wrapped label's height for the same width many times whenever anything in the window
changes; a long form of such labels (a checklist of 300 items) otherwise spends most of
a keystroke laying out text that did not change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


class WrappingLabel(QLabel):
    """A word-wrapped label with its heights for a width remembered (see the contract)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()  # a font or style change changes every height
        super().changeEvent(event)
