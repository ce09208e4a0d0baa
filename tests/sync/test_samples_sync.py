"""A sample's custody travels both ways: the laptop takes a sample and hands its portions
to the lab, syncs; the lab records receipt and result on the platform; the laptop's next
sync brings those steps into its own chains, which verify. When the inspector recorded
a step offline at the place the lab's step takes, the laptop keeps its own and reports
the lab's as a conflict (SQLite and PostgreSQL platforms)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select, update

from inspector.central import accounts
from inspector.core.lifecycles import CustodyEventKind
from inspector.core.roles import Actor, Role
from inspector.db.models import (
    Checklist,
    ChecklistVersion,
    CustodyEvent,
    Inspector,
    MarketEntity,
    SyncRecord,
    Task,
)
from inspector.services.custody_photos import keep_custody_photo
from inspector.services.samples import (
    CustodyDetails,
    portion_custody,
    record_custody,
    take_sample,
    verify_custody,
)
from inspector.services.sync_session import Connection, remember_sign_in
from inspector.sync.catalogue import CUSTODY_EVENT
from inspector.sync.engine import DONE
from inspector.sync.kinds import body_hash
from inspector.sync.outbox import CONFLICT, QUARANTINED, problems
from tests.central.custody_support import LAB_NAME, step
from tests.central.support import PASSWORD, Central, Session
from tests.integration.test_inspections import setup_task, start
from tests.integration.test_samples import FORM
from tests.sync.laptop import Laptop, open_laptop

K = CustodyEventKind
FIELD = Actor("张三", Role.INSPECTOR)


@dataclass
class Sampled:
    laptop: Laptop
    test: str  # portion codes
    backup: str
    when: datetime  # the time of the laptop's last step


@pytest.fixture
def lab(platform: Central) -> Session:
    """The provincial lab (a unit of its own, region 130000) and its account."""
    platform.add_unit("HBZJ", "130000", LAB_NAME)
    engine, session = platform.session()
    with session:
        accounts.create_account(session, username="lab", password=PASSWORD, role=Role.LAB,
                                unit_code="HBZJ", display_name="收样员 王工")
        session.commit()
    engine.dispose()
    return platform.login("lab")


@pytest.fixture
def sampled(platform: Central, tmp_path: Path) -> Iterator[Sampled]:
    """Zhang's laptop took a sample two days ago and handed both portions to the lab;
    nothing is synced yet."""
    with open_laptop(platform, tmp_path / "zhang", "zhang") as laptop:
        yield take_and_hand_over(laptop, tmp_path)


def take_and_hand_over(laptop: Laptop, tmp_path: Path) -> Sampled:
    workspace = laptop.workspace
    task = setup_task(workspace, tmp_path)
    with laptop.store.write() as session:
        # The directory, the checklist and the task come from the platform in real use.
        for model in (MarketEntity, Inspector, Checklist, ChecklistVersion, Task):
            session.execute(update(model).values(pending=False))
        device = laptop.transport.enroll(workspace.device_id, "zhang's laptop")
        remember_sign_in(session, Connection(laptop.transport.server, "zhang"), device,
                         laptop.transport.me())
    moment = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    started = start(workspace, task, now=moment)
    with laptop.store.write() as session:  # the task's progress: not this test's concern
        session.execute(update(Task).values(pending=False))
    taken = take_sample(workspace, FIELD, started.inspection, FORM, now=moment).value
    for code in taken.portions:
        for offset, kind, details in (
                (1, K.SIGNED, CustodyDetails()),
                (2, K.HANDED_OVER, CustodyDetails(from_party="张三", to_party=LAB_NAME,
                                                  seal_intact=True))):
            record_custody(workspace, FIELD, code, kind, details,
                           now=moment + timedelta(minutes=offset))
    return Sampled(laptop, taken.portions[0], taken.portions[1],
                   moment + timedelta(minutes=2))


def kinds_of(laptop: Laptop, portion: str) -> list[CustodyEventKind]:
    return [e.kind for e in portion_custody(laptop.workspace, portion).entries]


def lab_step(lab: Session, portion: str, kind: str, **fields: Any) -> dict[str, Any]:
    response = lab.post(f"/custody/{portion}/events", json=step(kind, **fields))
    assert response.status_code == 200, response.text
    event: dict[str, Any] = response.json()["event"]
    return event


def test_the_labs_receipt_and_result_come_back_to_the_laptop(sampled: Sampled,
                                                             lab: Session) -> None:
    laptop = sampled.laptop
    early = lab.post(f"/custody/{sampled.test}/events", json=step("received",
                                                                  seal_intact=True))
    assert early.status_code == 404  # the sample has not reached the platform yet
    first = laptop.sync()
    assert first.outcome == DONE and first.refused == 0 and first.conflicts == 0, first

    received = lab_step(lab, sampled.test, "received", seal_intact=True)
    result = lab_step(lab, sampled.test, "result_recorded", result="pass",
                      report_number="2026-J-0201")
    back = laptop.sync()
    assert back.outcome == DONE and back.pulled >= 2 and back.pull_conflicts == 0, back
    assert back.resynced_feeds == ()

    chain = portion_custody(laptop.workspace, sampled.test)
    assert [e.kind for e in chain.entries][-2:] == [K.RECEIVED, K.RESULT_RECORDED]
    assert chain.next_steps == (K.DISPOSED,)
    assert (chain.entries[-2].actor, chain.entries[-2].to_party) == ("收样员 王工", LAB_NAME)
    assert chain.entries[-1].result == "pass"
    assert [e.hash for e in chain.entries[-2:]] == [received["hash"], result["hash"]]
    assert verify_custody(laptop.workspace) == ()
    assert kinds_of(laptop, sampled.backup)[-1] is K.HANDED_OVER  # untouched
    with laptop.store.read() as session:
        rows = session.scalars(select(CustodyEvent).where(
            CustodyEvent.uuid.in_((received["uuid"], result["uuid"])))).all()
        assert [r.pending for r in rows] == [False, False]
        # Stored here, each lab event reads back as the very body the platform holds.
        bodies = {r.uuid: body_hash(CUSTODY_EVENT.body(session, r)) for r in rows}
        states = {r.uuid: (r.state, r.acked_hash) for r in session.scalars(
            select(SyncRecord).where(SyncRecord.uuid.in_(bodies)))}
    assert {u: h for u, (_s, h) in states.items()} == bodies
    assert {s for s, _h in states.values()} == {"ok"}
    again = laptop.sync()
    assert again.outcome == DONE and again.pulled == 0 and again.stored == 0, again


def test_a_step_recorded_offline_where_the_lab_recorded_one_is_kept_beside_it(
        sampled: Sampled, lab: Session) -> None:
    laptop = sampled.laptop
    assert laptop.sync().outcome == DONE
    received = lab_step(lab, sampled.backup, "received", seal_intact=True)
    # Meanwhile, offline, the inspector records the backup going out with a courier.
    record_custody(laptop.workspace, FIELD, sampled.backup, K.IN_TRANSIT,
                   CustodyDetails(from_party="张三", to_party=LAB_NAME),
                   now=sampled.when + timedelta(hours=1))

    report = laptop.sync()
    assert report.outcome == DONE and report.pull_conflicts == 1, report
    assert report.resynced_feeds == ()  # the laptop knows what the platform holds
    # The laptop's chain is its own, whole and valid; the lab's step is not written.
    assert kinds_of(laptop, sampled.backup)[-2:] == [K.HANDED_OVER, K.IN_TRANSIT]
    assert verify_custody(laptop.workspace) == ()
    with laptop.store.read() as session:
        assert session.scalar(select(CustodyEvent).where(
            CustodyEvent.uuid == received["uuid"])) is None
        shown = [p for p in problems(session) if p.uuid == received["uuid"]]
    [conflict] = shown
    assert conflict.state == CONFLICT and conflict.kind == "custody_event"
    assert f"custody event 5 of portion {sampled.backup}" in conflict.reason
    assert "本机已有" in conflict.reason
    # The platform refused the laptop's fifth event: its chain stays whole, the lab's.
    [own] = [p for p in shown_all(laptop) if p.uuid != received["uuid"]]
    assert own.state == QUARANTINED and own.kind == "custody_event"
    assert "held on the platform" in own.reason
    platform_chain = lab.get(f"/custody/{sampled.backup}").json()
    assert platform_chain["intact"] and platform_chain["events"][-1]["uuid"] == received["uuid"]

    later = laptop.sync()  # still in plain view, nothing lost, nothing crashes
    assert later.outcome == DONE and later.resynced_feeds == (), later
    assert {p.uuid for p in shown_all(laptop)} == {received["uuid"], own.uuid}
    assert kinds_of(laptop, sampled.backup)[-1] is K.IN_TRANSIT
    assert kinds_of(laptop, sampled.test)[-1] is K.HANDED_OVER


def shown_all(laptop: Laptop) -> list[Any]:
    with laptop.store.read() as session:
        return list(problems(session))


def test_a_lab_event_has_the_shape_of_a_laptop_event(sampled: Sampled, lab: Session,
                                                    platform: Central) -> None:
    assert sampled.laptop.sync().outcome == DONE
    received = lab_step(lab, sampled.test, "received", seal_intact=True)
    items = platform.login("zhang").feed("fieldwork", limit=1000)["items"]
    [stored] = [i for i in items if i["uuid"] == received["uuid"]]
    assert set(stored["body"]) == {*CUSTODY_EVENT.columns, *CUSTODY_EVENT.references}
    laptops = [i["body"] for i in items if i["kind"] == "custody_event"
               and i["uuid"] != received["uuid"]]
    assert all(set(body) == set(stored["body"]) for body in laptops)


def test_a_steps_photo_reaches_the_platform_with_it(sampled: Sampled, platform: Central,
                                                    tmp_path: Path) -> None:
    laptop = sampled.laptop
    photo = tmp_path / "parcel.png"
    Image.new("RGB", (80, 60), (20, 90, 160)).save(photo)
    sha = keep_custody_photo(laptop.workspace, photo)
    record_custody(laptop.workspace, FIELD, sampled.backup, K.IN_TRANSIT,
                   CustodyDetails(from_party="张三", to_party=LAB_NAME, photo_sha256=sha),
                   now=sampled.when + timedelta(minutes=1))
    report = laptop.sync()
    assert report.outcome == DONE and report.files_left == 0, report
    admin = platform.login("admin")
    assert admin.get(f"/blobs/{sha}").content == photo.read_bytes()
    chain = admin.get(f"/custody/{sampled.backup}").json()
    assert chain["intact"] and chain["events"][-1]["photo_sha256"] == sha
