"""Signing a sample's 抽样单 on site: every sampler once, the sampled party or its recorded
refusal, once per sample; each portion's chain gets its "signed" event in the same
transaction; a refused signing writes nothing; the store refuses to change or delete a
stored sign-off; the migration adds and removes the table and its triggers."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from PIL import Image
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DatabaseError

from inspector.core.lifecycles import CustodyEventKind
from inspector.core.sample_codes import make_sample_code
from inspector.db.content_store import ContentStore
from inspector.db.migrate import alembic_config
from inspector.db.models import AuditEvent, CustodyEvent, SampleSignature
from inspector.services.audit_log import verify_audit_log
from inspector.services.changes import Topic
from inspector.services.sample_signatures import sample_signatures, sign_sample
from inspector.services.samples import (
    SampleError,
    TakenSample,
    portion_custody,
    record_custody,
    take_sample,
    verify_custody,
)
from inspector.services.signatures import (
    SignatureError,
    SignatureGiven,
    SignerRole,
    check_signatures,
)
from inspector.services.workspace import Workspace
from inspector.sync.catalogue import BY_NAME, KINDS
from inspector.sync.kinds import BlobRole
from tests.integration.test_inspections import FIELD, MORNING, signature_png
from tests.integration.test_samples import FORM, sampling

SIGNING = MORNING + timedelta(minutes=20)
PARTY = SignatureGiven(SignerRole.PARTY, "王老板", image_png=signature_png(1))
REFUSED = SignatureGiven(SignerRole.PARTY, "", refusal_reason="负责人不在场，店员拒签")
ZHANG = SignatureGiven(SignerRole.SAMPLER, "", staff_id="ZD001", image_png=signature_png(2))
LI = SignatureGiven(SignerRole.SAMPLER, "", staff_id="ZD002", image_png=signature_png(3))
SIGNED = (PARTY, ZHANG, LI)


def taken(workspace: Workspace, tmp_path: Path) -> TakenSample:
    started = sampling(workspace, tmp_path)
    return take_sample(workspace, FIELD, started.inspection, FORM, now=MORNING).value


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), "white").save(buffer, "JPEG")
    return buffer.getvalue()


def _kinds(workspace: Workspace, portion: str) -> list[CustodyEventKind]:
    return [entry.kind for entry in portion_custody(workspace, portion).entries]


def _counts(workspace: Workspace) -> tuple[int, int, int]:
    with workspace.store.read() as session:
        return (session.scalar(select(func.count()).select_from(SampleSignature)) or 0,
                session.scalar(select(func.count()).select_from(CustodyEvent)) or 0,
                session.scalar(select(func.count()).select_from(AuditEvent).where(
                    AuditEvent.action == "sample.signed")) or 0)


def test_a_signed_sample_stores_each_sign_off_and_signs_each_portions_chain(
        workspace: Workspace, tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)

    outcome = sign_sample(workspace, FIELD, sample.sample_code.lower(), (LI, PARTY, ZHANG),
                          now=SIGNING)

    signed = outcome.value
    assert Topic.SAMPLES in outcome.changes and signed.sample_code == sample.sample_code
    assert [(s.role, s.staff_id, s.signer_name) for s in signed.signatures] == [
        (SignerRole.PARTY, "", "王老板"), (SignerRole.SAMPLER, "ZD001", "张三"),
        (SignerRole.SAMPLER, "ZD002", "李四")]  # the party first, samplers in form order
    assert all(s.signed_at == SIGNING and not s.refusal_reason for s in signed.signatures)
    files = ContentStore(workspace.paths.files)
    for given, stored in zip((PARTY, ZHANG, LI), signed.signatures, strict=True):
        assert files.path(stored.image_sha256).read_bytes() == given.image_png
    assert [(e.portion_code, e.seq, e.kind) for e in signed.custody] == [
        (code, 3, CustodyEventKind.SIGNED) for code in sample.portions]
    assert signed.not_signed == ()
    for code in sample.portions:
        assert _kinds(workspace, code) == [CustodyEventKind.COLLECTED, CustodyEventKind.SEALED,
                                           CustodyEventKind.SIGNED]
        assert portion_custody(workspace, code).next_steps == (CustodyEventKind.HANDED_OVER,
                                                               CustodyEventKind.IN_TRANSIT)
    assert verify_custody(workspace) == ()
    assert sample_signatures(workspace, sample.sample_code) == signed.signatures
    with workspace.store.read() as session:
        payload = json.loads(session.scalars(select(AuditEvent.payload).where(
            AuditEvent.action == "sample.signed")).one())
    assert payload["sample_code"] == sample.sample_code
    assert payload["portions"] == list(sample.portions)
    assert [s["staff_id"] for s in payload["signatures"]] == ["", "ZD001", "ZD002"]
    assert verify_audit_log(workspace.store).intact


def test_the_party_may_refuse_with_its_reason_recorded(workspace: Workspace,
                                                       tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)

    signed = sign_sample(workspace, FIELD, sample.sample_code, (REFUSED, ZHANG, LI),
                         now=SIGNING).value

    party = signed.signatures[0]
    assert (party.role, party.image_sha256, party.refusal_reason) == (
        SignerRole.PARTY, "", "负责人不在场，店员拒签")
    with workspace.store.read() as session:
        row = session.scalars(select(SampleSignature).where(
            SampleSignature.role == "party")).one()
        assert row.image_sha256 is None and row.refusal_reason == "负责人不在场，店员拒签"


def _without(*removed: SignatureGiven) -> tuple[SignatureGiven, ...]:
    return tuple(s for s in SIGNED if s not in removed)


STRANGER = SignatureGiven(SignerRole.SAMPLER, "", staff_id="ZD003", image_png=signature_png(4))
REFUSALS: Sequence[tuple[str, tuple[SignatureGiven, ...], str]] = (
    ("missing sampler", _without(LI), "抽样人 李四（ZD002） 尚未签名"),
    ("stranger as sampler", (*SIGNED, STRANGER),
     "王五（ZD003） 不是本样品的抽样人，不能作为抽样人签名"),
    ("sampler twice", (*SIGNED, replace(ZHANG, image_png=signature_png(5))),
     "抽样人 张三（ZD001） 重复签名"),
    ("sampler without image", (PARTY, ZHANG, replace(LI, image_png=b"", refusal_reason="不签")),
     "抽样人 李四（ZD002） 须亲笔签名，不能拒签或代签"),
    ("party refuses without reason", (replace(REFUSED, refusal_reason=" "), ZHANG, LI),
     "被抽样单位拒绝签名的，应记录拒签理由"),
    ("party missing", _without(PARTY), "缺少被抽样单位签名（拒绝签名的，记录拒签理由）"),
    ("party twice", (*SIGNED, REFUSED), "被抽样单位只签一次"),
    ("party signs without a name", (replace(PARTY, signer_name=""), ZHANG, LI),
     "请填写签名的被抽样单位负责人（经办人）姓名"),
    ("a JPEG for a PNG", (PARTY, ZHANG, replace(LI, image_png=_jpeg())),
     "李四（ZD002） 的签名图像不是 PNG"),
    ("a PNG that does not decode", (PARTY, replace(ZHANG, image_png=b"\x89PNG\r\n\x1a\nbroken"),
                                    LI), "张三（ZD001） 的签名图像无法读取"),
    ("an inspector's role", (*SIGNED, replace(ZHANG, role=SignerRole.INSPECTOR)),
     "抽样单没有检查人员签名栏：抽样人以抽样人身份签名"),
)


@pytest.mark.parametrize(("given", "zh"), [pytest.param(given, zh, id=name)
                                           for name, given, zh in REFUSALS])
def test_a_signing_that_breaks_a_rule_is_refused_and_writes_nothing(
        workspace: Workspace, tmp_path: Path, given: tuple[SignatureGiven, ...],
        zh: str) -> None:
    sample = taken(workspace, tmp_path)
    before = _counts(workspace)

    with pytest.raises(SampleError) as refused:
        sign_sample(workspace, FIELD, sample.sample_code, given, now=SIGNING)

    assert refused.value.text.zh == zh
    assert refused.value.text.en and refused.value.text.en != zh
    assert _counts(workspace) == before
    assert _kinds(workspace, sample.portions[0]) == [CustodyEventKind.COLLECTED,
                                                     CustodyEventKind.SEALED]


def test_a_sample_is_signed_only_once(workspace: Workspace, tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)
    sign_sample(workspace, FIELD, sample.sample_code, SIGNED, now=SIGNING)
    before = _counts(workspace)

    with pytest.raises(SampleError) as refused:
        sign_sample(workspace, FIELD, sample.sample_code, (REFUSED, ZHANG, LI),
                    now=SIGNING + timedelta(minutes=5))

    assert "已经签字，不能再次签字" in refused.value.text.zh
    assert "signed already" in refused.value.text.en
    assert _counts(workspace) == before


def test_a_portion_signed_already_at_the_scan_station_is_left_alone(
        workspace: Workspace, tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)
    test_portion, backup = sample.portions
    record_custody(workspace, FIELD, test_portion, CustodyEventKind.SIGNED,
                   now=MORNING + timedelta(minutes=10))

    signed = sign_sample(workspace, FIELD, sample.sample_code, SIGNED, now=SIGNING).value

    assert [e.portion_code for e in signed.custody] == [backup]
    assert signed.not_signed == (test_portion,)
    assert _kinds(workspace, test_portion).count(CustodyEventKind.SIGNED) == 1
    assert verify_custody(workspace) == ()


def test_a_signing_dated_before_the_sealing_is_refused_whole(
        workspace: Workspace, tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)
    before = _counts(workspace)

    with pytest.raises(SampleError, match="happened before event 2"):
        sign_sample(workspace, FIELD, sample.sample_code, SIGNED,
                    now=MORNING - timedelta(minutes=1))

    assert _counts(workspace) == before  # neither the sign-offs nor any event


def test_an_unknown_or_misread_sample_code_is_refused(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)
    misread = sample.sample_code[:-1] + ("Y" if sample.sample_code.endswith("X") else "X")
    unknown = str(make_sample_code("130123", 2026, "0A3", 99))
    for code, zh in ((misread, "校验位不符"), (unknown, f"本机没有样品 {unknown}")):
        with pytest.raises(SampleError) as refused:
            sign_sample(workspace, FIELD, code, SIGNED, now=SIGNING)
        assert zh in refused.value.text.zh
    assert _counts(workspace)[0] == 0


def test_the_store_refuses_to_change_or_delete_a_sign_off(workspace: Workspace,
                                                          tmp_path: Path) -> None:
    sample = taken(workspace, tmp_path)
    sign_sample(workspace, FIELD, sample.sample_code, SIGNED, now=SIGNING)

    for statement in (update(SampleSignature).values(signer_name="别人"),
                      update(SampleSignature).values(refusal_reason="改过"),
                      update(SampleSignature).values(image_sha256=None),
                      delete(SampleSignature)):
        with pytest.raises(DatabaseError, match="sample signature cannot"), \
                workspace.store.write() as session:
            session.execute(statement)
    with workspace.store.write() as session:  # sync bookkeeping still may
        session.execute(update(SampleSignature).values(pending=False))
    assert _counts(workspace)[0] == 3


def _triggers(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as connection:
        return {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
            ("sample_signature",))}


def test_the_migration_adds_and_removes_the_table_and_its_triggers(
        workspace: Workspace) -> None:
    database = workspace.paths.database
    assert _triggers(database) == {"sample_signature_immutable", "sample_signature_undeletable"}
    config = alembic_config()
    with workspace.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert _triggers(database) == set()
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = "
                                  "'sample_signature'").fetchone() == (0,)
    with workspace.store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0008")
    assert _triggers(database) == {"sample_signature_immutable", "sample_signature_undeletable"}


def test_sign_offs_sync_after_their_sample_with_their_image_as_a_signature_blob() -> None:
    names = [kind.name for kind in KINDS]
    assert names.index("sample_portion") < names.index("sample_signature") \
        < names.index("custody_event")
    kind: Any = BY_NAME["sample_signature"]
    assert kind.feed == "fieldwork" and kind.upstream
    assert [r.column for r in kind.references.values()] == ["sample_id"]
    assert [(b.column, b.role) for b in kind.blobs] == [("image_sha256", BlobRole.SIGNATURE)]


def test_an_inspection_record_refuses_a_samplers_signature() -> None:
    given = (PARTY, *(replace(s, role=SignerRole.INSPECTOR) for s in (ZHANG, LI)), ZHANG)
    with pytest.raises(SignatureError) as refused:
        check_signatures(given, ["ZD001", "ZD002"], {"ZD001": "张三", "ZD002": "李四"})
    assert refused.value.text.zh == "检查记录没有抽样人签名栏"
    assert len(check_signatures(given[:3], ["ZD001", "ZD002"], {})) == 3
