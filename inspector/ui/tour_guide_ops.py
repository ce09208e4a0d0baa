"""The ops of the first-run tour of the screens (named ``verb_noun``).

Contract: each function builds an :class:`~inspector.ui.db_worker.Op` whose body runs on
the DB thread and calls :mod:`inspector.services.first_run_tour`; results are the frozen
:class:`~inspector.services.first_run_tour.TourStatus`. Arguments are enums, copied when
the op is built. Recording changes nothing any view shows (an empty change set).
"""

from __future__ import annotations

from inspector.services.first_run_tour import (
    TourEnding,
    TourStatus,
    record_tour_ending,
    tour_status,
)
from inspector.ui.db_worker import Op


def load_tour_status() -> Op[TourStatus]:
    return Op("load_tour_status", lambda env: tour_status(env.workspace))


def record_tour_end(ending: TourEnding) -> Op[TourStatus]:
    ending = TourEnding(ending)
    return Op("record_tour_end", lambda env: record_tour_ending(env.workspace, ending))
