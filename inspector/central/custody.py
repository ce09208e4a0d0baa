"""Chains of custody on the platform: follow a portion to the lab, record the lab's steps.

Contract (functions of the request's session, in its one transaction; the caller
commits):

- :func:`show` returns a portion's chain as the platform holds it (the ``sample``,
  ``sample_portion`` and ``custody_event`` records the laptops pushed, plus the steps
  labs recorded here), checked with :func:`inspector.core.custody.verify_chain` (every
  problem reported, never hidden), and the steps that may come next. Labs see the
  samples of their region; administrators and auditors theirs; team leads their
  unit's; inspectors their own. A portion out of scope is answered as unknown.
- :func:`record` lets a laboratory account append one step (received, refused, result
  recorded, backup retained / released / destroyed, disposed) to a portion's chain. It
  takes the ``records`` counter lock first (as a push does), so steps and pushes are
  serialised; builds the entry with :func:`~inspector.core.custody.chain_entry` (actor:
  the lab account's display name; place and receiving party default to the lab's unit);
  refuses it unless the chain verifies with it; and stores it as a new
  ``custody_event`` record of exactly the shape a laptop pushes, owned by the sample's
  owner and in the sample's unit and region, so it flows down the owner's (and their
  team leads') ``fieldwork`` feed, with an audit event. The client names the event by
  its ``event_uuid``: the same step sent again is answered with the stored event.
- :func:`fork_problem` is the check a ``custody_event`` push should pass (a kind's
  ``stored_check``): an event must not take a place in a chain that another stored
  event holds.

Errors (:class:`~inspector.central.errors.ApiError`, message in English, ``detail.zh``
in Chinese): 400 a malformed portion code or check character, 403 a role that may not,
404 no such portion in the caller's scope, 409 a step the chain does not allow yet
(typically: the samplers' hand-over to the lab has not been synced) or a chain that
does not verify, 422 a step without the fields it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from inspector.central import audit, records
from inspector.central.custody_messages import (
    ChainProblemView,
    CustodyEventView,
    LabEventRequest,
    PortionCustodyView,
    RecordedStep,
)
from inspector.central.errors import ApiError
from inspector.central.kinds import Visibility
from inspector.central.models import Account, Record, Unit
from inspector.central.principal import Principal
from inspector.core.custody import (
    KIND_LABELS,
    ChainProblem,
    CustodyEntry,
    CustodyError,
    TestResult,
    chain_entry,
    steps_after,
    verify_chain,
)
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.roles import Role
from inspector.core.sample_codes import SampleCode, SampleCodeError, parse_portion_code
from inspector.core.text import LocalText
from inspector.sync.protocol import ErrorCode

READERS = (Role.LAB, Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.AUDITOR, Role.INSPECTOR)
# A step's time may run ahead of the platform's clock by this much (clock skew), no more.
CLOCK_SKEW = timedelta(minutes=10)
_K = CustodyEventKind
_TEXT_FIELDS = ("actor", "place", "from_party", "to_party", "report_number", "reason",
                "photo_sha256", "prev_hash", "hash")


@dataclass(frozen=True)
class _Portion:
    code: str  # the portion code, normalised
    sample: Record
    portion: Record
    role: PortionRole


@dataclass(frozen=True)
class _Chain:
    entries: list[CustodyEntry]  # in sequence order
    records: list[Record]  # the record of each entry
    problems: list[ChainProblemView]


# -- reading ----------------------------------------------------------------------------


def show(session: Session, principal: Principal, portion_code: str) -> PortionCustodyView:
    """The chain of ``portion_code`` as stored here, verified, with its next steps."""
    principal.require(*READERS)
    code, number = _parse(portion_code)
    found = _find(session, principal, code, number)
    chain = _load_chain(session, found)
    return _view(session, found, chain)


def _view(session: Session, found: _Portion, chain: _Chain) -> PortionCustodyView:
    names = _usernames(session, chain.records)
    sample_name = found.sample.body.get("name")
    return PortionCustodyView(
        portion_code=found.code, sample_code=found.code.rsplit("-", 1)[0],
        sample_name=sample_name if isinstance(sample_name, str) else "",
        role=found.role.value, sample_uuid=found.sample.uuid, portion_uuid=found.portion.uuid,
        events=[_event_view(e, r, names) for e, r in zip(chain.entries, chain.records,
                                                         strict=True)],
        next_steps=[k.value for k in steps_after(chain.entries, found.role)],
        intact=not chain.problems, problems=chain.problems)


def _event_view(entry: CustodyEntry, record: Record,
                names: Mapping[int, str]) -> CustodyEventView:
    return CustodyEventView(
        uuid=record.uuid, seq=entry.seq, kind=entry.kind.value,
        occurred_at=str(record.body.get("occurred_at")), actor=entry.actor,
        place=entry.place, from_party=entry.from_party, to_party=entry.to_party,
        seal_intact=entry.seal_intact, result=entry.result,
        report_number=entry.report_number, reason=entry.reason,
        photo_sha256=entry.photo_sha256, prev_hash=entry.prev_hash, hash=entry.hash,
        server_seq=record.server_seq,
        recorded_by=names.get(record.pushed_by or record.owner_id, ""))


def _usernames(session: Session, stored: Sequence[Record]) -> dict[int, str]:
    ids = {r.pushed_by or r.owner_id for r in stored}
    if not ids:
        return {}
    rows = session.execute(select(Account.id, Account.username).where(Account.id.in_(ids)))
    return {account_id: username for account_id, username in rows}


# -- finding a portion and its chain -----------------------------------------------------


def _parse(text: str) -> tuple[SampleCode, int]:
    try:
        return parse_portion_code(text)
    except SampleCodeError as exc:
        raise _error(400, ErrorCode.INVALID, exc.text) from exc


def _scope(principal: Principal) -> ColumnElement[bool]:
    """Which samples the principal may follow: a lab those of its region."""
    if principal.role is Role.LAB:
        return Record.region_code.startswith(principal.region_prefix, autoescape=True)
    return principal.visible(Visibility.OWNER)


def _find(session: Session, principal: Principal, code: SampleCode, number: int) -> _Portion:
    portion_code = code.portion(number)
    samples = session.scalars(
        select(Record).where(Record.kind == "sample", Record.deleted.is_(False),
                             Record.body["sample_code"].as_string() == str(code),
                             _scope(principal))
        .order_by(Record.server_seq)).all()
    if not samples:
        raise _error(404, ErrorCode.NOT_FOUND, LocalText(
            f"平台上没有样品 {code}（或不在您的查看范围内）",
            f"no sample {code} on the platform in your scope"))
    if len(samples) > 1:
        raise _error(409, ErrorCode.CONFLICT, LocalText(
            f"平台上有 {len(samples)} 条样品记录使用编号 {code}，请联系管理员",
            f"{len(samples)} sample records on the platform carry the code {code}; "
            "ask an administrator"), samples=[s.uuid for s in samples])
    sample = samples[0]
    portions = session.scalars(
        select(Record).where(Record.kind == "sample_portion", Record.deleted.is_(False),
                             Record.body["sample"].as_string() == sample.uuid,
                             Record.body["suffix"].as_string() == f"P{number:02d}")
        .order_by(Record.server_seq)).all()
    if len(portions) != 1:
        raise _error(404 if not portions else 409,
                     ErrorCode.NOT_FOUND if not portions else ErrorCode.CONFLICT, LocalText(
                         f"平台上没有份样 {portion_code}" if not portions
                         else f"平台上有多条份样记录使用编号 {portion_code}，请联系管理员",
                         f"no portion {portion_code} on the platform" if not portions
                         else f"several portion records carry the code {portion_code}; "
                              "ask an administrator"))
    portion = portions[0]
    try:
        role = PortionRole(str(portion.body.get("role")))
    except ValueError:
        raise _error(409, ErrorCode.CONFLICT, LocalText(
            f"平台上份样 {portion_code} 的记录没有有效的用途",
            f"the record of portion {portion_code} on the platform has no valid role"),
        ) from None
    return _Portion(portion_code, sample, portion, role)


def _load_chain(session: Session, found: _Portion) -> _Chain:
    stored = session.scalars(
        select(Record).where(Record.kind == "custody_event", Record.deleted.is_(False),
                             Record.body["portion"].as_string() == found.portion.uuid)
        .order_by(Record.server_seq)).all()
    entries: list[tuple[CustodyEntry, Record]] = []
    unreadable: list[ChainProblemView] = []
    for record in stored:
        entry = _entry(found.code, found.role, record.body)
        if isinstance(entry, CustodyEntry):
            entries.append((entry, record))
        else:
            seq = record.body.get("seq")
            unreadable.append(ChainProblemView(
                seq=seq if isinstance(seq, int) and not isinstance(seq, bool) else 0,
                kind="body", field=entry, message_zh=f"记录 {record.uuid} 不是有效的流转记录"
                f"（{entry}）", message_en=f"record {record.uuid} is not a valid custody "
                f"event ({entry})"))
    entries.sort(key=lambda pair: pair[0].seq)  # stable: server order within one number
    chain = [e for e, _r in entries]
    problems = [_problem_view(p) for p in verify_chain(chain)] + unreadable
    return _Chain(chain, [r for _e, r in entries], problems)


def _entry(code: str, role: PortionRole, body: Mapping[str, Any]) -> CustodyEntry | str:
    """The entry a stored body holds, or the name of the field that makes it unreadable."""
    try:
        kind = _K(str(body.get("kind")))
    except ValueError:
        return "kind"
    seq = body.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool):
        return "seq"
    try:
        occurred = datetime.fromisoformat(str(body.get("occurred_at")))
    except ValueError:
        return "occurred_at"
    texts = {name: body.get(name) if body.get(name) is not None else ""
             for name in _TEXT_FIELDS}
    wrong = [name for name, value in texts.items() if not isinstance(value, str)]
    if wrong:
        return wrong[0]
    seal = body.get("seal_intact")
    if seal is not None and not isinstance(seal, bool):
        return "seal_intact"
    result = _result(body.get("result"))
    if result == "?":
        return "result"
    text = {name: str(value) for name, value in texts.items()}
    return CustodyEntry(
        portion_code=code, role=role, seq=seq, kind=kind, occurred_at=occurred,
        actor=text["actor"], place=text["place"], from_party=text["from_party"],
        to_party=text["to_party"], seal_intact=seal,
        result="pass" if result == "pass" else ("fail" if result == "fail" else None),
        report_number=text["report_number"], reason=text["reason"],
        photo_sha256=text["photo_sha256"], prev_hash=text["prev_hash"], hash=text["hash"])


def _result(value: object) -> TestResult | str:
    """``pass``/``fail``; ``""`` for none (the laptop stores no result as ""); ``?`` else."""
    if value == "pass":
        return "pass"
    if value == "fail":
        return "fail"
    return "" if value in (None, "") else "?"


def _problem_view(problem: ChainProblem) -> ChainProblemView:
    return ChainProblemView(seq=problem.seq, kind=problem.kind.value, field=problem.field,
                            message_zh=problem.message.zh, message_en=problem.message.en)


# -- a lab's step --------------------------------------------------------------------------


def record(session: Session, principal: Principal, portion_code: str,
           request: LabEventRequest, *, now: datetime | None = None) -> RecordedStep:
    """Append a lab's step to the chain of ``portion_code`` (see the module contract)."""
    principal.require(Role.LAB)
    code, number = _parse(portion_code)
    moment = now or datetime.now(UTC)
    counter = records.lock_counter(session)
    found = _find(session, principal, code, number)
    chain = _load_chain(session, found)
    earlier = session.scalar(select(Record).where(Record.uuid == request.event_uuid))
    if earlier is not None:
        return _replay(session, principal, found, chain, earlier=earlier, request=request)
    if chain.problems:
        raise _error(409, ErrorCode.CONFLICT, LocalText(
            f"份样 {found.code} 在平台上的流转记录未通过校验，不能追加；请联系管理员",
            f"the custody chain of {found.code} on the platform does not verify; nothing "
            "can be added to it: ask an administrator"),
            problems=[p.message_en for p in chain.problems])
    entry = _next_entry(session, principal, found, chain, request, moment=moment)
    body = _body(entry, found.portion.uuid)
    made = records.insert_made_record(
        session, counter, kind="custody_event", uuid=request.event_uuid, body=body,
        owner_id=found.sample.owner_id, unit_id=found.sample.unit_id,
        region_code=found.sample.region_code, pushed_by=principal.account_id)
    audit.append(session, actor=principal.username, role=principal.role.value,
                 action="custody.recorded", object_kind="custody_event",
                 object_id=request.event_uuid,
                 payload={"portion": found.code, "seq": entry.seq, "kind": entry.kind.value,
                          "hash": entry.hash, "server_seq": made.server_seq})
    entries = [*chain.entries, entry]
    return RecordedStep(status="stored",
                        event=_event_view(entry, made, {principal.account_id:
                                                        principal.username}),
                        next_steps=[k.value for k in steps_after(entries, found.role)])


def _next_entry(session: Session, principal: Principal, found: _Portion, chain: _Chain,
                request: LabEventRequest, *, moment: datetime) -> CustodyEntry:
    step = _K(request.kind.value)
    last = chain.entries[-1] if chain.entries else None
    allowed = steps_after(chain.entries, found.role)
    if step not in allowed:
        raise _out_of_order(found.code, step, last, allowed)
    occurred = request.occurred_at or moment
    if occurred > moment + CLOCK_SKEW:
        raise _error(422, ErrorCode.INVALID, LocalText(
            "发生时间晚于当前时间", "the step's time lies in the future"))
    account = session.get_one(Account, principal.account_id)
    lab = session.get_one(Unit, principal.unit_id)
    at_the_door = step in (_K.RECEIVED, _K.REFUSED)
    try:
        entry = chain_entry(
            last, kind=step, occurred_at=occurred, actor=account.display_name,
            portion_code=found.code, role=found.role, place=request.place or lab.name,
            from_party=request.from_party or (last.from_party if at_the_door and last
                                              else ""),
            to_party=request.to_party or (lab.name if at_the_door else ""),
            seal_intact=request.seal_intact, result=request.result,
            report_number=request.report_number, reason=request.reason,
            photo_sha256=request.photo_sha256 or "")
    except CustodyError as exc:
        raise _error(422, ErrorCode.INVALID, exc.text) from exc
    problems = [p for p in verify_chain([*chain.entries, entry]) if p.seq == entry.seq]
    if problems:
        raise _error(422, ErrorCode.INVALID, problems[0].message,
                     problems=[p.message.en for p in problems],
                     fields=sorted({p.field for p in problems if p.field}))
    return entry


def _out_of_order(code: str, step: CustodyEventKind, last: CustodyEntry | None,
                  allowed: Sequence[CustodyEventKind]) -> ApiError:
    after = KIND_LABELS[last.kind] if last else LocalText("链首", "the start")
    listed = LocalText("、".join(KIND_LABELS[k].zh for k in allowed) or "无（已结束）",
                       ", ".join(k.value for k in allowed) or "nothing (closed)")
    text = LocalText(
        f"份样 {code}：“{KIND_LABELS[step].zh}”不能接在平台上最后一条记录“{after.zh}”之后"
        f"（可接：{listed.zh}）。若抽样人员已在笔记本上记录了后续环节（如移交检验机构），"
        "这些记录尚未同步到平台：请他们先同步，再重试",
        f"portion {code}: {step.value} may not follow the platform's last event, "
        f"{after.en} (allowed: {listed.en}). If the samplers recorded later steps on their "
        "laptop (the hand-over to the lab), those have not reached the platform yet: "
        "they must sync first, then try again")
    return _error(409, ErrorCode.CONFLICT, text, last=last.kind.value if last else None,
                  allowed=[k.value for k in allowed])


def _body(entry: CustodyEntry, portion_uuid: str) -> dict[str, Any]:
    """The body a laptop would push for ``entry`` (``inspector/sync/catalogue.py``'s
    ``custody_event`` columns and its ``portion`` reference)."""
    return {
        "kind": entry.kind.value, "occurred_at": entry.occurred_at.astimezone(UTC).isoformat(),
        "from_party": entry.from_party, "to_party": entry.to_party,
        "seal_intact": entry.seal_intact, "note": "", "seq": entry.seq, "actor": entry.actor,
        "place": entry.place, "result": entry.result or "",
        "report_number": entry.report_number, "reason": entry.reason,
        "photo_sha256": entry.photo_sha256, "prev_hash": entry.prev_hash, "hash": entry.hash,
        "portion": portion_uuid,
    }


def _replay(session: Session, principal: Principal, found: _Portion, chain: _Chain, *,
            earlier: Record, request: LabEventRequest) -> RecordedStep:
    """A step whose ``event_uuid`` is stored already: a retry of it, or a clash."""
    position = next((i for i, r in enumerate(chain.records) if r.id == earlier.id), None)
    if (position is None or earlier.pushed_by != principal.account_id
            or not _same_step(earlier.body, request)):
        raise _error(409, ErrorCode.CONFLICT, LocalText(
            f"事件编号 {request.event_uuid} 已用于另一条记录",
            f"event_uuid {request.event_uuid} names another record already"),
            uuid=request.event_uuid)
    names = {principal.account_id: principal.username}
    return RecordedStep(status="unchanged",
                        event=_event_view(chain.entries[position], earlier, names),
                        next_steps=[k.value for k in steps_after(chain.entries, found.role)])


def _same_step(body: Mapping[str, Any], request: LabEventRequest) -> bool:
    """Whether a stored body is this request: the same kind, and the same value of every
    field the request states (a field left empty took its default when it was stored)."""
    if body.get("kind") != request.kind.value:
        return False
    for name in request.model_fields_set - {"event_uuid", "kind"}:
        wanted = getattr(request, name)
        stored = body.get(name)
        if wanted is None or wanted == "":
            continue
        if name == "occurred_at":
            try:
                same = datetime.fromisoformat(str(stored)) == wanted
            except ValueError:
                same = False
        else:
            same = stored == wanted
        if not same:
            return False
    return True


# -- the check a custody_event push should pass ---------------------------------------------


def fork_problem(session: Session, _principal: Principal, uuid: str, body: dict[str, Any],
                 _memo: dict[str, Any]) -> str | None:
    """Why a pushed ``custody_event`` may not be stored, or None: its place (portion and
    sequence number) in the chain is held by another stored event, typically a step a
    lab recorded here while the laptop was offline. (The ``stored_check`` signature of
    :class:`~inspector.central.kinds.RecordKind`.)"""
    portion, seq = body.get("portion"), body.get("seq")
    if not isinstance(portion, str) or not isinstance(seq, int) or isinstance(seq, bool):
        return None
    held = session.execute(
        select(Record.uuid, Record.body).where(
            Record.kind == "custody_event", Record.deleted.is_(False), Record.uuid != uuid,
            Record.body["portion"].as_string() == portion)).all()
    taken = next((other for other, stored in held if stored.get("seq") == seq), None)
    if taken is None:
        return None
    return (f"custody event {seq} of this portion is held on the platform by {taken} "
            "(recorded meanwhile, e.g. by the lab); the laptop keeps its own event: "
            f"pull first and settle the order (流转记录第 {seq} 条已由平台上的另一条记录占用)")


def _error(status: int, code: ErrorCode, text: LocalText, **detail: Any) -> ApiError:
    return ApiError(status, code, text.en, zh=text.zh, **detail)
