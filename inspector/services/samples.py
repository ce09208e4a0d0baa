"""Taking a product sample on site, and its portions' chains of custody.

Contract:

- :func:`take_sample` records a sample taken during an inspection under way: the
  抽样单's fields (``domain.md`` §2.4; the required ones named when missing, a quantity
  that is not a positive number refused), at least two samplers, all of the
  inspection's team present (《行政处罚法》第四十二条 and the sampling rules: two or
  more; in the circulation field the officers are that team), its sample code numbered
  on this laptop (:mod:`.sample_numbering`), a test portion ``-P01`` and a backup
  portion ``-P02`` (and, when the rules need them, further portions ``-P03``… of role
  ``other``) with their quantities and seal numbers, and each portion's custody
  opened with "collected" and "sealed". It returns the codes and the lab delivery
  deadline (5 working days, :mod:`inspector.core.sampling_deadlines`).
- :func:`record_custody` appends one event to a portion's chain, found by its code as a
  scanner types it; the event must be a step the chain allows with the fields it needs
  (:func:`inspector.core.custody.verify_chain` on the chain with it): otherwise it is
  refused naming the problem, and nothing is written.
- :func:`portion_custody` reads a portion's chain and the steps that may come next;
  :func:`verify_custody` checks every portion's chain in the store.
- :func:`append_custody_event` and :func:`portion_chain` do the same inside another
  service's write transaction (signing a sample appends "signed" with its sign-offs).

Every change is one transaction with an audit event; stored custody events never
change (the store's triggers refuse it). Refusals are :class:`SampleError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.custody import (
    ChainProblem,
    CustodyEntry,
    CustodyError,
    TestResult,
    chain_entry,
    steps_after,
    verify_chain,
)
from inspector.core.lifecycles import CustodyEventKind, InspectionStatus, PortionRole
from inspector.core.roles import Actor
from inspector.core.sample_codes import MAX_PORTIONS, SampleCodeError, parse_portion_code
from inspector.core.sampling_deadlines import delivery_deadline
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import (
    CustodyEvent,
    Inspection,
    Inspector,
    MarketEntity,
    Sample,
    SamplePortion,
)
from inspector.services.audit_log import append_event
from inspector.services.changes import Outcome, Topic
from inspector.services.reference_data import load_calendar
from inspector.services.sample_numbering import allocate_sample_code
from inspector.services.workspace import Workspace

LINKS = {"circulation": "流通", "production": "生产", "catering": "餐饮"}
DATE_TYPES = ("生产日期", "加工日期", "购进日期")
MIN_SAMPLERS = 2


@dataclass(frozen=True, slots=True)
class SampleForm:
    """What the sampler fills in (the 抽样单's sample section; ``extra`` holds the other
    §2.4 fields by name, e.g. ``brand``, ``specification``, ``batch``, ``shelf_life``,
    ``standard``, ``producer_name``; unused ones print as "—")."""

    name: str
    link: str  # a key of LINKS
    date_type: str  # one of DATE_TYPES
    date: date | None
    quantity: str
    unit: str
    backup_quantity: str
    samplers: tuple[str, ...]  # staff ids
    seal_numbers: tuple[str, str] = ("", "")  # test, backup
    # Further portions when the rules need them (P03, P04, …): (quantity, seal number).
    extra_portions: tuple[tuple[str, str], ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TakenSample:
    sample_code: str
    portions: tuple[str, ...]  # portion codes, test first
    delivery_due: datetime


@dataclass(frozen=True, slots=True)
class CustodyDetails:
    place: str = ""
    from_party: str = ""
    to_party: str = ""
    seal_intact: bool | None = None
    result: TestResult | None = None
    report_number: str = ""
    reason: str = ""
    photo_sha256: str = ""


@dataclass(frozen=True, slots=True)
class PortionCustody:
    portion_code: str
    role: PortionRole
    sample_name: str
    entries: tuple[CustodyEntry, ...]
    next_steps: tuple[CustodyEventKind, ...]


class SampleError(ValueError):
    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


def take_sample(workspace: Workspace, actor: Actor, inspection_uuid: str, form: SampleForm,
                *, now: datetime | None = None) -> Outcome[TakenSample]:
    moment = now or datetime.now(UTC)
    quantities = _checked_form(form)
    extras = _checked_extras(form.extra_portions)
    with workspace.store.write() as session:
        inspection = session.scalar(select(Inspection).where(Inspection.uuid == inspection_uuid))
        if inspection is None or inspection.status is not InspectionStatus.DRAFT:
            raise _refuse("只能在进行中的检查里抽样", "samples are taken during an inspection "
                          "under way")
        samplers = _checked_samplers(session, form.samplers, inspection.team)
        entity = session.get_one(MarketEntity, inspection.entity_id)
        try:
            code = allocate_sample_code(session, moment.astimezone(CHINA_TIME).date())
        except SampleCodeError as exc:
            raise SampleError(exc.text) from exc
        sample = Sample(sample_code=str(code), inspection_id=inspection.id,
                        task_id=inspection.task_id, name=form.name.strip(),
                        sampled_at=moment, fields=_fields(form, samplers), pending=True)
        session.add(sample)
        session.flush()
        place = inspection.location or entity.address
        portions = []
        for number, (role, quantity, seal) in enumerate((
                (PortionRole.TEST, quantities[0], form.seal_numbers[0]),
                (PortionRole.BACKUP, quantities[1], form.seal_numbers[1]),
                *((PortionRole.OTHER, amount, seal) for amount, seal in extras)), start=1):
            portion = SamplePortion(sample_id=sample.id, suffix=f"P{number:02d}", role=role,
                                    quantity=str(quantity), unit=form.unit.strip(),
                                    seal_number=seal.strip(), pending=True)
            session.add(portion)
            session.flush()
            first = chain_entry(None, kind=CustodyEventKind.COLLECTED, occurred_at=moment,
                                actor=actor.name, portion_code=code.portion(number),
                                role=role, place=place)
            sealed = chain_entry(first, kind=CustodyEventKind.SEALED, occurred_at=moment,
                                 actor=actor.name, place=place)
            for entry in (first, sealed):
                session.add(_row(portion.id, entry))
            portions.append(code.portion(number))
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="sample.taken", object_kind="sample", object_id=sample.uuid,
                     payload={"sample_code": str(code), "inspection": inspection.uuid,
                              "name": sample.name, "samplers": list(samplers),
                              "portions": portions})
    due = delivery_deadline(moment, load_calendar(workspace.paths.calendars))
    return Outcome(TakenSample(str(code), tuple(portions), due.due_at),
                   frozenset({Topic.SAMPLES, Topic.AUDIT}))


def record_custody(workspace: Workspace, actor: Actor, portion_code: str,
                   kind: CustodyEventKind, details: CustodyDetails = CustodyDetails(), *,
                   now: datetime | None = None) -> Outcome[CustodyEntry]:
    moment = now or datetime.now(UTC)
    with workspace.store.write() as session:
        portion, _name = _portion(session, portion_code)
        entry = append_custody_event(session, actor, portion, kind, details,
                                     moment=moment)
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="custody.recorded", object_kind="sample_portion",
                     object_id=portion.uuid,
                     payload={"portion": entry.portion_code, "seq": entry.seq,
                              "kind": entry.kind.value, "hash": entry.hash})
    return Outcome(entry, frozenset({Topic.SAMPLES, Topic.AUDIT}))


def portion_custody(workspace: Workspace, portion_code: str) -> PortionCustody:
    with workspace.store.read() as session:
        portion, name = _portion(session, portion_code)
        chain = _chain(session, portion)
        return PortionCustody(_code_of(session, portion), portion.role, name, tuple(chain),
                              steps_after(chain, portion.role))


def verify_custody(workspace: Workspace) -> tuple[ChainProblem, ...]:
    """Every problem of every portion's chain in the store (none: all intact)."""
    with workspace.store.read() as session:
        problems: list[ChainProblem] = []
        for portion in session.scalars(select(SamplePortion).order_by(SamplePortion.id)):
            problems.extend(verify_chain(_chain(session, portion)))
        return tuple(problems)


def append_custody_event(session: Session, actor: Actor, portion: SamplePortion,
                         kind: CustodyEventKind, details: CustodyDetails, *,
                         moment: datetime) -> CustodyEntry:
    """Inside the caller's write transaction (no audit event: the caller writes its own):
    the next event of ``portion``'s chain, checked like :func:`record_custody`'s."""
    chain = portion_chain(session, portion)
    try:
        entry = chain_entry(chain[-1] if chain else None, kind=kind, occurred_at=moment,
                            actor=actor.name, portion_code=_code_of(session, portion),
                            role=portion.role, place=details.place.strip(),
                            from_party=details.from_party.strip(),
                            to_party=details.to_party.strip(),
                            seal_intact=details.seal_intact, result=details.result,
                            report_number=details.report_number.strip(),
                            reason=details.reason.strip(), photo_sha256=details.photo_sha256)
    except CustodyError as exc:
        raise SampleError(exc.text) from exc
    problems = [p for p in verify_chain([*chain, entry]) if p.seq == entry.seq]
    if problems:
        raise SampleError(problems[0].message)
    session.add(_row(portion.id, entry))
    session.flush()
    return entry


def portion_chain(session: Session, portion: SamplePortion) -> list[CustodyEntry]:
    """``portion``'s custody events in order, in the caller's session."""
    return _chain(session, portion)


def _checked_form(form: SampleForm) -> tuple[Decimal, Decimal]:
    for value, zh, en in ((form.name, "样品名称", "the sample's name"),
                          (form.unit, "抽样数量的单位", "the unit of the quantity")):
        if not value.strip():
            raise _refuse(f"请填写{zh}", f"give {en}")
    if form.link not in LINKS:
        raise _refuse("请选择抽样环节（生产、流通或餐饮）",
                      "choose the sampling link (production, circulation or catering)")
    if form.date_type not in DATE_TYPES or form.date is None:
        raise _refuse("请填写日期类型及日期（生产日期、加工日期或购进日期）",
                      "give the date type and the date (made, processed or bought)")
    return (_positive(form.quantity, "抽样数量", "the quantity"),
            _positive(form.backup_quantity, "备样数量", "the backup quantity"))


def _checked_extras(extras: Sequence[tuple[str, str]]) -> list[tuple[Decimal, str]]:
    if len(extras) > MAX_PORTIONS - 2:
        raise _refuse(f"份样不得超过 {MAX_PORTIONS} 份", f"at most {MAX_PORTIONS} portions")
    return [(_positive(quantity, f"第 {number} 份样的数量", f"portion {number}'s quantity"),
             seal) for number, (quantity, seal) in enumerate(extras, start=3)]


def _positive(text: str, zh: str, en: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = Decimal(0)
    if not value.is_finite() or value <= 0:
        raise _refuse(f"{zh}应为正数：“{text}”", f"{en} must be a positive number: {text!r}")
    return value


def _checked_samplers(session: Session, staff_ids: Sequence[str],
                      team: Sequence[str]) -> tuple[str, ...]:
    samplers = tuple(dict.fromkeys(s.strip() for s in staff_ids if s.strip()))
    if len(samplers) < MIN_SAMPLERS:
        raise _refuse("抽样人员不得少于两名", "at least two samplers are needed")
    names = {s: n for s, n in session.execute(
        select(Inspector.staff_id, Inspector.name).where(Inspector.staff_id.in_(samplers)))}
    for staff in samplers:
        if staff not in team:
            who = f"{names.get(staff, staff)}（{staff}）"
            raise _refuse(f"{who}不在本次检查的在场人员中，不能作为抽样人",
                          f"{staff} is not present at this inspection and cannot sample")
    return samplers


def _fields(form: SampleForm, samplers: tuple[str, ...]) -> dict[str, str]:
    fields = {key: str(value).strip() for key, value in form.extra.items()}
    fields.update(link=form.link, date_type=form.date_type,
                  date=form.date.isoformat() if form.date else "", quantity=form.quantity,
                  unit=form.unit.strip(), backup_quantity=form.backup_quantity,
                  samplers="、".join(samplers))
    return fields


def _portion(session: Session, portion_code: str) -> tuple[SamplePortion, str]:
    try:
        code, number = parse_portion_code(portion_code)
    except SampleCodeError as exc:
        raise SampleError(exc.text) from exc
    found = session.execute(
        select(SamplePortion, Sample.name).join(Sample, Sample.id == SamplePortion.sample_id)
        .where(Sample.sample_code == str(code), SamplePortion.suffix == f"P{number:02d}")
    ).first()
    if found is None:
        raise _refuse(f"本机没有份样 {code.portion(number)}",
                      f"no portion {code.portion(number)} on this laptop")
    return found[0], found[1]


def _code_of(session: Session, portion: SamplePortion) -> str:
    sample = session.get_one(Sample, portion.sample_id)
    return f"{sample.sample_code}-{portion.suffix}"


def _chain(session: Session, portion: SamplePortion) -> list[CustodyEntry]:
    code = _code_of(session, portion)
    return [custody_entry(code, portion.role, row) for row in session.scalars(
        select(CustodyEvent).where(CustodyEvent.portion_id == portion.id)
        .order_by(CustodyEvent.seq))]


def custody_entry(code: str, role: PortionRole, row: CustodyEvent) -> CustodyEntry:
    """A stored custody event as the chain's entry (``code``: its portion's code)."""
    moment = row.occurred_at if row.occurred_at.tzinfo else row.occurred_at.replace(tzinfo=UTC)
    result: TestResult | None = "pass" if row.result == "pass" else (
        "fail" if row.result == "fail" else None)
    return CustodyEntry(portion_code=code, role=role, seq=row.seq, kind=row.kind,
                        occurred_at=moment, actor=row.actor, place=row.place,
                        from_party=row.from_party, to_party=row.to_party,
                        seal_intact=row.seal_intact, result=result,
                        report_number=row.report_number, reason=row.reason,
                        photo_sha256=row.photo_sha256, prev_hash=row.prev_hash, hash=row.hash)


def _row(portion_id: int, entry: CustodyEntry) -> CustodyEvent:
    return CustodyEvent(portion_id=portion_id, kind=entry.kind, occurred_at=entry.occurred_at,
                        from_party=entry.from_party, to_party=entry.to_party,
                        seal_intact=entry.seal_intact, seq=entry.seq, actor=entry.actor,
                        place=entry.place, result=entry.result or "",
                        report_number=entry.report_number, reason=entry.reason,
                        photo_sha256=entry.photo_sha256, prev_hash=entry.prev_hash,
                        hash=entry.hash, pending=True)


def _refuse(zh: str, en: str) -> SampleError:
    return SampleError(LocalText(zh, en))
