"""The change bus: views learn here which topics an op changed, and redraw only then.

Contract: lives on the main thread. :meth:`ChangeBus.publish` is called by the DB worker
after an op's result has been delivered; ``changed`` carries the op's change set.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from inspector.services.changes import ChangeSet


class ChangeBus(QObject):
    changed = Signal(object)  # ChangeSet

    def publish(self, changes: ChangeSet) -> None:
        if changes:
            self.changed.emit(changes)
