"""What a sample's 抽样单 and 样品移交确认单 say, as plain data gathered from the store.

Contract: :func:`sample_document` reads the sample with code ``sample_code`` (a code
this laptop does not have: :class:`~.samples.SampleError`) and returns its
:class:`SampleDocument`, every value already in the words the forms print
(:mod:`.sample_form_pdf` only lays it out):

- sections A–E in the order and with the labels of
  :mod:`inspector.core.sampling_form`, one :class:`FormEntry` per field, ``""`` for an
  unused one (the form prints "—"). A value entered on the sample (its ``fields``) wins
  over what the app knows, except what the app records itself (code, name, time,
  samplers, quantities, deadline); the app fills in the sample code, the task (任务来源:
  the plan's title and code, the ad-hoc task's reason, or an assigned task), the sampling
  time (China time), the samplers' names, the 被抽样单位 from the inspected entity (name,
  address, its division's full name, credit code, legal representative), the sample's
  name and quantities with their unit, the lab delivery deadline (5 working days by the
  workspace calendar, :func:`inspector.core.sampling_deadlines.delivery_deadline`) and
  the sampling unit from the workspace settings (:mod:`.sampling_unit`), its name
  being the sample's own ``sampling_unit`` when it has one (what its labels print),
  else the setting's, else its first sampler's unit in the directory;
- F the remarks; G the sign-offs (:class:`FormSignature`, the party first, with the PNG
  from the content store, or the refusal and its reason);
- each portion (:class:`FormPortion`: code, role, quantity, seal number, the QR payload
  of its label) with its hand-overs from its chain of custody (:class:`FormHandover`:
  handed over, in transit, received, refused, returned; who to whom, when, the seal).

Reading only; the DB thread, or any thread with its own store session. The returned
values are frozen and safe to pass between threads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.core.custody import KIND_LABELS, CustodyEntry
from inspector.core.lifecycles import CustodyEventKind, TaskSource
from inspector.core.sample_codes import SampleCodeError, parse_sample_code
from inspector.core.sampling_deadlines import delivery_deadline
from inspector.core.sampling_form import REMARKS_KEY, SECTIONS
from inspector.core.text import LocalText
from inspector.core.workdays import CHINA_TIME
from inspector.db.content_store import ContentStore
from inspector.db.models import (
    Inspection,
    Inspector,
    MarketEntity,
    Plan,
    Sample,
    SamplePortion,
    SampleSignature,
    Task,
)
from inspector.labels import ROLE_TEXT, label_payload
from inspector.services.reference_data import load_calendar, load_divisions
from inspector.services.samples import LINKS, SampleError, portion_chain
from inspector.services.sampling_unit import read_sampling_unit
from inspector.services.workspace import Workspace

HANDOVER_KINDS = (CustodyEventKind.HANDED_OVER, CustodyEventKind.IN_TRANSIT,
                  CustodyEventKind.RECEIVED, CustodyEventKind.REFUSED,
                  CustodyEventKind.RETURNED)
_SIGNER_TITLES = {"party": "被抽样单位", "sampler": "抽样人"}


@dataclass(frozen=True, slots=True)
class FormEntry:
    key: str  # the field's key in inspector.core.sampling_form
    label: str
    value: str  # "" when unused: the form prints "—"


@dataclass(frozen=True, slots=True)
class FormSection:
    title: str  # "三、样品信息"
    entries: tuple[FormEntry, ...]


@dataclass(frozen=True, slots=True)
class FormSignature:
    role: str  # "party" | "sampler"
    role_title: str  # "被抽样单位" / "抽样人"
    signer: str  # "张三（ZD001）", or the party's name ("" when a refusal named nobody)
    signed_at: str  # "2026-11-30 10:05" (China time)
    image_png: bytes  # b"" for a refusal, or when the image is not on this laptop
    image_sha256: str  # "" for a refusal
    refusal: str  # the recorded reason when the party refused, else ""


@dataclass(frozen=True, slots=True)
class FormHandover:
    kind: str  # the CustodyEventKind's value
    step: str  # "交接", "运送中", "实验室收样", "实验室拒收", "退回抽样人员"
    occurred_at: str  # China time
    from_party: str
    to_party: str
    seal: str  # "完好", "破损", or "" when not stated
    actor: str
    place: str
    reason: str


@dataclass(frozen=True, slots=True)
class FormPortion:
    portion_code: str
    suffix: str  # "P01"
    role: str  # "检验样品", "复检备份样品", "其他样品"
    quantity: str  # "2 瓶"
    seal_number: str
    qr_payload: str  # what the portion's label's QR code says
    handovers: tuple[FormHandover, ...]


@dataclass(frozen=True, slots=True)
class SampleDocument:
    sample_code: str
    sample_name: str
    sampled_unit: str  # 被抽样单位's name
    sampled_at: str  # China time
    sampling_unit: str  # 抽样单位's name, "" when not set
    samplers: tuple[str, ...]  # "张三（ZD001）", in the form's order (who must sign)
    sections: tuple[FormSection, ...]  # A to E
    remarks: str  # F
    signatures: tuple[FormSignature, ...]  # G, the party first; empty before signing
    portions: tuple[FormPortion, ...]
    delivery_due: str  # "2026-12-07"
    generated_at: str  # China time


def sample_document(workspace: Workspace, sample_code: str, *,
                    now: datetime | None = None) -> SampleDocument:
    try:
        code = parse_sample_code(sample_code)
    except SampleCodeError as exc:
        raise SampleError(exc.text) from None
    files = ContentStore(workspace.paths.files)
    calendar = load_calendar(workspace.paths.calendars)
    with workspace.store.read() as session:
        sample = session.scalar(select(Sample).where(Sample.sample_code == str(code),
                                                     Sample.deleted_at.is_(None)))
        if sample is None:
            raise SampleError(LocalText(f"本机没有样品 {code}", f"no sample {code} on this laptop"))
        due = (delivery_deadline(sample.sampled_at, calendar).last_day.isoformat()
               if sample.sampled_at else "")
        values = {**_known(session, sample, due), **_entered(sample.fields)}
        portions = tuple(_portion(session, sample, portion) for portion in session.scalars(
            select(SamplePortion).where(SamplePortion.sample_id == sample.id)
            .order_by(SamplePortion.suffix)))
        signatures = _signatures(session, files, sample)
        samplers = _samplers(session, sample.fields.get("samplers", ""))
        name = sample.name
    return SampleDocument(
        sample_code=str(code), sample_name=name, sampled_unit=values.get("unit_name", ""),
        sampled_at=values.get("sampled_at", ""),
        sampling_unit=values.get("sampling_unit_name", ""), samplers=samplers,
        sections=tuple(FormSection(title, tuple(FormEntry(f.key, f.label, values.get(f.key, ""))
                                                for f in section))
                       for title, section in SECTIONS),
        remarks=values.get(REMARKS_KEY, ""), signatures=signatures, portions=portions,
        delivery_due=due, generated_at=_clock(now or datetime.now(UTC)))


def _entered(fields: Mapping[str, str]) -> dict[str, str]:
    """The values entered on the sample, in print words (the link as 流通, not a key)."""
    keys = {f.key for _title, section in SECTIONS for f in section}
    entered = {key: str(value).strip() for key, value in fields.items()
               if (key in keys or key == REMARKS_KEY) and str(value).strip()}
    for computed in ("sample_code", "name", "sampled_at", "samplers", "quantity", "backup_quantity",
                     "delivery_due"):
        entered.pop(computed, None)  # the app's own record of these wins
    if "link" in entered:
        entered["link"] = LINKS.get(entered["link"], entered["link"])
    return entered


def _known(session: Session, sample: Sample, due: str) -> dict[str, str]:
    fields = sample.fields
    unit = fields.get("unit", "").strip()
    known = {"sample_code": sample.sample_code, "name": sample.name,
             "sampled_at": _clock(sample.sampled_at) if sample.sampled_at else "",
             "samplers": "、".join(name for name, _staff in _people(
                 session, fields.get("samplers", ""))),
             "quantity": _amount(fields.get("quantity", ""), unit),
             "backup_quantity": _amount(fields.get("backup_quantity", ""), unit),
             "delivery_due": due, "task_source": _task_source(session, sample.task_id)}
    known |= _sampled_unit(session, sample)
    known |= {f"sampling_unit_{name}": value
              for name, value in asdict(read_sampling_unit(session)).items()}
    known["sampling_unit_name"] = _sampling_unit_name(session, fields,
                                                      known["sampling_unit_name"])
    return {key: value for key, value in known.items() if value}


def _sampling_unit_name(session: Session, fields: Mapping[str, str], configured: str) -> str:
    """The sample's own ``sampling_unit`` (the one its labels print), else the unit set
    for this laptop, else the first sampler's unit in the directory."""
    entered = fields.get("sampling_unit", "").strip()
    if entered or configured:
        return entered or configured
    people = _people(session, fields.get("samplers", ""))
    if not people:
        return ""
    return session.scalar(select(Inspector.unit).where(
        Inspector.staff_id == people[0][1])) or ""


def _amount(quantity: str, unit: str) -> str:
    return f"{quantity.strip()} {unit}".strip() if quantity.strip() else ""


def _people(session: Session, samplers: str) -> list[tuple[str, str]]:
    """(name, staff id) of each sampler in ``samplers`` ("、"-joined staff ids)."""
    staff = [s.strip() for s in samplers.split("、") if s.strip()]
    names = {staff_id: name for staff_id, name in session.execute(
        select(Inspector.staff_id, Inspector.name).where(Inspector.staff_id.in_(staff)))}
    return [(names.get(s, s), s) for s in staff]


def _samplers(session: Session, samplers: str) -> tuple[str, ...]:
    return tuple(f"{name}（{staff}）" for name, staff in _people(session, samplers))


def _task_source(session: Session, task_id: int | None) -> str:
    task = session.get(Task, task_id) if task_id is not None else None
    if task is None:
        return ""
    plan = session.get(Plan, task.plan_id) if task.plan_id is not None else None
    if plan is not None:
        return f"{plan.title}（{plan.code}）"
    if task.source is TaskSource.AD_HOC:
        return f"临时任务：{task.reason}" if task.reason else "临时任务"
    if task.source is TaskSource.ASSIGNMENT_PACKAGE:
        return "上级下达任务"
    return "抽查任务"


def _sampled_unit(session: Session, sample: Sample) -> dict[str, str]:
    if sample.inspection_id is None:
        return {}
    inspection = session.get_one(Inspection, sample.inspection_id)
    entity = session.get_one(MarketEntity, inspection.entity_id)
    return {"unit_name": entity.name, "unit_address": entity.address,
            "unit_region": load_divisions().full_name(entity.region_code) or "",
            "credit_code": entity.identifier,
            "legal_representative": entity.legal_representative}


def _signatures(session: Session, files: ContentStore,
                sample: Sample) -> tuple[FormSignature, ...]:
    rows = session.scalars(select(SampleSignature).where(
        SampleSignature.sample_id == sample.id).order_by(SampleSignature.id))
    signatures = []
    for row in rows:
        sha = row.image_sha256 or ""
        image = files.path(sha).read_bytes() if sha and files.has(sha) else b""
        signer = f"{row.signer_name}（{row.staff_id}）" if row.staff_id else row.signer_name
        signatures.append(FormSignature(row.role, _SIGNER_TITLES.get(row.role, row.role),
                                        signer, _clock(row.signed_at), image, sha,
                                        row.refusal_reason))
    return tuple(signatures)


def _portion(session: Session, sample: Sample, portion: SamplePortion) -> FormPortion:
    code = parse_sample_code(sample.sample_code)
    number = int(portion.suffix.removeprefix("P"))
    chain = portion_chain(session, portion)
    return FormPortion(
        portion_code=code.portion(number), suffix=portion.suffix,
        role=ROLE_TEXT[portion.role], quantity=_amount(portion.quantity, portion.unit),
        seal_number=portion.seal_number, qr_payload=label_payload(code, number),
        handovers=_handovers(chain))


def _handovers(chain: Sequence[CustodyEntry]) -> tuple[FormHandover, ...]:
    return tuple(FormHandover(
        kind=entry.kind.value, step=KIND_LABELS[entry.kind].zh,
        occurred_at=_clock(entry.occurred_at), from_party=entry.from_party,
        to_party=entry.to_party, seal=_seal(entry.seal_intact), actor=entry.actor,
        place=entry.place, reason=entry.reason)
        for entry in chain if entry.kind in HANDOVER_KINDS)


def _seal(intact: bool | None) -> str:
    if intact is None:
        return ""
    return "完好" if intact else "破损"


def _clock(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
