"""Storage-level guarantees: immutability triggers, foreign keys and UTC datetimes.

These hold for any SQL that reaches the database through the app's engine, not only
for code that goes through the services.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.lifecycles import ChecklistVersionStatus, TaskSource, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.db.base import UTCDateTime
from inspector.db.models import (
    AuditEvent,
    Checklist,
    ChecklistVersion,
    Finding,
    MarketEntity,
    Task,
)
from inspector.services.audit_log import append_event, verify_audit_log
from inspector.services.workspace import Workspace

BEIJING = timezone(timedelta(hours=8))


def _add_version(workspace: Workspace, *, published: bool) -> int:
    with workspace.store.write() as session:
        checklist = Checklist(code=f"food-{published}", title="食品销售日常检查")
        session.add(checklist)
        session.flush()
        version = ChecklistVersion(
            checklist_id=checklist.id,
            version=1,
            status=(ChecklistVersionStatus.PUBLISHED if published
                    else ChecklistVersionStatus.DRAFT),
            published_at=datetime.now(UTC) if published else None,
            content='{"items": []}',
            content_hash="a" * 64,
        )
        session.add(version)
        session.flush()
        return version.id


def _content(workspace: Workspace, version_id: int) -> str:
    with workspace.store.read() as session:
        return session.scalars(
            select(ChecklistVersion.content).where(ChecklistVersion.id == version_id)
        ).one()


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE checklist_version SET content = '{\"items\": [1]}' WHERE id = :id",
        "UPDATE checklist_version SET content_hash = 'b' WHERE id = :id",
        "UPDATE checklist_version SET version = 2 WHERE id = :id",
    ],
)
def test_published_checklist_version_cannot_be_changed(
    workspace: Workspace, statement: str
) -> None:
    version_id = _add_version(workspace, published=True)
    with pytest.raises(IntegrityError, match="immutable"), workspace.store.write() as session:
        session.execute(text(statement), {"id": version_id})
    assert _content(workspace, version_id) == '{"items": []}'


def test_published_checklist_version_cannot_be_deleted(workspace: Workspace) -> None:
    version_id = _add_version(workspace, published=True)
    with pytest.raises(IntegrityError, match="immutable"), workspace.store.write() as session:
        session.execute(text("DELETE FROM checklist_version WHERE id = :id"), {"id": version_id})
    assert _content(workspace, version_id) == '{"items": []}'


def test_published_checklist_version_can_still_be_retired(workspace: Workspace) -> None:
    version_id = _add_version(workspace, published=True)
    with workspace.store.write() as session:
        session.get_one(ChecklistVersion, version_id).status = ChecklistVersionStatus.RETIRED
    with workspace.store.read() as session:
        assert session.get_one(ChecklistVersion, version_id).status is (
            ChecklistVersionStatus.RETIRED
        )


def test_draft_checklist_version_can_be_edited_and_deleted(workspace: Workspace) -> None:
    version_id = _add_version(workspace, published=False)
    with workspace.store.write() as session:
        session.execute(
            text("UPDATE checklist_version SET content = '{\"items\": [1]}' WHERE id = :id"),
            {"id": version_id},
        )
    assert _content(workspace, version_id) == '{"items": [1]}'
    with workspace.store.write() as session:
        session.execute(text("DELETE FROM checklist_version WHERE id = :id"), {"id": version_id})
    with workspace.store.read() as session:
        assert session.get(ChecklistVersion, version_id) is None


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_event SET payload = '{}' WHERE seq = 1",
        "UPDATE audit_event SET actor = 'mallory' WHERE seq = 1",
        "UPDATE audit_event SET hash = prev_hash WHERE seq = 1",
        "DELETE FROM audit_event WHERE seq = 1",
        "DELETE FROM audit_event",
    ],
)
def test_audit_events_cannot_be_updated_or_deleted(workspace: Workspace, statement: str) -> None:
    with pytest.raises(IntegrityError, match="append-only"), workspace.store.write() as session:
        session.execute(text(statement))
    verdict = verify_audit_log(workspace.store)
    assert verdict.intact
    assert verdict.events_checked == 1


def test_audit_event_sync_acknowledgement_is_allowed(workspace: Workspace) -> None:
    with workspace.store.write() as session:
        session.execute(text("UPDATE audit_event SET pending = 0"))
    with workspace.store.read() as session:
        assert session.scalars(select(AuditEvent.pending)).all() == [False]
    assert verify_audit_log(workspace.store).intact


def test_triggers_also_hold_for_a_plain_sqlite_connection(workspace: Workspace) -> None:
    connection = sqlite3.connect(workspace.paths.database)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE audit_event SET object_id = 'x'")
    finally:
        connection.close()


def _entity(identifier: str = "91130100MA0ABCDE6F") -> MarketEntity:
    return MarketEntity(
        identifier=identifier,
        identifier_kind=IdentifierKind.USCC,
        name="正定县测试有限公司",
        entity_type=EntityType.ENTERPRISE,
        region_code="130123",
        risk_class=None,
        registration_status=RegistrationStatus.ACTIVE,
    )


def test_foreign_keys_are_enforced_through_the_orm(workspace: Workspace) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), workspace.store.write() as session:
        session.add(Task(entity_id=4242, source=TaskSource.AD_HOC,
                         status=TaskStatus.ASSIGNED, due_date=date(2026, 3, 31)))
    with workspace.store.read() as session:
        assert session.scalars(select(Task)).all() == []


def test_foreign_keys_are_enforced_for_raw_sql(workspace: Workspace) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), workspace.store.write() as session:
        session.execute(text(
            "INSERT INTO finding (inspection_id, item_key, answer, note, uuid, pending, "
            "created_at, updated_at) VALUES (99, 'k', 'null', '', 'u-1', 1, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ))
    with workspace.store.read() as session:
        assert session.scalars(select(Finding)).all() == []


def test_referenced_entity_cannot_be_deleted(workspace: Workspace) -> None:
    with workspace.store.write() as session:
        entity = _entity()
        session.add(entity)
        session.flush()
        session.add(Task(entity_id=entity.id, source=TaskSource.AD_HOC,
                         status=TaskStatus.ASSIGNED))
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), workspace.store.write() as session:
        session.execute(text("DELETE FROM market_entity"))


def test_utc_datetime_refuses_naive_datetimes() -> None:
    column_type = UTCDateTime()
    with pytest.raises(ValueError, match="naive"):
        column_type.process_bind_param(datetime(2026, 3, 31, 9, 0), dialect=None)  # type: ignore[arg-type]


def test_utc_datetime_stores_utc_and_returns_aware_values() -> None:
    column_type = UTCDateTime()
    stored = column_type.process_bind_param(
        datetime(2026, 3, 31, 9, 0, tzinfo=BEIJING), dialect=None  # type: ignore[arg-type]
    )
    assert stored == datetime(2026, 3, 31, 1, 0)
    assert stored is not None and stored.tzinfo is None
    loaded = column_type.process_result_value(stored, dialect=None)  # type: ignore[arg-type]
    assert loaded == datetime(2026, 3, 31, 1, 0, tzinfo=UTC)
    assert loaded is not None and loaded.utcoffset() == timedelta(0)


def test_naive_datetime_is_refused_on_flush_and_nothing_is_written(
    workspace: Workspace,
) -> None:
    with pytest.raises(StatementError, match="naive"), workspace.store.write() as session:
        session.add(Checklist(code="naive", title="t", created_at=datetime(2026, 3, 31, 9, 0)))
    with workspace.store.read() as session:
        assert session.scalars(select(Checklist)).all() == []


def test_aware_datetimes_round_trip_as_utc(workspace: Workspace) -> None:
    published = datetime(2026, 3, 31, 9, 30, 15, 250_000, tzinfo=BEIJING)
    with workspace.store.write() as session:
        checklist = Checklist(code="tz", title="t")
        session.add(checklist)
        session.flush()
        session.add(ChecklistVersion(
            checklist_id=checklist.id, version=1, status=ChecklistVersionStatus.PUBLISHED,
            published_at=published, content="{}", content_hash="0" * 64,
        ))
    raw = sqlite3.connect(workspace.paths.database)
    try:
        (stored,) = raw.execute("SELECT published_at FROM checklist_version").fetchone()
    finally:
        raw.close()
    assert stored == "2026-03-31 01:30:15.250000"
    with workspace.store.read() as session:
        version = session.scalars(select(ChecklistVersion)).one()
        assert version.published_at == published
        assert version.published_at is not None
        assert version.published_at.tzinfo is UTC
        assert version.created_at.tzinfo is UTC
        assert abs(datetime.now(UTC) - version.created_at) < timedelta(minutes=5)


def test_append_event_rolls_back_with_its_transaction(workspace: Workspace) -> None:
    actor = Actor("张三", Role.ADMINISTRATOR)

    class BoomError(RuntimeError):
        pass

    with pytest.raises(BoomError), workspace.store.write() as session:
        session.add(_entity())
        append_event(session, actor=actor, device_id=workspace.device_id,
                     action="entity.created", object_kind="entity", object_id="x",
                     payload={"n": 1})
        raise BoomError
    with workspace.store.read() as session:
        assert session.scalars(select(MarketEntity)).all() == []
        assert session.scalars(select(AuditEvent.action)).all() == ["workspace.created"]
    assert verify_audit_log(workspace.store).intact
