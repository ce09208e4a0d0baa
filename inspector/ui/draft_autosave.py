"""Autosave: every answer a form reports is written to its draft, in order, at once.

Contract: main thread. A :class:`DraftAutosaver` watches one
:class:`~inspector.ui.widgets.checklist_form.ChecklistForm`'s ``answer_changed`` and
writes the changes to the draft through the DB thread, whose single queue keeps their
order. While a save is in flight, further changes are merged and sent as one save when
it returns, so a fast typist never queues hundreds of writes. A failed save keeps its
changes (newer edits win) and is tried again after two seconds or with the next edit;
a draft that no longer exists (discarded) is not retried. ``state_changed(str)``
reports ``"saving"``, ``"saved"`` or ``"failed"`` (also kept in
:attr:`DraftAutosaver.state`), :attr:`DraftAutosaver.error` holds the last failure, and
:meth:`DraftAutosaver.status_text` words the state for a screen's status line.
:meth:`flush` sends what is waiting (``now=True`` even behind a save in flight);
:meth:`retire` is how a caller lets go of it (the form closes, the window closes): it
sends what is waiting at once
and deletes itself only when nothing is left in flight, so closing a draft never
drops an answer. :attr:`idle` says nothing is waiting or in flight.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector.core.text import Lang
from inspector.forms.expressions import Value
from inspector.services.checklist_drafts import DraftError
from inspector.ui import draft_ops
from inspector.ui.db_worker import DbWorker
from inspector.ui.widgets.checklist_form import ChecklistForm
from inspector.ui.widgets.feedback import error_text

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
        self._in_flight = 0
        self._retiring = False
        self.error: BaseException | None = None
        self.state = ""  # "", "saving", "saved" or "failed"
        self.saved_count = 0  # saves that reached the store (for the status line, tests)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        form.answer_changed.connect(self._changed)

    def status_text(self, lang: Lang) -> str:
        """The state in the user's words, for the screen's status line."""
        if self.state == "failed":
            return self.tr("Not saved yet (%1); trying again…").replace(
                "%1", error_text(lang, self.error or RuntimeError()))
        if self.state == "saving":
            return self.tr("Saving…")
        return self.tr("Every answer is saved as you give it.")

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    @property
    def idle(self) -> bool:
        return not self._waiting and not self._in_flight

    def _changed(self, key: str, value: Value) -> None:
        self._waiting[key] = value
        self.flush()

    def flush(self, *, now: bool = False) -> None:
        if not self._waiting or (self._in_flight and not now):
            return
        changes, self._waiting = self._waiting, {}
        self._in_flight += 1
        self._set_state("saving")
        self._db.submit(draft_ops.save_draft_answers(self.draft, changes),
                        on_result=lambda _count: self._saved(),
                        on_error=lambda error: self._failed(changes, error))

    def retire(self) -> None:
        """Send what waits now, stop listening, and go once nothing is in flight."""
        self._retiring = True
        self.flush(now=True)
        self._leave_if_done()

    def _saved(self) -> None:
        self._in_flight -= 1
        self.error = None
        self.saved_count += 1
        if self._waiting:
            self.flush()
        elif not self._in_flight:
            self._set_state("saved")
        self._leave_if_done()

    def _failed(self, changes: dict[str, Value], error: BaseException) -> None:
        self._in_flight -= 1
        self.error = error
        self._waiting = {**changes, **self._waiting}  # newer edits win
        self._set_state("failed")
        if isinstance(error, DraftError):  # the draft is gone: nothing to retry into
            if self._retiring:
                self._waiting.clear()
        else:
            self._retry.start()
        self._leave_if_done()

    def _leave_if_done(self) -> None:
        if self._retiring and self.idle:
            self.deleteLater()
