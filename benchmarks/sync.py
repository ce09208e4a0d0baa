"""Benchmark: the laptop's sync engine over a bad rural link, and on loopback.

Run as ``python -m benchmarks.sync [--inspections N] [--photos N] [--loopback N]``.
The real platform runs in its own process on SQLite; the laptop is a real workspace.

(a) ``--inspections`` finalized inspections with 30 findings each and ``--photos``
    photos of about 1 MB (incompressible bytes, as JPEG is) with their upload copies
    are synced from empty through the test suite's fault proxy, set to 8 Mbit/s each
    way, 100 ms delay, and connections cut at random about every 5 seconds. The limit
    is the payload that must cross (each push body once, each file once) divided by
    the link rate. ``resent`` is what crossed the link upstream beyond that payload
    (request heads included, so it errs high);
    ``verified`` counts records on the platform with the laptop's hash and files the
    platform verified.
(b) ``--loopback`` inspections with 30 findings, pushed with no proxy, beside the
    central benchmark's limit: a bulk insert of the same rows with SQLAlchemy Core
    into the same kind of database.

The last line printed is one JSON object; times are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import requests
from sqlalchemy import insert, select

from benchmarks.central import FINDINGS, PASSWORD, inspection_items, prepare_accounts, time_bulk
from inspector.central import accounts
from inspector.central.database import connect, sessions
from inspector.central.embedded import serve_in_subprocess
from inspector.central.settings import Settings
from inspector.core.audit_chain import canonical_json
from inspector.core.ids import new_uuid
from inspector.core.lifecycles import InspectionStatus
from inspector.core.roles import Role
from inspector.db.content_store import ContentStore
from inspector.db.models import BlobUpload, Finding, Inspection, MarketEntity, Photo
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.catalogue import KINDS
from inspector.sync.database import InlineDatabase
from inspector.sync.engine import DONE, SyncEngine, SyncOptions
from inspector.sync.outbox import build_items, pending_keys
from inspector.sync.protocol import MAX_PUSH_ITEMS, PushRequest
from inspector.sync.transport import Transport
from tests.sync.fault_proxy import FaultProxy, Faults

LINK_BYTES_PER_S = 1_000_000  # 8 Mbit/s
DELAY_S = 0.1
CUT_EVERY_S = 5.0
PHOTO_BYTES = 1_000_000
COPY_BYTES = 250_000
ENTITY = {"identifier": "91130123MA0000001X", "identifier_kind": "uscc", "name": "正定县放心超市",
          "entity_type": "enterprise", "region_code": "130123", "address": "正定镇中山路1号",
          "legal_representative": "李四", "industry": "食品销售", "risk_class": "B",
          "registration_status": "active"}


@dataclass
class Platform:
    server: str  # without the API prefix
    url: str


@contextmanager
def platform(scratch: Path) -> Iterator[Platform]:
    url = f"sqlite:///{scratch / 'central.sqlite'}"
    prepare_accounts(url)  # unit ZD, inspector zhang
    engine = connect(url)
    with sessions(engine)() as session:
        accounts.create_account(session, username="admin", password=PASSWORD,
                                role=Role.ADMINISTRATOR, unit_code="ZD")
        session.commit()
    engine.dispose()
    with serve_in_subprocess(Settings(url, scratch / "blobs")) as base:
        admin = requests.post(base + "/auth/login", json={"username": "admin",
                                                          "password": PASSWORD}, timeout=60)
        token = admin.json()["token"]
        digest = _hash(ENTITY)
        requests.post(base + "/push", json={"items": [{
            "kind": "entity", "uuid": new_uuid(), "content_hash": digest, "body": ENTITY}]},
            headers={"Authorization": f"Bearer {token}"}, timeout=60).raise_for_status()
        yield Platform(base.removesuffix("/api/v1"), url)


def _hash(body: dict[str, object]) -> str:
    return hashlib.sha256(canonical_json(body).encode()).hexdigest()


def laptop(root: Path, server: str) -> tuple[Workspace, Transport, ContentStore]:
    workspace = open_workspace(root)
    transport = Transport(server)
    transport.login("zhang", PASSWORD, workspace.device_id)
    transport.enroll(workspace.device_id, "benchmark laptop")
    return workspace, transport, ContentStore(workspace.paths.files)


def capture(workspace: Workspace, files: ContentStore, inspections: int, photos: int) -> None:
    """Write the field work in bulk (not timed)."""
    now = datetime.now(UTC)
    with workspace.store.write() as session:
        entity_id = session.scalar(select(MarketEntity.id))
        assert entity_id is not None, "the directory did not arrive"
        rows = [{"uuid": new_uuid(), "entity_id": entity_id, "status": InspectionStatus.FINALIZED,
                 "started_at": now, "started_device_clock": now.isoformat(),
                 "finalized_at": now, "result_codes": ["1"], "pending": True,
                 "created_at": now, "updated_at": now, "content_hash": ""}
                for _ in range(inspections)]
        session.execute(insert(Inspection), rows)
        ids = list(session.scalars(select(Inspection.id).order_by(Inspection.id)))
        session.execute(insert(Finding), [
            {"uuid": new_uuid(), "inspection_id": inspection_id, "item_key": f"item-{n:02d}",
             "answer": "符合" if n % 7 else "不符合",
             "note": "现场核查台账，票证齐全" if n % 5 else "", "pending": True,
             "created_at": now, "updated_at": now}
            for inspection_id in ids for n in range(FINDINGS)])
        for number in range(photos):
            original = files.put_bytes(os.urandom(PHOTO_BYTES))
            copy = files.put_bytes(os.urandom(COPY_BYTES))
            session.add(Photo(inspection_id=ids[number % len(ids)], original_sha256=original,
                              original_size=PHOTO_BYTES, media_type="image/jpeg", width=4000,
                              height=3000, upload_sha256=copy))


def payload_bytes(workspace: Workspace, files: ContentStore) -> int:
    """What must cross the link at least: each push body once, each file once."""
    kinds = {k.name: k for k in KINDS}
    with workspace.store.read() as session:
        keys = pending_keys(session, KINDS)
        total = 0
        for start in range(0, len(keys), MAX_PUSH_ITEMS):
            items = build_items(session, kinds, keys[start:start + MAX_PUSH_ITEMS]).items
            total += len(PushRequest(items=items).model_dump_json().encode())
        photos = session.scalars(select(Photo)).all()
        total += sum(files.size(p.original_sha256) + files.size(p.upload_sha256 or "")
                     for p in photos)
    return total


def verified_on_platform(platform_: Platform, workspace: Workspace, token: str) -> tuple[int, int]:
    """(verified, expected): records the platform holds with the laptop's hash, plus files
    it verified, out of everything the laptop has."""
    kinds = {k.name: k for k in KINDS if k.upstream}
    expected: dict[str, str] = {}
    with workspace.store.read() as session:
        for name in ("inspection", "finding", "photo"):
            rows = session.scalars(select(kinds[name].model)).all()
            for row, body in zip(rows, kinds[name].bodies(session, rows), strict=True):
                expected[row.uuid] = _hash(body)
        shas = [u.sha256 for u in session.scalars(select(BlobUpload))]
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {token}"
    base = platform_.server + "/api/v1"
    held: dict[str, str] = {}
    cursor = 0
    while True:
        page = http.get(base + "/feeds/fieldwork", params={"cursor": cursor, "limit": 1000},
                        timeout=60).json()
        held.update({i["uuid"]: i["content_hash"] for i in page["items"]})
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    records = sum(1 for uuid, digest in expected.items() if held.get(uuid) == digest)
    files = sum(1 for sha in shas
                if http.get(base + f"/blobs/{sha}/state", timeout=60).json().get("verified"))
    return records + files, len(expected) + len(shas)


def run_link(scratch: Path, inspections: int, photos: int) -> dict[str, float]:
    with platform(scratch) as made:
        workspace, transport, files = laptop(scratch / "laptop-link", made.server)
        engine = SyncEngine(InlineDatabase(workspace.store), files, transport)
        assert engine.run().outcome == DONE  # the directory, before the link goes bad
        capture(workspace, files, inspections, photos)
        payload = payload_bytes(workspace, files)
        address = urlsplit(made.server)
        assert address.hostname is not None and address.port is not None
        faults = Faults(seed=7, latency_s=DELAY_S, rate_bytes_per_s=LINK_BYTES_PER_S,
                        cut_every_s=CUT_EVERY_S)
        with FaultProxy(address.hostname, address.port, faults) as proxy:
            bad = Transport(proxy.base_url(), token=transport.token)
            slow = SyncEngine(InlineDatabase(workspace.store), files, bad)
            start = time.perf_counter()
            runs = 0
            while True:
                runs += 1
                report = slow.run(SyncOptions(originals=True))
                if report.outcome == DONE and report.still_pending == 0 \
                        and report.files_left == 0:
                    break
                if runs > 100:
                    raise RuntimeError(f"no convergence: {report}")
            elapsed = time.perf_counter() - start
            stats = proxy.stats.snapshot()
            print(f"last run: push {report.push_s} s, files {report.files_s} s, "
                  f"pull {report.pull_s} s, check {report.check_s} s", flush=True)
        assert transport.token is not None
        verified, expected = verified_on_platform(made, workspace, transport.token)
        workspace.store.close()
    limit = payload / LINK_BYTES_PER_S
    return {"link_s": round(elapsed, 2), "link_limit_s": round(limit, 2),
            "payload_bytes": payload, "bytes_up": stats.bytes_up,
            "resent_bytes": max(0, stats.bytes_up - payload), "cuts": stats.cuts,
            "sync_runs": runs, "items_verified": verified, "items_expected": expected}


def run_loopback(scratch: Path, inspections: int) -> dict[str, float]:
    with platform(scratch) as made:
        workspace, transport, files = laptop(scratch / "laptop-loopback", made.server)
        engine = SyncEngine(InlineDatabase(workspace.store), files, transport)
        assert engine.run().outcome == DONE
        capture(workspace, files, inspections, 0)
        start = time.perf_counter()
        report = engine.run()
        elapsed = time.perf_counter() - start
        assert report.outcome == DONE and report.still_pending == 0, report
        workspace.store.close()
    bulk_scratch = scratch / "bulk"
    bulk_scratch.mkdir()
    bulk = time_bulk(f"sqlite:///{bulk_scratch / 'bulk.sqlite'}", inspection_items(inspections))
    return {"loopback_s": round(elapsed, 2), "loopback_bulk_s": round(bulk, 2),
            "loopback_records": report.stored}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inspections", type=int, default=500)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--loopback", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as folder:
        scratch = Path(folder)
        (scratch / "a").mkdir()
        (scratch / "b").mkdir()
        link = run_link(scratch / "a", args.inspections, args.photos)
        print(f"link: {link}", flush=True)
        loopback = run_loopback(scratch / "b", args.loopback)
        print(f"loopback: {loopback}", flush=True)
    ratios = {
        "link_vs_limit": round(link["link_s"] / link["link_limit_s"], 2),
        "resent_fraction": round(link["resent_bytes"] / link["payload_bytes"], 4),
        "verified_fraction": round(link["items_verified"] / link["items_expected"], 4),
        "loopback_vs_bulk": round(loopback["loopback_s"] / loopback["loopback_bulk_s"], 2),
    }
    print(json.dumps({"bench": "sync", "inspections": args.inspections, "photos": args.photos,
                      "loopback_inspections": args.loopback, **link, **loopback,
                      "ratios": ratios}))


if __name__ == "__main__":
    main()
