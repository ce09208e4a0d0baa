"""Tasks reach only the inspectors they name; reassignment moves them; planning feeds."""

from __future__ import annotations

from inspector.central import accounts
from inspector.core.roles import Role
from tests.central.support import PASSWORD, Central, draw_protocol, item, protocol_body


def add_inspector(central: Central, username: str, staff_id: str) -> None:
    engine, session = central.session()
    with session:
        accounts.create_account(session, username=username, password=PASSWORD,
                                role=Role.INSPECTOR, unit_code="ZD", staff_id=staff_id)
        session.commit()
    engine.dispose()


def test_tasks_reach_their_team_and_move_when_reassigned(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    for username, staff_id in (("zhang", "ZD001"), ("li", "ZD002"), ("wang", "ZD003")):
        add_inspector(central, username, staff_id)
    lead = central.login("lead")
    task = item("task", {"entity": "91130123MA0ABCDE6R", "inspectors": ["ZD001", "ZD002"]})
    assert lead.push(task)[0]["status"] == "stored"

    def tasks_of(username: str) -> list[str]:
        return [i["uuid"] for i in central.login(username).feed("tasks")["items"]]

    assert tasks_of("zhang") == tasks_of("li") == [task["uuid"]]
    assert tasks_of("wang") == []
    assert tasks_of("lead") == [task["uuid"]]

    moved = item("task", {"entity": "91130123MA0ABCDE6R", "inspectors": ["ZD002", "ZD003"]},
                 uuid=task["uuid"], base_hash=task["content_hash"])
    assert lead.push(moved)[0]["status"] == "stored"
    assert tasks_of("zhang") == []
    assert tasks_of("wang") == [task["uuid"]]


def test_a_task_needs_a_team_of_two_and_inspectors_cannot_make_tasks(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    add_inspector(central, "zhang", "ZD001")
    alone = central.login("lead").push(item("task", {"inspectors": ["ZD001"]}))[0]
    assert alone["status"] == "refused" and "inspectors" in alone["reason"]
    own = central.login("zhang").push(item("task", {"inspectors": ["ZD001", "ZD002"]}))[0]
    assert own["status"] == "refused" and "do not create tasks" in own["reason"]


def test_checklists_reach_everyone_and_versions_are_immutable(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_unit("XJ", "130181")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    central.add_user("wang", Role.INSPECTOR, "XJ")
    admin = central.login("admin")
    version = item("checklist_version", {"code": "SPXS", "version": 1})
    admin.push(version)
    edit = item("checklist_version", {"code": "SPXS", "version": 1, "changed": True},
                uuid=version["uuid"], base_hash=version["content_hash"])
    assert admin.push(edit)[0]["status"] == "conflict"
    assert [i["uuid"] for i in central.login("wang").feed("checklists")["items"]] == [
        version["uuid"]]


def test_plans_and_recusals_stay_in_their_unit(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_unit("XJ", "130181")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    central.add_user("wang", Role.INSPECTOR, "XJ")
    lead = central.login("lead")
    lead.push(item("plan", {"code": "2026-Q4"}), item("recusal", {"staff_id": "ZD001"}))
    zhang, wang = central.login("zhang"), central.login("wang")
    assert len(zhang.feed("plans")["items"]) == 1
    assert len(zhang.feed("directory")["items"]) == 1
    assert wang.feed("plans")["items"] == [] and wang.feed("directory")["items"] == []


def test_a_draw_protocol_is_stored_only_if_it_verifies(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    lead = central.login("lead")
    good = draw_protocol()
    assert lead.push(item("draw_protocol", protocol_body(good)))[0]["status"] == "stored"
    swapped = {**good, "selected": [{**good["selected"][0], "team": ["ZD003", "ZD002"]},
                                    *good["selected"][1:]]}
    [answer] = lead.push(item("draw_protocol", protocol_body(swapped)))
    assert answer["status"] == "refused"
    assert "does not verify" in answer["reason"] and "selected[0]" in answer["reason"]
    unreadable_body = {**protocol_body(good), "document": "{\"algorithm\": \"hash-rank"}
    [unreadable] = lead.push(item("draw_protocol", unreadable_body))
    assert unreadable["status"] == "refused" and "cannot be read" in unreadable["reason"]
    relabelled = {**protocol_body(good), "sha256": "0" * 64}
    [mismatch] = lead.push(item("draw_protocol", relabelled))
    assert mismatch["status"] == "refused" and "sha256 differs" in mismatch["reason"]


def test_drawn_tasks_are_released_only_from_a_stored_verified_protocol(central: Central
                                                                       ) -> None:
    central.add_unit("ZD", "130123")
    central.add_unit("XJ", "130181")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    central.add_user("other_lead", Role.TEAM_LEAD, "XJ")
    for username, staff_id in (("zhang", "ZD001"), ("li", "ZD002"), ("wang", "ZD003")):
        add_inspector(central, username, staff_id)
    document = draw_protocol()
    staffed = next(s for s in document["selected"] if s["team"])
    entity = item("entity", {"identifier": staffed["key"], "identifier_kind": "uscc",
                             "name": "正定县测试商店", "entity_type": "individual",
                             "region_code": "130123", "address": "", "legal_representative": "",
                             "industry": "", "risk_class": "A",
                             "registration_status": "active"})
    assert central.login("admin").push(entity)[0]["status"] == "stored"
    lead = central.login("lead")
    protocol = item("draw_protocol", protocol_body(document))
    assert lead.push(protocol)[0]["status"] == "stored"

    def task(**changes: object) -> dict[str, object]:
        body = {"source": "draw", "status": "assigned", "protocol": protocol["uuid"],
                "entity": entity["uuid"], "inspectors": staffed["team"], **changes}
        return item("task", body)

    [released] = lead.push(task())
    assert released["status"] == "stored", released
    others = sorted({"ZD001", "ZD002", "ZD003"} - set(staffed["team"]))
    refusals = {
        "proposed": task(status="proposed"),
        "another team": task(inspectors=[*others, staffed["team"][0]]),
        "lead swapped": task(inspectors=list(reversed(staffed["team"]))),
        "no protocol": task(protocol="01a00000-0000-7000-8000-000000000000"),
        "unknown entity": task(entity="01a00000-0000-7000-8000-000000000001"),
    }
    answers = {name: lead.push(body)[0] for name, body in refusals.items()}
    assert all(a["status"] == "refused" for a in answers.values()), answers
    assert "only once the team lead releases it" in answers["proposed"]["reason"]
    assert "differs from the one the protocol drew" in answers["another team"]["reason"]
    assert "differs" in answers["lead swapped"]["reason"]
    assert "not a stored draw protocol" in answers["no protocol"]["reason"]
    assert "not in the platform's directory" in answers["unknown entity"]["reason"]
    # Another unit's lead cannot release tasks from this unit's protocol.
    [foreign] = central.login("other_lead").push(task())
    assert foreign["status"] == "refused" and "not a stored draw protocol" in foreign["reason"]
    # Each inspector sees only their own tasks.
    for username, staff_id in (("zhang", "ZD001"), ("li", "ZD002"), ("wang", "ZD003")):
        seen = [i["uuid"] for i in central.login(username).feed("tasks")["items"]]
        assert seen == ([released["uuid"]] if staff_id in staffed["team"] else [])
