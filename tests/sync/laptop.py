"""A laptop for the sync tests: a real workspace signed in to the platform, and the
writes a field inspector's screens make (through the ORM, as services do)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from inspector.core.lifecycles import InspectionStatus
from inspector.db.content_store import ContentStore
from inspector.db.models import Finding, Inspection, MarketEntity, Photo
from inspector.services.workspace import Workspace, open_workspace
from inspector.sync.catalogue import BY_NAME
from inspector.sync.database import InlineDatabase
from inspector.sync.engine import SyncEngine, SyncOptions, SyncReport
from inspector.sync.kinds import body_hash
from inspector.sync.transport import RetryPolicy, Transport
from tests.central.support import PASSWORD, Central

FAST_RETRIES = RetryPolicy(attempts=4, base_delay_s=0.01, max_delay_s=0.05,
                           connect_timeout_s=5, read_timeout_s=30)


@dataclass
class Laptop:
    workspace: Workspace
    files: ContentStore
    transport: Transport
    engine: SyncEngine

    @property
    def store(self) -> Any:
        return self.workspace.store

    def sync(self, **options: Any) -> SyncReport:
        return self.engine.run(SyncOptions(**options))

    def first_entity_id(self) -> int:
        with self.store.read() as session:
            entity_id = session.scalar(select(MarketEntity.id).order_by(MarketEntity.id))
        assert entity_id is not None, "no entity on this laptop"
        return entity_id

    def add_inspection(self, entity_id: int, findings: int = 3, photo: bytes | None = None,
                       ) -> str:
        with self.store.write() as session:
            inspection = Inspection(entity_id=entity_id, status=InspectionStatus.FINALIZED,
                                    started_at=datetime(2026, 11, 28, 1, 0, tzinfo=UTC),
                                    started_device_clock="2026-11-28T09:00:00+08:00",
                                    finalized_at=datetime(2026, 11, 28, 2, 30, tzinfo=UTC),
                                    result_codes=["1"])
            session.add(inspection)
            session.flush()
            for number in range(findings):
                session.add(Finding(inspection_id=inspection.id, item_key=f"item-{number:02d}",
                                    answer="符合", note=f"第{number}项"))
            if photo is not None:
                original = self.files.put_bytes(photo)
                copy = self.files.put_bytes(photo[: len(photo) // 2])
                session.add(Photo(inspection_id=inspection.id, original_sha256=original,
                                  original_size=len(photo), media_type="image/jpeg",
                                  width=4000, height=3000, upload_sha256=copy))
            return inspection.uuid

    def local_hashes(self, *kinds: str) -> dict[str, str]:
        """uuid -> content hash of every live row of the given kinds, as bodies now stand."""
        found = {}
        with self.store.read() as session:
            for name in kinds:
                kind = BY_NAME[name]
                model: Any = kind.model
                for row in session.scalars(select(model)):
                    found[row.uuid] = body_hash(kind.body(session, row))
        return found


@contextmanager
def open_laptop(platform: Central, root: Path, username: str,
                server: str | None = None) -> Iterator[Laptop]:
    """A fresh workspace at ``root``, signed in as ``username`` and enrolled."""
    workspace = open_workspace(root)
    transport = Transport(server or platform.base.removesuffix("/api/v1"),
                          policy=FAST_RETRIES)
    transport.login(username, PASSWORD, workspace.device_id)
    transport.enroll(workspace.device_id, f"{username}'s laptop")
    files = ContentStore(workspace.paths.files)
    engine = SyncEngine(InlineDatabase(workspace.store), files, transport)
    try:
        yield Laptop(workspace, files, transport, engine)
    finally:
        transport.close()
        workspace.store.close()
