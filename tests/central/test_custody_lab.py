"""A laboratory on the platform: it follows a portion's custody as the laptops pushed it,
records its receipt (and refusal, result, backup retention) as the chain allows, and
nothing else; everyone entitled follows the chain to the lab and its result (SQLite and
PostgreSQL)."""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from inspector.central import accounts, custody
from inspector.central.cli import main
from inspector.central.models import AccessToken, Account, AuditEvent, Record
from inspector.central.principal import principal_for
from inspector.central.security import hash_password, new_token, token_digest
from inspector.core.ids import new_uuid
from inspector.core.roles import Role
from tests.central.custody_support import LAB_NAME, K, PushedSample, laptop_sample, step
from tests.central.support import PASSWORD, Central, Session, item

K_HANDED = "handed_over"
UNSENT = (K.COLLECTED, K.SEALED, K.SIGNED)  # the hand-over is still on the laptop
_hash_once = functools.cache(hash_password)


@dataclass
class LabWorld:
    central: Central
    zhang: Session
    lab: Session

    def sample(self, sequence: int, **options: Any) -> PushedSample:
        pushed = laptop_sample(sequence, **options)
        results = self.zhang.push(*pushed.items)
        assert {r["status"] for r in results} == {"stored"}, results
        return pushed

    def login(self, username: str) -> Session:
        """A token for the account, issued straight into the database (signing in costs
        an Argon2 check; the tokens it issues are the same rows)."""
        token = new_token()
        engine, session = self.central.session()
        with session:
            account_id = session.scalar(select(Account.id).where(Account.username == username))
            assert account_id is not None, username
            session.add(AccessToken(token_hash=token_digest(token), account_id=account_id,
                                    expires_at=datetime.now(UTC) + timedelta(hours=1)))
            session.commit()
        engine.dispose()
        return Session(self.central.base, token, username)


@pytest.fixture
def world(central: Central, monkeypatch: pytest.MonkeyPatch) -> Iterator[LabWorld]:
    """正定县 (ZD, 130123) with inspectors zhang and li, a team lead, an administrator and
    an auditor; the provincial lab (HBZJ, region 130000) with account ``lab``; a county
    lab of 辛集市 (XJLAB, 130181) with ``xj_lab``."""
    monkeypatch.setattr(accounts, "hash_password", _hash_once)
    central.add_unit("ZD", "130123", "正定县市场监督管理局")
    central.add_unit("HBZJ", "130000", LAB_NAME)
    central.add_unit("XJLAB", "130181", "辛集市检验检测中心")
    for username, role in (("zhang", Role.INSPECTOR), ("li", Role.INSPECTOR),
                           ("lead", Role.TEAM_LEAD), ("admin", Role.ADMINISTRATOR),
                           ("auditor", Role.AUDITOR)):
        central.add_user(username, role, "ZD")
    engine, session = central.session()
    with session:
        accounts.create_account(session, username="lab", password=PASSWORD, role=Role.LAB,
                                unit_code="HBZJ", display_name="收样员 王工")
        accounts.create_account(session, username="xj_lab", password=PASSWORD,
                                role=Role.LAB, unit_code="XJLAB")
        session.commit()
    engine.dispose()
    zhang = central.login("zhang")  # one real sign-in of each kind of account
    zhang.enroll()
    yield LabWorld(central, zhang, central.login("lab"))


def chain(user: Session, portion: str) -> dict[str, Any]:
    response = user.get(f"/custody/{portion}")
    assert response.status_code == 200, response.text
    return response.json()


def record(user: Session, portion: str, body: dict[str, Any], status: int = 200,
           ) -> dict[str, Any]:
    response = user.post(f"/custody/{portion}/events", json=body)
    assert response.status_code == status, response.text
    answer: dict[str, Any] = response.json()
    return answer


def test_a_lab_receives_a_portion_records_its_result_and_the_owner_sees_it(
        world: LabWorld) -> None:
    pushed = world.sample(1)
    portion = pushed.test_portion
    before = chain(world.lab, portion)
    assert before["intact"] and before["sample_code"] == pushed.code
    assert [e["kind"] for e in before["events"]] == ["collected", "sealed", "signed", K_HANDED]
    assert before["next_steps"] == [K_HANDED, "in_transit", "received", "refused"]

    received = record(world.lab, portion, step("received", seal_intact=True))
    event = received["event"]
    assert received["status"] == "stored" and received["next_steps"] == ["result_recorded"]
    assert (event["seq"], event["actor"], event["place"], event["to_party"],
            event["from_party"], event["recorded_by"]) == (
        5, "收样员 王工", LAB_NAME, LAB_NAME, "张三", "lab")
    assert event["prev_hash"] == pushed.chains[portion][-1].hash
    done = record(world.lab, portion, step("result_recorded", result="fail",
                                           report_number="2026-J-0117"))
    assert done["event"]["seq"] == 6 and done["next_steps"] == ["disposed"]

    for viewer in ("zhang", "lead", "admin", "auditor"):
        seen = chain(world.login(viewer), portion)
        assert seen["intact"], (viewer, seen["problems"])
        assert [e["kind"] for e in seen["events"]][-2:] == ["received", "result_recorded"]
        assert seen["events"][-1]["result"] == "fail"
    # The lab's steps are the owner's records: they flow down the owner's field work.
    mine = [i for i in world.zhang.feed("fieldwork")["items"] if i["kind"] == "custody_event"]
    lab_made = [i for i in mine if i["uuid"] in (event["uuid"], done["event"]["uuid"])]
    assert [i["body"]["kind"] for i in lab_made] == ["received", "result_recorded"]
    assert lab_made[0]["body"]["portion"] == pushed.portion_uuids[portion]
    assert lab_made[0]["body"]["hash"] == event["hash"]
    engine, session = world.central.session()
    with session:
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.actor == "lab")).all()
        stored = session.scalars(select(Record).where(Record.uuid == event["uuid"])).one()
        assert stored.device_id is None and stored.region_code == "130123"
    engine.dispose()
    assert actions.count("custody.recorded") == 2
    assert world.login("admin").get("/audit/verify").json()["intact"]


def test_the_backup_is_retained_then_released_as_its_chain_allows(world: LabWorld) -> None:
    pushed = world.sample(2)
    backup = pushed.backup_portion
    record(world.lab, backup, step("received", seal_intact=True))
    kept = record(world.lab, backup, step("backup_retained"))
    assert kept["event"]["place"] == LAB_NAME
    assert kept["next_steps"] == ["recheck_request", "backup_released", "backup_destroyed"]
    refused = record(world.lab, backup, step("result_recorded", result="pass",
                                             report_number="R-1"), status=409)
    assert refused["code"] == "conflict"
    unnamed = record(world.lab, backup, step("backup_released"), status=422)
    assert unnamed["detail"]["fields"] == ["to_party"]
    released = record(world.lab, backup, step("backup_released", to_party="正定县某某副食店"))
    assert released["next_steps"] == []


def test_who_may_read_and_record_a_portions_custody(world: LabWorld) -> None:
    pushed = world.sample(3)
    portion = pushed.test_portion
    expected_reads = {"zhang": 200, "li": 404, "lead": 200, "admin": 200, "auditor": 200,
                      "lab": 200, "xj_lab": 404}
    for username, status in expected_reads.items():
        response = world.login(username).get(f"/custody/{portion}")
        assert response.status_code == status, (username, response.text)
    for username in ("zhang", "lead", "admin", "auditor"):
        response = world.login(username).post(f"/custody/{portion}/events",
                                               json=step("received", seal_intact=True))
        assert response.status_code == 403, (username, response.text)
        assert response.json()["code"] == "forbidden"
    outside = world.login("xj_lab").post(f"/custody/{portion}/events",
                                         json=step("received", seal_intact=True))
    assert outside.status_code == 404 and outside.json()["code"] == "not_found"
    # A lab pushes nothing, enrolls nothing and reads no feed: custody is its one door.
    lab = world.lab
    forbidden = [lab.post("/push", json={"items": [item("inspection", {"n": 1})]}),
                 lab.post("/devices/enroll", json={"device_uuid": new_uuid(), "name": "x"}),
                 lab.get("/feeds/fieldwork"), lab.get("/sync/state/fieldwork"),
                 lab.get("/sync/checkpoints"),
                 lab.get(f"/records/{pushed.items[0]['uuid']}/missing-blobs")]
    assert [r.status_code for r in forbidden] == [403] * len(forbidden)
    assert lab.get("/auth/me").json()["role"] == "lab"


@pytest.mark.parametrize(("code", "why"), [
    ("132601230A300017X-P01", "check character"),
    ("hello", "portion"),
    ("132601230A300017E", "portion"),
    ("1326012-P01", ""),
])
def test_a_malformed_code_is_refused_saying_why(world: LabWorld, code: str, why: str) -> None:
    for user in (world.lab, world.zhang):
        response = user.get(f"/custody/{code}")
        assert response.status_code == 400, response.text
        body = response.json()
        assert body["code"] == "invalid" and why in body["message"] and body["detail"]["zh"]
    refused = world.lab.post(f"/custody/{code}/events", json=step("received",
                                                                  seal_intact=True))
    assert refused.status_code == 400


def test_an_unknown_sample_or_portion_is_not_found_and_a_scan_is_accepted(
        world: LabWorld) -> None:
    pushed = world.sample(4)
    unknown = laptop_sample(99).code
    for code in (f"{unknown}-P01", f"{pushed.code}-P07"):
        response = world.lab.get(f"/custody/{code}")
        assert response.status_code == 404 and response.json()["code"] == "not_found", code
    scanned = chain(world.lab, f" {pushed.test_portion.lower()} ")
    assert scanned["portion_code"] == pushed.test_portion


def test_a_step_before_the_hand_over_reached_the_platform_is_refused(world: LabWorld) -> None:
    pushed = world.sample(5, steps=UNSENT)
    portion = pushed.test_portion
    early = record(world.lab, portion, step("received", seal_intact=True), status=409)
    assert early["code"] == "conflict" and "sync first" in early["message"]
    assert early["detail"]["last"] == "signed"
    assert early["detail"]["allowed"] == ["handed_over", "in_transit"]
    assert "先同步" in early["detail"]["zh"]
    world.zhang.push(pushed.next_event(portion, K.HANDED_OVER, from_party="张三",
                                       to_party=LAB_NAME, seal_intact=True))
    assert record(world.lab, portion, step("received", seal_intact=True))["event"]["seq"] == 5
    too_soon = record(world.lab, pushed.backup_portion,
                      step("result_recorded", result="pass", report_number="R-2"), status=409)
    assert too_soon["detail"]["last"] == "signed"


def test_a_step_without_what_it_must_state_is_refused(world: LabWorld) -> None:
    portion = world.sample(6).test_portion
    broken = record(world.lab, portion, step("received", seal_intact=False), status=422)
    assert "refuse" in broken["message"] and broken["detail"]["fields"] == ["seal_intact"]
    record(world.lab, portion, step("refused", seal_intact=False), status=422)  # no reason
    record(world.lab, portion, step("received", seal_intact=True, result="maybe"), status=422)
    future = record(world.lab, portion, step("received", seal_intact=True,
                                             occurred_at="2099-01-01T00:00:00+08:00"),
                    status=422)
    assert future["code"] == "invalid"
    naive = record(world.lab, portion, step("received", seal_intact=True,
                                            occurred_at="2026-11-28T08:00:00"), status=422)
    assert naive["code"] == "invalid"
    refusal = record(world.lab, portion, step("refused", seal_intact=False,
                                              reason="封条破损"))
    assert refusal["next_steps"] == ["returned", "disposed"]
    assert chain(world.lab, portion)["intact"]


def test_a_retried_step_returns_the_stored_event_and_a_reused_uuid_is_refused(
        world: LabWorld) -> None:
    pushed = world.sample(7)
    portion = pushed.test_portion
    body = step("received", seal_intact=True, occurred_at=_recent())
    first = record(world.lab, portion, body)
    again = record(world.lab, portion, body)
    assert again["status"] == "unchanged"
    assert again["event"] == first["event"]
    assert again["next_steps"] == first["next_steps"] == ["result_recorded"]
    events = chain(world.lab, portion)["events"]
    assert [e["uuid"] for e in events].count(body["event_uuid"]) == 1 and len(events) == 5
    other = {**body, "kind": "refused", "reason": "不符合"}
    assert record(world.lab, portion, other, status=409)["code"] == "conflict"
    changed = {**body, "from_party": "李四"}
    assert record(world.lab, portion, changed, status=409)["code"] == "conflict"
    on_another = record(world.lab, pushed.backup_portion, body, status=409)
    assert on_another["detail"]["uuid"] == body["event_uuid"]
    named = step("received", seal_intact=True, event_uuid=pushed.items[0]["uuid"])
    record(world.lab, pushed.backup_portion, named, status=409)  # the sample's uuid


def test_a_chain_that_does_not_verify_is_reported_and_not_extended(world: LabWorld) -> None:
    pushed = world.sample(8, steps=UNSENT)
    portion = pushed.test_portion
    forged = pushed.next_event(portion, K.HANDED_OVER, from_party="张三", to_party=LAB_NAME,
                               seal_intact=True)
    forged["body"] = {**forged["body"], "to_party": "别处"}  # altered after hashing
    forged = item("custody_event", forged["body"], uuid=forged["uuid"])
    world.zhang.push(forged)
    seen = chain(world.lab, portion)
    assert not seen["intact"]
    assert [(p["seq"], p["kind"]) for p in seen["problems"]] == [(4, "content")]
    refused = record(world.lab, portion, step("received", seal_intact=True), status=409)
    assert "does not verify" in refused["message"]
    junk = item("custody_event", {"portion": pushed.portion_uuids[pushed.backup_portion],
                                  "seq": "five"})
    world.zhang.push(junk)
    problems = chain(world.lab, pushed.backup_portion)["problems"]
    assert [(p["kind"], p["field"]) for p in problems] == [("body", "kind")]


def test_a_laptop_event_that_would_fork_a_lab_chain_is_named(world: LabWorld) -> None:
    pushed = world.sample(9)
    portion = pushed.test_portion
    received = record(world.lab, portion, step("received", seal_intact=True))["event"]
    offline = pushed.next_event(portion, K.IN_TRANSIT, from_party="张三", to_party=LAB_NAME)
    engine, session = world.central.session()
    with session:
        zhang = principal_for(session, "zhang")
        problem = custody.fork_problem(session, zhang, offline["uuid"], offline["body"], {})
        assert problem is not None and received["uuid"] in problem
        own = dict(offline["body"], seq=5)
        assert custody.fork_problem(session, zhang, received["uuid"], own, {}) is None
        later = dict(offline["body"], seq=6)
        assert custody.fork_problem(session, zhang, new_uuid(), later, {}) is None
    engine.dispose()


def test_the_command_line_creates_a_lab_account_that_records_a_step(
        world: LabWorld, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    portion = world.sample(10).test_portion
    settings = world.central.settings
    base = ["--db", settings.db_url, "--blobs", str(settings.blobs)]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main([*base, "user", "create", "city_lab", "--role", "lab", "--unit", "HBZJ",
                 "--region", "130100", "--name", "市所收样员"]) == 0
    assert "created (lab)" in capsys.readouterr().out
    assert main([*base, "custody", "record", portion, "received", "--as", "city_lab",
                 "--seal", "intact", "--at", _recent()]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["status"] == "stored" and answer["event"]["seq"] == 5
    assert answer["event"]["actor"] == "市所收样员"
    assert main([*base, "custody", "record", portion, "received", "--as", "city_lab",
                 "--seal", "intact", "--event-uuid", answer["event"]["uuid"]]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "unchanged"
    assert main([*base, "custody", "record", portion, "disposed", "--as", "city_lab",
                 "--reason", "检毕"]) == 1
    refused = capsys.readouterr().err
    assert "may not follow" in refused and "拒绝：" in refused
    assert main([*base, "custody", "show", portion, "--as", "lead"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [e["kind"] for e in shown["events"]][-1] == "received" and shown["intact"]


def _recent() -> str:
    return (datetime.now(UTC) - timedelta(hours=1)).isoformat()
