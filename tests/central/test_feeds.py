"""Downstream feeds: scope per role and unit, cursors and paging."""

from __future__ import annotations

from inspector.core.roles import Role
from tests.central.support import Central, item


def populate(central: Central) -> dict[str, object]:
    central.add_unit("ZD", "130123")
    central.add_unit("XJ", "130181")
    central.add_unit("SJZ", "130100")
    for name, role, unit, region in (
        ("zhang", Role.INSPECTOR, "ZD", None), ("li", Role.INSPECTOR, "ZD", None),
        ("lead", Role.TEAM_LEAD, "ZD", None), ("wang", Role.INSPECTOR, "XJ", None),
        ("admin_zd", Role.ADMINISTRATOR, "ZD", None),
        ("city_auditor", Role.AUDITOR, "SJZ", "130100"),
    ):
        central.add_user(name, role, unit, region)
    sessions = {name: central.login(name) for name in
                ("zhang", "li", "lead", "wang", "admin_zd", "city_auditor")}
    for name in ("zhang", "li", "wang"):
        sessions[name].push(item("inspection", {"by": name}))
    sessions["admin_zd"].push(item("entity", {
        "identifier": "91130123MA0ABCDE6R", "identifier_kind": "uscc", "name": "正定某店",
        "entity_type": "enterprise", "region_code": "130123"}))
    return sessions


def seen_by(session: object, feed: str) -> list[object]:
    return [i["body"].get("by", i["body"].get("name")) for i in session.feed(feed)["items"]]


def test_inspectors_see_only_their_own_field_work(central: Central) -> None:
    sessions = populate(central)
    assert seen_by(sessions["zhang"], "fieldwork") == ["zhang"]
    assert seen_by(sessions["wang"], "fieldwork") == ["wang"]


def test_team_leads_see_their_unit(central: Central) -> None:
    sessions = populate(central)
    assert sorted(seen_by(sessions["lead"], "fieldwork")) == ["li", "zhang"]


def test_region_scoped_auditor_sees_the_counties_below(central: Central) -> None:
    sessions = populate(central)
    # 130100 (石家庄市) covers 正定县 130123 and 辛集市 130181.
    assert sorted(seen_by(sessions["city_auditor"], "fieldwork")) == ["li", "wang", "zhang"]


def test_directory_reaches_the_whole_unit_and_no_other(central: Central) -> None:
    sessions = populate(central)
    assert seen_by(sessions["zhang"], "directory") == ["正定某店"]
    assert seen_by(sessions["wang"], "directory") == []


def test_cursor_pages_through_everything_exactly_once(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    user = central.login("zhang")
    pushed = [item("inspection", {"n": n}) for n in range(25)]
    user.push(*pushed)
    seen: list[str] = []
    cursor = 0
    while True:
        page = user.feed("fieldwork", cursor=cursor, limit=7)
        seen += [i["uuid"] for i in page["items"]]
        assert page["next_cursor"] >= cursor
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == [p["uuid"] for p in pushed]
    assert user.feed("fieldwork", cursor=cursor)["items"] == []


def test_unknown_feed_and_bad_cursor(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    user = central.login("zhang")
    assert user.get("/feeds/nothing").status_code == 404
    assert user.get("/feeds/fieldwork", params={"cursor": -1}).status_code == 422
    assert user.get("/feeds/fieldwork", params={"limit": 5000}).status_code == 422
