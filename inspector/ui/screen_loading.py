"""When a screen loads its data: as it shows, and as its records change while it shows.

Contract: main thread. A :class:`LoadOnShow` calls the screen's ``reload`` when the
workspace opens (if the screen is visible), when the screen is shown after something
made it stale, and whenever the change bus reports one of ``topics`` while the screen
is visible; a hidden screen only notes that it must catch up. ``reload`` calls
:meth:`LoadOnShow.loaded` once it has submitted its loads (it may decline while no
workspace is open). One place for what every list screen did by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from inspector.services.changes import ChangeSet, Topic
from inspector.ui.context import AppContext


class LoadOnShow(QObject):
    """Keeps one screen's data fresh (see the module contract)."""

    def __init__(self, screen: QWidget, ctx: AppContext, reload: Callable[[], None],
                 topics: frozenset[Topic]) -> None:
        super().__init__(screen)
        self._screen = screen
        self._reload = reload
        self._topics = topics
        self.stale = True
        screen.installEventFilter(self)
        ctx.bus.changed.connect(self._changed)
        ctx.workspace_opened.connect(lambda _info: self.workspace_opened())

    def workspace_opened(self) -> None:
        self.stale = True
        if self._screen.isVisible():
            self._reload()

    def loaded(self) -> None:
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Show and self.stale:
            self._reload()
        return False

    def _changed(self, changes: ChangeSet) -> None:
        if not changes & self._topics:
            return
        if not self._screen.isVisible():
            self.stale = True
            return
        self._reload()
