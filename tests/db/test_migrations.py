"""The schema comes from the shipped migrations, matches the models, and is upgraded safely.

Every workspace here is built by running the migrations (never ``create_all``), as the app
does at start. An "older" database is made either by downgrading to base or by shipping
this build one extra, test-only revision through a copy of the migrations folder.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus
from inspector.core.lifecycles import InspectionStatus
from inspector.db import migrate
from inspector.db.base import Base
from inspector.db.engine import BUSY_TIMEOUT_MS
from inspector.db.migrate import SchemaTooNewError, alembic_config, head_revision
from inspector.db.models import (
    AuditEvent,
    Finding,
    Inspection,
    MarketEntity,
    WorkspaceSetting,
)
from inspector.services.audit_log import verify_audit_log
from inspector.services.workspace import DEVICE_ID_KEY, Workspace, open_workspace

MODEL_TABLES = {
    "market_entity", "inspector", "checklist", "checklist_version", "plan", "task",
    "task_inspector", "inspection", "finding", "photo", "sample", "sample_portion",
    "custody_event", "audit_event", "workspace_setting", "sync_record", "sync_cursor",
    "blob_upload", "draw_protocol", "recusal", "disclosure",
    "draw_redraw", "checklist_draft", "signature", "referral",
    "photo_annotation", "sample_signature",
}
TRIGGERS = {
    "draw_protocol_immutable", "draw_protocol_undeletable",
    "draw_redraw_immutable", "draw_redraw_undeletable",
    "audit_event_append_only", "audit_event_undeletable",
    "checklist_version_published_immutable", "checklist_version_published_undeletable",
    "inspection_finalized_immutable", "inspection_finalized_undeletable",
    "signature_immutable", "signature_undeletable",
    "photo_annotation_immutable", "photo_annotation_undeletable",
    "custody_event_immutable", "custody_event_undeletable",
    "sample_signature_immutable", "sample_signature_undeletable",
    "finding_finalized_immutable", "finding_finalized_undeletable",
}
TEST_REVISION = "9002"


def _sqlite_names(db: Path, kind: str) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'", (kind,)
        ).fetchall()
    finally:
        connection.close()
    return {name for (name,) in rows}


def _scalar(db: Path, sql: str) -> object:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def _audit_actions(workspace: Workspace) -> list[str]:
    with workspace.store.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_migrations_from_empty_create_every_model_table(workspace: Workspace) -> None:
    db = workspace.paths.database
    assert workspace.migration.from_revision is None
    assert workspace.migration.to_revision == head_revision()
    assert workspace.migration.backup is None
    assert set(Base.metadata.tables) == MODEL_TABLES
    assert _sqlite_names(db, "table") == MODEL_TABLES | {"alembic_version"}
    assert _sqlite_names(db, "trigger") == TRIGGERS
    assert _scalar(db, "SELECT version_num FROM alembic_version") == head_revision()


def test_models_and_migrations_do_not_drift(workspace: Workspace) -> None:
    with workspace.store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_every_connection_uses_wal_foreign_keys_and_a_busy_timeout(
    workspace: Workspace,
) -> None:
    engine = workspace.store.engine
    # Two connections open at once cannot be the same pooled connection.
    with engine.connect() as first, engine.connect() as second:
        for connection in (first, second):
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
    assert _scalar(workspace.paths.database, "PRAGMA journal_mode") == "wal"


def test_first_open_records_the_device_id_with_one_audit_event(workspace: Workspace) -> None:
    with workspace.store.read() as session:
        setting = session.get(WorkspaceSetting, DEVICE_ID_KEY)
        stored_id = setting.value if setting is not None else None
        events = [
            (e.action, e.object_id, json.loads(e.payload))
            for e in session.scalars(select(AuditEvent))
        ]
    assert stored_id == workspace.device_id
    assert len(workspace.device_id) == 36
    assert [(action, object_id) for action, object_id, _ in events] == [
        ("workspace.created", workspace.device_id)
    ]
    assert events[0][2]["schema"] == head_revision()


def test_second_open_neither_backs_up_nor_migrates_again(data_dir: Path) -> None:
    first = open_workspace(data_dir)
    device_id = first.device_id
    first.store.close()

    second = open_workspace(data_dir)
    try:
        assert second.migration.from_revision == head_revision()
        assert second.migration.to_revision == head_revision()
        assert second.migration.backup is None
        assert second.device_id == device_id
        assert _audit_actions(second) == ["workspace.created"]
    finally:
        second.store.close()
    assert not second.paths.backups.exists() or not any(second.paths.backups.iterdir())
    assert _scalar(second.paths.database, "SELECT count(*) FROM alembic_version") == 1


def test_database_written_by_a_newer_build_is_refused_untouched(data_dir: Path) -> None:
    created = open_workspace(data_dir)
    created.store.close()
    db = created.paths.database
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffff'")
    connection.close()
    before = db.read_bytes()

    with pytest.raises(SchemaTooNewError) as raised:
        open_workspace(data_dir)

    assert raised.value.revision == "ffffffff"
    assert db.read_bytes() == before
    assert not created.paths.backups.exists()


def test_database_at_base_revision_is_backed_up_before_migrating(data_dir: Path) -> None:
    created = open_workspace(data_dir)
    config = alembic_config()
    with created.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    created.store.close()
    assert _sqlite_names(created.paths.database, "table") == {"alembic_version"}

    reopened = open_workspace(data_dir)
    try:
        report = reopened.migration
        assert report.to_revision == head_revision()
        assert report.backup is not None
        assert report.backup.parent == reopened.paths.backups
        assert report.backup.is_file()
        assert _scalar(report.backup, "PRAGMA integrity_check") == "ok"
        assert _sqlite_names(report.backup, "table") == {"alembic_version"}
        assert _sqlite_names(reopened.paths.database, "table") == MODEL_TABLES | {
            "alembic_version"
        }
    finally:
        reopened.store.close()


def _migrations_with_one_more_revision(folder: Path) -> Path:
    """A copy of the shipped migrations plus a revision that rebuilds ``inspection``.

    Rebuilding a parent table (copy, drop, rename) is what batch mode does on SQLite;
    with foreign keys on, the drop would delete the findings (ON DELETE CASCADE).
    """
    copy = folder / "migrations"
    shutil.copytree(
        migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    (copy / "versions" / f"{TEST_REVISION}_test_rebuild.py").write_text(
        f'''"""Test-only revision: rebuild inspection with one more column."""
import sqlalchemy as sa
from alembic import op

revision = "{TEST_REVISION}"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inspection", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("test_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("inspection", recreate="always") as batch_op:
        batch_op.drop_column("test_note")
''',
        encoding="utf-8",
    )
    return copy


def _add_inspection_with_finding(workspace: Workspace) -> None:
    with workspace.store.write() as session:
        entity = MarketEntity(
            identifier="91130100MA0ABCDE6F",
            identifier_kind=IdentifierKind.USCC,
            name="正定县测试有限公司",
            entity_type=EntityType.ENTERPRISE,
            region_code="130123",
            risk_class=None,
            registration_status=RegistrationStatus.ACTIVE,
        )
        session.add(entity)
        session.flush()
        inspection = Inspection(
            entity_id=entity.id,
            status=InspectionStatus.DRAFT,
            started_at=datetime.now(UTC),
        )
        session.add(inspection)
        session.flush()
        session.add(Finding(inspection_id=inspection.id, item_key="licence", note="在墙上"))


def test_older_database_is_backed_up_then_migrated_keeping_every_row(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_head = head_revision()
    created = open_workspace(data_dir)
    _add_inspection_with_finding(created)
    device_id = created.device_id
    created.store.close()

    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _migrations_with_one_more_revision(tmp_path))
    assert head_revision() == TEST_REVISION
    upgraded = open_workspace(data_dir)
    try:
        report = upgraded.migration
        assert (report.from_revision, report.to_revision) == (old_head, TEST_REVISION)
        assert report.backup is not None
        assert report.backup.parent == upgraded.paths.backups
        assert TEST_REVISION in report.backup.name

        # The backup is the database as it was: old revision, same rows, sound.
        assert _scalar(report.backup, "PRAGMA integrity_check") == "ok"
        assert _scalar(report.backup, "SELECT version_num FROM alembic_version") == old_head
        assert _scalar(report.backup, "SELECT count(*) FROM finding") == 1

        db = upgraded.paths.database
        assert _scalar(db, "SELECT version_num FROM alembic_version") == TEST_REVISION
        assert _scalar(db, "SELECT count(*) FROM inspection WHERE test_note IS NULL") == 1
        with upgraded.store.read() as session:
            assert session.scalar(select(func.count()).select_from(Finding)) == 1
            raw = session.connection().exec_driver_sql
            assert raw("PRAGMA foreign_key_check").fetchall() == []
            assert raw("PRAGMA foreign_keys").scalar() == 1
            migrated = session.scalars(
                select(AuditEvent.payload).where(AuditEvent.action == "workspace.migrated")
            ).one()
        assert upgraded.device_id == device_id
        assert json.loads(migrated) | {"app_version": None} == {
            "from": old_head,
            "to": TEST_REVISION,
            "backup": report.backup.name,
            "app_version": None,
        }
        assert verify_audit_log(upgraded.store).intact
    finally:
        upgraded.store.close()

    again = open_workspace(data_dir)
    try:
        assert again.migration.backup is None
        assert again.migration.from_revision == TEST_REVISION
        assert _audit_actions(again).count("workspace.migrated") == 1
    finally:
        again.store.close()
    assert len(list(again.paths.backups.iterdir())) == 1
