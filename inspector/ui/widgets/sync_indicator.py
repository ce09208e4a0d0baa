"""The sync indicator of the status bar: link state, what waits, the last good sync.

Contract: main thread. A flat tool button that redraws from the
:class:`~inspector.ui.sync_controller.SyncController`'s signals (state changes, the
overview, finished runs); the main window calls :meth:`SyncIndicator.refresh` on a
language change. It never queries anything itself.
Clicking it (or Space/Enter when it has focus) emits ``open_requested``: the main
window then shows the sync screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from inspector.ui.sync_controller import SyncController
from inspector.ui.sync_items import local_time
from inspector.ui.sync_link import LinkState

_COLOURS = {LinkState.ONLINE: "#1b6e20", LinkState.OFFLINE: "#6b7280",
            LinkState.SIGNED_OUT: "#b3261e", LinkState.SYNCING: "#1f4e79",
            LinkState.SIGNING_IN: "#1f4e79"}


class SyncIndicator(QToolButton):
    open_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self.open_requested)
        controller.state_changed.connect(lambda _state: self.refresh())
        controller.overview_loaded.connect(lambda _overview: self.refresh())
        controller.finished.connect(lambda _report: self.refresh())
        self.refresh()

    def state_text(self, state: LinkState) -> str:
        return {
            LinkState.NOT_SIGNED_IN: self.tr("○ Not signed in"),
            LinkState.UNKNOWN: self.tr("◎ Checking the connection…"),
            LinkState.ONLINE: self.tr("● Online"),
            LinkState.OFFLINE: self.tr("○ Offline"),
            LinkState.SIGNING_IN: self.tr("◎ Signing in…"),
            LinkState.SYNCING: self.tr("◎ Syncing…"),
            LinkState.SIGNED_OUT: self.tr("● Sign-in needed"),
        }[state]

    def refresh(self) -> None:
        controller = self._controller
        state = controller.state
        parts = [self.state_text(state)]
        overview = controller.overview
        if overview is not None:
            parts.append(self.tr("%1 waiting").replace("%1", f"{overview.pending_total:,}"))
            if overview.problems:
                parts.append(self.tr("%1 to resolve").replace(
                    "%1", str(len(overview.problems))))
            last = local_time(overview.last_success)
            parts.append(self.tr("last sync %1").replace("%1", last) if last
                         else self.tr("never synced"))
        self.setText(" · ".join(parts))
        self.setStyleSheet(f"QToolButton#syncIndicator {{ color: {_COLOURS.get(state, '#333')}; }}")
        self.setToolTip(self.tr("Sync status: click to open the sync screen"))
