"""The audit hash chain, pure: canonical JSON and every kind of tampering."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.audit_chain import (
    GENESIS_HASH,
    AuditRecord,
    BreakKind,
    ChainHead,
    StoredAuditEvent,
    canonical_json,
    canonical_payload,
    verify_chain,
)


def build_chain(count: int) -> list[StoredAuditEvent]:
    events: list[StoredAuditEvent] = []
    prev = GENESIS_HASH
    for seq in range(1, count + 1):
        record = AuditRecord(
            seq=seq, uuid=f"uuid-{seq}", actor="张三", role="administrator", device_id="dev",
            utc_time=f"2026-11-28T10:00:{seq:02d}+00:00", device_clock="2026-11-28T18:00:00+08:00",
            action="directory.import_entities", object_kind="entities", object_id=f"f{seq}.csv",
            payload=canonical_payload({"rows": seq, "file": f"f{seq}.csv"}), prev_hash=prev,
        )
        digest = record.digest()
        events.append(StoredAuditEvent(record, digest))
        prev = digest
    return events


def head_of(events: list[StoredAuditEvent]) -> ChainHead:
    return ChainHead(events[-1].record.seq, events[-1].stored_hash)


def test_intact_chain() -> None:
    events = build_chain(6)
    verdict = verify_chain(events, head_of(events))
    assert verdict.intact and verdict.events_checked == 6


def test_edited_field_is_caught_at_that_event() -> None:
    events = build_chain(6)
    record = dataclasses.replace(events[2].record, payload='{"rows":999}')
    events[2] = StoredAuditEvent(record, events[2].stored_hash)
    verdict = verify_chain(events, head_of(events))
    assert verdict.broken_at == 3 and verdict.kind is BreakKind.CONTENT
    assert verdict.message is not None and "第 3 号" in verdict.message.zh


def test_edited_event_with_recomputed_hash_breaks_the_next_link() -> None:
    events = build_chain(6)
    record = dataclasses.replace(events[2].record, actor="李四")
    events[2] = StoredAuditEvent(record, record.digest())
    verdict = verify_chain(events, head_of(events))
    assert verdict.broken_at == 4 and verdict.kind is BreakKind.LINK


def test_deleted_middle_event() -> None:
    events = build_chain(6)
    del events[3]
    verdict = verify_chain(events, head_of(events))
    assert verdict.broken_at == 5 and verdict.kind is BreakKind.SEQUENCE


def test_deleted_last_events_are_caught_by_the_head() -> None:
    events = build_chain(6)
    head = head_of(events)
    verdict = verify_chain(events[:4], head)
    assert verdict.kind is BreakKind.TRUNCATED and verdict.broken_at == 5
    assert verify_chain(events[:4]).intact  # without a head, truncation is invisible


def test_reordered_events() -> None:
    events = build_chain(6)
    events[1], events[2] = events[2], events[1]
    verdict = verify_chain(events, head_of(events))
    assert verdict.broken_at == 3 and verdict.kind is BreakKind.SEQUENCE


def test_swapped_contents_keeping_sequence_numbers() -> None:
    events = build_chain(6)
    first, second = events[1].record, events[2].record
    events[1] = StoredAuditEvent(dataclasses.replace(second, seq=2), events[2].stored_hash)
    events[2] = StoredAuditEvent(dataclasses.replace(first, seq=3), events[1].stored_hash)
    verdict = verify_chain(events, head_of(events))
    assert not verdict.intact and verdict.broken_at == 2


def test_empty_log_is_intact() -> None:
    assert verify_chain([]).intact


def test_canonical_json_is_stable_and_readable() -> None:
    assert canonical_json({"b": 1, "a": "正定"}) == '{"a":"正定","b":1}'


def test_floats_are_refused_in_payloads() -> None:
    with pytest.raises(TypeError):
        canonical_payload({"price": 1.5})
    with pytest.raises(TypeError):
        canonical_payload({"nested": [{"x": 0.1}]})


@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=8), max_size=6))
def test_canonical_json_ignores_key_order(payload: dict[str, object]) -> None:
    reordered = dict(reversed(list(payload.items())))
    assert canonical_payload(payload) == canonical_payload(reordered)
