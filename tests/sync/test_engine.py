"""The sync engine against the real platform: push, files, feeds, problems, sanity check.

Each test runs on SQLite and on PostgreSQL (see tests/central/conftest.py).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from inspector.core.ids import new_uuid
from inspector.db.models import BlobUpload, Finding, MarketEntity, SyncCursor, SyncRecord
from inspector.sync import outbox
from inspector.sync.engine import DONE, OFFLINE, SIGNED_OUT
from inspector.sync.transport import RetryPolicy, Transport
from tests.central.support import Central, item
from tests.sync.laptop import Laptop

ENTITY = {"identifier": "91130123MA0000001X", "identifier_kind": "uscc", "name": "正定县放心超市",
          "entity_type": "enterprise", "region_code": "130123", "address": "正定镇中山路1号",
          "legal_representative": "李四", "industry": "食品销售", "risk_class": "B",
          "registration_status": "active"}


def publish_entities(platform: Central, count: int = 3) -> list[str]:
    admin = platform.login("admin")
    made = [item("entity", {**ENTITY, "identifier": f"91130123MA{n:07d}X",
                            "name": f"正定县第{n}超市"}) for n in range(count)]
    assert {r["status"] for r in admin.push(*made)} == {"stored"}
    return [m["uuid"] for m in made]


def server_hashes(platform: Central, username: str, kinds: set[str]) -> dict[str, str]:
    session = platform.login(username)
    found, cursor = {}, 0
    while True:
        page = session.feed("fieldwork", cursor, 1000)
        found.update({i["uuid"]: i["content_hash"] for i in page["items"] if i["kind"] in kinds})
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return found


def test_directory_arrives_and_fieldwork_goes_up_once(platform: Central, laptop: Laptop) -> None:
    entity_uuids = publish_entities(platform)
    first = laptop.sync()
    assert first.outcome == DONE, first.message
    with laptop.store.read() as session:
        assert set(session.scalars(select(MarketEntity.uuid))) >= set(entity_uuids)
        assert session.get(SyncCursor, "directory").cursor > 0
    laptop.add_inspection(laptop.first_entity_id(), findings=3)
    report = laptop.sync()
    assert report.outcome == DONE, report.message
    assert report.stored >= 4 and report.refused == 0 and report.conflicts == 0
    assert report.still_pending == 0 and report.resynced_feeds == ()
    local = laptop.local_hashes("inspection", "finding")
    assert server_hashes(platform, "zhang", {"inspection", "finding"}) == local
    again = laptop.sync()
    assert (again.stored, again.unchanged, again.outcome) == (0, 0, DONE)


def test_an_edit_goes_up_as_a_revision_of_the_acknowledged_version(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=1)
    laptop.sync()
    with laptop.store.write() as session:
        finding = session.scalars(select(Finding)).one()
        finding.note, finding.pending = "复核：台账已补齐", True
    report = laptop.sync()
    assert (report.outcome, report.stored, report.conflicts) == (DONE, 1, 0)
    assert server_hashes(platform, "zhang", {"finding"}) == laptop.local_hashes("finding")


def test_a_refused_record_is_quarantined_and_the_rest_go_on(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=3)
    with laptop.store.write() as session:
        bad = session.scalars(select(Finding).order_by(Finding.id)).first()
        assert bad is not None
        bad.note = "含有\x00字符"
        bad_uuid = bad.uuid
    report = laptop.sync()
    assert report.outcome == DONE and report.refused == 1 and report.stored >= 3
    with laptop.store.read() as session:
        problems = outbox.problems(session)
    assert [(p.uuid, p.state) for p in problems] == [(bad_uuid, "quarantined")]
    assert "NUL" in problems[0].reason
    assert laptop.sync().refused == 0  # quarantined: not sent again on its own
    with laptop.store.write() as session:
        fixed = session.scalars(select(Finding).where(Finding.uuid == bad_uuid)).one()
        fixed.note = "已更正"
        assert outbox.retry(session, bad_uuid)
    retried = laptop.sync()
    assert (retried.stored, retried.refused, retried.still_pending) == (1, 0, 0)


def test_a_conflict_keeps_both_versions_until_the_inspector_decides(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=1)
    laptop.sync()
    with laptop.store.read() as session:
        finding = session.scalars(select(Finding)).one()
        acked = session.get(SyncRecord, finding.uuid)
        assert acked is not None
        uuid, base = finding.uuid, acked.acked_hash
        body = laptop.engine._by_name["finding"].body(session, finding)
    lead_body = {**body, "note": "组长更正：证照过期"}
    [answer] = platform.login("lead").push(item("finding", lead_body, uuid, base_hash=base))
    assert answer["status"] == "stored"
    with laptop.store.write() as session:
        mine = session.scalars(select(Finding)).one()
        mine.note, mine.pending = "检查员补充：已整改", True
    report = laptop.sync()
    assert report.conflicts == 1
    with laptop.store.read() as session:
        [problem] = outbox.problems(session)
        mine = session.scalars(select(Finding)).one()
        assert mine.note == "检查员补充：已整改"  # nothing silently overwritten
    assert problem.state == "conflict" and problem.server_hash == answer["stored_hash"]
    assert problem.sent_hash == laptop.local_hashes("finding")[uuid]
    with laptop.store.write() as session:
        assert outbox.keep_local(session, uuid)
    settled = laptop.sync()
    assert (settled.stored, settled.conflicts, settled.still_pending) == (1, 0, 0)
    assert server_hashes(platform, "zhang", {"finding"}) == laptop.local_hashes("finding")


def test_files_go_after_their_records_copies_first_and_originals_when_allowed(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    photo = bytes(range(256)) * 4000  # about 1 MB
    laptop.add_inspection(laptop.first_entity_id(), findings=1, photo=photo)
    report = laptop.sync()
    assert report.outcome == DONE and report.files_verified == 1 and report.files_left == 1
    with laptop.store.read() as session:
        states = {u.role: u.state for u in session.scalars(select(BlobUpload))}
    assert states == {"upload_copy": "verified", "original": "queued"}
    originals = laptop.sync(originals=True)
    assert (originals.files_verified, originals.files_left) == (1, 0)
    admin = platform.login("zhang")
    original_sha = laptop.files.put_bytes(photo)
    assert admin.get(f"/blobs/{original_sha}").content == photo


def test_drift_is_found_by_the_sanity_check_and_repaired_by_a_scoped_resync(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 3)
    laptop.sync()
    with laptop.store.write() as session:
        forgotten = session.scalars(select(SyncRecord).where(SyncRecord.kind == "entity")).first()
        assert forgotten is not None
        session.delete(forgotten)
    report = laptop.sync()
    assert report.outcome == DONE and report.resynced_feeds == ("directory",)
    assert laptop.sync().resynced_feeds == ()


def test_offline_keeps_everything_queued(platform: Central, laptop: Laptop, tmp_path: Path
                                         ) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=2)
    nowhere = Transport("http://127.0.0.1:9", token=laptop.transport.token,
                        policy=RetryPolicy(attempts=2, base_delay_s=0.0, connect_timeout_s=1))
    offline = type(laptop.engine)(laptop.engine._db, laptop.files, nowhere).run()
    assert offline.outcome == OFFLINE and offline.still_pending >= 3
    back = laptop.sync()
    assert back.outcome == DONE and back.still_pending == 0


def test_a_revoked_token_signs_out_and_keeps_the_queue(platform: Central, laptop: Laptop
                                                       ) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=1)
    response = laptop.transport._http.post(
        laptop.transport._base + "/auth/logout",
        headers={"Authorization": f"Bearer {laptop.transport.token}"}, timeout=30)
    assert response.status_code == 204
    report = laptop.sync()
    assert report.outcome == SIGNED_OUT and report.still_pending >= 2
    assert new_uuid()  # a fresh login would continue: see test_offline_keeps_everything_queued


def test_a_deletion_travels_as_a_tombstone(platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, 1)
    laptop.sync()
    laptop.add_inspection(laptop.first_entity_id(), findings=2)
    laptop.sync()
    with laptop.store.write() as session:
        gone = session.scalars(select(Finding).order_by(Finding.id)).first()
        assert gone is not None
        gone.deleted_at, gone.pending = datetime.now(UTC), True
        gone_uuid = gone.uuid
    report = laptop.sync()
    assert (report.outcome, report.stored, report.conflicts) == (DONE, 1, 0)
    page = platform.login("zhang").feed("fieldwork", 0, 1000)
    deleted = {i["uuid"]: i["deleted"] for i in page["items"] if i["kind"] == "finding"}
    assert deleted[gone_uuid] is True and list(deleted.values()).count(True) == 1
