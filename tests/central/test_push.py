"""Upstream push: idempotency, conflicts, revisions, append-only facts, per-item answers."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import select

from inspector.central.models import Record, RecordVersion
from inspector.core.ids import new_uuid
from inspector.core.roles import Role
from tests.central.support import Central, Session, body_hash, item


def inspector_session(central: Central, name: str = "zhang", unit: str = "ZD") -> Session:
    central.add_unit(unit, "130123")
    central.add_user(name, Role.INSPECTOR, unit)
    return central.login(name)


def test_same_uuid_same_hash_is_acknowledged_again_without_change(central: Central) -> None:
    user = inspector_session(central)
    record = item("inspection", {"entity": "91130123MA0ABCDE6R", "result": "1"})
    first = user.push(record)[0]
    second = user.push(record)[0]
    assert first["status"] == "stored" and second["status"] == "unchanged"
    assert first["server_seq"] == second["server_seq"]
    assert len(user.feed("fieldwork")["items"]) == 1


def test_same_uuid_other_content_is_a_conflict_with_the_stored_hash(central: Central) -> None:
    user = inspector_session(central)
    record = item("inspection", {"result": "1"})
    stored = user.push(record)[0]
    changed = item("inspection", {"result": "A"}, uuid=record["uuid"])
    result = user.push(changed)[0]
    assert result["status"] == "conflict"
    assert result["stored_hash"] == stored["stored_hash"]
    assert user.feed("fieldwork")["items"][0]["body"] == {"result": "1"}


def test_a_revision_naming_its_base_is_stored_and_moves_the_cursor(central: Central) -> None:
    user = inspector_session(central)
    record = item("inspection", {"result": "1"})
    first = user.push(record)[0]
    edit = item("inspection", {"result": "E"}, uuid=record["uuid"],
                base_hash=record["content_hash"])
    second = user.push(edit)[0]
    assert second["status"] == "stored" and second["server_seq"] > first["server_seq"]
    page = user.feed("fieldwork", cursor=first["server_seq"])
    assert [i["body"] for i in page["items"]] == [{"result": "E"}]
    stale = item("inspection", {"result": "8"}, uuid=record["uuid"],
                 base_hash=record["content_hash"])
    assert user.push(stale)[0]["status"] == "conflict"


def test_append_only_facts_cannot_be_edited(central: Central) -> None:
    user = inspector_session(central)
    event = item("custody_event", {"kind": "sealed", "portion": "P01"})
    user.push(event)
    edit = item("custody_event", {"kind": "opened", "portion": "P01"}, uuid=event["uuid"],
                base_hash=event["content_hash"])
    result = user.push(edit)[0]
    assert result["status"] == "conflict" and "append-only" in result["reason"]


def test_each_item_is_answered_on_its_own(central: Central) -> None:
    user = inspector_session(central)
    good = item("inspection", {"result": "1"})
    bad_hash = {**item("inspection", {"result": "2"}), "content_hash": "0" * 64}
    unknown = item("teleport", {"x": 1})
    not_allowed = item("entity", {"identifier": "x"})
    results = user.push(good, bad_hash, unknown, not_allowed)
    assert [r["status"] for r in results] == ["stored", "refused", "refused", "refused"]
    assert "content_hash" in results[1]["reason"]
    assert "unknown record kind" in results[2]["reason"]
    assert "may not push entity" in results[3]["reason"]
    assert [i["uuid"] for i in user.feed("fieldwork")["items"]] == [good["uuid"]]


def test_directory_bodies_are_validated(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    admin = central.login("admin")
    entity = {"identifier": "91130123MA0ABCDE6R", "identifier_kind": "uscc", "name": "正定某店",
              "entity_type": "enterprise", "region_code": "130123"}
    broken = {**entity, "region_code": "13012X"}
    results = admin.push(item("entity", entity), item("entity", broken))
    assert results[0]["status"] == "stored"
    assert results[1]["status"] == "refused" and "region_code" in results[1]["reason"]


def test_auditors_cannot_push(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("audit", Role.AUDITOR, "ZD")
    auditor = central.login("audit")
    response = auditor.post("/push", json={"items": [item("inspection", {"a": 1})]})
    assert response.status_code == 403


def test_someone_else_cannot_overwrite_a_record(central: Central) -> None:
    zhang = inspector_session(central)
    central.add_user("li", Role.INSPECTOR, "ZD")
    li = central.login("li")
    record = item("inspection", {"result": "1"})
    zhang.push(record)
    hijack = item("inspection", {"result": "8"}, uuid=record["uuid"],
                  base_hash=record["content_hash"])
    result = li.push(hijack)[0]
    assert result["status"] == "refused"


def test_concurrent_pushes_of_one_uuid_store_it_once(central: Central) -> None:
    user = inspector_session(central)
    same = item("inspection", {"result": "1", "note": "同一条记录"})
    different = [item("inspection", {"result": str(n)}, uuid=same["uuid"]) for n in range(4)]
    answers: list[dict[str, Any]] = []
    lock = threading.Lock()

    def send(payload: dict[str, Any]) -> None:
        session = Session(user.base, user.token, user.username)
        result = session.push(payload)[0]
        with lock:
            answers.append(result)

    threads = [threading.Thread(target=send, args=(same,)) for _ in range(6)]
    threads += [threading.Thread(target=send, args=(d,)) for d in different]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = [a["status"] for a in answers]
    assert statuses.count("stored") == 1
    winner = next(a for a in answers if a["status"] == "stored")["stored_hash"]
    for answer in answers:
        if answer["status"] == "unchanged":
            assert answer["stored_hash"] == winner == body_hash(same["body"])
        elif answer["status"] == "conflict":
            assert answer["stored_hash"] == winner
    assert len(user.feed("fieldwork")["items"]) == 1


def test_batch_limits_are_enforced_by_the_schema(central: Central) -> None:
    user = inspector_session(central)
    too_many = [item("inspection", {"n": n}) for n in range(501)]
    response = user.post("/push", json={"items": too_many})
    assert response.status_code == 422
    empty = user.post("/push", json={"items": []})
    assert empty.status_code == 422
    wrong_uuid = user.post("/push", json={"items": [{**item("inspection", {}), "uuid": "x"}]})
    assert wrong_uuid.status_code == 422
    assert new_uuid()  # ids of the right shape are accepted above


def test_every_replaced_version_is_kept(central: Central) -> None:
    user = inspector_session(central)
    record = item("inspection", {"result": "1"})
    user.push(record)
    second = item("inspection", {"result": "A"}, uuid=record["uuid"],
                  base_hash=record["content_hash"])
    third = item("inspection", {"result": "E"}, uuid=record["uuid"],
                 base_hash=second["content_hash"])
    assert user.push(second)[0]["status"] == "stored"
    assert user.push(third)[0]["status"] == "stored"
    engine, session = central.session()
    with session:
        current = session.scalars(select(Record).where(Record.uuid == record["uuid"])).one()
        kept = session.execute(select(RecordVersion.revision, RecordVersion.content_hash)
                               .where(RecordVersion.record_id == current.id)
                               .order_by(RecordVersion.revision)).all()
    engine.dispose()
    assert (current.revision, current.content_hash) == (3, third["content_hash"])
    assert [tuple(k) for k in kept] == [(1, record["content_hash"]),
                                         (2, second["content_hash"])]


def test_kept_versions_name_who_pushed_them(central: Central) -> None:
    user = inspector_session(central)
    central.add_user("lead", Role.TEAM_LEAD, "ZD")
    record = item("inspection", {"result": "1"})
    user.push(record)
    correction = item("inspection", {"result": "E"}, uuid=record["uuid"],
                      base_hash=record["content_hash"])
    assert central.login("lead").push(correction)[0]["status"] == "stored"
    engine, session = central.session()
    with session:
        current = session.scalars(select(Record).where(Record.uuid == record["uuid"])).one()
        kept = session.scalars(select(RecordVersion).where(
            RecordVersion.record_id == current.id)).one()
        owner_and_pusher = (current.owner_id, current.pushed_by, kept.account_id)
    engine.dispose()
    owner, pusher, first_pusher = owner_and_pusher
    assert first_pusher == owner and pusher != owner
