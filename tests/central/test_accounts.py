"""Accounts, tokens and devices against the live server, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import update

from inspector.central.models import AccessToken
from inspector.core.ids import new_uuid
from inspector.core.roles import Role
from tests.central.support import PASSWORD, Central


def setup_unit(central: Central) -> None:
    central.add_unit("ZD", "130123", "正定县市场监督管理局")
    central.add_user("zhang", Role.INSPECTOR, "ZD")


def test_login_me_and_logout(central: Central) -> None:
    setup_unit(central)
    user = central.login("zhang")
    me = user.get("/auth/me").json()
    assert me["username"] == "zhang" and me["role"] == "inspector" and me["unit_code"] == "ZD"
    assert user.post("/auth/logout").status_code == 204
    after = user.get("/auth/me")
    assert after.status_code == 401 and after.json()["code"] == "token_revoked"


def test_wrong_password_and_unknown_user_look_the_same(central: Central) -> None:
    setup_unit(central)
    wrong = requests.post(central.base + "/auth/login",
                          json={"username": "zhang", "password": "nope"}, timeout=30)
    unknown = requests.post(central.base + "/auth/login",
                            json={"username": "nobody", "password": PASSWORD}, timeout=30)
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_tokens_are_stored_only_as_hashes(central: Central) -> None:
    setup_unit(central)
    user = central.login("zhang")
    engine, session = central.session()
    with session:
        stored = [t.token_hash for t in session.query(AccessToken).all()]
    engine.dispose()
    assert user.token not in stored
    assert all(len(h) == 64 for h in stored)


def test_expired_token_is_refused_with_its_own_code(central: Central) -> None:
    setup_unit(central)
    user = central.login("zhang")
    engine, session = central.session()
    with session:
        session.execute(update(AccessToken).values(
            expires_at=datetime.now(UTC) - timedelta(minutes=1)))
        session.commit()
    engine.dispose()
    response = user.get("/auth/me")
    assert response.status_code == 401 and response.json()["code"] == "token_expired"


def test_enrolment_reserves_a_unique_prefix_and_is_idempotent(central: Central) -> None:
    setup_unit(central)
    central.add_user("li", Role.INSPECTOR, "ZD")
    zhang, li = central.login("zhang"), central.login("li")
    device = new_uuid()
    first = zhang.post("/devices/enroll", json={"device_uuid": device, "name": "笔记本"}).json()
    again = zhang.post("/devices/enroll", json={"device_uuid": device, "name": "笔记本"}).json()
    other = li.enroll()
    assert first["sample_prefix"] == again["sample_prefix"]
    assert other["sample_prefix"] != first["sample_prefix"]
    assert len(first["sample_prefix"]) == 3
    taken = li.post("/devices/enroll", json={"device_uuid": device, "name": "x"})
    assert taken.status_code == 403


def test_revoked_device_stops_its_tokens_and_sign_in(central: Central) -> None:
    setup_unit(central)
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    device = new_uuid()
    zhang = central.login("zhang")
    zhang.post("/devices/enroll", json={"device_uuid": device, "name": "laptop"})
    admin = central.login("admin")
    revoked = admin.post(f"/devices/{device}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert zhang.get("/auth/me").json()["code"] in {"device_revoked", "token_revoked"}
    again = requests.post(central.base + "/auth/login", json={
        "username": "zhang", "password": PASSWORD, "device_uuid": device}, timeout=30)
    assert again.status_code == 401 and again.json()["code"] == "device_revoked"


def test_only_administrators_revoke_devices(central: Central) -> None:
    setup_unit(central)
    zhang = central.login("zhang")
    device = zhang.enroll()
    response = zhang.post(f"/devices/{device['device_uuid']}/revoke")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_requests_that_break_the_schema_get_422_not_500(central: Central) -> None:
    response = requests.post(central.base + "/auth/login", json={"username": ""}, timeout=30)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["detail"]["problems"]
