"""Sync-state digests, device checkpoints, reference feeds, and the schema's drift check."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from inspector.central.database import connect, migrate
from inspector.central.models import Base
from inspector.core.roles import Role
from tests.central.support import Central, item

CALENDAR = Path(__file__).resolve().parents[2] / "resources" / "calendars" / "cn-2026.json"


def test_state_digest_matches_what_the_laptop_can_compute(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    user = central.login("zhang")
    pushed = [item("inspection", {"n": n}) for n in range(4)]
    user.push(*pushed)
    state = user.get("/sync/state/fieldwork").json()
    inspections = next(k for k in state["kinds"] if k["kind"] == "inspection")
    lines = "\n".join(f"{p['uuid']} {p['content_hash']} 0"
                      for p in sorted(pushed, key=lambda p: p["uuid"]))
    assert inspections["count"] == 4
    assert inspections["digest"] == hashlib.sha256(lines.encode()).hexdigest()
    assert user.get("/sync/state/nothing").status_code == 404


def test_checkpoints_need_an_enrolled_device_and_are_kept_per_feed(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    user = central.login("zhang")
    refused = user.put("/sync/checkpoints/fieldwork", json={"cursor": 3})
    assert refused.status_code == 409
    user.enroll()
    assert user.put("/sync/checkpoints/fieldwork", json={"cursor": 3}).status_code == 200
    assert user.put("/sync/checkpoints/directory", json={"cursor": 9}).status_code == 200
    assert user.put("/sync/checkpoints/fieldwork", json={"cursor": 5}).status_code == 200
    saved = {c["feed"]: c["cursor"] for c in user.get("/sync/checkpoints").json()}
    assert saved == {"directory": 9, "fieldwork": 5}


def test_calendars_reach_every_account_and_are_validated(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_unit("XJ", "130181")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    central.add_user("wang", Role.INSPECTOR, "XJ")
    admin = central.login("admin")
    schedule = json.loads(CALENDAR.read_text(encoding="utf-8"))
    broken = {**schedule, "makeup_workdays": ["2026-10-01"]}  # also a holiday
    results = admin.push(item("calendar", schedule), item("calendar", broken))
    assert results[0]["status"] == "stored"
    assert results[1]["status"] == "refused" and "2026-10-01" in results[1]["reason"]
    received = central.login("wang").feed("calendars")["items"]
    assert [i["body"]["year"] for i in received] == [2026]


def test_migrations_match_the_models(database_url: str) -> None:
    engine = connect(database_url)
    try:
        migrate(engine)
        migrate(engine)  # a second start finds nothing to do
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True,
                                  "version_table": "central_alembic_version"})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
