"""Whether this workspace's user has been through the first-run tour of the screens.

Contract: one workspace setting, :data:`SETTING_KEY`, holds how the tour last ended
(``"finished"`` or ``"skipped"``, a :class:`TourEnding`); no row, or a value this
version does not know, means the tour has not been done and the app offers it on the
next start. :func:`read_tour_status` reads it in the caller's session;
:func:`tour_status` opens a read session for it; :func:`record_tour_ending` replaces
it in one transaction and returns the new :class:`TourStatus` with an empty change
set (no view shows it). Run on the DB thread.

Unlike settings that matter to the records (the sampling unit, sync), the tour is a
preference of the interface: it writes no audit event, so the hash-chained log holds
only what an inspection, a draw or a sample did.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from inspector.db.models import WorkspaceSetting
from inspector.services.changes import NO_CHANGES, Outcome
from inspector.services.workspace import Workspace

SETTING_KEY = "ui.tour_done"


class TourEnding(StrEnum):
    """How the user left the tour: through its last step, or by skipping it."""

    FINISHED = "finished"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class TourStatus:
    """How the tour last ended on this workspace (None: never; offer it at start)."""

    ending: TourEnding | None = None

    @property
    def done(self) -> bool:
        return self.ending is not None


def read_tour_status(session: Session) -> TourStatus:
    setting = session.get(WorkspaceSetting, SETTING_KEY)
    if setting is None:
        return TourStatus()
    try:
        return TourStatus(TourEnding(setting.value.strip()))
    except ValueError:  # written by a newer version, or by hand: offer the tour again
        return TourStatus()


def tour_status(workspace: Workspace) -> TourStatus:
    with workspace.store.read() as session:
        return read_tour_status(session)


def record_tour_ending(workspace: Workspace, ending: TourEnding) -> Outcome[TourStatus]:
    """Remember that the tour was finished or skipped, so it is not offered again."""
    ending = TourEnding(ending)
    with workspace.store.write() as session:
        session.merge(WorkspaceSetting(key=SETTING_KEY, value=ending.value))
    return Outcome(TourStatus(ending), NO_CHANGES)
