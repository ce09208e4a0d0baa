"""The samples on this laptop, where each stands and what is due: the sampling board.

Contract: :func:`list_samples` reads every sample (one read transaction) with its
inspected entity, task, samplers and portions, and computes each one's
:class:`~inspector.core.sample_progress.SampleProgress` from its test (``P01``) and
backup (``P02``) portions' chains on ``calendar`` at ``now``. The 复检 regime is the
sample's ``regime`` field (a :class:`RecheckRegime` value; products when absent); the
shelf life's end is read from its date and 保质期 when it can be. ``staff_id`` keeps
the samples that inspector took (an inspector's own board). Views are frozen; the
board is sorted with the overdue first, then by what falls due soonest, then the
closed ones, newest first. :func:`due_by_task` gives, per task UUID, the open samples'
earliest deadline: what the task list shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.custody import CustodyEntry
from inspector.core.lifecycles import PortionRole
from inspector.core.sample_progress import SampleProgress, Stage, sample_progress, shelf_life_end
from inspector.core.sampling_deadlines import RecheckRegime
from inspector.core.workdays import WorkdayCalendar
from inspector.db.models import (
    CustodyEvent,
    Inspection,
    Inspector,
    MarketEntity,
    Sample,
    SamplePortion,
    Task,
)
from inspector.services.samples import custody_entry
from inspector.services.store import Store


@dataclass(frozen=True, slots=True)
class SampleView:
    sample_code: str
    name: str
    entity_name: str
    task_uuid: str | None
    inspection_uuid: str | None
    sampled_at: datetime
    samplers: tuple[str, ...]  # staff ids
    sampler_names: tuple[str, ...]  # "name（staff id）", as the directory has them
    portions: tuple[str, ...]  # portion codes, test first
    regime: RecheckRegime
    progress: SampleProgress


@dataclass(frozen=True, slots=True)
class TaskSamplesDue:
    open_samples: int
    next_due: datetime | None
    overdue: bool


def list_samples(store: Store, calendar: WorkdayCalendar, now: datetime,
                 staff_id: str | None = None) -> tuple[SampleView, ...]:
    with store.read() as session:
        rows = session.execute(
            select(Sample, MarketEntity.name, Task.uuid, Inspection.uuid)
            .outerjoin(Inspection, Inspection.id == Sample.inspection_id)
            .outerjoin(MarketEntity, MarketEntity.id == Inspection.entity_id)
            .outerjoin(Task, Task.id == Sample.task_id)
            .where(Sample.deleted_at.is_(None))).all()
        chains = _chains(session)
        names = {staff: name for staff, name in session.execute(
            select(Inspector.staff_id, Inspector.name))}
        views = []
        for sample, entity, task, inspection in rows:
            samplers = tuple(s for s in sample.fields.get("samplers", "").split("、") if s)
            if staff_id is not None and staff_id not in samplers:
                continue
            portions = chains.get(sample.id, {})
            test = portions.get(PortionRole.TEST, ("", []))
            backup = portions.get(PortionRole.BACKUP, ("", []))
            regime = _regime(sample.fields.get("regime", ""))
            sampled_at = _aware(sample.sampled_at) if sample.sampled_at else now
            progress = sample_progress(
                sampled_at, test[1], backup[1], regime=regime, calendar=calendar, now=now,
                shelf_life_ends=shelf_life_end(_day(sample.fields.get("date", "")),
                                               sample.fields.get("shelf_life", "")))
            views.append(SampleView(
                sample.sample_code, sample.name, entity or "", task, inspection, sampled_at,
                samplers, tuple(f"{names.get(s, s)}（{s}）" for s in samplers),
                tuple(code for code, _chain in sorted(
                    portions.values(), key=lambda pair: pair[0]) if code), regime, progress))
    views.sort(key=_board_order)
    return tuple(views)


def due_by_task(samples: tuple[SampleView, ...]) -> Mapping[str, TaskSamplesDue]:
    """Per task UUID: how many of its samples are still open, the earliest deadline."""
    found: dict[str, TaskSamplesDue] = {}
    for view in samples:
        if view.task_uuid is None or view.progress.stage is Stage.CLOSED:
            continue
        known = found.get(view.task_uuid, TaskSamplesDue(0, None, False))
        due = view.progress.due_at
        earliest = min((d for d in (known.next_due, due) if d is not None), default=None)
        found[view.task_uuid] = TaskSamplesDue(known.open_samples + 1, earliest,
                                               known.overdue or view.progress.overdue)
    return found


def custody_view(session: Session, portion: SamplePortion, code: str) -> list[CustodyEntry]:
    return [custody_entry(code, portion.role, row) for row in session.scalars(
        select(CustodyEvent).where(CustodyEvent.portion_id == portion.id)
        .order_by(CustodyEvent.seq))]


def _chains(session: Session) -> dict[int, dict[PortionRole, tuple[str, list[CustodyEntry]]]]:
    codes = {number: code for number, code in session.execute(
        select(Sample.id, Sample.sample_code))}
    portions: dict[int, dict[PortionRole, tuple[str, list[CustodyEntry]]]] = {}
    for portion in session.scalars(select(SamplePortion).order_by(SamplePortion.suffix)):
        code = f"{codes[portion.sample_id]}-{portion.suffix}"
        per_sample = portions.setdefault(portion.sample_id, {})
        if portion.role not in per_sample:  # the first portion of each role governs
            per_sample[portion.role] = (code, custody_view(session, portion, code))
    return portions


def _board_order(view: SampleView) -> tuple[int, datetime, float]:
    progress = view.progress
    if progress.stage is Stage.CLOSED:
        return (2, datetime.max.replace(tzinfo=UTC), -view.sampled_at.timestamp())
    due = progress.due_at or datetime.max.replace(tzinfo=UTC)
    return (0 if progress.overdue else 1, due, -view.sampled_at.timestamp())


def _regime(text: str) -> RecheckRegime:
    try:
        return RecheckRegime(text)
    except ValueError:
        return RecheckRegime.PRODUCT


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
