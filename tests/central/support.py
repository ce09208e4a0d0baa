"""Helpers of the central-platform tests: a live server, accounts, and a small client."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from inspector.central import accounts
from inspector.central.database import connect, sessions
from inspector.central.embedded import serve_in_thread
from inspector.central.settings import Settings
from inspector.core.audit_chain import canonical_json
from inspector.core.draw import (
    Candidate,
    DrawPlan,
    Member,
    Stratum,
    protocol_document,
    redraw_document,
    redraw_team,
    run_draw,
    seed_from_text,
)
from inspector.core.ids import new_uuid
from inspector.core.roles import Role

PASSWORD = "correct horse battery"


def body_hash(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def item(kind: str, body: dict[str, Any], uuid: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "uuid": uuid or new_uuid(), "content_hash": body_hash(body),
            "body": body, **extra}


@dataclass
class Session:
    """A signed-in user talking to the live server."""

    base: str
    token: str
    username: str
    http: requests.Session = field(default_factory=requests.Session)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.base + path, headers=self.headers, timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.post(self.base + path, headers=self.headers, timeout=30, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.put(self.base + path, headers=self.headers, timeout=30, **kwargs)

    def push(self, *items: dict[str, Any]) -> list[dict[str, Any]]:
        response = self.post("/push", json={"items": list(items)})
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def feed(self, name: str, cursor: int = 0, limit: int = 200) -> dict[str, Any]:
        response = self.get(f"/feeds/{name}", params={"cursor": cursor, "limit": limit})
        assert response.status_code == 200, response.text
        return response.json()

    def enroll(self, name: str = "laptop") -> dict[str, Any]:
        response = self.post("/devices/enroll", json={"device_uuid": new_uuid(), "name": name})
        assert response.status_code == 200, response.text
        return response.json()


@dataclass
class Central:
    """A running platform: its URL, its settings, and direct database access for setup."""

    base: str
    settings: Settings

    def session(self) -> Any:
        engine = connect(self.settings.db_url)
        return engine, sessions(engine)()

    def add_unit(self, code: str, region: str = "130123", name: str = "") -> None:
        engine, session = self.session()
        with session:
            accounts.create_unit(session, code, name or code, region)
            session.commit()
        engine.dispose()

    def add_user(self, username: str, role: Role, unit: str, region: str | None = None) -> None:
        engine, session = self.session()
        with session:
            accounts.create_account(session, username=username, password=PASSWORD, role=role,
                                    unit_code=unit, region_code=region)
            session.commit()
        engine.dispose()

    def login(self, username: str, device_uuid: str | None = None) -> Session:
        payload: dict[str, Any] = {"username": username, "password": PASSWORD}
        if device_uuid:
            payload["device_uuid"] = device_uuid
        response = requests.post(self.base + "/auth/login", json=payload, timeout=30)
        assert response.status_code == 200, response.text
        return Session(self.base, response.json()["token"], username)


@contextmanager
def running_server(database_url: str, blobs: Path) -> Iterator[Central]:
    """Start the real app under uvicorn on a free loopback port, in a thread."""
    settings = Settings(database_url, blobs)
    with serve_in_thread(settings) as base:
        yield Central(base, settings)


def draw_protocol(seed_text: str = "2026-11-28 福彩3D 第2026318期") -> dict[str, Any]:
    """A small, valid draw protocol document (inspector.core.draw)."""
    seed = seed_from_text(seed_text)
    plan = DrawPlan((Stratum("A", ratio="0.5"), Stratum("B", count=1)), team_size=2)
    population = [Member(f"9113012300000{n:04d}X", "A" if n < 6 else "B") for n in range(10)]
    pool = [Candidate("ZD001"), Candidate("ZD002"), Candidate("ZD003")]
    return protocol_document(run_draw(seed, plan, population, pool), seed=seed, plan=plan,
                             population=population, inspectors=pool,
                             drawn_at="2026-11-28T02:00:00+00:00", operator="lead",
                             software_version="test")


def protocol_body(document: dict[str, Any], plan_uuid: str = "") -> dict[str, Any]:
    """The body a team lead's laptop pushes for a protocol (inspector.sync.catalogue)."""
    return {"plan": plan_uuid or None, "sha256": document["sha256"],
            "seed_commitment": document["seed_commitment"], "drawn_at": document["drawn_at"],
            "operator": document["operator"],
            "document": json.dumps(document, ensure_ascii=False)}


def redraw_body(document: dict[str, Any], protocol_uuid: str) -> dict[str, Any]:
    """The body of a valid first redraw of ``document`` (its first team loses its lead)."""
    first = next(s for s in document["selected"] if s["team"])
    recused = first["team"][0]
    made = redraw_team(document, first["key"], {recused: [first["key"]]})
    record = redraw_document(document, made, inspector=recused, reason="近亲属",
                             drawn_at="2026-11-29T02:00:00+00:00", operator="lead")
    return {"protocol": protocol_uuid, "entity": None, "sequence": 1,
            "sha256": record["sha256"], "drawn_at": record["drawn_at"], "operator": "lead",
            "document": json.dumps(record, ensure_ascii=False)}
