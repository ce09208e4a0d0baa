"""The printed record of a finalized inspection, case-clue referrals with their deadlines,
and the evidence package — checked from the outside: poppler reads the PDF, and the
package is verified with zipfile and hashlib alone, not with the code that wrote it."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from inspector.core.follow_up import FollowUp
from inspector.core.roles import Actor, Role
from inspector.db.content_store import ContentStore
from inspector.db.models import AuditEvent, Referral
from inspector.media import AnnotationError, AnnotationLayer, Arrow, Circle, TextLabel
from inspector.services.checklist_drafts import save_answers
from inspector.services.inspection_record import (
    record_document,
    record_file_name,
    write_record_pdf,
)
from inspector.services.inspections import InspectionError
from inspector.services.photo_annotations import annotation_source, save_annotations
from inspector.services.photos import attach_photo
from inspector.services.referral_package import (
    PackageError,
    build_referral_package,
    verify_referral_package,
)
from inspector.services.referrals import (
    Goods,
    RecipientKind,
    ReferralError,
    ReferralStatus,
    create_referral,
    decide_referral,
    list_referrals,
    mark_transferred,
)
from inspector.services.signatures import SignatureGiven, SignerRole
from inspector.services.workspace import Workspace
from tests.integration.test_inspections import (
    FIELD,
    MORNING,
    SIGNED,
    _photo_bytes,
    finalize,
    setup_task,
    start,
)

LEAD = Actor("赵组长", Role.TEAM_LEAD)
PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils is not installed "
                                   "(the README's test command installs it)")


def finalized_with_photos(workspace: Workspace, tmp_path: Path) -> tuple[Any, list[str]]:
    """An inspection with two licence photos and a problem (licence expired), finalized
    with the party refusing to sign."""
    started = start(workspace, setup_task(workspace, tmp_path))
    shas = []
    for n, size in enumerate(((1200, 900), (900, 1200))):
        source = tmp_path / f"licence-{n}.jpg"
        source.write_bytes(_photo_bytes(*size))
        shas.append(attach_photo(workspace, FIELD, started.inspection, "licence_photo",
                                 source, now=MORNING).value.original_sha256)
    save_answers(workspace.store, started.draft, {
        "licence_shown": "不符合", "licence_shown.note": "许可证已过期仍在经营",
        "licence_problem": "expired", "storage": "不符合", "expired_count": Decimal(3),
        "temperature": Decimal("4.5")})
    refused = SignatureGiven(SignerRole.PARTY, "", refusal_reason="店主称需请示老板")
    done = finalize(workspace, started.inspection, ["A"],
                    follow_up=(FollowUp("rectify", MORNING.date() + timedelta(days=10)),
                               FollowUp("refer", detail="正定县市场监管综合执法大队")),
                    signatures=(refused, *SIGNED[1:]))
    return done, shas


def _pdf_text(path: Path) -> str:
    assert PDFTOTEXT is not None
    return subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@needs_poppler
def test_the_record_pdf_names_the_inspectors_answers_evidence_and_signatures(
        workspace: Workspace, tmp_path: Path) -> None:
    done, shas = finalized_with_photos(workspace, tmp_path)

    document = record_document(workspace, done.inspection)
    assert [p.number for p in document.photos] == [1, 2]
    assert [p.sha256 for p in document.photos] == shas
    assert all(p.thumbnail_jpeg.startswith(b"\xff\xd8") for p in document.photos)
    licence = next(a for a in document.answers if a.label.startswith("食品经营许可证"))
    assert (licence.answer, licence.problem, licence.key_item) == ("不符合", True, True)
    assert document.follow_up[1] == ("发现案件线索，初步固定相关证据后移送办案机构依法依规处理"
                                     "（正定县市场监管综合执法大队）")
    name = record_file_name("正定县某某副食店 (个体)", done.content_hash)
    assert name == f"现场检查笔录-正定县某某副食店_(个体)-{done.content_hash[:12]}.pdf"
    path = write_record_pdf(workspace, done.inspection, tmp_path / "out" / name)

    text = "\n".join(line.strip() for line in _pdf_text(path).splitlines())
    for expected in ("现场检查笔录", "正定县某某副食店", "92130123MA0ABCDE1X", "张三", "李四",
                     "130100", "130101", "许可证已过期仍在经营", "店主称需请示老板",
                     "改正期限", done.content_hash, *shas):
        assert expected in text, expected
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts and all(row.split()[-5] == "yes" for row in fonts)  # emb column


def test_a_record_is_printed_only_once_finalized(workspace: Workspace, tmp_path: Path) -> None:
    started = start(workspace, setup_task(workspace, tmp_path))
    with pytest.raises(InspectionError, match="not finalized"):
        record_document(workspace, started.inspection)


def test_a_referral_runs_its_deadlines_on_the_team_leads_board(workspace: Workspace,
                                                                tmp_path: Path) -> None:
    done, _shas = finalized_with_photos(workspace, tmp_path)

    with pytest.raises(ReferralError, match="row 2: the quantity 'x' must be a positive"):
        create_referral(workspace.store, FIELD, done.inspection,
                        recipient_kind=RecipientKind.CASE_OFFICE, recipient="执法大队",
                        item_keys=["licence_shown"], summary="无证经营",
                        goods=[Goods("散装白酒", "2", "桶"), Goods("预包装饼干", "x", "箱")])
    with pytest.raises(ReferralError, match="no finding for: nope"):
        create_referral(workspace.store, FIELD, done.inspection,
                        recipient_kind=RecipientKind.CASE_OFFICE, recipient="执法大队",
                        item_keys=["nope"], summary="无证经营")
    referral = create_referral(
        workspace.store, FIELD, done.inspection, recipient_kind=RecipientKind.POLICE,
        recipient="正定县公安局", item_keys=["licence_shown"], summary="涉嫌销售假冒注册商标的商品",
        goods=[Goods("散装白酒", "2", "桶", kept_at="执法大队物证室")], now=MORNING).value
    assert referral.status is ReferralStatus.AWAITING_DECISION
    assert referral.decision_due == MORNING + timedelta(days=3)
    [listed] = list_referrals(workspace.store, now=MORNING + timedelta(days=4))
    assert listed.overdue(MORNING + timedelta(days=4)) and not listed.overdue(MORNING)

    with pytest.raises(ReferralError, match="only a team lead or administrator"):
        decide_referral(workspace.store, FIELD, referral.uuid, approve=True)
    with pytest.raises(ReferralError, match="needs its reasons"):
        decide_referral(workspace.store, LEAD, referral.uuid, approve=False)
    with pytest.raises(ReferralError, match="only an approved referral"):
        mark_transferred(workspace.store, LEAD, referral.uuid)
    approved = decide_referral(workspace.store, LEAD, referral.uuid, approve=True,
                               now=MORNING + timedelta(days=1)).value
    assert approved.transfer_due == MORNING + timedelta(days=1, hours=24)
    assert approved.due == approved.transfer_due
    moved = mark_transferred(workspace.store, LEAD, referral.uuid,
                             now=MORNING + timedelta(days=1, hours=5)).value
    assert moved.status is ReferralStatus.TRANSFERRED and moved.due is None
    with workspace.store.read() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_id == referral.uuid).order_by(AuditEvent.seq)))
        assert actions == ["referral.created", "referral.decided", "referral.transferred"]


def test_the_evidence_package_holds_the_record_originals_and_a_manifest_that_verifies(
        workspace: Workspace, tmp_path: Path) -> None:
    done, shas = finalized_with_photos(workspace, tmp_path)
    referral = create_referral(
        workspace.store, FIELD, done.inspection, recipient_kind=RecipientKind.CASE_OFFICE,
        recipient="正定县市场监管综合执法大队", item_keys=["licence_shown"],
        summary="无证经营", goods=[Goods("散装白酒", "2", "桶", batch="20261101")]).value

    built = build_referral_package(workspace, LEAD, referral.uuid, tmp_path / "out").value

    # Verified here with zipfile and hashlib only.
    assert built.sha256 == hashlib.sha256(built.path.read_bytes()).hexdigest()
    sidecar = built.path.with_name(built.path.name + ".sha256").read_text()
    assert sidecar == f"{built.sha256}  {built.path.name}\n"
    with zipfile.ZipFile(built.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist()) - {"manifest.json"}
        assert names == {entry["path"] for entry in manifest["files"]}
        for entry in manifest["files"]:
            data = archive.read(entry["path"])
            assert (hashlib.sha256(data).hexdigest(), len(data)) == (entry["sha256"],
                                                                      entry["size"])
        originals = sorted(n for n in names if n.startswith("照片原件/"))
        assert [hashlib.sha256(archive.read(n)).hexdigest() for n in originals] == shas
        goods = list(csv.reader(io.StringIO(archive.read("涉案物品清单.csv").decode("utf-8-sig"))))
        assert goods[0][:2] == ["序号", "物品名称"] and goods[1][1] == "散装白酒"
        assert archive.read("现场检查笔录.pdf").startswith(b"%PDF")
        assert manifest["record_sha256"] == done.content_hash
    assert verify_referral_package(built.path) == []
    with workspace.store.read() as session:
        assert session.scalars(select(Referral.package_sha256)).one() == built.sha256

    # A package changed after the fact is caught.
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(built.path) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info.filename, data + b"x" if info.filename == originals[0]
                            else data)
    assert verify_referral_package(tampered) == [f"altered: {originals[0]}"]


def test_a_package_is_refused_when_an_original_is_missing(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    done, shas = finalized_with_photos(workspace, tmp_path)
    referral = create_referral(workspace.store, FIELD, done.inspection,
                               recipient_kind=RecipientKind.DEPARTMENT, recipient="县卫健局",
                               item_keys=["storage"], summary="抄告").value
    ContentStore(workspace.paths.files).path(shas[1]).unlink()

    with pytest.raises(PackageError, match="the original of photo 2"):
        build_referral_package(workspace, LEAD, referral.uuid, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_annotations_are_a_separate_layer_in_the_record_and_the_package(
        workspace: Workspace, tmp_path: Path) -> None:
    started = start(workspace, setup_task(workspace, tmp_path))
    source = tmp_path / "licence.jpg"
    source.write_bytes(_photo_bytes())
    sha = attach_photo(workspace, FIELD, started.inspection, "licence_photo", source,
                       now=MORNING).value.original_sha256
    original = ContentStore(workspace.paths.files).path(sha).read_bytes()
    layer = AnnotationLayer((Arrow((100, 100), (400, 300)), Circle((600, 450), 80),
                             TextLabel((50, 700), "许可证已过期")))

    with pytest.raises(AnnotationError):
        save_annotations(workspace, FIELD, sha, AnnotationLayer((Circle((5000, 10), 5),)))
    source_view = annotation_source(workspace, sha)
    assert (source_view.width, source_view.height) == (1200, 900)
    assert source_view.layer == AnnotationLayer()
    saved = save_annotations(workspace, FIELD, sha, layer).value
    again = save_annotations(workspace, FIELD, sha, layer).value
    assert again.unchanged and again.layer_sha256 == saved.layer_sha256
    assert annotation_source(workspace, sha).layer == layer
    files = ContentStore(workspace.paths.files)
    assert files.path(sha).read_bytes() == original  # the original never changes
    assert hashlib.sha256(original).hexdigest() == sha
    assert files.has(saved.rendered_sha256)

    save_answers(workspace.store, started.draft, {
        "licence_shown": "不符合", "licence_problem": "expired", "licence_photo": (sha,),
        "storage": "符合", "temperature": Decimal(2)})
    done = finalize(workspace, started.inspection, ["A"])
    with pytest.raises(InspectionError, match="finalized"):
        save_annotations(workspace, FIELD, sha, AnnotationLayer())
    [photo] = record_document(workspace, done.inspection).photos
    assert photo.annotations == 3

    referral = create_referral(workspace.store, FIELD, done.inspection,
                               recipient_kind=RecipientKind.CASE_OFFICE, recipient="执法大队",
                               item_keys=["licence_shown"], summary="无证经营").value
    built = build_referral_package(workspace, LEAD, referral.uuid, tmp_path / "out").value
    assert verify_referral_package(built.path) == []
    with zipfile.ZipFile(built.path) as archive:
        names = set(archive.namelist())
        stem = f"照片标注/01-{sha[:12]}"
        assert {f"{stem}.annotations.json", f"{stem}-标注.jpg", f"照片原件/01-{sha[:12]}.jpg"} \
            <= names
        assert AnnotationLayer.from_json(
            archive.read(f"{stem}.annotations.json").decode("utf-8")) == layer
        assert archive.read(f"照片原件/01-{sha[:12]}.jpg") == original
