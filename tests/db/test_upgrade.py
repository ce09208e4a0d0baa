"""A database written by the previous schema revision opens with nothing lost.

``fixtures/schema_0007.sql`` is a workspace as revision 0007 left it, with data in every
table (see ``fixtures/make_schema_0007.py``). Each test loads it into a file the way the
0007 app kept it (WAL mode) and opens it as the app does (:func:`open_workspace`): the
old file is backed up, the schema reaches head, every 0007 row is still there unchanged,
the hash chains verify, the screens' reads return the fixture's rows, and the new
revision's writes work on old data.

A database from a *newer* build is refused untouched: that is
``test_migrations.py::test_database_written_by_a_newer_build_is_refused_untouched`` (a
WAL file); here only the case it leaves out, a file not in WAL mode.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from inspector import __version__
from inspector.core.draw import verify_protocol, verify_redraws
from inspector.core.lifecycles import CustodyEventKind, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.db.base import Base
from inspector.db.migrate import SchemaTooNewError, head_revision
from inspector.db.models import AuditEvent, SampleSignature
from inspector.services.audit_log import HEAD_KEY, verify_audit_log
from inspector.services.directory_queries import (
    directory_overview,
    load_entity_directory,
    load_inspector_directory,
)
from inspector.services.field_tasks import list_field_tasks
from inspector.services.planning import list_plans, protocol_text
from inspector.services.recusals import protocol_redraws
from inspector.services.reference_data import load_calendar
from inspector.services.referrals import ReferralStatus, list_referrals
from inspector.services.sample_board import list_samples
from inspector.services.sample_signatures import sign_sample
from inspector.services.samples import verify_custody
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync import outbox
from inspector.sync.catalogue import KINDS
from tests.db.fixtures.make_schema_0007 import (
    FIXTURE,
    FIXTURE_NOW,
    FIXTURE_TODAY,
    REVISION,
    signature_png,
)
from tests.db.test_migrations import MODEL_TABLES, TRIGGERS, _scalar, _sqlite_names


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table's rows as SQLite holds them: each value through ``quote()``, which
    keeps its storage class (``'1'`` is not ``1``), rows sorted."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def digest(self) -> str:
        text = "\x1e".join("\x1f".join(row) for row in self.rows)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Loaded:
    """The fixture as loaded, before the app opened it."""

    root: Path
    database: Path
    file_bytes: bytes
    tables: Mapping[str, TableRows]
    audit_head: tuple[int, str]

    def value(self, sql: str) -> object:
        return _scalar(self.database, sql)


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql).fetchall()


def _load(root: Path, *, wal: bool = True) -> Path:
    """The dump in ``root``'s database file; in WAL mode, as every build keeps it."""
    db = root / "inspector.sqlite"
    with closing(sqlite3.connect(db)) as connection:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
        if wal:
            assert connection.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    return db


def _contents(db: Path, columns: Mapping[str, tuple[str, ...]] | None = None, *,
              audit_up_to: int | None = None) -> dict[str, TableRows]:
    """Every table's rows (or, given ``columns``, those tables and columns only), less
    what opening an older workspace adds by design: the audit events after
    ``audit_up_to`` (its ``workspace.migrated``) and the chain's head, which moves."""
    where = {"workspace_setting": f"key != '{HEAD_KEY}'"}
    if audit_up_to is not None:
        where["audit_event"] = f"seq <= {audit_up_to:d}"
    with closing(sqlite3.connect(db)) as connection:
        if columns is None:
            tables = [name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name")]
            columns = {table: tuple(c[1] for c in connection.execute(
                f'PRAGMA table_info("{table}")')) for table in tables}
        contents = {}
        for table, names in columns.items():
            quoted = ", ".join(f'quote("{name}")' for name in names)
            condition = f" WHERE {where[table]}" if table in where else ""
            rows = connection.execute(f'SELECT {quoted} FROM "{table}"{condition}').fetchall()
            contents[table] = TableRows(names, tuple(sorted(rows)))
    return contents


def _head(db: Path) -> tuple[int, str]:
    value = _scalar(db, f"SELECT value FROM workspace_setting WHERE key = '{HEAD_KEY}'")
    assert isinstance(value, str)
    seq, _, digest = value.partition(":")
    return int(seq), digest


def _without_backup_stamps(data: bytes) -> bytes:
    """The file with the header fields SQLite's online backup rewrites in the copy
    blanked: the change counter (24), the schema cookie (40) and the version-valid-for
    number (92). Every other byte, every page included, must be the same."""
    blanked = bytearray(data)
    for offset in (24, 40, 92):
        blanked[offset:offset + 4] = bytes(4)
    return bytes(blanked)


@pytest.fixture
def loaded(data_dir: Path) -> Loaded:
    db = _load(data_dir)
    return Loaded(data_dir, db, db.read_bytes(), _contents(db), _head(db))


@pytest.fixture
def upgraded(loaded: Loaded) -> Iterator[Workspace]:
    workspace = open_workspace(loaded.root)
    try:
        yield workspace
    finally:
        workspace.store.close()


def test_the_fixture_is_a_0007_workspace_with_rows_in_every_table(loaded: Loaded) -> None:
    assert loaded.value("SELECT version_num FROM alembic_version") == REVISION
    assert set(loaded.tables) == MODEL_TABLES - {"sample_signature"}
    assert {t for t, rows in loaded.tables.items() if not rows.rows} == set()
    assert loaded.value("PRAGMA integrity_check") == "ok"
    assert FIXTURE.stat().st_size < 300_000


def test_opening_backs_up_the_file_as_loaded_then_migrates_to_head(
        loaded: Loaded, upgraded: Workspace) -> None:
    report = upgraded.migration
    assert (report.from_revision, report.to_revision) == (REVISION, head_revision())
    assert report.backup is not None and report.backup.parent == upgraded.paths.backups
    assert list(upgraded.paths.backups.iterdir()) == [report.backup]
    copy = report.backup.read_bytes()
    assert len(copy) == len(loaded.file_bytes)
    assert _without_backup_stamps(copy) == _without_backup_stamps(loaded.file_bytes)
    assert _scalar(report.backup, "PRAGMA integrity_check") == "ok"
    assert _scalar(report.backup, "SELECT version_num FROM alembic_version") == REVISION

    db = upgraded.paths.database
    assert _scalar(db, "SELECT version_num FROM alembic_version") == head_revision()
    assert _sqlite_names(db, "table") == MODEL_TABLES | {"alembic_version"}
    assert _sqlite_names(db, "trigger") == TRIGGERS
    assert _scalar(db, "PRAGMA integrity_check") == "ok"
    with upgraded.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_row_written_at_0007_reads_back_unchanged(
        loaded: Loaded, upgraded: Workspace) -> None:
    columns = {table: rows.columns for table, rows in loaded.tables.items()}
    after = _contents(upgraded.paths.database, columns, audit_up_to=loaded.audit_head[0])

    def digests(contents: Mapping[str, TableRows]) -> dict[str, tuple[int, str]]:
        return {table: (len(rows.rows), rows.digest) for table, rows in contents.items()}

    differing = {table: {"lost": sorted(set(rows.rows) - set(after[table].rows)),
                         "gained": sorted(set(after[table].rows) - set(rows.rows))}
                 for table, rows in loaded.tables.items() if rows != after[table]}
    assert digests(after) == digests(loaded.tables), differing
    assert upgraded.device_id == loaded.value(
        "SELECT value FROM workspace_setting WHERE key = 'device_id'")

    # ...and the one event opening adds, chained onto the 0007 head.
    seq, old_hash = loaded.audit_head
    with upgraded.store.read() as session:
        [added] = session.execute(select(
            AuditEvent.seq, AuditEvent.prev_hash, AuditEvent.action, AuditEvent.payload,
            AuditEvent.hash).where(AuditEvent.seq > seq)).all()
    assert (added.seq, added.prev_hash, added.action) == (seq + 1, old_hash,
                                                          "workspace.migrated")
    assert upgraded.migration.backup is not None
    assert json.loads(added.payload) == {"from": REVISION, "to": head_revision(),
                                         "backup": upgraded.migration.backup.name,
                                         "app_version": __version__}
    assert _head(upgraded.paths.database) == (added.seq, added.hash)


def test_the_audit_log_custody_chains_and_draw_records_still_verify(
        loaded: Loaded, upgraded: Workspace) -> None:
    verdict = verify_audit_log(upgraded.store)  # what `inspector audit verify` runs
    assert verdict.intact, verdict.message
    assert verdict.events_checked == loaded.audit_head[0] + 1
    assert verify_custody(upgraded) == ()  # what `inspector custody verify` runs
    assert loaded.value("SELECT count(DISTINCT portion_id) FROM custody_event") == 4

    [plan] = list_plans(upgraded.store)
    protocol = json.loads(protocol_text(upgraded.store, plan.code))
    assert protocol["sha256"] == plan.protocol_sha256
    assert verify_protocol(protocol).ok
    redraws = [json.loads(text) for text in protocol_redraws(upgraded.store, plan.code)]
    assert len(redraws) == 1 and verify_redraws(protocol, redraws).ok


def test_the_screens_read_the_fixtures_rows(loaded: Loaded, upgraded: Workspace) -> None:
    store = upgraded.store
    calendar = load_calendar(upgraded.paths.calendars)
    samples = {v.sample_code: v for v in list_samples(store, calendar, FIXTURE_NOW)}
    assert set(samples) == {code for (code,) in _rows(loaded.database,
                                                      "SELECT sample_code FROM sample")}
    for code, view in samples.items():
        assert view.portions == (f"{code}-P01", f"{code}-P02")
        assert len(view.samplers) == 2 and view.entity_name

    live_entities = {key for (key,) in _rows(
        loaded.database, "SELECT identifier FROM market_entity WHERE deleted_at IS NULL")}
    entities = load_entity_directory(store)
    assert {row.identifier for row in entities.rows} == live_entities
    assert len(live_entities) < len(loaded.tables["market_entity"].rows)  # the tombstone
    staff = {s for (s,) in _rows(loaded.database, "SELECT staff_id FROM inspector")}
    assert {row.staff_id for row in load_inspector_directory(store).rows} == staff
    overview = directory_overview(store, FIXTURE_TODAY)
    assert (overview.counts.entities, overview.counts.inspectors) == (
        len(live_entities), len(staff))

    tasks = list_field_tasks(store, FIXTURE_TODAY)
    assert {t.uuid for t in tasks} == {uuid for (uuid,) in _rows(
        loaded.database, "SELECT uuid FROM task WHERE status IN "
        "('assigned', 'in_progress', 'completed')")}
    under_way = {(t.inspection_uuid, t.draft_uuid) for t in tasks
                 if t.status is TaskStatus.IN_PROGRESS}
    assert under_way == set(_rows(loaded.database,
                                  "SELECT i.uuid, i.draft_uuid FROM inspection i "
                                  "JOIN task t ON t.id = i.task_id "
                                  "WHERE i.status = 'draft' AND t.status = 'in_progress'"))

    [referral] = list_referrals(store, FIXTURE_NOW)
    assert referral.status is ReferralStatus.TRANSFERRED and referral.goods

    with store.read() as session:
        problems = {(p.kind, p.state) for p in outbox.problems(session)}
    assert problems == set(_rows(loaded.database, "SELECT kind, state FROM sync_record "
                                                  "WHERE state != 'ok'"))
    assert problems == {("referral", "conflict"), ("photo_annotation", "quarantined")}


def test_signing_a_0007_sample_after_the_upgrade_writes_and_chains(
        loaded: Loaded, upgraded: Workspace) -> None:
    [(code, fields)] = _rows(loaded.database, """
        SELECT sample_code, fields FROM sample s WHERE NOT EXISTS (
            SELECT 1 FROM sample_portion p JOIN custody_event e ON e.portion_id = p.id
            WHERE p.sample_id = s.id AND e.kind = 'signed')""")
    assert isinstance(code, str) and isinstance(fields, str)
    samplers = json.loads(fields)["samplers"].split("、")
    signatures = (SignatureGiven(SignerRole.PARTY, "李店主", image_png=signature_png(7)),
                  *(SignatureGiven(SignerRole.SAMPLER, "", staff_id=staff,
                                   image_png=signature_png(8 + n))
                    for n, staff in enumerate(samplers)))

    signed = sign_sample(upgraded, Actor("韩保国", Role.INSPECTOR), code, signatures,
                         now=FIXTURE_NOW + timedelta(days=3)).value

    assert [e.kind for e in signed.custody] == [CustodyEventKind.SIGNED] * 2
    assert signed.not_signed == ()
    assert verify_custody(upgraded) == ()
    verdict = verify_audit_log(upgraded.store)
    assert verdict.intact, verdict.message
    assert verdict.events_checked == loaded.audit_head[0] + 2  # migrated, sample.signed
    with upgraded.store.read() as session:
        stored = session.scalars(select(SampleSignature)).all()
        assert sorted(s.role for s in stored) == ["party", "sampler", "sampler"]
        pushed = {key.kind for key in outbox.pending_keys(session, KINDS)}
    assert "sample_signature" in pushed


def test_a_newer_database_not_in_wal_mode_is_refused_with_its_content_untouched(
        data_dir: Path) -> None:
    db = _load(data_dir, wal=False)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001'")
    before = _contents(db)

    with pytest.raises(SchemaTooNewError) as refused:
        open_workspace(data_dir)

    assert refused.value.revision == "9001"
    assert "9001" in str(refused.value) and "upgrade Inspector" in str(refused.value)
    assert _contents(db) == before
    assert _scalar(db, "SELECT version_num FROM alembic_version") == "9001"
    assert not (data_dir / "backups").exists()


def test_a_newer_database_not_in_wal_mode_is_refused_without_a_byte_changed(
        data_dir: Path) -> None:
    db = _load(data_dir, wal=False)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001'")
    before = db.read_bytes()

    with pytest.raises(SchemaTooNewError):
        open_workspace(data_dir)

    assert db.read_bytes() == before
