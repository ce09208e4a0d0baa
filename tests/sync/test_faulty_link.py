"""Sync through a bad link: 50 seeded runs (25 on each backend) through the fault proxy
(latency, a bandwidth cap, connections cut mid-stream, injected 503s and duplicate
deliveries). After each run the platform holds exactly the laptop's records (compared
by content hash), each once, and every file verified, byte for byte."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from inspector.core.roles import Role
from inspector.db.models import BlobUpload, Inspection
from inspector.sync.engine import DONE, SyncEngine, SyncOptions
from inspector.sync.transport import Transport
from tests.central.support import Central
from tests.sync.fault_proxy import FaultProxy, Faults
from tests.sync.laptop import FAST_RETRIES, open_laptop
from tests.sync.test_engine import publish_entities, server_hashes

SEEDS_PER_BACKEND = 25
KINDS = {"inspection", "finding", "photo"}


def faults(seed: int) -> Faults:
    return Faults(seed=seed, latency_s=0.01, rate_bytes_per_s=4_000_000, cut_every_s=0.4,
                  error_rate=0.1, duplicate_rate=0.1)


def test_every_seeded_run_converges(platform: Central, tmp_path: Path) -> None:
    first = SEEDS_PER_BACKEND if "postgresql" in platform.settings.db_url else 0
    publish_entities(platform, 1)
    address = urlsplit(platform.base)
    assert address.hostname is not None and address.port is not None
    seen = {"cuts": 0, "injected_errors": 0, "duplicates": 0}
    for seed in range(first, first + SEEDS_PER_BACKEND):
        username = f"field{seed}"
        platform.add_user(username, Role.INSPECTOR, "ZD")
        with open_laptop(platform, tmp_path / username, username) as laptop, \
                FaultProxy(address.hostname, address.port, faults(seed)) as proxy:
            assert laptop.sync().outcome == DONE  # the directory, over the good link
            entity = laptop.first_entity_id()
            photo = bytes((seed * 7 + n) % 256 for n in range(300_000))
            for number in range(3):
                laptop.add_inspection(entity, findings=5,
                                      photo=photo if number == 0 else None)
            bad_link = Transport(proxy.base_url(), token=laptop.transport.token,
                                 policy=FAST_RETRIES)
            engine = SyncEngine(laptop.engine._db, laptop.files, bad_link)
            for _attempt in range(40):
                report = engine.run(SyncOptions(originals=True))
                if report.outcome == DONE and report.still_pending == 0 \
                        and report.files_left == 0:
                    break
            else:
                pytest.fail(f"seed {seed}: still not done after 40 runs: {report}")
            bad_link.close()
            for name in seen:
                seen[name] += getattr(proxy.stats.snapshot(), name)
            on_server = server_hashes(platform, username, KINDS)
            assert on_server == laptop.local_hashes(*KINDS), f"seed {seed}"
            with laptop.store.read() as session:
                assert len(list(session.scalars(select(Inspection.uuid)))) == 3
                files = {u.sha256: u.state for u in session.scalars(select(BlobUpload))}
            assert set(files.values()) == {"verified"} and len(files) == 2, f"seed {seed}"
            reader = platform.login(username)
            for sha in files:
                assert reader.get(f"/blobs/{sha}").content == laptop.files.path(sha).read_bytes()
    # The link really was bad: every kind of fault happened, in every block of runs.
    assert all(count > 0 for count in seen.values()), seen
