"""A Hypothesis state machine: whatever an inspector does, offline or not, the laptop
and the platform hold the same records after every sync that reaches the platform.

Each generated run signs in as a new account with a new workspace, against one real
platform (SQLite), and mixes: capture, edit, revise, delete, a record the platform
refuses (then corrected and retried), going offline and coming back, and sync.
"""

from __future__ import annotations

import itertools
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from inspector.core.roles import Role
from inspector.db.models import Finding, Inspection
from inspector.sync import outbox
from inspector.sync.engine import DONE, OFFLINE, SyncEngine
from inspector.sync.transport import RetryPolicy, Transport
from tests.central.support import Central
from tests.sync.laptop import Laptop, open_laptop
from tests.sync.test_engine import publish_entities, server_hashes

KINDS = ("inspection", "finding")


class LaptopAndPlatform(RuleBasedStateMachine):
    counter = itertools.count()

    def __init__(self, platform: Central, root: Path) -> None:
        super().__init__()
        self.platform = platform
        self.username = f"inspector{next(self.counter)}"
        platform.add_user(self.username, Role.INSPECTOR, "ZD")
        self.stack = ExitStack()
        self.laptop: Laptop = self.stack.enter_context(
            open_laptop(platform, root / self.username, self.username))
        self.offline = False
        self.captured: set[str] = set()
        assert self.laptop.sync().outcome == DONE  # the directory arrives
        self.entity_id = self.laptop.first_entity_id()

    def teardown(self) -> None:
        self.stack.close()

    def _findings(self) -> list[int]:
        with self.laptop.store.read() as session:
            return list(session.scalars(select(Finding.id).where(Finding.deleted_at.is_(None))
                                        .order_by(Finding.id)))

    @rule(findings=st.integers(0, 3))
    def capture(self, findings: int) -> None:
        self.captured.add(self.laptop.add_inspection(self.entity_id, findings=findings))

    @rule(data=st.data(), note=st.text(st.characters(codec="utf-8",
                                                      exclude_characters="\x00"), max_size=8))
    def edit_finding(self, data: st.DataObject, note: str) -> None:
        ids = self._findings()
        if ids:
            chosen = data.draw(st.sampled_from(ids))
            with self.laptop.store.write() as session:
                finding = session.get(Finding, chosen)
                assert finding is not None
                finding.note, finding.pending = note, True

    @rule(data=st.data())
    def delete_finding(self, data: st.DataObject) -> None:
        ids = self._findings()
        if ids:
            chosen = data.draw(st.sampled_from(ids))
            with self.laptop.store.write() as session:
                finding = session.get(Finding, chosen)
                assert finding is not None
                finding.deleted_at, finding.pending = datetime.now(UTC), True

    @rule()
    def revise_an_inspection(self) -> None:
        with self.laptop.store.write() as session:
            first = session.scalars(select(Inspection).order_by(Inspection.id)).first()
            if first is not None:
                session.add(Inspection(entity_id=first.entity_id, status=first.status,
                                       started_at=first.started_at,
                                       finalized_at=first.finalized_at,
                                       result_codes=["2"], revision_of_id=first.id))

    @rule()
    def a_refused_record_then_corrected(self) -> None:
        with self.laptop.store.write() as session:
            inspection_id = session.scalar(select(Inspection.id).order_by(Inspection.id))
            if inspection_id is None:
                return
            bad = Finding(inspection_id=inspection_id, item_key="bad", answer="符合",
                          note="\x00")
            session.add(bad)
            session.flush()
            uuid = bad.uuid
        if not self.offline:
            assert self.laptop.sync().refused == 1
        with self.laptop.store.write() as session:
            fixed = session.scalars(select(Finding).where(Finding.uuid == uuid)).one()
            fixed.note = "已更正"
            outbox.retry(session, uuid)

    @rule()
    def go_offline(self) -> None:
        self.offline = True

    @rule()
    def come_back(self) -> None:
        self.offline = False

    @rule()
    def sync(self) -> None:
        if self.offline:
            nowhere = Transport("http://127.0.0.1:9", token=self.laptop.transport.token,
                                policy=RetryPolicy(attempts=1, connect_timeout_s=1))
            engine = SyncEngine(self.laptop.engine._db, self.laptop.files, nowhere)
            assert engine.run().outcome == OFFLINE
            return
        report = self.laptop.sync()
        assert report.outcome == DONE, report.message
        assert report.still_pending == 0 and report.refused == 0 and report.conflicts == 0
        assert server_hashes(self.platform, self.username, set(KINDS)) == \
            self.laptop.local_hashes(*KINDS)

    @invariant()
    def nothing_captured_is_lost(self) -> None:
        with self.laptop.store.read() as session:
            here = set(session.scalars(select(Inspection.uuid)))
        assert self.captured <= here


def test_laptop_and_platform_converge(sqlite_platform: Central, tmp_path: Path) -> None:
    # One backend is enough here: the engine, not the database, is under test (the
    # engine tests and the fault-proxy runs cover PostgreSQL).
    publish_entities(sqlite_platform, 1)
    run_state_machine_as_test(
        lambda: LaptopAndPlatform(sqlite_platform, tmp_path),
        settings=settings(max_examples=10, stateful_step_count=10, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow]))
