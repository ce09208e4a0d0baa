"""Helpers for the planning, draw and disclosure tests: a small directory built with the
ORM (fast: no import files), plan documents, inspections, and row counts."""

from __future__ import annotations

import copy
import itertools
import json
import random
import shutil
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.lifecycles import InspectionStatus, TaskSource, TaskStatus
from inspector.core.plan_document import PlanDocument, parse_plan
from inspector.core.roles import Actor, Role
from inspector.db.base import Base
from inspector.db.models import AuditEvent, Inspection, Inspector, MarketEntity, Plan, Task
from inspector.services.demo_workspace import demo_credit_code
from inspector.services.store import Store
from inspector.services.workspace import open_workspace

TEAM_LEAD = Actor("张组长", Role.TEAM_LEAD)
COUNTY = "130123"  # 正定县, under 石家庄市 130100
SAME_CITY = "130102"  # 长安区, also under 130100
OTHER_CITY = "130602"  # 保定市竞秀区
UNIT = "正定县市场监督管理局执法大队"
OTHER_UNIT = "藁城区市场监督管理局"
WINDOW_START = date(2026, 12, 7)
WINDOW_END = date(2026, 12, 25)
DUE_DATE = date(2026, 12, 31)
SEED = bytes.fromhex("5e" * 32)
OTHER_SEED = bytes.fromhex("a7" * 32)

_KIND_DIGIT = {EntityType.ENTERPRISE: "1", EntityType.INDIVIDUAL: "2",
               EntityType.COOPERATIVE: "3", EntityType.OTHER: "9"}
_codes = itertools.count(1)


def fresh_workspace_copy(template: Path, target: Path) -> Path:
    """A new workspace folder, copied from a freshly created and closed one.

    Creating a workspace runs every migration (a third of a second); the copy is the
    same database, so the ``workspace`` fixture opens it without migrating again.
    """
    if not (template / "inspector.sqlite").exists():
        open_workspace(template).store.close()
    shutil.copytree(template, target, dirs_exist_ok=True)
    return target


def add_entities(store: Store, count: int, *, region: str = COUNTY,
                 risk: RiskClass | None = RiskClass.B,
                 entity_type: EntityType = EntityType.ENTERPRISE,
                 status: RegistrationStatus = RegistrationStatus.ACTIVE,
                 industry: str = "食品销售", name: str = "测试") -> list[str]:
    """``count`` market entities with valid, distinct credit codes; their codes in order."""
    with store.write() as session:
        taken = set(session.scalars(select(MarketEntity.identifier)))
        codes: list[str] = []
        rng = random.Random(next(_codes))
        while len(codes) < count:
            code = demo_credit_code(rng, _KIND_DIGIT[entity_type], region)
            if code in taken:
                continue
            taken.add(code)
            codes.append(code)
            session.add(MarketEntity(
                identifier=code, identifier_kind=IdentifierKind.USCC,
                name=f"{name}{len(codes)}号有限公司", entity_type=entity_type,
                region_code=region, address="河北省石家庄市正定县中山路1号",
                legal_representative="王建国", industry=industry, risk_class=risk,
                registration_status=status))
    return codes


def add_inspector(store: Store, staff_id: str, *, name: str | None = None, unit: str = UNIT,
                  region: str = COUNTY, cert_number: str = "冀13012324001",
                  valid_from: date | None = date(2024, 1, 1),
                  valid_to: date | None = date(2029, 12, 31),
                  qualifications: Sequence[str] = ("食品", "计量"), active: bool = True,
                  deleted: bool = False) -> str:
    with store.write() as session:
        session.add(Inspector(
            staff_id=staff_id, name=name or f"检查员{staff_id}", unit=unit, region_code=region,
            cert_number=cert_number, cert_authority="石家庄市人民政府",
            cert_valid_from=valid_from, cert_valid_to=valid_to,
            qualifications=list(qualifications), active=active,
            deleted_at=datetime(2026, 1, 1, tzinfo=UTC) if deleted else None))
    return staff_id


def add_inspectors(store: Store, count: int, prefix: str = "ZD") -> list[str]:
    return [add_inspector(store, f"{prefix}{n:03d}") for n in range(1, count + 1)]


def plan_data(code: str = "ZD-T-01", **changes: Any) -> dict[str, Any]:
    """A plan file's JSON: 正定县, stratum B at 10%, teams of 2, the December window."""
    data: dict[str, Any] = {
        "format": "inspector-plan-v1",
        "code": code,
        "title": "正定县测试抽查计划",
        "check_items": [{"code": "SAMR-1", "title": "企业公示信息抽查"},
                        {"code": "CI-3", "title": "食品销售单位证后监管"}],
        "population": {"region_codes": [COUNTY], "entity_types": [], "industries": [],
                       "registration_statuses": ["active"]},
        "strata": [{"name": "B", "ratio": "0.1"}],
        "exclusions": {"inspected_within_days": None, "open_tasks": True},
        "pool": {"units": [], "region_codes": [], "qualifications": []},
        "team_size": 2,
        "max_per_inspector": None,
        "window": {"start": WINDOW_START.isoformat(), "end": WINDOW_END.isoformat()},
        "due_date": DUE_DATE.isoformat(),
    }
    data = copy.deepcopy(data)
    data.update(changes)
    return data


def plan_doc(code: str = "ZD-T-01", **changes: Any) -> PlanDocument:
    return parse_plan(json.dumps(plan_data(code, **changes), ensure_ascii=False))


def entity_id(store: Store, key: str) -> int:
    with store.read() as session:
        return _entity_id(session, key)


def add_task(store: Store, key: str, status: TaskStatus) -> int:
    """An ad-hoc task (no plan) on an entity."""
    with store.write() as session:
        task = Task(plan_id=None, entity_id=_entity_id(session, key), source=TaskSource.AD_HOC,
                    reason="投诉举报核查", status=status)
        session.add(task)
        session.flush()
        return task.id


def add_inspection(store: Store, key: str, *, finalized_at: datetime | None,
                   started_at: datetime | None = None, task_id: int | None = None,
                   status: InspectionStatus = InspectionStatus.FINALIZED,
                   result_codes: Sequence[str] = ("1",),
                   revision_of: str | None = None) -> str:
    """An inspection of the entity ``key``; returns its uuid."""
    with store.write() as session:
        previous = None if revision_of is None else session.scalar(
            select(Inspection.id).where(Inspection.uuid == revision_of))
        inspection = Inspection(
            task_id=task_id, entity_id=_entity_id(session, key), status=status,
            started_at=started_at or finalized_at, finalized_at=finalized_at,
            result_codes=list(result_codes), revision_of_id=previous)
        session.add(inspection)
        session.flush()
        return inspection.uuid


def plan_tasks_by_entity(store: Store, code: str) -> dict[str, int]:
    """Entity key → task id, for the tasks of a plan."""
    with store.read() as session:
        found = session.execute(
            select(MarketEntity.identifier, Task.id)
            .join(Task, Task.entity_id == MarketEntity.id)
            .join(Plan, Plan.id == Task.plan_id)
            .where(Plan.code == code))
        return {key: task_id for key, task_id in found}


def rows(store: Store, model: type[Base]) -> int:
    with store.read() as session:
        value = session.scalar(select(func.count()).select_from(model))
        assert value is not None
        return value


def audit_actions(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def last_audit_payload(store: Store, action: str) -> dict[str, Any]:
    with store.read() as session:
        payload = session.scalar(select(AuditEvent.payload).where(AuditEvent.action == action)
                                 .order_by(AuditEvent.seq.desc()).limit(1))
        assert payload is not None, action
        loaded: dict[str, Any] = json.loads(payload)
        return loaded


def keys(items: Iterable[Any]) -> set[str]:
    return {item.key for item in items}


def _entity_id(session: Any, key: str) -> int:
    found = session.scalar(select(MarketEntity.id).where(MarketEntity.identifier == key))
    assert found is not None, key
    return int(found)
