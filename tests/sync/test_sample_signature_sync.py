"""A sample's sign-offs travel: pushed after their sample, naming it by UUID, their image
uploaded as a signature file, and seen by the team lead (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import select

from inspector.db.models import Inspection, Sample, SampleSignature
from tests.central.support import Central
from tests.integration.test_inspections import signature_png
from tests.sync.laptop import Laptop
from tests.sync.test_engine import publish_entities

SIGNED_AT = datetime(2026, 11, 30, 1, 50, tzinfo=UTC)


def test_a_samples_sign_offs_reach_the_platform_with_their_images(
        platform: Central, laptop: Laptop) -> None:
    publish_entities(platform, count=1)
    assert laptop.sync().refused == 0
    inspection_uuid = laptop.add_inspection(laptop.first_entity_id(), findings=0)
    image = signature_png(7)
    sha = laptop.files.put_bytes(image)
    with laptop.store.write() as session:
        inspection = session.scalars(select(Inspection).where(
            Inspection.uuid == inspection_uuid)).one()
        sample = Sample(sample_code="132601230A300001T", inspection_id=inspection.id,
                        name="散装白酒", sampled_at=SIGNED_AT, fields={"samplers": "ZD001"})
        session.add(sample)
        session.flush()
        session.add_all([
            SampleSignature(sample_id=sample.id, role="party", signer_name="",
                            signed_at=SIGNED_AT, image_sha256=None,
                            refusal_reason="负责人不在场"),
            SampleSignature(sample_id=sample.id, role="sampler", staff_id="ZD001",
                            signer_name="张三", signed_at=SIGNED_AT, image_sha256=sha)])
        sample_uuid = sample.uuid

    report = laptop.sync()

    assert report.refused == 0 and report.conflicts == 0 and report.files_left == 0, \
        report.message
    items = platform.login("lead").feed("fieldwork")["items"]
    signed = sorted((i["body"] for i in items if i["kind"] == "sample_signature"),
                    key=lambda body: body["role"])
    assert [(b["role"], b["staff_id"], b["refusal_reason"]) for b in signed] == [
        ("party", "", "负责人不在场"), ("sampler", "ZD001", "")]
    assert {b["sample"] for b in signed} == {sample_uuid}
    blob = platform.login("admin").get(f"/blobs/{sha}")
    assert blob.status_code == 200 and hashlib.sha256(blob.content).hexdigest() == sha
    with laptop.store.read() as session:
        assert not any(session.scalars(select(SampleSignature.pending)))
