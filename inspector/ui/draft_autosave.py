"""Autosave: every answer a form reports is written to its draft, in order, at once.

Contract: main thread. A :class:`DraftAutosaver` watches one
:class:`~inspector.ui.widgets.checklist_form.ChecklistForm`'s ``answer_changed`` and
writes the changes to the draft through the DB thread. At most one save is in flight:
changes made meanwhile are merged and sent as the next save as soon as it returns, so
a fast typist never queues hundreds of writes and the order of answers is kept. A
failed save keeps its changes and is tried again (after two seconds, or with the next
edit); ``state_changed(str)`` reports ``"saving"``, ``"saved"`` or ``"failed"`` for the
status line, and :attr:`DraftAutosaver.error` holds the last failure. :meth:`flush`
sends what is waiting now (before the draft is closed or moved); :attr:`idle` says
nothing is waiting or in flight.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector.forms.expressions import Value
from inspector.ui import draft_ops
from inspector.ui.db_worker import DbWorker
from inspector.ui.widgets.checklist_form import ChecklistForm

RETRY_MS = 2000


class DraftAutosaver(QObject):
    """Saves one form's answers into one draft (see the module contract)."""

    state_changed = Signal(str)  # "saving", "saved" or "failed"

    def __init__(self, db: DbWorker, draft: str, form: ChecklistForm,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.draft = draft
        self._waiting: dict[str, Value] = {}
        self._in_flight = False
        self.error: BaseException | None = None
        self.saved_count = 0  # saves that reached the store (for the status line, tests)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        form.answer_changed.connect(self._changed)

    @property
    def idle(self) -> bool:
        return not self._waiting and not self._in_flight

    def _changed(self, key: str, value: Value) -> None:
        self._waiting[key] = value
        self.flush()

    def flush(self) -> None:
        if self._in_flight or not self._waiting:
            return
        changes, self._waiting = self._waiting, {}
        self._in_flight = True
        self.state_changed.emit("saving")
        self._db.submit(draft_ops.save_draft_answers(self.draft, changes),
                        on_result=lambda _count: self._saved(),
                        on_error=lambda error: self._failed(changes, error))

    def _saved(self) -> None:
        self._in_flight = False
        self.error = None
        self.saved_count += 1
        if self._waiting:
            self.flush()
        else:
            self.state_changed.emit("saved")

    def _failed(self, changes: dict[str, Value], error: BaseException) -> None:
        self._in_flight = False
        self.error = error
        self._waiting = {**changes, **self._waiting}  # newer edits win
        self.state_changed.emit("failed")
        self._retry.start()
