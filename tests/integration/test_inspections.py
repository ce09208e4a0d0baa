"""Inspections on site: the start rules, finalizing into locked findings with a hashed
record, and correction by revision — through the real store and its triggers."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from PIL.TiffImagePlugin import IFDRational
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DatabaseError

from inspector.core.credit_codes import IdentifierKind
from inspector.core.directory import EntityType, RegistrationStatus, RiskClass
from inspector.core.follow_up import FollowUp
from inspector.core.lifecycles import InspectionStatus, TaskRole, TaskSource, TaskStatus
from inspector.core.roles import Actor, Role
from inspector.db.content_store import ContentStore
from inspector.db.models import (
    AuditEvent,
    ChecklistDraft,
    Finding,
    Inspection,
    Inspector,
    MarketEntity,
    Photo,
    Recusal,
    Signature,
    Task,
    TaskInspector,
)
from inspector.media import PhotoRefusedError
from inspector.services.checklist_drafts import (
    DraftError,
    discard_draft,
    open_draft,
    save_answers,
)
from inspector.services.checklist_library import import_checklist, publish_version
from inspector.services.field_tasks import entity_history, list_field_tasks
from inspector.services.inspections import (
    InspectionError,
    finalize_inspection,
    revise_inspection,
    start_inspection,
)
from inspector.services.photos import attach_photo
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.services.workspace import Workspace
from tests.integration.test_photo_import import jpeg
from tests.unit.test_checklist import FOOD_VENDOR

ADMIN = Actor("管理员", Role.ADMINISTRATOR)
FIELD = Actor("张三", Role.INSPECTOR)
MORNING = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)  # 09:30 in China
TEAM = ["ZD001", "ZD002"]


def setup_task(workspace: Workspace, tmp_path: Path) -> str:
    """A food shop (risk class D), three inspectors (the third's certificate expired),
    a released task for the first two, and SPXS published."""
    path = tmp_path / "spxs.json"
    path.write_text(json.dumps(FOOD_VENDOR, ensure_ascii=False), encoding="utf-8")
    import_checklist(workspace.store, ADMIN, path)
    publish_version(workspace.store, ADMIN, "SPXS", 1)
    with workspace.store.write() as session:
        entity = MarketEntity(identifier="92130123MA0ABCDE1X",
                              identifier_kind=IdentifierKind.USCC, name="正定县某某副食店",
                              entity_type=EntityType.INDIVIDUAL, region_code="130123",
                              address="正定镇常山路 8 号", risk_class=RiskClass.D,
                              registration_status=RegistrationStatus.ACTIVE)
        people = [Inspector(staff_id=staff, name=name, unit="正定县市场监督管理局",
                            region_code="130123", cert_number=f"13010{n}",
                            cert_valid_from=date(2024, 1, 1), cert_valid_to=valid_to)
                  for n, (staff, name, valid_to) in enumerate((
                      ("ZD001", "张三", date(2028, 12, 31)),
                      ("ZD002", "李四", date(2027, 6, 30)),
                      ("ZD003", "王五", date(2026, 11, 1))))]
        session.add_all([entity, *people])
        session.flush()
        task = Task(entity_id=entity.id, source=TaskSource.DRAW, status=TaskStatus.ASSIGNED,
                    due_date=date(2026, 12, 31))
        session.add(task)
        session.flush()
        session.add_all([TaskInspector(task_id=task.id, inspector_id=person.id,
                                       role=TaskRole.LEAD if n == 0 else TaskRole.ASSIST)
                         for n, person in enumerate(people)])
        return task.uuid


def signature_png(seed: int = 0) -> bytes:
    """A signature-like scribble, as the signature pad gives it."""
    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).line([(10, 80), (60 + seed, 20), (120, 70), (200, 30), (280, 60)],
                               fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


SIGNED = (SignatureGiven(SignerRole.PARTY, "王老板", image_png=signature_png(1)),
          *(SignatureGiven(SignerRole.INSPECTOR, "", staff_id=staff,
                           image_png=signature_png(n + 2)) for n, staff in enumerate(TEAM)))
MEASURES = {"1": (FollowUp("none"),), "A": (FollowUp("rectify", date(2026, 12, 10)),)}


def finalize(workspace: Workspace, inspection: str, codes: list[str],
             **changes: Any) -> Any:
    arguments: dict[str, Any] = {"result_codes": codes, "signatures": SIGNED,
                                 "follow_up": MEASURES.get(codes[0], ()), "now": MORNING,
                                 **changes}
    return finalize_inspection(workspace, FIELD, inspection, **arguments).value


def start(workspace: Workspace, task: str, **changes: Any) -> Any:
    arguments: dict[str, Any] = {"checklist": "SPXS", "team": TEAM,
                                 "certificates_shown": True, "no_conflict_declared": True,
                                 "location": "店内", "now": MORNING, **changes}
    return start_inspection(workspace.store, FIELD, task, **arguments).value


@pytest.mark.parametrize(("changes", "zh"), [
    ({"team": ["ZD001"]}, "现场检查人员不得少于两名"),
    ({"team": ["ZD001", "ZD001"]}, "现场检查人员不得少于两名"),
    ({"team": ["ZD001", "ZD003"]}, "王五（ZD003）的执法证已于 2026-11-01 过期，不能参加检查"),
    ({"team": ["ZD001", "ZD009"]}, "名录中没有检查人员 ZD009"),
    ({"certificates_shown": False}, "检查前应向当事人出示执法证件（《行政处罚法》第五十五条）"),
    ({"no_conflict_declared": False}, "在场检查人员应声明与检查对象无利害关系（回避）"),
    ({"checklist": "NOPE"}, "检查清单 NOPE 没有已发布的版本"),
])
def test_a_start_that_breaks_a_rule_is_refused_and_nothing_is_written(
        workspace: Workspace, tmp_path: Path, changes: dict[str, Any], zh: str) -> None:
    task = setup_task(workspace, tmp_path)

    with pytest.raises(InspectionError) as refused:
        start(workspace, task, **changes)

    assert refused.value.text.zh == zh
    with workspace.store.read() as session:
        assert session.scalars(select(Inspection)).all() == []
        assert session.scalars(select(ChecklistDraft)).all() == []
        assert session.scalars(select(Task.status)).one() is TaskStatus.ASSIGNED


def test_an_inspector_off_the_drawn_team_or_with_a_conflict_cannot_inspect(
        workspace: Workspace, tmp_path: Path) -> None:
    task = setup_task(workspace, tmp_path)
    with workspace.store.write() as session:
        session.execute(update(Inspector).where(Inspector.staff_id == "ZD003")
                        .values(cert_valid_to=date(2029, 1, 1)))
        session.query(TaskInspector).filter(TaskInspector.inspector_id == session.scalar(
            select(Inspector.id).where(Inspector.staff_id == "ZD003"))).delete()
    with pytest.raises(InspectionError, match="not on the task's drawn team"):
        start(workspace, task, team=["ZD001", "ZD003"])
    with workspace.store.write() as session:
        session.add(Recusal(inspector_id=session.scalar(select(Inspector.id).where(
            Inspector.staff_id == "ZD002")), entity_id=session.scalar(select(MarketEntity.id)),
            reason="近亲属任职", declared_on=date(2026, 11, 20)))
    with pytest.raises(InspectionError, match="declared a conflict with this entity"):
        start(workspace, task)


def test_an_inspection_is_filled_finalized_into_locked_findings_and_revised(
        workspace: Workspace, tmp_path: Path) -> None:
    task = setup_task(workspace, tmp_path)
    started = start(workspace, task)
    assert (started.code, started.version) == ("SPXS", 1)
    with pytest.raises(InspectionError, match="already has an inspection under way"):
        start(workspace, task)
    draft = open_draft(workspace.store, started.draft)
    assert draft.view.label == "正定县某某副食店"

    # Required answers missing: refused, naming them.
    with pytest.raises(InspectionError) as missing:
        finalize(workspace, started.inspection, ["1"])
    assert "食品经营许可证在有效期内并悬挂：必填" in missing.value.text.zh

    save_answers(workspace.store, started.draft, {
        "licence_shown": "不符合", "licence_shown.note": "许可证过期", "licence_problem":
        "expired", "licence_photo": ("a" * 64,), "storage": "符合",
        "expired_count": Decimal(0), "temperature": Decimal("4.5")})
    # The engine suggests A (a 重点 item not compliant): another result needs a reason.
    with pytest.raises(InspectionError, match="differs from the suggestion"):
        finalize(workspace, started.inspection, ["1"])
    with pytest.raises(InspectionError, match="no result code Z"):
        finalize(workspace, started.inspection, ["Z"])

    done = finalize(workspace, started.inspection, ["A"], now=MORNING.replace(hour=2))

    assert done.result_codes == ("A",) and done.findings == 6  # six items answered
    with workspace.store.read() as session:
        inspection = session.scalars(select(Inspection)).one()
        assert inspection.status is InspectionStatus.FINALIZED and inspection.pending
        assert inspection.content_hash == done.content_hash and len(done.content_hash) == 64
        assert inspection.team == TEAM and inspection.suggested_codes == ["A"]
        assert session.scalars(select(Task.status)).one() is TaskStatus.COMPLETED
        notes = {f.item_key: f.note for f in session.scalars(select(Finding))}
        assert notes["licence_shown"] == "许可证过期"
        assert session.scalars(select(ChecklistDraft)).all() == []  # findings are the record
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "inspection.finalized")).one()
        assert json.loads(event.payload)["sha256"] == done.content_hash

    # The record is a fact: the store itself refuses to change it or its findings.
    for statement in (update(Inspection).values(result_codes=["1"]),
                      update(Finding).values(note="改过")):
        with pytest.raises(DatabaseError, match="finalized inspection"), \
                workspace.store.write() as session:
            session.execute(statement)
    with workspace.store.write() as session:  # sync bookkeeping still may
        session.execute(update(Inspection).values(pending=False))

    with pytest.raises(InspectionError, match="needs its reason"):
        revise_inspection(workspace.store, FIELD, done.inspection, reason=" ")
    revision = revise_inspection(workspace.store, FIELD, done.inspection,
                                 reason="温度计读数记错").value
    refilled = open_draft(workspace.store, revision.draft)
    assert refilled.answers["temperature"] == Decimal("4.5")
    assert refilled.answers["licence_shown.note"] == "许可证过期"
    save_answers(workspace.store, revision.draft, {"temperature": Decimal("3.5")})
    corrected = finalize(workspace, revision.inspection, ["A"])
    assert corrected.content_hash != done.content_hash
    with workspace.store.read() as session:
        rows = {i.uuid: i for i in session.scalars(select(Inspection))}
        assert rows[done.inspection].content_hash == done.content_hash  # the old one stays
        assert rows[revision.inspection].revision_of_id == rows[done.inspection].id
        assert rows[revision.inspection].revision_reason == "温度计读数记错"


def test_the_task_list_shows_the_days_work_and_the_entitys_history(
        workspace: Workspace, tmp_path: Path) -> None:
    task = setup_task(workspace, tmp_path)
    [listed] = list_field_tasks(workspace.store, date(2026, 11, 30), staff_id="ZD002")
    assert (listed.uuid, listed.entity_name, listed.risk_class) == (task, "正定县某某副食店", "D")
    assert [m.staff_id for m in listed.team] == ["ZD001", "ZD002", "ZD003"]  # lead first
    assert not listed.overdue and listed.inspection_uuid is None
    assert list_field_tasks(workspace.store, date(2026, 11, 30), staff_id="ZD999") == ()
    assert list_field_tasks(workspace.store, date(2027, 1, 2))[0].overdue

    started = start(workspace, task)
    [under_way] = list_field_tasks(workspace.store, date(2026, 11, 30))
    assert (under_way.inspection_uuid, under_way.draft_uuid) == (started.inspection,
                                                                 started.draft)
    save_answers(workspace.store, started.draft, {
        "licence_shown": "符合", "storage": "符合", "temperature": Decimal(2)})
    done = finalize(workspace, started.inspection, ["1"])

    [completed] = list_field_tasks(workspace.store, date(2026, 12, 1))
    assert completed.status is TaskStatus.COMPLETED and not completed.overdue
    assert completed.past_inspections == 1
    [past] = entity_history(workspace.store, completed.entity_uuid)
    assert (past.uuid, past.result_codes, past.content_hash) == (
        done.inspection, ("1",), done.content_hash)


def test_an_inspections_draft_is_not_discarded_on_its_own(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    started = start(workspace, setup_task(workspace, tmp_path))
    with pytest.raises(DraftError, match="belongs to an inspection under way"):
        discard_draft(workspace.store, FIELD, started.draft)
    assert open_draft(workspace.store, started.draft).view.subject.startswith("inspection:")


def _photo_bytes(width: int = 1200, height: int = 900) -> bytes:
    buffer = io.BytesIO()
    picture = Image.new("RGB", (width, height), (200, 180, 120))
    ImageDraw.Draw(picture).rectangle((100, 100, 500, 400), fill=(30, 60, 90))
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def test_a_photo_is_stored_recorded_and_counted_on_its_item(workspace: Workspace,
                                                            tmp_path: Path) -> None:
    started = start(workspace, setup_task(workspace, tmp_path))
    source = tmp_path / "licence.jpg"
    source.write_bytes(_photo_bytes())

    first = attach_photo(workspace, FIELD, started.inspection, "licence_photo", source,
                         now=MORNING).value
    again = attach_photo(workspace, FIELD, started.inspection, "licence_photo", source,
                         now=MORNING).value

    assert first.original_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert again.already_there and again.photo == first.photo
    store = ContentStore(workspace.paths.files)
    assert store.path(first.original_sha256).read_bytes() == source.read_bytes()
    assert store.has(first.upload_sha256) and store.has(first.thumbnail_sha256)
    assert open_draft(workspace.store, started.draft).answers["licence_photo"] == (
        first.original_sha256,)
    with workspace.store.read() as session:
        [photo] = session.scalars(select(Photo)).all()
        assert (photo.upload_sha256, photo.width, photo.pending) == (
            first.upload_sha256, 1200, True)

    with pytest.raises(InspectionError, match="not a photo item"):
        attach_photo(workspace, FIELD, started.inspection, "storage", source)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(_photo_bytes()[:2000])  # cut short: refused, nothing kept
    with pytest.raises(PhotoRefusedError):
        attach_photo(workspace, FIELD, started.inspection, "licence_photo", broken)
    with workspace.store.read() as session:
        assert len(session.scalars(select(Photo)).all()) == 1
    assert open_draft(workspace.store, started.draft).answers["licence_photo"] == (
        first.original_sha256,)


def _answered(workspace: Workspace, tmp_path: Path) -> Any:
    started = start(workspace, setup_task(workspace, tmp_path))
    save_answers(workspace.store, started.draft, {
        "licence_shown": "符合", "storage": "符合", "temperature": Decimal(2)})
    return started


PARTY_REFUSED = SignatureGiven(SignerRole.PARTY, "", refusal_reason="负责人不在场，店员拒签")


@pytest.mark.parametrize(("changes", "zh"), [
    ({"follow_up": ()}, "请选择后续处置措施"),
    ({"follow_up": (FollowUp("none"), FollowUp("feedback"))},
     "“无需后续处置”不能与其他措施同时选择"),
    ({"follow_up": (FollowUp("rectify"),)},
     "“违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责”需要改正期限"),
    ({"follow_up": (FollowUp("rectify", date(2026, 11, 30)),)},
     "改正期限 2026-11-30 应晚于检查当日"),
    ({"follow_up": (FollowUp("notify", detail=" "),)},
     "“违反其他部门相关规定，抄告相关部门”需要写明接收的机构或部门"),
    ({"signatures": SIGNED[1:]}, "缺少被检查单位负责人签名（拒绝签名的，记录拒签理由）"),
    ({"signatures": (SignatureGiven(SignerRole.PARTY, ""), *SIGNED[1:])},
     "被检查单位负责人拒绝签名的，应记录拒签理由"),
    ({"signatures": (SignatureGiven(SignerRole.PARTY, "", image_png=signature_png()),
                     *SIGNED[1:])}, "请填写签名的被检查单位负责人姓名"),
    ({"signatures": SIGNED[:2]}, "检查人员 李四（ZD002） 尚未签名"),
    ({"signatures": (*SIGNED, SignatureGiven(SignerRole.INSPECTOR, "", staff_id="ZD003",
                                             image_png=signature_png()))},
     "王五（ZD003） 不在本次检查人员之列，不能作为检查人员签名"),
    ({"signatures": (SIGNED[0], SIGNED[1], SignatureGiven(
        SignerRole.INSPECTOR, "", staff_id="ZD002", refusal_reason="不签"))},
     "检查人员 李四（ZD002） 须签名"),
    ({"signatures": (SIGNED[0], SIGNED[1], SignatureGiven(
        SignerRole.INSPECTOR, "", staff_id="ZD002", image_png=b"\x89PNG broken"))},
     "李四（ZD002） 的签名图像无法读取"),
])
def test_a_finalize_without_its_measures_or_signatures_is_refused_and_nothing_changes(
        workspace: Workspace, tmp_path: Path, changes: dict[str, Any], zh: str) -> None:
    started = _answered(workspace, tmp_path)

    with pytest.raises(InspectionError) as refused:
        finalize(workspace, started.inspection, ["1"], **changes)

    assert refused.value.text.zh == zh
    with workspace.store.read() as session:
        assert session.scalars(select(Inspection.status)).one() is InspectionStatus.DRAFT
        assert session.scalars(select(Signature)).all() == []
    assert open_draft(workspace.store, started.draft).answers["storage"] == "符合"


def test_a_problem_to_follow_up_cannot_be_closed_with_no_follow_up(
        workspace: Workspace, tmp_path: Path) -> None:
    started = _answered(workspace, tmp_path)
    with pytest.raises(InspectionError, match="choose how it is handled"):
        finalize(workspace, started.inspection, ["B"], reason="公示信息未更新",
                 follow_up=(FollowUp("none"),))


def test_signatures_are_stored_hashed_into_the_record_and_never_change(
        workspace: Workspace, tmp_path: Path) -> None:
    started = _answered(workspace, tmp_path)
    signatures = (PARTY_REFUSED, *SIGNED[1:])
    done = finalize(workspace, started.inspection, ["1"], signatures=signatures)

    files = ContentStore(workspace.paths.files)
    with workspace.store.read() as session:
        rows = session.scalars(select(Signature).order_by(Signature.id)).all()
        assert [(r.role, r.staff_id, r.signer_name) for r in rows] == [
            ("party", "", ""), ("inspector", "ZD001", "张三"), ("inspector", "ZD002", "李四")]
        assert rows[0].image_sha256 is None
        assert rows[0].refusal_reason == "负责人不在场，店员拒签"
        for row, given in zip(rows[1:], SIGNED[1:], strict=True):
            assert row.image_sha256 == hashlib.sha256(given.image_png).hexdigest()
            assert files.path(row.image_sha256).read_bytes() == given.image_png
        assert session.scalars(select(Inspection.follow_up)).one() == [{"code": "none"}]
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "inspection.finalized")).one()
        assert json.loads(event.payload)["party_refused"] is True
    for statement in (update(Signature).values(refusal_reason="改过"), delete(Signature)):
        with pytest.raises(DatabaseError, match="signature cannot"), \
                workspace.store.write() as session:
            session.execute(statement)
    assert len(done.content_hash) == 64


def test_an_untyped_place_is_taken_from_the_first_photo_with_a_gps_position(
        workspace: Workspace, tmp_path: Path) -> None:
    started = start(workspace, setup_task(workspace, tmp_path), location=" ")
    plain, located = tmp_path / "plain.jpg", tmp_path / "located.jpg"
    plain.write_bytes(_photo_bytes())
    gps = {1: "N", 2: (IFDRational(38, 1), IFDRational(8, 1), IFDRational(456, 10)),
           3: "E", 4: (IFDRational(114, 1), IFDRational(34, 1), IFDRational(12, 1))}
    located.write_bytes(jpeg(Image.new("RGB", (800, 600), (50, 90, 40)), gps=gps))

    attach_photo(workspace, FIELD, started.inspection, "licence_photo", plain)
    with workspace.store.read() as session:
        assert session.scalars(select(Inspection.location)).one() == ""
    recorded = attach_photo(workspace, FIELD, started.inspection, "licence_photo",
                            located).value

    with workspace.store.read() as session:
        assert session.scalars(select(Inspection.location)).one() == \
            "38.1460000, 114.5700000（照片 GPS）"
        thumbnail = session.scalars(select(Photo.thumbnail_sha256).where(
            Photo.original_sha256 == recorded.original_sha256)).one()
    assert thumbnail == recorded.thumbnail_sha256
    assert ContentStore(workspace.paths.files).has(recorded.thumbnail_sha256)
