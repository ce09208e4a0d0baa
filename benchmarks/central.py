"""Benchmark: push finalized inspections with 30 findings each into the central platform.

Run as ``python -m benchmarks.central [--inspections N] [--postgres URL]``. For each
backend (SQLite always; PostgreSQL when a URL is given, by ``--postgres`` or
INSPECTOR_TEST_POSTGRES) it starts the real server on loopback and times, on fresh
databases:

- the API with batches as the protocol defines them (500 records a request);
- the limit: a bulk insert of the same rows (one ``record`` row per record: a first
  version lives there until it is replaced) with SQLAlchemy Core into the same kind
  of database;
- the API with one request per inspection, as OpenRosa servers take submissions
  (that inspection and its 30 findings in one request).

Every record is a separate protocol record (an inspection is 31 of them). The last
line printed is one JSON object; times are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
import uuid as uuidlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import insert, text

from inspector.central import accounts
from inspector.central.database import connect, migrate, sessions
from inspector.central.embedded import scratch_postgres_database, serve_in_subprocess
from inspector.central.models import Base, Counter, Record
from inspector.central.settings import Settings
from inspector.core.audit_chain import canonical_json
from inspector.core.ids import new_uuid
from inspector.core.roles import Role
from inspector.sync.protocol import MAX_PUSH_ITEMS

FINDINGS = 30
PASSWORD = "benchmark password"


def inspection_items(count: int) -> list[list[dict[str, Any]]]:
    """``count`` inspections, each as [inspection, finding × 30] protocol items."""
    result = []
    for number in range(count):
        inspection_uuid = new_uuid()
        inspection = {
            "task": new_uuid(), "entity": f"91130123MA{number:07d}X", "status": "finalized",
            "started_at": "2026-11-28T09:00:00+08:00", "finalized_at": "2026-11-28T10:30:00+08:00",
            "result_codes": ["1"], "inspectors": ["ZD001", "ZD002"],
            "checklist_version": "SC-SPXS-2026.1",
        }
        items = [_item("inspection", inspection, inspection_uuid)]
        for finding in range(FINDINGS):
            items.append(_item("finding", {
                "inspection": inspection_uuid, "item_key": f"item-{finding:02d}",
                "answer": "符合" if finding % 7 else "不符合",
                "note": "现场核查台账，票证齐全" if finding % 5 else "",
            }))
        result.append(items)
    return result


def _item(kind: str, body: dict[str, Any], uuid: str | None = None) -> dict[str, Any]:
    digest = hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()
    return {"kind": kind, "uuid": uuid or new_uuid(), "content_hash": digest, "body": body}


@contextmanager
def fresh_database(backend: str, scratch: Path, postgres: str | None) -> Iterator[str]:
    name = f"bench_{uuidlib.uuid4().hex[:12]}"
    if backend == "sqlite":
        yield f"sqlite:///{scratch / (name + '.sqlite')}"
        return
    assert postgres is not None
    with scratch_postgres_database(postgres, name) as url:
        yield url


def prepare_accounts(url: str) -> None:
    engine = connect(url)
    migrate(engine)
    with sessions(engine)() as session:
        accounts.create_unit(session, "ZD", "正定县市场监督管理局", "130123")
        accounts.create_account(session, username="zhang", password=PASSWORD,
                                role=Role.INSPECTOR, unit_code="ZD")
        session.commit()
    engine.dispose()


def time_api(url: str, scratch: Path, inspections: list[list[dict[str, Any]]],
             per_inspection: bool) -> float:
    prepare_accounts(url)
    with serve_in_subprocess(Settings(url, scratch / f"blobs-{uuidlib.uuid4().hex[:6]}")) as base:
        http = requests.Session()
        token = http.post(base + "/auth/login", json={
            "username": "zhang", "password": PASSWORD}, timeout=60).json()["token"]
        http.headers["Authorization"] = f"Bearer {token}"
        if per_inspection:
            requests_bodies = [{"items": items} for items in inspections]
        else:
            flat = [item for items in inspections for item in items]
            requests_bodies = [{"items": flat[i:i + MAX_PUSH_ITEMS]}
                               for i in range(0, len(flat), MAX_PUSH_ITEMS)]
        payloads = [json.dumps(body, ensure_ascii=False).encode() for body in requests_bodies]
        start = time.perf_counter()
        for payload in payloads:
            response = http.post(base + "/push", data=payload, timeout=600,
                                 headers={"Content-Type": "application/json"})
            response.raise_for_status()
            assert all(r["status"] == "stored" for r in response.json()["results"])
        return time.perf_counter() - start


def time_bulk(url: str, inspections: list[list[dict[str, Any]]]) -> float:
    prepare_accounts(url)
    engine = connect(url)
    flat = [item for items in inspections for item in items]
    now = datetime.now(UTC)
    start = time.perf_counter()
    with engine.begin() as connection:
        unit_id, account_id = connection.execute(text(
            "SELECT unit_id, id FROM account WHERE username = 'zhang'")).one()
        table = Base.metadata.tables[Record.__tablename__]
        connection.execute(insert(table), [{
            "uuid": item["uuid"], "kind": item["kind"], "feed": "fieldwork",
            "content_hash": item["content_hash"], "body": item["body"], "deleted": False,
            "unit_id": unit_id, "region_code": "130123", "owner_id": account_id,
            "device_id": None, "server_seq": seq, "revision": 1, "received_at": now,
        } for seq, item in enumerate(flat, start=1)])
        connection.execute(Counter.__table__.update().where(Counter.name == "records")
                           .values(value=len(flat)))
    elapsed = time.perf_counter() - start
    engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inspections", type=int, default=10_000)
    parser.add_argument("--per-request-sample", type=int, default=1000,
                        help="inspections timed one request each (scaled to the total)")
    parser.add_argument("--postgres", default=os.environ.get("INSPECTOR_TEST_POSTGRES"))
    args = parser.parse_args()
    inspections = inspection_items(args.inspections)
    sample = inspections[: min(args.per_request_sample, len(inspections))]
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-central-") as folder:
        scratch = Path(folder)
        for backend in backends:
            with fresh_database(backend, scratch, args.postgres) as url:
                api = time_api(url, scratch, inspections, per_inspection=False)
            with fresh_database(backend, scratch, args.postgres) as url:
                bulk = time_bulk(url, inspections)
            with fresh_database(backend, scratch, args.postgres) as url:
                per_request = time_api(url, scratch, sample, per_inspection=True)
            per_request_total = per_request * len(inspections) / len(sample)
            figures[f"{backend}_api_s"] = round(api, 2)
            figures[f"{backend}_bulk_s"] = round(bulk, 2)
            figures[f"{backend}_per_request_s"] = round(per_request_total, 2)
            figures[f"{backend}_inspections_per_s"] = round(len(inspections) / api, 1)
            print(f"{backend}: api {api:.1f} s, bulk {bulk:.1f} s, one request per "
                  f"inspection {per_request_total:.1f} s (from {len(sample)})", flush=True)
    ratios = {"sqlite_vs_bulk": round(figures["sqlite_api_s"] / figures["sqlite_bulk_s"], 2),
              "per_request_vs_batched": round(
                  figures["sqlite_per_request_s"] / figures["sqlite_api_s"], 2)}
    if "postgresql_api_s" in figures:
        ratios["postgres_vs_bulk"] = round(
            figures["postgresql_api_s"] / figures["postgresql_bulk_s"], 2)
        ratios["per_request_vs_batched_postgres"] = round(
            figures["postgresql_per_request_s"] / figures["postgresql_api_s"], 2)
    print(json.dumps({"bench": "central", "inspections": len(inspections),
                      "records": len(inspections) * (FINDINGS + 1),
                      "per_request_sample": len(sample), **figures, "ratios": ratios}))


if __name__ == "__main__":
    main()
