"""The hash-chained audit log, written through the store and tampered with through SQL.

An attacker with the database file can drop the append-only triggers first; the chain
must still name the first event that no longer fits.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable

import pytest
from sqlalchemy import select

from inspector.core.audit_chain import GENESIS_HASH, BreakKind
from inspector.core.roles import Actor, Role
from inspector.db.models import AuditEvent, WorkspaceSetting
from inspector.services.audit_log import HEAD_KEY, append_event, verify_audit_log
from inspector.services.workspace import Workspace

EVENTS = 6  # workspace.created plus five appended below


@pytest.fixture
def logged(workspace: Workspace) -> Workspace:
    """A workspace whose audit log holds six events, each in its own transaction."""
    actor = Actor("李四", Role.INSPECTOR)
    for number in range(2, EVENTS + 1):
        with workspace.store.write() as session:
            append_event(
                session,
                actor=actor,
                device_id=workspace.device_id,
                action="finding.saved",
                object_kind="finding",
                object_id=f"finding-{number}",
                payload={"answer": "合格", "number": number, "note": "现场照片 3 张"},
            )
    return workspace


def test_chain_is_intact_after_several_events(logged: Workspace) -> None:
    verdict = verify_audit_log(logged.store)
    assert verdict.intact
    assert verdict.events_checked == EVENTS
    assert verdict.kind is None
    with logged.store.read() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        head = session.get_one(WorkspaceSetting, HEAD_KEY).value
        assert [e.seq for e in events] == list(range(1, EVENTS + 1))
        assert events[0].prev_hash == GENESIS_HASH
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
        assert head == f"{EVENTS}:{events[-1].hash}"


def _attack(workspace: Workspace, *statements: str) -> None:
    """Run SQL against the file as an attacker would: triggers dropped first."""
    connection = sqlite3.connect(workspace.paths.database)
    try:
        with connection:
            connection.execute("DROP TRIGGER audit_event_append_only")
            connection.execute("DROP TRIGGER audit_event_undeletable")
            for statement in statements:
                connection.execute(statement)
    finally:
        connection.close()


def _swap(first: int, second: int) -> tuple[str, ...]:
    """Statements that exchange two events' contents: each keeps the other's position."""
    return (
        f"UPDATE audit_event SET seq = -1 WHERE seq = {first}",
        f"UPDATE audit_event SET seq = {first} WHERE seq = {second}",
        f"UPDATE audit_event SET seq = {second} WHERE seq = -1",
    )


TAMPERING: dict[str, tuple[Callable[[], tuple[str, ...]], int, BreakKind]] = {
    "edited payload": (
        lambda: ("UPDATE audit_event SET payload = replace(payload, '合格', '不合格') "
                 "WHERE seq = 3",),
        3, BreakKind.CONTENT,
    ),
    "edited actor": (
        lambda: ("UPDATE audit_event SET actor = '王五' WHERE seq = 5",), 5, BreakKind.CONTENT,
    ),
    "deleted middle event": (
        lambda: ("DELETE FROM audit_event WHERE seq = 3",), 4, BreakKind.SEQUENCE,
    ),
    "deleted last event": (
        lambda: (f"DELETE FROM audit_event WHERE seq = {EVENTS}",), EVENTS, BreakKind.TRUNCATED,
    ),
    "deleted last two events": (
        lambda: (f"DELETE FROM audit_event WHERE seq >= {EVENTS - 1}",),
        EVENTS - 1, BreakKind.TRUNCATED,
    ),
    "swapped two events": (lambda: _swap(2, 4), 2, BreakKind.LINK),
    "swapped neighbours": (lambda: _swap(4, 5), 4, BreakKind.LINK),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_tampering_is_named_at_the_first_broken_event(logged: Workspace, case: str) -> None:
    statements, broken_at, kind = TAMPERING[case]
    _attack(logged, *statements())
    verdict = verify_audit_log(logged.store)
    assert not verdict.intact
    assert verdict.broken_at == broken_at
    assert verdict.kind is kind
    assert verdict.message is not None
    named = f"recorded head is event {EVENTS}" if kind is BreakKind.TRUNCATED else (
        f"event {broken_at}:")
    assert named in verdict.message.en


def test_deleted_middle_event_message_names_the_missing_sequence(logged: Workspace) -> None:
    _attack(logged, "DELETE FROM audit_event WHERE seq = 3")
    verdict = verify_audit_log(logged.store)
    assert verdict.message is not None
    assert "expected 3" in verdict.message.en


def test_swap_really_exchanged_the_contents(logged: Workspace) -> None:
    """Guards the swap helper: both events keep their seq but carry each other's fields."""
    with logged.store.read() as session:
        before = {
            e.seq: (e.uuid, e.object_id, e.hash)
            for e in session.scalars(select(AuditEvent).where(AuditEvent.seq.in_((2, 4))))
        }
    _attack(logged, *_swap(2, 4))
    with logged.store.read() as session:
        after = {
            e.seq: (e.uuid, e.object_id, e.hash)
            for e in session.scalars(select(AuditEvent).where(AuditEvent.seq.in_((2, 4))))
        }
    assert after == {2: before[4], 4: before[2]}


def test_dropping_triggers_alone_leaves_the_chain_intact(logged: Workspace) -> None:
    _attack(logged)
    assert verify_audit_log(logged.store).intact
