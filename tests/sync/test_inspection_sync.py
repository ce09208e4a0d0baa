"""A whole inspection travels: an ad-hoc task from the team lead reaches the inspector;
the inspection done offline (photos with an annotation, signatures, a refusal to sign,
a clue referral) goes up records first, then files (copies, signatures, then
originals); the team lead sees it, decides the referral, and the decision comes back
(SQLite and PostgreSQL platforms)."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from inspector.core.follow_up import FollowUp
from inspector.core.lifecycles import TaskStatus
from inspector.core.roles import Actor, Role
from inspector.core.workdays import CHINA_TIME
from inspector.db.models import MarketEntity, Referral, SyncRecord, Task
from inspector.media import AnnotationLayer, Arrow
from inspector.services.ad_hoc_tasks import AdHocRequest, create_ad_hoc_task
from inspector.services.checklist_drafts import save_answers
from inspector.services.checklist_library import import_checklist, publish_version
from inspector.services.disclosure import TASK_CANCELLED, deadline_board
from inspector.services.inspections import finalize_inspection, start_inspection
from inspector.services.photo_annotations import save_annotations
from inspector.services.photos import attach_photo
from inspector.services.reference_data import load_calendar
from inspector.services.referrals import (
    RecipientKind,
    ReferralStatus,
    create_referral,
    decide_referral,
    list_referrals,
)
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.sync.engine import DONE
from inspector.sync.outbox import CONFLICT, QUARANTINED
from tests.central.support import Central
from tests.integration.test_inspections import signature_png
from tests.sync.laptop import Laptop, open_laptop
from tests.sync.test_engine import publish_entities
from tests.sync.test_released_tasks import publish_inspectors
from tests.unit.test_checklist import FOOD_VENDOR

ADMIN = Actor("admin", Role.ADMINISTRATOR)
LEAD = Actor("lead", Role.TEAM_LEAD)
ZHANG = Actor("zhang", Role.INSPECTOR)
TEAM = ("ZD001", "ZD002")


def publish_checklist(platform: Central, tmp_path: Path) -> None:
    source = tmp_path / "spxs.json"
    source.write_text(json.dumps(FOOD_VENDOR, ensure_ascii=False), encoding="utf-8")
    with open_laptop(platform, tmp_path / "admin", "admin") as admin:
        import_checklist(admin.store, ADMIN, source)
        publish_version(admin.store, ADMIN, "SPXS", 1)
        assert admin.sync().refused == 0


def photo_bytes(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 1200), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def inspect_offline(laptop: Laptop, task: str, tmp_path: Path) -> tuple[str, list[str]]:
    """Start, photograph, annotate, answer, sign and finalize; refer a clue."""
    started = start_inspection(laptop.store, ZHANG, task, checklist="SPXS", team=TEAM,
                               certificates_shown=True, no_conflict_declared=True,
                               location="店内").value
    shas = []
    for n, colour in enumerate(((200, 60, 60), (60, 60, 200))):
        source = tmp_path / f"photo{n}.jpg"
        source.write_bytes(photo_bytes(colour))
        shas.append(attach_photo(laptop.workspace, ZHANG, started.inspection,
                                 "licence_photo", source).value.original_sha256)
    save_annotations(laptop.workspace, ZHANG, shas[0],
                     AnnotationLayer((Arrow((100, 100), (700, 500)),)))
    save_answers(laptop.store, started.draft, {
        "licence_shown": "不符合", "licence_shown.note": "许可证过期", "licence_problem":
        "expired", "licence_photo": tuple(shas), "storage": "符合",
        "expired_count": Decimal(0), "temperature": Decimal("4.5")})
    signatures = (SignatureGiven(SignerRole.PARTY, "", refusal_reason="店主拒绝签字"),
                  *(SignatureGiven(SignerRole.INSPECTOR, "", staff_id=staff,
                                   image_png=signature_png(n)) for n, staff in enumerate(TEAM)))
    done = finalize_inspection(laptop.workspace, ZHANG, started.inspection,
                               result_codes=["A"], signatures=signatures,
                               follow_up=[FollowUp("refer", detail="县执法大队")]).value
    create_referral(laptop.store, ZHANG, done.inspection,
                    recipient_kind=RecipientKind.CASE_OFFICE, recipient="县执法大队",
                    item_keys=["licence_shown"], summary="无证经营")
    return done.inspection, shas


def test_an_inspection_done_offline_reaches_the_platform_and_the_team_lead(
        platform: Central, tmp_path: Path) -> None:
    publish_entities(platform, count=3)
    publish_inspectors(platform)
    publish_checklist(platform, tmp_path)
    with open_laptop(platform, tmp_path / "lead", "lead") as lead:
        assert lead.sync().outcome == DONE
        entity = lead.first_entity_id()
        with lead.store.read() as session:
            identifier = session.get_one(MarketEntity, entity).identifier
        due = datetime.now(CHINA_TIME).date() + timedelta(days=3)
        task = create_ad_hoc_task(lead.store, LEAD, AdHocRequest(
            identifier, "12315 投诉 No.1：无证经营", due, TEAM)).value
        assert lead.sync().refused == 0

    with open_laptop(platform, tmp_path / "zhang", "zhang") as zhang:
        assert zhang.sync().outcome == DONE
        with zhang.store.read() as session:
            assert session.scalar(select(Task.status).where(Task.uuid == task)) \
                is TaskStatus.ASSIGNED
        inspection, shas = inspect_offline(zhang, task, tmp_path)  # no network meanwhile

        first = zhang.sync()
        assert first.outcome == DONE and first.refused == 0 and first.conflicts == 0, \
            first.message
        admin = platform.login("admin")
        for sha in shas:  # originals wait for a fast link or a manual "send originals"
            assert admin.get(f"/blobs/{sha}").status_code == 404
        originals = zhang.sync(originals=True)
        assert originals.refused == 0 and originals.files_left == 0, originals.message
        for sha in shas:
            blob = admin.get(f"/blobs/{sha}")
            assert blob.status_code == 200 and hashlib.sha256(blob.content).hexdigest() == sha

    fieldwork = platform.login("lead").feed("fieldwork")["items"]
    kinds = sorted(i["kind"] for i in fieldwork)
    for kind, count in (("inspection", 1), ("photo", 2), ("photo_annotation", 1),
                        ("signature", 3), ("referral", 1)):
        assert kinds.count(kind) == count, (kind, kinds)
    signed = [i["body"] for i in fieldwork if i["kind"] == "signature"]
    for body in signed:
        if body["image_sha256"]:
            assert admin.get(f"/blobs/{body['image_sha256']}").status_code == 200
    assert [b["refusal_reason"] for b in signed if b["role"] == "party"] == ["店主拒绝签字"]
    [record] = [i["body"] for i in fieldwork if i["kind"] == "inspection"]
    assert record["status"] == "finalized" and record["follow_up"][0]["code"] == "refer"

    with open_laptop(platform, tmp_path / "lead2", "lead") as lead:
        assert lead.sync().outcome == DONE
        [referral] = list_referrals(lead.store)
        assert referral.inspection_uuid == inspection
        decide_referral(lead.store, LEAD, referral.uuid, approve=True)
        assert lead.sync().refused == 0
    with open_laptop(platform, tmp_path / "zhang-again", "zhang") as zhang:
        assert zhang.sync().outcome == DONE
        with zhang.store.read() as session:
            assert session.scalar(select(Referral.status)) == ReferralStatus.APPROVED.value


def test_a_task_cancelled_while_the_inspector_was_offline_keeps_the_work_and_flags_it(
        platform: Central, tmp_path: Path) -> None:
    publish_entities(platform, count=3)
    publish_inspectors(platform)
    publish_checklist(platform, tmp_path)
    with open_laptop(platform, tmp_path / "lead", "lead") as lead:
        assert lead.sync().outcome == DONE
        with lead.store.read() as session:
            identifier = session.get_one(MarketEntity, lead.first_entity_id()).identifier
        due = datetime.now(CHINA_TIME).date() + timedelta(days=3)
        task = create_ad_hoc_task(lead.store, LEAD, AdHocRequest(
            identifier, "12315 投诉 No.2：销售过期食品", due, TEAM)).value
        assert lead.sync().refused == 0
        with open_laptop(platform, tmp_path / "zhang", "zhang") as zhang:
            assert zhang.sync().outcome == DONE
            # Offline: the inspection is done; meanwhile the team lead cancels the task.
            inspection, _shas = inspect_offline(zhang, task, tmp_path)
            with lead.store.write() as session:
                row = session.scalars(select(Task).where(Task.uuid == task)).one()
                row.status, row.pending = TaskStatus.CANCELLED, True
            assert lead.sync().refused == 0

            back = zhang.sync()
            # The work arrives; only the task's progress is refused, and the platform's
            # cancelled version is kept beside the laptop's: a conflict in plain view.
            assert back.outcome == DONE and back.refused == 1, back.message
            with zhang.store.read() as session:
                [(kind, uuid)] = session.execute(
                    select(SyncRecord.kind, SyncRecord.uuid)
                    .where(SyncRecord.state.in_((QUARANTINED, CONFLICT)))).all()
            assert (kind, uuid) == ("task", task)

        assert lead.sync().outcome == DONE
        calendar = load_calendar(lead.workspace.paths.calendars)
        [row] = deadline_board(lead.store, calendar, datetime.now(CHINA_TIME).date())
        assert (row.inspection_uuid, row.task_flag) == (inspection, TASK_CANCELLED)
