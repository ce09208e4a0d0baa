"""Who may call what: every endpoint of the served OpenAPI document against every kind of
caller (no token, bad tokens, each role), and the unit and region scope rules.

The endpoints come from the live server's ``/openapi.json``, so a new endpoint is part of
the matrix at once: it must be given a rule in ``RULES`` (how to build a valid request and
which roles may make it), or these tests fail naming it.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from inspector.central import accounts
from inspector.central.database import connect, sessions
from inspector.central.kinds import registry
from inspector.central.models import AccessToken, Account, Device
from inspector.central.security import hash_password, new_token, token_digest
from inspector.core.ids import new_uuid
from inspector.core.roles import Role
from tests.central.custody_support import laptop_sample, step
from tests.central.support import (
    PASSWORD,
    Central,
    Session,
    draw_protocol,
    item,
    protocol_body,
    redraw_body,
)

ROLES = (Role.INSPECTOR, Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.AUDITOR, Role.LAB)
WRITERS = (Role.INSPECTOR, Role.TEAM_LEAD, Role.ADMINISTRATOR)
SUPERVISORS = (Role.ADMINISTRATOR, Role.AUDITOR)
# Everyone but laboratories, which read no feeds, blobs or checkpoints (custody only).
SYNCING = (Role.INSPECTOR, Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.AUDITOR)
SAMPLE_NUMBERS = itertools.count(1)
PUBLIC = {("GET", "/api/v1/health"), ("POST", "/api/v1/auth/login")}
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
CALENDAR = Path(__file__).resolve().parents[2] / "resources" / "calendars" / "cn-2026.json"
ENTITY = {"identifier": "91130123MA0ABCDE6R", "identifier_kind": "uscc", "name": "正定某店",
          "entity_type": "enterprise", "region_code": "130123"}


# -- the world every test starts from: one county unit with one account of each role -----


class World:
    """A live server with unit ZD (正定县, 130123), an account per role named after the
    role, an ``owner`` inspector who provides devices and uploads, a directory record
    and a verified blob of the unit."""

    def __init__(self, central: Central) -> None:
        self.central = central
        self.engine = connect(central.settings.db_url)
        self.db = sessions(self.engine)
        central.add_unit("ZD", "130123")
        for role in ROLES:
            central.add_user(role.value, role, "ZD")
        central.add_user("owner", Role.INSPECTOR, "ZD")
        entity = item("entity", ENTITY)
        assert self.token("administrator").push(entity)[0]["status"] == "stored"
        self.record_uuid = entity["uuid"]
        self.blob = self.upload(self.token("owner"), os.urandom(3000))

    def close(self) -> None:
        self.engine.dispose()

    def token(self, username: str, expires_in: timedelta = timedelta(days=1)) -> Session:
        """A bearer token issued for the account straight into the database (signing in
        costs an Argon2 hash; the tokens it issues are the same rows)."""
        token = new_token()
        with self.db() as db:
            account_id = db.scalar(select(Account.id).where(Account.username == username))
            assert account_id is not None, username
            db.add(AccessToken(token_hash=token_digest(token), account_id=account_id,
                               expires_at=datetime.now(UTC) + expires_in))
            db.commit()
        return Session(self.central.base, token, username)

    def fresh_device(self, username: str = "owner") -> str:
        """A device newly enrolled by ``username`` (through a token of its own)."""
        device = new_uuid()
        response = self.token(username).post("/devices/enroll",
                                             json={"device_uuid": device, "name": "spare"})
        assert response.status_code == 200, response.text
        return device

    def start_upload(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        response = self.token("owner").post(f"/blobs/{sha}", json={"size": len(data)})
        assert response.status_code == 200, response.text
        return sha

    @staticmethod
    def upload(user: Session, data: bytes) -> bytes:
        sha = hashlib.sha256(data).hexdigest()
        assert user.post(f"/blobs/{sha}", json={"size": len(data)}).status_code == 200
        done = user.put(f"/blobs/{sha}", params={"offset": 0}, data=data)
        assert done.status_code == 200 and done.json()["verified"], done.text
        return data

    def set_expiry(self, token: str, when: datetime) -> None:
        with self.db() as db:
            db.execute(update(AccessToken).where(AccessToken.token_hash == token_digest(token))
                       .values(expires_at=when))
            db.commit()

    def served(self) -> list[tuple[str, str]]:
        root = self.central.base.removesuffix("/api/v1")
        spec = requests.get(root + "/openapi.json", timeout=30).json()
        return [(method.upper(), path) for path, operations in spec["paths"].items()
                for method in operations if method in HTTP_METHODS]


# Every account has the same password: hash it once (Argon2 takes a quarter second) and
# store that same valid hash for each account these tests create.
_hash_once = functools.cache(hash_password)


@pytest.fixture
def world(central: Central, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setattr(accounts, "hash_password", _hash_once)
    made = World(central)
    try:
        yield made
    finally:
        made.close()


# -- the rules: a valid request for each endpoint, and who may make it ----------------------


@dataclass(frozen=True, slots=True)
class Call:
    path: str  # under /api/v1
    json: Any = None
    params: Mapping[str, Any] | None = None
    data: bytes | None = None


Builder = Callable[[World, Session], Call]


@dataclass(frozen=True, slots=True)
class Rule:
    build: Builder  # given the world and the caller (who may prepare state with its token)
    expect: Mapping[Role, int]
    accepted: Callable[[World, requests.Response], bool] | None = None  # on success


def allowed(*roles: Role, ok: int = 200) -> dict[Role, int]:
    return {role: ok if role in roles else 403 for role in ROLES}


def everyone(ok: int = 200) -> dict[Role, int]:
    return allowed(*ROLES, ok=ok)


def fixed(path: str, **kwargs: Any) -> Builder:
    return lambda _world, _caller: Call(path, **kwargs)


def revoke_a_device(world: World, _caller: Session) -> Call:
    return Call(f"/devices/{world.fresh_device()}/revoke")


def push_an_inspection(_world: World, caller: Session) -> Call:
    return Call("/push", json={"items": [item("inspection", {"by": caller.username})]})


def save_a_checkpoint(_world: World, caller: Session) -> Call:
    # Checkpoints belong to an enrolled device: enroll the caller's token first (refused
    # to an auditor, who therefore has no device to keep checkpoints for).
    caller.post("/devices/enroll", json={"device_uuid": new_uuid(), "name": "laptop"})
    return Call("/sync/checkpoints/fieldwork", json={"cursor": 1})


def start_an_upload(_world: World, _caller: Session) -> Call:
    sha = hashlib.sha256(os.urandom(32)).hexdigest()
    return Call(f"/blobs/{sha}", json={"size": 32, "media_type": "image/jpeg"})


def send_the_bytes(world: World, _caller: Session) -> Call:
    data = os.urandom(500)
    return Call(f"/blobs/{world.start_upload(data)}", params={"offset": 0}, data=data)


def blob_path(suffix: str = "") -> Builder:
    return lambda world, _caller: Call(
        f"/blobs/{hashlib.sha256(world.blob).hexdigest()}{suffix}")


def a_portion(world: World, caller: Session) -> Call:
    """A portion handed over to the lab: the caller's own if an inspector (inspectors
    follow only their own samples), else the ``owner`` inspector's."""
    pusher = caller if caller.username == Role.INSPECTOR.value else world.token("owner")
    pushed = laptop_sample(next(SAMPLE_NUMBERS))
    assert {r["status"] for r in pusher.push(*pushed.items)} == {"stored"}
    return Call(f"/custody/{pushed.test_portion}")


def a_lab_receipt(world: World, _caller: Session) -> Call:
    portion = a_portion(world, world.token("owner")).path
    return Call(f"{portion}/events", json=step("received", seal_intact=True))


def first_item(status: str) -> Callable[[World, requests.Response], bool]:
    return lambda _world, response: response.json()["results"][0]["status"] == status


RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/health"): Rule(fixed("/health"), everyone()),
    ("POST", "/api/v1/auth/login"): Rule(
        lambda _world, caller: Call("/auth/login", json={"username": caller.username,
                                                         "password": PASSWORD}),
        everyone(), lambda _world, response: bool(response.json()["token"])),
    ("POST", "/api/v1/auth/logout"): Rule(fixed("/auth/logout"), everyone(ok=204)),
    ("GET", "/api/v1/auth/me"): Rule(fixed("/auth/me"), everyone()),
    ("POST", "/api/v1/devices/enroll"): Rule(
        lambda _world, _caller: Call("/devices/enroll",
                                     json={"device_uuid": new_uuid(), "name": "laptop"}),
        allowed(*WRITERS)),
    ("GET", "/api/v1/devices"): Rule(fixed("/devices"), allowed(*SUPERVISORS)),
    ("POST", "/api/v1/devices/{device_uuid}/revoke"): Rule(
        revoke_a_device, allowed(Role.ADMINISTRATOR),
        lambda _world, response: response.json()["revoked_at"] is not None),
    ("POST", "/api/v1/push"): Rule(push_an_inspection, allowed(*WRITERS),
                                   first_item("stored")),
    ("GET", "/api/v1/feeds/{feed}"): Rule(fixed("/feeds/fieldwork"), allowed(*SYNCING)),
    ("GET", "/api/v1/sync/state/{feed}"): Rule(fixed("/sync/state/fieldwork"),
                                               allowed(*SYNCING)),
    ("PUT", "/api/v1/sync/checkpoints/{feed}"): Rule(
        save_a_checkpoint, {**allowed(*WRITERS), Role.AUDITOR: 409}),
    ("GET", "/api/v1/sync/checkpoints"): Rule(fixed("/sync/checkpoints"), allowed(*SYNCING)),
    ("GET", "/api/v1/records/{uuid}/missing-blobs"): Rule(
        lambda world, _caller: Call(f"/records/{world.record_uuid}/missing-blobs"),
        allowed(*SYNCING)),
    ("GET", "/api/v1/audit/verify"): Rule(
        fixed("/audit/verify"), allowed(*SUPERVISORS),
        lambda _world, response: response.json()["intact"] is True),
    ("POST", "/api/v1/blobs/{sha256}"): Rule(start_an_upload, allowed(*WRITERS)),
    ("PUT", "/api/v1/blobs/{sha256}"): Rule(
        send_the_bytes, allowed(*WRITERS),
        lambda _world, response: response.json()["verified"] is True),
    ("GET", "/api/v1/blobs/{sha256}"): Rule(
        blob_path(), allowed(*SYNCING),
        lambda world, response: response.content == world.blob),
    ("GET", "/api/v1/blobs/{sha256}/state"): Rule(blob_path("/state"), allowed(*SYNCING)),
    ("GET", "/api/v1/custody/{portion_code}"): Rule(
        a_portion, everyone(), lambda _world, response: response.json()["intact"] is True),
    ("POST", "/api/v1/custody/{portion_code}/events"): Rule(
        a_lab_receipt, allowed(Role.LAB),
        lambda _world, response: response.json()["status"] == "stored"),
}


def send(world: World, method: str, call: Call, authorization: str | None,
         ) -> requests.Response:
    headers = {} if authorization is None else {"Authorization": authorization}
    return requests.request(method, world.central.base + call.path, headers=headers,
                            json=call.json, params=call.params, data=call.data, timeout=30)


def rules_for(world: World) -> list[tuple[str, str, Rule]]:
    served = world.served()
    missing = [f"{method} {path}" for method, path in served if (method, path) not in RULES]
    assert not missing, ("endpoints without an authorization rule in "
                         f"tests/central/test_authorization.py RULES: {missing}")
    return [(method, path, RULES[method, path]) for method, path in served]


def brief(response: requests.Response) -> str:
    if response.headers.get("content-type", "").startswith("application/json"):
        return f"{response.status_code} {response.text[:200]}"
    return f"{response.status_code} ({len(response.content)} bytes of "\
        f"{response.headers.get('content-type')})"


# -- the matrix -------------------------------------------------------------------------


def test_every_served_endpoint_has_a_rule(world: World) -> None:
    served = set(world.served())
    missing = sorted(f"{m} {p}" for m, p in served - set(RULES))
    stale = sorted(f"{m} {p}" for m, p in set(RULES) - served)
    assert not missing, f"served endpoints missing from RULES: {missing}"
    assert not stale, f"RULES names endpoints the server no longer serves: {stale}"
    assert served >= PUBLIC


def test_requests_without_a_valid_token_are_refused_with_the_reason(world: World) -> None:
    # A token issued by signing in, then expired in the database.
    expired = world.central.login("inspector").token
    world.set_expiry(expired, datetime.now(UTC) - timedelta(minutes=1))
    # A token signed out.
    signed_out = world.token("inspector")
    assert signed_out.post("/auth/logout").status_code == 204
    # A token of a disabled account.
    world.central.add_user("gone", Role.INSPECTOR, "ZD")
    disabled = world.token("gone")
    with world.db() as db:
        db.execute(update(Account).where(Account.username == "gone").values(active=False))
        db.commit()
    # A token bound to a device that an administrator then revoked through the API.
    bound = world.token("owner")
    device = new_uuid()
    assert bound.post("/devices/enroll", json={"device_uuid": device, "name": "x"}).ok
    assert world.token("administrator").post(f"/devices/{device}/revoke").ok
    # A token that escaped the revocation of its device (say, issued while it ran): the
    # device alone is marked revoked, and the device check must still stop the token.
    escaped = world.token("owner")
    other = new_uuid()
    assert escaped.post("/devices/enroll", json={"device_uuid": other, "name": "y"}).ok
    with world.db() as db:
        db.execute(update(Device).where(Device.device_uuid == other)
                   .values(revoked_at=datetime.now(UTC)))
        db.commit()

    variants: dict[str, tuple[str | None, set[str]]] = {
        "no token": (None, {"unauthenticated"}),
        "unknown token": (f"Bearer {new_token()}", {"unauthenticated"}),
        "garbage": ("Bearer \x7f not a token", {"unauthenticated"}),
        "empty bearer": ("Bearer", {"unauthenticated"}),
        "other scheme": ("Basic aW5zcGVjdG9yOnBhc3N3b3Jk", {"unauthenticated"}),
        "expired": (f"Bearer {expired}", {"token_expired"}),
        "signed out": (signed_out.headers["Authorization"], {"token_revoked"}),
        "account disabled": (disabled.headers["Authorization"], {"token_revoked"}),
        "device revoked": (bound.headers["Authorization"], {"token_revoked", "device_revoked"}),
        "device revoked, token not": (escaped.headers["Authorization"], {"device_revoked"}),
    }
    # Signing in and health never look at the token (a laptop with a stale one signs in
    # again); each sign-in costs an Argon2 check, so they get a few of the variants.
    public_variants = {"no token", "garbage", "expired", "device revoked"}
    preparer = world.token("inspector")
    wrong: list[str] = []
    for method, path, rule in rules_for(world):
        for variant, (authorization, codes) in variants.items():
            if (method, path) in PUBLIC and variant not in public_variants:
                continue
            response = send(world, method, rule.build(world, preparer), authorization)
            if (method, path) in PUBLIC:
                ok = response.status_code == 200
            else:
                ok = response.status_code == 401 and response.json()["code"] in codes
            if not ok:
                wrong.append(f"{method} {path} with {variant}: {brief(response)}")
    assert not wrong, "\n".join(wrong)


def test_each_role_gets_exactly_what_the_rules_allow(world: World) -> None:
    wrong: list[str] = []
    for method, path, rule in rules_for(world):
        for role in ROLES:
            caller = world.token(role.value)
            response = send(world, method, rule.build(world, caller),
                            caller.headers["Authorization"])
            expected = rule.expect[role]
            ok = response.status_code == expected
            if ok and expected == 403:
                ok = response.json()["code"] == "forbidden"
            if ok and response.status_code < 300 and rule.accepted is not None:
                ok = rule.accepted(world, response)
            if not ok:
                wrong.append(f"{method} {path} as {role.value}: expected {expected}, "
                             f"got {brief(response)}")
    assert not wrong, "\n".join(wrong)


# -- which roles may push which kinds -----------------------------------------------------

FIELDWORK = ("inspection", "finding", "inspection_revision", "photo", "photo_annotation",
             "signature", "sample", "sample_portion", "sample_signature", "custody_event",
             "referral", "device_audit_event")
PUSH_ROLES: dict[str, tuple[Role, ...]] = {
    **dict.fromkeys(FIELDWORK, WRITERS),
    "entity": (Role.ADMINISTRATOR,),
    "inspector": (Role.ADMINISTRATOR,),
    "calendar": (Role.ADMINISTRATOR,),
    "result_code": (Role.ADMINISTRATOR,),
    "checklist": (Role.ADMINISTRATOR,),
    "checklist_version": (Role.ADMINISTRATOR,),
    **dict.fromkeys(("plan", "draw_protocol", "draw_redraw", "task", "recusal"),
                    (Role.TEAM_LEAD, Role.ADMINISTRATOR)),
}
INSPECTOR_BODY = {"staff_id": "ZD-007", "name": "张三", "unit": "ZD", "region_code": "130123"}


def valid_body(kind: str) -> dict[str, Any]:
    bodies: dict[str, dict[str, Any]] = {
        "entity": ENTITY,
        "inspector": INSPECTOR_BODY,
        "calendar": json.loads(CALENDAR.read_text(encoding="utf-8")),
        "result_code": {"code": "9", "label": "其他"},
        "task": {"entity": ENTITY["identifier"], "inspectors": ["ZD001", "ZD002"]},
        "draw_protocol": protocol_body(draw_protocol()),
        "custody_event": {"portion": new_uuid(), "seq": 1, "kind": "collected"},
    }
    if kind in bodies:
        return bodies[kind]
    kind_rules = registry()[kind]
    assert kind_rules.body_model is None and kind_rules.check is None \
        and kind_rules.stored_check is None, \
        f"add a valid {kind} body to valid_body()"
    return {"note": f"a {kind}", "nonce": new_uuid()}


def pushable(kinds: list[str]) -> list[dict[str, Any]]:
    """A valid item of each kind; a redraw names the protocol pushed before it."""
    items = [item(kind, valid_body(kind)) for kind in kinds if kind != "draw_redraw"]
    if "draw_redraw" in kinds:
        protocol = next(i for i in items if i["kind"] == "draw_protocol")
        document = json.loads(protocol["body"]["document"])
        items.insert(kinds.index("draw_redraw"),
                     item("draw_redraw", redraw_body(document, protocol["uuid"])))
    return items


def test_each_kind_is_pushed_only_by_its_roles(world: World) -> None:
    kinds = sorted(registry())
    unruled = [kind for kind in kinds if kind not in PUSH_ROLES]
    assert not unruled, f"record kinds without a push rule in PUSH_ROLES: {unruled}"
    wrong: list[str] = []
    for role in WRITERS:
        pushed = pushable(kinds)
        results = world.token(role.value).push(*pushed)
        for kind, result in zip(kinds, results, strict=True):
            if role in PUSH_ROLES[kind]:
                ok = result["status"] == "stored"
            elif (kind, role) == ("task", Role.INSPECTOR):  # progress only, on their tasks
                ok = (result["status"] == "refused"
                      and "do not create tasks" in (result["reason"] or ""))
            else:
                ok = (result["status"] == "refused"
                      and f"may not push {kind}" in (result["reason"] or ""))
            if not ok:
                wrong.append(f"{kind} pushed by {role.value}: {result}")
    assert not wrong, "\n".join(wrong)
    everything = pushable(kinds)
    for reader in (Role.AUDITOR, Role.LAB):
        refused = world.token(reader.value).post("/push", json={"items": everything})
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden"


# -- scope: units and regions -----------------------------------------------------------


def add_neighbours(world: World) -> None:
    """辛集市 (130181), a county beside ZD, with one account of each role; and the city
    above both (石家庄市, 130100) with an administrator."""
    central = world.central
    central.add_unit("XJ", "130181")
    central.add_unit("SJZ", "130100")
    for role in ROLES:
        central.add_user(f"xj_{role.value}", role, "XJ")
    central.add_user("city_admin", Role.ADMINISTRATOR, "SJZ")


def test_administrators_revoke_devices_only_within_their_region(world: World) -> None:
    add_neighbours(world)
    device = world.fresh_device("inspector")
    user = world.token("inspector")
    user.post("/devices/enroll", json={"device_uuid": device, "name": "laptop"})
    outsider = world.token("xj_administrator")
    refused = outsider.post(f"/devices/{device}/revoke")
    assert refused.status_code == 404 and refused.json()["code"] == "not_found"
    assert user.get("/auth/me").status_code == 200  # the device still works
    for name in ("xj_administrator", "xj_auditor"):
        listed = {d["device_uuid"] for d in world.token(name).get("/devices").json()}
        assert device not in listed, name
    for name in ("administrator", "auditor", "city_admin"):
        listed = {d["device_uuid"] for d in world.token(name).get("/devices").json()}
        assert device in listed, name
    # The city's administrator covers the county below it.
    revoked = world.token("city_admin").post(f"/devices/{device}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert user.get("/auth/me").status_code == 401


def test_another_units_field_staff_cannot_download_its_blobs(world: World) -> None:
    add_neighbours(world)
    sha = hashlib.sha256(world.blob).hexdigest()
    for name in ("xj_inspector", "xj_team_lead"):
        response = world.token(name).get(f"/blobs/{sha}")
        assert response.status_code == 403 and response.json()["code"] == "forbidden", name
    for name in ("inspector", "team_lead", "administrator", "auditor", "city_admin"):
        response = world.token(name).get(f"/blobs/{sha}")
        assert response.status_code == 200 and response.content == world.blob, name


def test_supervisors_of_another_region_cannot_download_a_units_blobs(world: World) -> None:
    # docs/sync-protocol.md: a verified blob's bytes go to the same unit, "or region
    # scope for administrators and auditors"; 辛集市's supervisors do not cover 正定县.
    add_neighbours(world)
    sha = hashlib.sha256(world.blob).hexdigest()
    for name in ("xj_administrator", "xj_auditor"):
        response = world.token(name).get(f"/blobs/{sha}")
        assert response.status_code == 403, f"{name}: {brief(response)}"


def visible_uuids(user: Session, feeds: list[str]) -> set[str]:
    seen: set[str] = set()
    for feed in feeds:
        cursor = 0
        while True:
            page = user.feed(feed, cursor=cursor, limit=1000)
            seen |= {i["uuid"] for i in page["items"]}
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
    return seen


def test_records_stay_within_their_unit_and_region(world: World) -> None:
    add_neighbours(world)
    inspection = item("inspection", {"by": "inspector"})
    assert world.token("inspector").push(inspection)[0]["status"] == "stored"
    theirs = {inspection["uuid"], world.record_uuid}  # field work and directory of ZD
    mine = item("inspection", {"by": "xj_inspector"})
    assert world.token("xj_inspector").push(mine)[0]["status"] == "stored"
    feeds = world.token("inspector").get("/health").json()["feeds"]
    assert {"fieldwork", "directory"} <= set(feeds)
    for role in SYNCING:
        outsider = world.token(f"xj_{role.value}")
        seen = visible_uuids(outsider, feeds)
        assert not seen & theirs, f"xj_{role.value} sees {seen & theirs}"
        for uuid in theirs:
            missing = outsider.get(f"/records/{uuid}/missing-blobs")
            assert missing.status_code == 404, f"xj_{role.value}: {brief(missing)}"
        counts = {k["kind"]: k["count"]
                  for k in outsider.get("/sync/state/fieldwork").json()["kinds"]}
        assert counts["inspection"] == 1, f"xj_{role.value}: {counts}"  # XJ's own only
    assert visible_uuids(world.token("xj_inspector"), feeds) == {mine["uuid"]}
    for name in ("inspector", "team_lead", "administrator", "auditor", "city_admin"):
        seen = visible_uuids(world.token(name), feeds)
        assert theirs <= seen, name
    # Nor can a neighbour's administrator edit a record outside the region.
    edit = item("inspection", {"by": "someone else"}, uuid=inspection["uuid"],
                base_hash=inspection["content_hash"])
    result = world.token("xj_administrator").push(edit)[0]
    assert result["status"] == "refused" and "scope" in result["reason"]
