"""Importing a directory again updates rows by key; it never duplicates them."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.db.models import Inspector, MarketEntity
from inspector.services.directory_import import ImportKind
from inspector.services.workspace import Workspace
from tests.integration.support import (
    ENTITY_HEADER,
    INSPECTOR_HEADER,
    count,
    credit_codes,
    entity_row,
    entity_rows,
    inspector_row,
    query,
    run_import,
    write_csv,
)


def _acknowledge_all(db: Path, table: str) -> None:
    """What a sync acknowledgement does: clear every pending flag."""
    connection = sqlite3.connect(db)
    with connection:
        connection.execute(f"UPDATE {table} SET pending = 0")
    connection.close()


def test_reimport_updates_by_credit_code(workspace: Workspace, inbox: Path) -> None:
    db = workspace.paths.database
    codes = credit_codes(6, seed=21)
    first = run_import(workspace, ImportKind.ENTITIES,
                       write_csv(inbox / "v1.csv", ENTITY_HEADER, entity_rows(codes[:5])))
    assert (first.inserted, first.updated, first.unchanged) == (5, 0, 0)
    _acknowledge_all(db, "market_entity")
    before = {row[0]: row[1:] for row in query(
        db, "SELECT identifier, uuid, created_at, updated_at FROM market_entity")}

    second_rows = entity_rows(codes[:5])
    second_rows[1] = entity_row(codes[1], "正定县测试2有限公司", risk="D")      # risk changed
    second_rows[3] = entity_row(codes[3], "改名后的公司")                      # name changed
    second_rows.append(entity_row(codes[5], "新来的公司"))                     # new
    second = run_import(workspace, ImportKind.ENTITIES,
                        write_csv(inbox / "v2.csv", ENTITY_HEADER, second_rows))

    assert (second.inserted, second.updated, second.unchanged) == (1, 2, 3)
    assert count(db, "market_entity") == 6
    rows = {row[0]: row[1:] for row in query(
        db, "SELECT identifier, name, risk_class, pending, uuid, created_at, updated_at "
            "FROM market_entity")}
    assert rows[codes[1]][:3] == ("正定县测试2有限公司", "D", 1)
    assert rows[codes[3]][:3] == ("改名后的公司", "B", 1)
    assert rows[codes[5]][:3] == ("新来的公司", "B", 1)
    for unchanged in (codes[0], codes[2], codes[4]):
        assert rows[unchanged][2] == 0, "an unchanged row must stay acknowledged"
        assert rows[unchanged][3:] == before[unchanged]
    for changed in (codes[1], codes[3]):
        uuid, created, updated = rows[changed][3:]
        assert (uuid, created) == before[changed][:2], "an update keeps identity and birth"
        assert str(updated) > str(before[changed][2])


def test_identical_reimport_changes_nothing(workspace: Workspace, inbox: Path) -> None:
    db = workspace.paths.database
    entities = write_csv(inbox / "e.csv", ENTITY_HEADER, entity_rows(credit_codes(4, seed=22)))
    inspectors = write_csv(inbox / "i.csv", INSPECTOR_HEADER, [
        inspector_row("ZD001", "王建国"),
        inspector_row("ZD002", "李秀英", cert="", valid_from="", valid_to="", qualifications=""),
        inspector_row("ZD003", "张志强", active="否", qualifications="食品 / 特种设备"),
    ])
    run_import(workspace, ImportKind.ENTITIES, entities)
    run_import(workspace, ImportKind.INSPECTORS, inspectors)
    _acknowledge_all(db, "market_entity")
    _acknowledge_all(db, "inspector")
    before = (query(db, "SELECT * FROM market_entity ORDER BY id"),
              query(db, "SELECT * FROM inspector ORDER BY id"))

    again_entities = run_import(workspace, ImportKind.ENTITIES, entities)
    again_inspectors = run_import(workspace, ImportKind.INSPECTORS, inspectors)

    assert (again_entities.inserted, again_entities.updated, again_entities.unchanged) == (
        0, 0, 4)
    assert (again_inspectors.inserted, again_inspectors.updated,
            again_inspectors.unchanged) == (0, 0, 3)
    assert (query(db, "SELECT * FROM market_entity ORDER BY id"),
            query(db, "SELECT * FROM inspector ORDER BY id")) == before


def test_reimport_updates_inspectors_by_staff_id(workspace: Workspace, inbox: Path) -> None:
    db = workspace.paths.database
    run_import(workspace, ImportKind.INSPECTORS, write_csv(inbox / "v1.csv", INSPECTOR_HEADER, [
        inspector_row("ZD001", "王建国"),
        inspector_row("ZD002", "李秀英"),
    ]))
    summary = run_import(workspace, ImportKind.INSPECTORS, write_csv(
        inbox / "v2.csv", INSPECTOR_HEADER, [
            inspector_row("ＺＤ００１", "王建国"),  # full-width staff id: same person
            inspector_row("ZD002", "李秀英", valid_to="2031-06-30", active="否"),
            inspector_row("ZD003", "张志强"),
        ]))
    assert (summary.inserted, summary.updated, summary.unchanged) == (1, 1, 1)
    assert query(db, "SELECT staff_id, cert_valid_to, active FROM inspector ORDER BY id") == [
        ("ZD001", "2029-01-01", 1), ("ZD002", "2031-06-30", 0), ("ZD003", "2029-01-01", 1),
    ]


def test_rows_written_by_the_orm_compare_equal_to_imported_ones(
    workspace: Workspace, inbox: Path
) -> None:
    """Rows that arrived another way (sync, the app) are recognised as unchanged."""
    (code,) = credit_codes(1, seed=23)
    with workspace.store.write() as session:
        session.add(MarketEntity(
            identifier=code, identifier_kind=IdentifierKind.USCC, name="正定县测试1有限公司",
            entity_type=EntityType.ENTERPRISE, region_code="130123",
            address="河北省石家庄市正定县中山路1号", legal_representative="王建国",
            industry="食品销售", risk_class=RiskClass.B,
            registration_status=RegistrationStatus.ACTIVE, pending=False,
        ))
        session.add(Inspector(
            staff_id="ZD001", name="王建国", unit="正定县市场监督管理局执法大队",
            region_code="130123", cert_number="冀13012324001", cert_authority="石家庄市人民政府",
            cert_valid_from=date(2024, 1, 1), cert_valid_to=date(2029, 1, 1),
            qualifications=["食品", "计量"], active=True, pending=False,
        ))
    entities = run_import(workspace, ImportKind.ENTITIES,
                          write_csv(inbox / "e.csv", ENTITY_HEADER, entity_rows([code])))
    inspectors = run_import(workspace, ImportKind.INSPECTORS,
                            write_csv(inbox / "i.csv", INSPECTOR_HEADER,
                                      [inspector_row("ZD001", "王建国")]))
    assert (entities.unchanged, entities.updated) == (1, 0)
    assert (inspectors.unchanged, inspectors.updated) == (1, 0)
    db = workspace.paths.database
    assert query(db, "SELECT pending FROM market_entity UNION ALL SELECT pending FROM inspector"
                 ) == [(0,), (0,)]


def test_imported_rows_read_back_through_the_orm(workspace: Workspace, inbox: Path) -> None:
    (code,) = credit_codes(1, seed=24)
    started = datetime.now(UTC)
    run_import(workspace, ImportKind.ENTITIES,
               write_csv(inbox / "e.csv", ENTITY_HEADER, entity_rows([code])))
    run_import(workspace, ImportKind.INSPECTORS,
               write_csv(inbox / "i.csv", INSPECTOR_HEADER, [inspector_row("ZD001", "王建国")]))
    with workspace.store.read() as session:
        entity = session.scalars(select(MarketEntity)).one()
        assert entity.identifier_kind is IdentifierKind.USCC
        assert entity.entity_type is EntityType.ENTERPRISE
        assert entity.risk_class is RiskClass.B
        assert entity.registration_status is RegistrationStatus.ACTIVE
        assert entity.pending is True
        assert entity.deleted_at is None
        assert entity.created_at.tzinfo is UTC
        assert started <= entity.created_at <= datetime.now(UTC)
        assert entity.updated_at == entity.created_at
        assert len(entity.uuid) == 36
        person = session.scalars(select(Inspector)).one()
        assert person.qualifications == ["食品", "计量"]
        assert (person.cert_valid_from, person.cert_valid_to) == (date(2024, 1, 1),
                                                                  date(2029, 1, 1))
        assert person.active is True


def test_reimport_revives_a_tombstoned_row(workspace: Workspace, inbox: Path) -> None:
    (code,) = credit_codes(1, seed=25)
    path = write_csv(inbox / "e.csv", ENTITY_HEADER, entity_rows([code]))
    run_import(workspace, ImportKind.ENTITIES, path)
    with workspace.store.write() as session:
        entity = session.scalars(select(MarketEntity)).one()
        entity.deleted_at = datetime.now(UTC)
        entity.pending = False
    summary = run_import(workspace, ImportKind.ENTITIES, path)
    assert (summary.inserted, summary.updated, summary.unchanged) == (0, 1, 0)
    assert query(workspace.paths.database,
                 "SELECT deleted_at, pending FROM market_entity") == [(None, 1)]
