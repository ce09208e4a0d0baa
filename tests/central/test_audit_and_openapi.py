"""The platform's own audit chain, and the completeness of its OpenAPI document."""

from __future__ import annotations

import requests
from sqlalchemy import text

from inspector.core.roles import Role
from tests.central.support import Central, item


def test_audit_chain_records_actions_and_detects_tampering(central: Central) -> None:
    central.add_unit("ZD", "130123")
    central.add_user("zhang", Role.INSPECTOR, "ZD")
    central.add_user("admin", Role.ADMINISTRATOR, "ZD")
    zhang = central.login("zhang")
    zhang.push(item("inspection", {"result": "1"}))
    admin = central.login("admin")
    verdict = admin.get("/audit/verify").json()
    assert verdict["intact"] and verdict["events_checked"] >= 5
    assert zhang.get("/audit/verify").status_code == 403
    engine, session = central.session()
    with session:
        session.execute(text("UPDATE audit_event SET payload = '{}' WHERE seq = 2"))
        session.commit()
    engine.dispose()
    broken = admin.get("/audit/verify").json()
    assert not broken["intact"] and broken["broken_at"] == 2


def test_openapi_documents_every_route_and_its_errors(central: Central) -> None:
    spec = requests.get(central.base.removesuffix("/api/v1") + "/openapi.json", timeout=30).json()
    paths = spec["paths"]
    expected = {"/api/v1/health", "/api/v1/auth/login", "/api/v1/auth/logout", "/api/v1/auth/me",
                "/api/v1/devices/enroll", "/api/v1/devices",
                "/api/v1/devices/{device_uuid}/revoke", "/api/v1/push", "/api/v1/feeds/{feed}",
                "/api/v1/records/{uuid}/missing-blobs", "/api/v1/blobs/{sha256}",
                "/api/v1/blobs/{sha256}/state", "/api/v1/audit/verify",
                "/api/v1/custody/{portion_code}", "/api/v1/custody/{portion_code}/events"}
    assert expected <= set(paths)
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("description") or operation.get("summary"), (path, method)
            responses = operation["responses"]
            assert "200" in responses or "204" in responses, (path, method)
            if path not in ("/api/v1/health", "/api/v1/auth/login"):
                assert "401" in responses and "403" in responses, (path, method)
    assert "ErrorBody" in spec["components"]["schemas"]
