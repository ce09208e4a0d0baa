"""A team lead's draw reaches the platform and each inspector's laptop gets only their
own released tasks, with their team (SQLite and PostgreSQL platforms)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select, update

from inspector.central import accounts
from inspector.central.models import Account
from inspector.core.draw import commitment, seed_from_text, verify_protocol
from inspector.core.lifecycles import TaskRole, TaskStatus
from inspector.core.plan_document import parse_plan
from inspector.core.roles import Actor, Role
from inspector.db.models import DrawProtocol, Inspector, MarketEntity, Task, TaskInspector
from inspector.services import planning
from inspector.services.recusals import redraw_after_recusal
from inspector.sync.engine import DONE
from tests.central.support import PASSWORD, Central, item
from tests.sync.laptop import Laptop, open_laptop
from tests.sync.test_engine import publish_entities

LEAD = Actor("lead", Role.TEAM_LEAD)
STAFF = {"zhang": "ZD001", "li": "ZD002", "wang": "ZD003"}


def publish_inspectors(platform: Central) -> None:
    engine, session = platform.session()
    with session:
        for username, staff_id in STAFF.items():
            if username != "zhang":
                accounts.create_account(session, username=username, password=PASSWORD,
                                        role=Role.INSPECTOR, unit_code="ZD", staff_id=staff_id)
            else:
                session.execute(update(Account).where(Account.username == "zhang")
                                .values(staff_id=staff_id))
        session.commit()
    engine.dispose()
    records = [item("inspector", {
        "staff_id": staff_id, "name": f"检查员{staff_id}", "unit": "正定县市场监督管理局",
        "region_code": "130123", "cert_number": f"冀130123{staff_id}",
        "cert_authority": "石家庄市人民政府", "cert_valid_from": "2024-01-01",
        "cert_valid_to": "2029-12-31", "qualifications": [], "active": True})
        for staff_id in STAFF.values()]
    assert {a["status"] for a in platform.login("admin").push(*records)} == {"stored"}


def plan_text(max_per_inspector: int | None = None) -> str:
    return json.dumps({"max_per_inspector": max_per_inspector,
        "format": "inspector-plan-v1", "code": "ZD-2026-12", "title": "十二月抽查",
        "check_items": ["企业公示信息抽查"], "strata": [{"name": "B", "count": 4}],
        "team_size": 2, "window": {"start": "2026-12-07", "end": "2026-12-25"},
        "due_date": "2026-12-31"}, ensure_ascii=False)


def local_tasks(laptop: Laptop) -> dict[str, list[str]]:
    """Task UUID → staff ids of its team, lead first, as the laptop holds them."""
    with laptop.store.read() as session:
        rows = session.execute(
            select(Task.uuid, Inspector.staff_id, TaskInspector.role)
            .join(TaskInspector, TaskInspector.task_id == Task.id)
            .join(Inspector, Inspector.id == TaskInspector.inspector_id)
            .where(Task.status != TaskStatus.PROPOSED)).all()
    teams: dict[str, list[str]] = {}
    for uuid, staff_id, _role in sorted(rows, key=lambda r: (r[0], r[2] != TaskRole.LEAD)):
        teams.setdefault(uuid, []).append(staff_id)
    return teams


def test_released_tasks_reach_only_their_inspectors(platform: Central, tmp_path: Path) -> None:
    publish_entities(platform, count=6)
    publish_inspectors(platform)
    with open_laptop(platform, tmp_path / "lead", "lead") as lead:
        assert lead.sync().outcome == DONE
        planning.save_plan(lead.store, parse_plan(plan_text()), LEAD)
        planning.commit_seed(lead.store, "ZD-2026-12", LEAD, public_text="福彩3D 2026-12-01")
        drawn = planning.run_plan_draw(lead.store, "ZD-2026-12", LEAD).value
        assert drawn.selected == 4
        assert drawn.seed_commitment == commitment(seed_from_text("福彩3D 2026-12-01"))
        # Drawn but not released: the protocol goes up, the tasks stay on this laptop.
        before = lead.sync()
        assert before.outcome == DONE and before.refused == 0, before.message
        assert platform.login("zhang").feed("tasks")["items"] == []
        planning.release_tasks(lead.store, "ZD-2026-12", LEAD)
        after = lead.sync()
        assert after.outcome == DONE and after.refused == 0 and after.stored >= 4, after.message
        released = local_tasks(lead)
        assert len(released) == 4
        with lead.store.read() as session:
            protocol_uuid = session.scalar(select(DrawProtocol.uuid))
    for username, staff_id in STAFF.items():
        with open_laptop(platform, tmp_path / username, username) as laptop:
            report = laptop.sync()
            assert report.outcome == DONE and report.set_aside == 0, report.message
            mine = {u: team for u, team in released.items() if staff_id in team}
            assert local_tasks(laptop) == mine
            with laptop.store.read() as session:
                document = session.scalar(select(DrawProtocol.document).where(
                    DrawProtocol.uuid == protocol_uuid))
            assert document is not None and verify_protocol(json.loads(document)).ok


def test_a_lead_cannot_release_a_task_the_protocol_did_not_draw(platform: Central,
                                                               tmp_path: Path) -> None:
    publish_entities(platform, count=6)
    publish_inspectors(platform)
    with open_laptop(platform, tmp_path / "lead", "lead") as lead:
        assert lead.sync().outcome == DONE
        planning.save_plan(lead.store, parse_plan(plan_text()), LEAD)
        planning.run_plan_draw(lead.store, "ZD-2026-12", LEAD,
                               seed=seed_from_text("2026-12-01"))
        planning.release_tasks(lead.store, "ZD-2026-12", LEAD)
        with lead.store.write() as session:  # a team edited by hand, behind the draw's back
            task = session.scalars(select(Task)).first()
            assert task is not None
            for member in session.scalars(select(TaskInspector).where(
                    TaskInspector.task_id == task.id)):
                member.role = TaskRole.ASSIST if member.role == TaskRole.LEAD else TaskRole.LEAD
            task.updated_at = task.updated_at.replace(year=date.today().year + 1)
            edited = task.uuid
        report = lead.sync()
        assert report.refused == 1, report.message
        assert platform.login("lead").feed("tasks")["items"] and edited not in {
            i["uuid"] for i in platform.login("lead").feed("tasks")["items"]}


def test_a_recusal_after_release_moves_the_task_through_a_verified_redraw(
        platform: Central, tmp_path: Path) -> None:
    publish_entities(platform, count=6)
    publish_inspectors(platform)
    with open_laptop(platform, tmp_path / "lead", "lead") as lead:
        assert lead.sync().outcome == DONE
        planning.save_plan(lead.store, parse_plan(plan_text(max_per_inspector=4)), LEAD)
        planning.run_plan_draw(lead.store, "ZD-2026-12", LEAD, seed=seed_from_text("12-01"))
        planning.release_tasks(lead.store, "ZD-2026-12", LEAD)
        assert lead.sync().refused == 0
        task_uuid, team = next((u, t) for u, t in local_tasks(lead).items() if "ZD001" in t)
        with lead.store.read() as session:
            entity_key = session.scalar(
                select(MarketEntity.identifier).join(Task, Task.entity_id == MarketEntity.id)
                .where(Task.uuid == task_uuid))
        assert entity_key is not None
        made = redraw_after_recusal(lead.store, LEAD, plan_code="ZD-2026-12",
                                    staff_id="ZD001", entity_key=entity_key,
                                    reason="与经营者系近亲属").value
        report = lead.sync()
        assert report.refused == 0 and report.stored >= 3, report.message  # recusal too
        protocol_uuid = lead_protocol_uuid(lead)
    assert "ZD001" not in made.team and made.previous_team == tuple(team)
    with open_laptop(platform, tmp_path / "zhang", "zhang") as zhang:
        assert zhang.sync().outcome == DONE
        assert task_uuid not in local_tasks(zhang)
    newcomer = next(u for u, s in STAFF.items() if s in made.team and s not in team)
    with open_laptop(platform, tmp_path / newcomer, newcomer) as laptop:
        assert laptop.sync().outcome == DONE
        assert local_tasks(laptop)[task_uuid] == list(made.team)
    # A redraw that does not recompute is refused by the platform.
    records = [i for i in platform.login("lead").feed("plans")["items"]
               if i["kind"] == "draw_redraw"]
    assert len(records) == 1
    forged = json.loads(records[0]["body"]["document"])
    forged.update(sequence=2, team=list(reversed(made.team)))
    body = {**records[0]["body"], "sequence": 2, "document": json.dumps(forged)}
    [answer] = platform.login("lead").push(item("draw_redraw", body))
    assert answer["status"] == "refused", answer
    assert body["protocol"] == protocol_uuid


def lead_protocol_uuid(lead: Laptop) -> str:
    with lead.store.read() as session:
        found = session.scalar(select(DrawProtocol.uuid))
    assert found is not None
    return found
