"""The chain of custody of one sealed portion, as hash-chained, order-checked events.

Contract: pure. A portion's custody is a sequence of :class:`CustodyEntry` values,
numbered from 1. Each entry is hashed (SHA-256 of the canonical JSON of every field,
:func:`inspector.core.audit_chain.canonical_json`) together with the hash of the entry
before it (``prev_hash``; the first names :data:`GENESIS_HASH`, 64 zeros), so editing,
deleting, inserting or reordering entries is visible. :func:`chain_entry` builds the
next entry; :func:`verify_chain` reports *every* problem it finds (not only the first),
each naming the portion and the sequence number, in Chinese and English.

The time hashed is the instant in UTC, so an entry reads back the same whatever zone
the database hands its time back in. Deleting entries from the *end* of a chain leaves
a shorter valid chain; only a head recorded elsewhere can reveal that.

Order (domain.md §2.5). ``—`` means the chain is closed (terminal). Test and "other"
portions follow the test column; backups the backup column.

============================  =================================  ==========================
after                         test / other portion               backup portion
============================  =================================  ==========================
(nothing yet)                 collected                          collected
collected                     sealed                             sealed
sealed                        signed                             signed
signed                        handed_over, in_transit            handed_over, in_transit
handed_over                   handed_over, in_transit,           (same)
                              received, refused
in_transit                    handed_over, received, refused     (same)
received                      result_recorded                    backup_retained; during a
                                                                 复检: result_recorded
refused                       returned, disposed                 returned, disposed
returned                      handed_over, in_transit, disposed  (same)
result_recorded               disposed                           disposed
backup_retained               (never reached)                    recheck_requested,
                                                                 backup_released,
                                                                 backup_destroyed
recheck_requested             (never reached)                    handed_over, in_transit
backup_released               (never reached)                    —
backup_destroyed              (never reached)                    —
disposed                      —                                  —
============================  =================================  ==========================

Kinds are named by their :class:`CustodyEventKind` member in lower case;
``RECHECK_REQUESTED`` is stored as ``recheck_request`` (the column holds 16 characters).

A 复检 is under way from ``recheck_requested`` until the next ``result_recorded`` (the
复检机构's conclusion, which is final, 食品安全法 §88); only then does a backup's
``received`` lead to a result instead of retention. A refusal ends the chain unless the
portion is returned to the samplers and sent again.

Fields each kind must state (besides ``portion_code`` and ``actor``, always required,
and an ``occurred_at`` with its UTC offset):

==================  ======================================================
collected           place
handed_over         from_party, to_party, seal_intact (true or false)
in_transit          from_party, to_party (the destination)
received            from_party, to_party, seal_intact, which must be true:
                    a lab refuses a portion whose seal is broken
refused             reason, seal_intact
returned            to_party
result_recorded     result ("pass" or "fail"), report_number
recheck_requested   from_party (the applicant)
backup_retained     place
backup_released     to_party
backup_destroyed    reason
disposed            reason
==================  ======================================================

Only ``result_recorded`` carries a result; a photo hash, when given, is 64 lower-case
hex digits; and a seal reported broken is never reported intact again later.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Literal

from inspector.core.audit_chain import GENESIS_HASH, canonical_json
from inspector.core.lifecycles import CustodyEventKind, PortionRole
from inspector.core.text import LocalText

__all__ = [
    "GENESIS_HASH",
    "KIND_LABELS",
    "REQUIRED_FIELDS",
    "ChainProblem",
    "CustodyEntry",
    "CustodyError",
    "ProblemKind",
    "TestResult",
    "chain_entry",
    "next_steps",
    "recheck_pending",
    "steps_after",
    "verify_chain",
]

TestResult = Literal["pass", "fail"]
_RESULTS = ("pass", "fail")
_SHA256 = re.compile(r"[0-9a-f]{64}")

_K = CustodyEventKind

KIND_LABELS: Mapping[CustodyEventKind, LocalText] = {
    _K.COLLECTED: LocalText("抽取", "collected"),
    _K.SEALED: LocalText("封样", "sealed"),
    _K.SIGNED: LocalText("签字确认", "signed"),
    _K.HANDED_OVER: LocalText("交接", "handed over"),
    _K.IN_TRANSIT: LocalText("运送中", "in transit"),
    _K.RECEIVED: LocalText("实验室收样", "received by the lab"),
    _K.REFUSED: LocalText("实验室拒收", "refused by the lab"),
    _K.RETURNED: LocalText("退回抽样人员", "returned to the samplers"),
    _K.RESULT_RECORDED: LocalText("记录检验结论", "result recorded"),
    _K.RECHECK_REQUESTED: LocalText("申请复检", "recheck (复检) requested"),
    _K.BACKUP_RETAINED: LocalText("留存备份样品", "backup retained"),
    _K.BACKUP_RELEASED: LocalText("退还备份样品", "backup released"),
    _K.BACKUP_DESTROYED: LocalText("销毁备份样品", "backup destroyed"),
    _K.DISPOSED: LocalText("处置", "disposed"),
}

_FIELD_LABELS: Mapping[str, str] = {
    "portion_code": "份样编号",
    "actor": "经办人",
    "occurred_at": "发生时间",
    "place": "地点",
    "from_party": "交出方",
    "to_party": "接收方",
    "seal_intact": "封样状态",
    "result": "检验结论",
    "report_number": "报告编号",
    "reason": "原因",
    "photo_sha256": "照片哈希",
}

_ALWAYS_REQUIRED = ("portion_code", "actor")

REQUIRED_FIELDS: Mapping[CustodyEventKind, tuple[str, ...]] = {
    _K.COLLECTED: ("place",),
    _K.SEALED: (),
    _K.SIGNED: (),
    _K.HANDED_OVER: ("from_party", "to_party", "seal_intact"),
    _K.IN_TRANSIT: ("from_party", "to_party"),
    _K.RECEIVED: ("from_party", "to_party", "seal_intact"),
    _K.REFUSED: ("reason", "seal_intact"),
    _K.RETURNED: ("to_party",),
    _K.RESULT_RECORDED: ("result", "report_number"),
    _K.RECHECK_REQUESTED: ("from_party",),
    _K.BACKUP_RETAINED: ("place",),
    _K.BACKUP_RELEASED: ("to_party",),
    _K.BACKUP_DESTROYED: ("reason",),
    _K.DISPOSED: ("reason",),
}

_COMMON_STEPS: Mapping[CustodyEventKind | None, tuple[CustodyEventKind, ...]] = {
    None: (_K.COLLECTED,),
    _K.COLLECTED: (_K.SEALED,),
    _K.SEALED: (_K.SIGNED,),
    _K.SIGNED: (_K.HANDED_OVER, _K.IN_TRANSIT),
    _K.HANDED_OVER: (_K.HANDED_OVER, _K.IN_TRANSIT, _K.RECEIVED, _K.REFUSED),
    _K.IN_TRANSIT: (_K.HANDED_OVER, _K.RECEIVED, _K.REFUSED),
    _K.REFUSED: (_K.RETURNED, _K.DISPOSED),
    _K.RETURNED: (_K.HANDED_OVER, _K.IN_TRANSIT, _K.DISPOSED),
    _K.RESULT_RECORDED: (_K.DISPOSED,),
    _K.DISPOSED: (),
}

_TEST_STEPS: Mapping[CustodyEventKind | None, tuple[CustodyEventKind, ...]] = {
    _K.RECEIVED: (_K.RESULT_RECORDED,),
}

_BACKUP_STEPS: Mapping[CustodyEventKind | None, tuple[CustodyEventKind, ...]] = {
    _K.RECEIVED: (_K.BACKUP_RETAINED,),
    _K.BACKUP_RETAINED: (_K.RECHECK_REQUESTED, _K.BACKUP_RELEASED, _K.BACKUP_DESTROYED),
    _K.RECHECK_REQUESTED: (_K.HANDED_OVER, _K.IN_TRANSIT),
    _K.BACKUP_RELEASED: (),
    _K.BACKUP_DESTROYED: (),
}


class CustodyError(ValueError):
    """An entry that cannot be built; ``text`` says why in both languages."""

    def __init__(self, text: LocalText) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class CustodyEntry:
    """One custody event of one portion, with its place in the hash chain.

    Text fields use ``""`` for "not stated"; ``seal_intact`` and ``result`` use None.
    """

    portion_code: str
    role: PortionRole
    seq: int
    kind: CustodyEventKind
    occurred_at: datetime
    actor: str
    place: str
    from_party: str
    to_party: str
    seal_intact: bool | None
    result: TestResult | None
    report_number: str
    reason: str
    photo_sha256: str
    prev_hash: str
    hash: str

    def digest(self) -> str:
        """SHA-256 of the canonical JSON of every field but ``hash`` (incl. ``prev_hash``)."""
        document = {
            "portion_code": self.portion_code,
            "role": str(self.role),
            "seq": self.seq,
            "kind": str(self.kind),
            "occurred_at": _instant_text(self.occurred_at),
            "actor": self.actor,
            "place": self.place,
            "from_party": self.from_party,
            "to_party": self.to_party,
            "seal_intact": self.seal_intact,
            "result": self.result,
            "report_number": self.report_number,
            "reason": self.reason,
            "photo_sha256": self.photo_sha256,
            "prev_hash": self.prev_hash,
        }
        return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def _instant_text(moment: datetime) -> str:
    """The instant in UTC; a naive time (refused by verification) is hashed as written."""
    if _is_aware(moment):
        return moment.astimezone(UTC).isoformat()
    return moment.isoformat()


def _is_aware(moment: datetime) -> bool:
    return moment.utcoffset() is not None


def chain_entry(
    previous: CustodyEntry | None,
    *,
    kind: CustodyEventKind,
    occurred_at: datetime,
    actor: str,
    portion_code: str | None = None,
    role: PortionRole | None = None,
    place: str = "",
    from_party: str = "",
    to_party: str = "",
    seal_intact: bool | None = None,
    result: TestResult | None = None,
    report_number: str = "",
    reason: str = "",
    photo_sha256: str = "",
) -> CustodyEntry:
    """The entry that follows ``previous`` (None: the first), numbered and hashed.

    ``portion_code`` and ``role`` are taken from ``previous`` when not given and are
    required for the first entry. This builds and hashes; it does not judge the order or
    the fields: append the entry to the chain and :func:`verify_chain` it before storing.
    Raises :class:`CustodyError` for a time without a UTC offset, a missing portion code
    or role, or one that differs from ``previous``'s.
    """
    code, portion_role = _identity(previous, portion_code, role)
    if not _is_aware(occurred_at):
        raise CustodyError(LocalText("流转时间须带时区", "the custody time must carry its zone"))
    draft = CustodyEntry(
        portion_code=code, role=portion_role, seq=previous.seq + 1 if previous else 1,
        kind=kind, occurred_at=occurred_at, actor=actor, place=place,
        from_party=from_party, to_party=to_party, seal_intact=seal_intact, result=result,
        report_number=report_number, reason=reason, photo_sha256=photo_sha256,
        prev_hash=previous.hash if previous else GENESIS_HASH, hash="",
    )
    return dataclasses.replace(draft, hash=draft.digest())


def _identity(
    previous: CustodyEntry | None, code: str | None, role: PortionRole | None
) -> tuple[str, PortionRole]:
    if previous is None:
        if code is None or role is None:
            raise CustodyError(LocalText("第一条流转记录须写明份样编号和份样用途",
                                         "the first custody event needs the portion code "
                                         "and role"))
        return code, role
    if (code is not None and code != previous.portion_code) or (
        role is not None and role is not previous.role
    ):
        raise CustodyError(LocalText("份样编号或用途与前一条流转记录不同",
                                     "the portion code or role differs from the previous "
                                     "event's"))
    return previous.portion_code, previous.role


# --- what may happen next ------------------------------------------------------------


def next_steps(
    last: CustodyEntry | None, role: PortionRole, *, rechecking: bool = False
) -> tuple[CustodyEventKind, ...]:
    """The kinds that may follow ``last`` (None: an empty chain) for a portion of ``role``.

    ``rechecking`` says a 复检 is under way (:func:`recheck_pending`); it matters only
    after a backup's ``received``. An empty tuple means the chain is closed.
    """
    kind = last.kind if last is not None else None
    if role is PortionRole.BACKUP:
        if kind is _K.RECEIVED and rechecking:
            return (_K.RESULT_RECORDED,)
        specific = _BACKUP_STEPS
    else:
        specific = _TEST_STEPS
    if kind in specific:
        return specific[kind]
    return _COMMON_STEPS.get(kind, ())


def recheck_pending(entries: Iterable[CustodyEntry]) -> bool:
    """True when a 复检 was requested and its result is not recorded yet."""
    pending = False
    for entry in entries:
        if entry.kind is _K.RECHECK_REQUESTED:
            pending = True
        elif entry.kind is _K.RESULT_RECORDED:
            pending = False
    return pending


def steps_after(entries: Sequence[CustodyEntry], role: PortionRole) -> tuple[CustodyEventKind, ...]:
    """What may happen next to a portion whose chain so far is ``entries`` (in order).

    The scan station's question: :func:`next_steps` of the last entry, knowing from the
    whole chain whether a 复检 is under way.
    """
    last = entries[-1] if entries else None
    return next_steps(last, role, rechecking=recheck_pending(entries))


# --- verification ----------------------------------------------------------------------


class ProblemKind(StrEnum):
    GAP = "gap"  # a sequence number is missing: an entry was deleted
    SEQUENCE = "sequence"  # stored out of order, duplicated, or numbered below 1
    LINK = "link"  # prev_hash does not name the entry before: altered, forged or moved
    CONTENT = "content"  # the hash does not recompute: the entry's content was altered
    TIME = "time"  # earlier than the entry before it
    TRANSITION = "transition"  # this kind may not follow the one before
    FIELD = "field"  # a required field is missing or a value is not allowed
    PORTION = "portion"  # another portion's or role's entry inside this chain
    SEAL = "seal"  # a seal reported broken is later reported intact


_KIND_ORDER = {kind: index for index, kind in enumerate(ProblemKind)}


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """One problem in a chain: where (portion, sequence number), what, and which field."""

    portion_code: str
    seq: int
    kind: ProblemKind
    message: LocalText
    field: str = ""


def verify_chain(entries: Sequence[CustodyEntry]) -> tuple[ChainProblem, ...]:
    """Every problem in one portion's chain, in sequence order; empty when intact.

    ``entries`` are in storage order, which should be sequence order. Links, times and
    transitions are checked between an entry and the one numbered just before it, so a
    deleted entry shows as one gap and an entry stored out of place as one sequence
    problem, without a cascade of follow-on breaks.
    """
    if not entries:
        return ()
    ordered = sorted(entries, key=lambda e: e.seq)
    problems = [*_order_problems(entries), *_gap_problems(ordered)]
    problems += _walk(ordered)
    return tuple(sorted(problems, key=lambda p: (p.seq, _KIND_ORDER[p.kind])))


def _problem(code: str, seq: int, kind: ProblemKind, zh: str, en: str, *,
             field: str = "") -> ChainProblem:
    text = LocalText(zh=f"份样 {code} 第 {seq} 条流转记录：{zh}",
                     en=f"portion {code}, custody event {seq}: {en}")
    return ChainProblem(code, seq, kind, text, field)


def _at(entry: CustodyEntry, kind: ProblemKind, zh: str, en: str, *,
        field: str = "") -> ChainProblem:
    """A problem located at ``entry``."""
    return _problem(entry.portion_code, entry.seq, kind, zh, en, field=field)


def _order_problems(entries: Sequence[CustodyEntry]) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    for before, entry in itertools.pairwise(entries):
        if entry.seq == before.seq:
            problems.append(_at(entry, ProblemKind.SEQUENCE,
                                "序号重复：同一序号有两条记录",
                                "the sequence number appears twice"))
        elif entry.seq < before.seq:
            problems.append(_at(entry, ProblemKind.SEQUENCE,
                                f"存放在第 {before.seq} 条之后，顺序被调换",
                                f"stored after event {before.seq}: the order was changed"))
    problems += [
        _at(e, ProblemKind.SEQUENCE, "序号应从 1 开始", "numbers start at 1")
        for e in entries if e.seq < 1
    ]
    return problems


def _gap_problems(ordered: Sequence[CustodyEntry]) -> list[ChainProblem]:
    present = {e.seq for e in ordered}
    code = ordered[0].portion_code
    return [
        _problem(code, seq, ProblemKind.GAP, "缺失：该记录被删除",
                 "missing: the event was deleted")
        for seq in range(1, ordered[-1].seq)
        if seq not in present
    ]


@dataclass(slots=True)
class _WalkState:
    """What the walk has learnt from the entries before the current one."""

    by_seq: dict[int, list[CustodyEntry]]
    role: PortionRole
    code: str
    rechecking: bool = False
    seal_broken_at: int | None = None


def _walk(ordered: Sequence[CustodyEntry]) -> list[ChainProblem]:
    by_seq: dict[int, list[CustodyEntry]] = {}
    for entry in ordered:
        by_seq.setdefault(entry.seq, []).append(entry)
    state = _WalkState(by_seq, ordered[0].role, ordered[0].portion_code)
    problems: list[ChainProblem] = []
    for entry in ordered:
        problems += _content_problems(entry)
        problems += _identity_problems(entry, state)
        problems += _field_problems(entry)
        problems += _neighbour_problems(entry, state)
        problems += _seal_problems(entry, state)
        _learn(entry, state)
    return problems


def _learn(entry: CustodyEntry, state: _WalkState) -> None:
    """Carry what ``entry`` tells about the entries after it."""
    if entry.kind is _K.RECHECK_REQUESTED:
        state.rechecking = True
    elif entry.kind is _K.RESULT_RECORDED:
        state.rechecking = False
    if entry.seal_intact is False and state.seal_broken_at is None:
        state.seal_broken_at = entry.seq


def _content_problems(entry: CustodyEntry) -> list[ChainProblem]:
    if entry.digest() == entry.hash:
        return []
    return [_at(entry, ProblemKind.CONTENT, "内容与其哈希不符：该记录被改动",
                "its content does not match its hash: the event was altered")]


def _identity_problems(entry: CustodyEntry, state: _WalkState) -> list[ChainProblem]:
    if entry.portion_code == state.code and entry.role is state.role:
        return []
    return [_at(entry, ProblemKind.PORTION,
                f"属于另一份样或用途（{entry.portion_code}，{entry.role}），"
                f"本链为 {state.code}（{state.role}）",
                f"belongs to another portion or role ({entry.portion_code}, "
                f"{entry.role}); this chain is {state.code} ({state.role})")]


def _field_problems(entry: CustodyEntry) -> list[ChainProblem]:
    problems = [
        _at(entry, ProblemKind.FIELD, f"{KIND_LABELS[entry.kind].zh}须写明{_FIELD_LABELS[name]}",
            f"{KIND_LABELS[entry.kind].en} must state {name}", field=name)
        for name in (*_ALWAYS_REQUIRED, *REQUIRED_FIELDS[entry.kind])
        if _missing(getattr(entry, name))
    ]
    return problems + _value_problems(entry)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _value_problems(entry: CustodyEntry) -> list[ChainProblem]:
    problems: list[ChainProblem] = []

    def add(field: str, zh: str, en: str) -> None:
        problems.append(_at(entry, ProblemKind.FIELD, zh, en, field=field))

    if not _is_aware(entry.occurred_at):
        add("occurred_at", "发生时间缺少时区", "the time has no UTC offset")
    if entry.kind is _K.RECEIVED and entry.seal_intact is False:
        add("seal_intact", "封样已破损，实验室应拒收而非收样",
            "the seal is broken: the lab must refuse the portion, not receive it")
    if entry.result is not None and entry.result not in _RESULTS:
        add("result", f"检验结论“{entry.result}”无效（应为 pass 或 fail）",
            f"result '{entry.result}' is not pass or fail")
    if entry.result is not None and entry.kind is not _K.RESULT_RECORDED:
        add("result", "只有“记录检验结论”可以带检验结论",
            "only result_recorded may carry a result")
    if entry.photo_sha256 and not _SHA256.fullmatch(entry.photo_sha256):
        add("photo_sha256", "照片哈希应为 64 位小写十六进制",
            "the photo hash must be 64 lower-case hex digits")
    return problems


def _predecessor(entry: CustodyEntry, state: _WalkState) -> CustodyEntry | None:
    """The entry numbered just before ``entry``: the one it links to, if several."""
    candidates = state.by_seq.get(entry.seq - 1, [])
    linked = [c for c in candidates if c.hash == entry.prev_hash]
    if linked:
        return linked[0]
    return candidates[0] if candidates else None


def _neighbour_problems(entry: CustodyEntry, state: _WalkState) -> list[ChainProblem]:
    """Link, time and transition against the entry before (skipped across a gap)."""
    if entry.seq < 1:
        return []
    if entry.seq == 1:
        return _link_problems(entry, None) + _transition_problems(entry, None, state)
    before = _predecessor(entry, state)
    if before is None:
        return []
    return (_link_problems(entry, before) + _time_problems(entry, before)
            + _transition_problems(entry, before, state))


def _link_problems(entry: CustodyEntry, before: CustodyEntry | None) -> list[ChainProblem]:
    expected = before.hash if before is not None else GENESIS_HASH
    if entry.prev_hash == expected:
        return []
    return [_at(entry, ProblemKind.LINK,
                "记录的前一条哈希与实际不符：前一条被改动、伪造或调换",
                "its previous-event hash does not match: the event before was "
                "altered, forged or moved")]


def _time_problems(entry: CustodyEntry, before: CustodyEntry) -> list[ChainProblem]:
    if not (_is_aware(entry.occurred_at) and _is_aware(before.occurred_at)):
        return []
    if entry.occurred_at >= before.occurred_at:
        return []
    return [_at(entry, ProblemKind.TIME,
                f"发生时间早于第 {before.seq} 条", f"it happened before event {before.seq}")]


def _transition_problems(
    entry: CustodyEntry, before: CustodyEntry | None, state: _WalkState
) -> list[ChainProblem]:
    allowed = next_steps(before, state.role, rechecking=state.rechecking)
    if entry.kind in allowed:
        return []
    after = (LocalText("链首", "the start") if before is None
             else KIND_LABELS[before.kind])
    expected = LocalText("、".join(KIND_LABELS[k].zh for k in allowed) or "无（已结束）",
                         ", ".join(str(k) for k in allowed) or "nothing (closed)")
    return [_at(entry, ProblemKind.TRANSITION,
                f"“{KIND_LABELS[entry.kind].zh}”不能接在“{after.zh}”之后"
                f"（可接：{expected.zh}）",
                f"{entry.kind} may not follow {after.en} (allowed: {expected.en})")]


def _seal_problems(entry: CustodyEntry, state: _WalkState) -> list[ChainProblem]:
    if entry.seal_intact is not True or state.seal_broken_at is None:
        return []
    return [_at(entry, ProblemKind.SEAL,
                f"第 {state.seal_broken_at} 条已记封样破损，此处又记为完好",
                f"the seal was recorded broken at event {state.seal_broken_at} "
                "and is intact here")]
