"""The tamper-evident audit chain: canonical JSON, event hashes and chain verification.

Contract: pure. Each audit event is hashed over a canonical JSON document of all its
fields, including the hash of the event before it (``prev_hash``; the first event
names :data:`GENESIS_HASH`). Editing any field of any event, deleting one, inserting
one or reordering them breaks the chain at the first affected event, which
:func:`verify_chain` names. Deleting events from the *end* is caught by comparing the
chain with its recorded head (sequence number and hash), kept beside the log.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from inspector.core.text import LocalText

GENESIS_HASH = "0" * 64


def canonical_json(value: object) -> str:
    """Deterministic JSON: sorted keys, no insignificant white space, UTF-8 text as is.

    Floats are refused: their text form is not stable across languages and versions,
    and every quantity we record is an integer, a decimal string or a date.
    """
    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_refuse,
    )


def _refuse(value: object) -> object:
    raise TypeError(f"not canonical-JSON serialisable: {type(value).__name__}")


def _check_no_floats(value: object) -> None:
    if isinstance(value, float):
        raise TypeError("floats are not allowed in canonical JSON; use a decimal string")
    if isinstance(value, dict):
        for item in value.values():
            _check_no_floats(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_no_floats(item)


def canonical_payload(value: object) -> str:
    """Canonical JSON of an audit payload, refusing floats anywhere inside it."""
    _check_no_floats(value)
    return canonical_json(value)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """Every hashed field of one audit event. Times are ISO 8601 strings."""

    seq: int
    uuid: str
    actor: str
    role: str
    device_id: str
    utc_time: str
    device_clock: str
    action: str
    object_kind: str
    object_id: str
    payload: str
    prev_hash: str

    def digest(self) -> str:
        document = {
            "seq": self.seq,
            "uuid": self.uuid,
            "actor": self.actor,
            "role": self.role,
            "device_id": self.device_id,
            "utc_time": self.utc_time,
            "device_clock": self.device_clock,
            "action": self.action,
            "object_kind": self.object_kind,
            "object_id": self.object_id,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
        }
        return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredAuditEvent:
    """An audit event as read back from storage: its fields and the hash stored with it."""

    record: AuditRecord
    stored_hash: str


class BreakKind(StrEnum):
    SEQUENCE = "sequence"
    LINK = "link"
    CONTENT = "content"
    TRUNCATED = "truncated"


@dataclass(frozen=True, slots=True)
class ChainVerdict:
    """Whether a chain is intact and, if not, where and why it first breaks."""

    events_checked: int
    broken_at: int | None = None
    kind: BreakKind | None = None
    message: LocalText | None = None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The last event's sequence number and hash, recorded beside the log."""

    seq: int
    hash: str


def verify_chain(
    events: Iterable[StoredAuditEvent], head: ChainHead | None = None
) -> ChainVerdict:
    """Walk ``events`` in storage order and report the first break.

    ``head`` is the recorded head; when given, a log that ends early (events deleted
    from the end) is reported as truncated.
    """
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in events:
        rec = event.record
        if rec.seq != expected_seq:
            return _broken(
                checked,
                rec.seq,
                BreakKind.SEQUENCE,
                LocalText(
                    zh=f"第 {rec.seq} 号事件处序号不连续（应为 {expected_seq}）："
                    "有事件被删除、插入或调换",
                    en=f"event {rec.seq}: sequence gap (expected {expected_seq}); "
                    "an event was deleted, inserted or moved",
                ),
            )
        if rec.prev_hash != expected_prev:
            return _broken(
                checked,
                rec.seq,
                BreakKind.LINK,
                LocalText(
                    zh=f"第 {rec.seq} 号事件记录的前一事件哈希与实际不符："
                    "前一事件被改动或顺序被调换",
                    en=f"event {rec.seq}: its previous-event hash does not match; "
                    "the event before it was altered or the order changed",
                ),
            )
        actual = rec.digest()
        if actual != event.stored_hash:
            return _broken(
                checked,
                rec.seq,
                BreakKind.CONTENT,
                LocalText(
                    zh=f"第 {rec.seq} 号事件的内容与其哈希不符：该事件被改动",
                    en=f"event {rec.seq}: content does not match its hash; the event was altered",
                ),
            )
        expected_prev = actual
        expected_seq += 1
        checked += 1
    if head is not None and (head.seq != checked or head.hash != expected_prev):
        return _broken(
            checked,
            checked + 1 if head.seq > checked else head.seq,
            BreakKind.TRUNCATED,
            LocalText(
                zh=f"日志在第 {checked} 号事件后结束，但记录的末尾是第 {head.seq} 号事件："
                "末尾事件被删除或改动",
                en=f"the log ends after event {checked} but its recorded head is event "
                f"{head.seq}: events at the end were deleted or altered",
            ),
        )
    return ChainVerdict(events_checked=checked)


def _broken(checked: int, seq: int, kind: BreakKind, message: LocalText) -> ChainVerdict:
    return ChainVerdict(events_checked=checked, broken_at=seq, kind=kind, message=message)
